#include "headerencoder.h"

#include <QByteArrayList>
#include <QList>

namespace {

constexpr int kMaxLine = 78;
constexpr int kMaxEncodedWord = 75;

bool isAscii(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() >= 0x80)
            return false;
    }
    return true;
}

// Q encoding (RFC 2047 section 4.2) of one character's UTF-8 bytes.
QByteArray qEncode(const QByteArray &utf8)
{
    QByteArray out;
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte == ' ')
            out += '_';
        else if ((byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                 (byte >= '0' && byte <= '9') || byte == '!' || byte == '*' || byte == '+' || byte == '-' ||
                 byte == '/')
            out += c;
        else
            out += '=' + QByteArray::number(byte, 16).toUpper().rightJustified(2, '0');
    }
    return out;
}

// The text split into whole characters (surrogate pairs and combining sequences kept together).
QList<QByteArray> characters(const QString &text)
{
    QList<QByteArray> out;
    for (qsizetype i = 0; i < text.size();) {
        qsizetype length = text.at(i).isHighSurrogate() && i + 1 < text.size() ? 2 : 1;
        // Keep combining marks and variation selectors with their base, so no word starts with one.
        while (i + length < text.size()) {
            const QChar next = text.at(i + length);
            const bool joins = next.isMark() || next.unicode() == 0x200D ||
                               (next.unicode() >= 0xFE00 && next.unicode() <= 0xFE0F) ||
                               (next.isHighSurrogate() && i + length + 1 < text.size() &&
                                QChar::category(QChar::surrogateToUcs4(next, text.at(i + length + 1))) ==
                                    QChar::Mark_Enclosing);
            if (!joins)
                break;
            length += next.isHighSurrogate() ? 2 : 1;
        }
        out.append(text.mid(i, length).toUtf8());
        i += length;
    }
    return out;
}

// Folds a sequence of words (already free of CR/LF) into lines of at most kMaxLine octets, breaking only
// at the spaces between words.
QByteArray foldWords(const QByteArray &prefix, const QByteArrayList &words)
{
    QByteArray out = prefix;
    qsizetype lineLength = prefix.size();
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QByteArray &word = words.at(i);
        if (i == 0) {
            out += word;
            lineLength += word.size();
            continue;
        }
        if (lineLength + 1 + word.size() > kMaxLine && lineLength > 1) {
            out += "\r\n ";
            lineLength = 1;
        } else {
            out += ' ';
            ++lineLength;
        }
        out += word;
        lineLength += word.size();
    }
    return out;
}

} // namespace

bool HeaderEncoder::hasForbiddenCharacters(const QString &value)
{
    return value.contains(u'\r') || value.contains(u'\n') || value.contains(QChar(0));
}

QString HeaderEncoder::withoutForbiddenCharacters(QString value)
{
    return value.replace(u'\r', u' ').replace(u'\n', u' ').replace(QChar(0), u' ');
}

QByteArray HeaderEncoder::encodedWords(const QString &text, int firstLineUsed)
{
    const QList<QByteArray> chars = characters(text);
    // Try both encodings and keep the shorter (Q for mostly-Latin text, B for CJK and emoji).
    auto build = [&](bool useB) {
        QByteArrayList words;
        QByteArray pending;
        auto encoded = [&](const QByteArray &bytes) { return useB ? bytes.toBase64() : qEncode(bytes); };
        const QByteArray prefix = useB ? "=?UTF-8?B?" : "=?UTF-8?Q?";
        int budget = std::max(kMaxEncodedWord, 0);
        // The first word shares its line with the header name.
        int firstBudget = std::min(kMaxEncodedWord, kMaxLine - firstLineUsed - 1);
        if (firstBudget < 20)
            firstBudget = 0; // not worth it: start on a continuation line
        bool first = true;
        for (const QByteArray &c : chars) {
            const int limit = first && firstBudget > 0 ? firstBudget : budget;
            if (!pending.isEmpty() && prefix.size() + encoded(pending + c).size() + 2 > limit) {
                words << prefix + encoded(pending) + "?=";
                pending.clear();
                first = false;
            }
            pending += c;
        }
        if (!pending.isEmpty() || words.isEmpty())
            words << prefix + encoded(pending) + "?=";
        return words;
    };
    const QByteArrayList b = build(true);
    const QByteArrayList q = build(false);
    const QByteArrayList &chosen = q.join().size() < b.join().size() ? q : b;
    QByteArray out;
    for (qsizetype i = 0; i < chosen.size(); ++i) {
        if (i > 0)
            out += "\r\n ";
        out += chosen.at(i);
    }
    return out;
}

QByteArray HeaderEncoder::unstructured(const QByteArray &name, const QString &value, bool smtpUtf8)
{
    const QByteArray prefix = name + ": ";
    if (value.isEmpty())
        return prefix.chopped(1);
    // Plain ASCII (or raw UTF-8 under SMTPUTF8) that does not look like an encoded-word: fold at spaces.
    if ((isAscii(value) || smtpUtf8) && !value.contains(QStringLiteral("=?"))) {
        const QByteArrayList words = value.toUtf8().split(' ');
        const bool fits =
            std::all_of(words.begin(), words.end(), [](const QByteArray &w) { return w.size() < 900; });
        if (fits)
            return foldWords(prefix, words);
        // A word longer than a line may be (RFC 5322's 998 octets) can only travel encoded.
    }
    // Encode the whole value: mixing encoded and plain words loses the spaces between them on decoding
    // in some readers, and an all-encoded value always round-trips exactly.
    const QByteArray words = encodedWords(value, static_cast<int>(prefix.size()));
    if (words.startsWith("=?") && prefix.size() + words.indexOf("\r\n") <= kMaxLine)
        return prefix + words;
    return prefix.chopped(1) + "\r\n " + words;
}

QByteArray HeaderEncoder::phrase(const QString &value, bool smtpUtf8)
{
    if (value.isEmpty())
        return {};
    if (isAscii(value) || smtpUtf8) {
        static const QString specials = QStringLiteral("()<>[]:;@\\,.\"");
        bool needsQuoting =
            value.startsWith(u' ') || value.endsWith(u' ') || value.contains(QStringLiteral("  "));
        for (const QChar c : value)
            needsQuoting = needsQuoting || specials.contains(c);
        if (!needsQuoting && !value.contains(QStringLiteral("=?"))) {
            const QByteArrayList words = value.toUtf8().split(' ');
            if (std::all_of(words.begin(), words.end(), [](const QByteArray &w) { return w.size() < 900; }))
                return foldWords({}, words);
        } else {
            QByteArray quoted = value.toUtf8();
            quoted.replace('\\', "\\\\").replace('"', "\\\"");
            if (quoted.size() < 900)
                return '"' + quoted + '"';
        }
        // Longer than a header line may be (RFC 5322: 998 octets) as one word or quoted string: only
        // encoded-words can be folded anywhere.
    }
    return encodedWords(value, 0);
}

QByteArray HeaderEncoder::parameter(const QByteArray &name, const QString &value)
{
    const bool plain = isAscii(value) && !value.contains(u'"') && !value.contains(u'\\') && value.size() < 60;
    if (plain)
        return ";\r\n " + name + "=\"" + value.toUtf8() + '"';
    // RFC 2231: charset'language'percent-encoded, in sections of at most ~60 octets each.
    QByteArrayList sections;
    QByteArray current = "utf-8''";
    for (const QByteArray &c : characters(value)) {
        QByteArray encodedChar;
        for (const char byte : c) {
            const auto b = static_cast<unsigned char>(byte);
            const bool safe = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') ||
                              b == '.' || b == '-' || b == '_';
            encodedChar +=
                safe ? QByteArray(1, byte) : '%' + QByteArray::number(b, 16).toUpper().rightJustified(2, '0');
        }
        if (current.size() + encodedChar.size() > 60) {
            sections << current;
            current.clear();
        }
        current += encodedChar;
    }
    sections << current;
    QByteArray out;
    if (sections.size() == 1)
        return ";\r\n " + name + "*=" + sections.first();
    for (qsizetype i = 0; i < sections.size(); ++i)
        out += ";\r\n " + name + '*' + QByteArray::number(i) + "*=" + sections.at(i);
    return out;
}
