#include "headerdecoder.h"

#include <QRegularExpression>
#include <QStringDecoder>

#include <optional>

namespace {

QByteArray decodeQ(const QByteArray &text)
{
    QByteArray out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (c == '_') {
            out += ' ';
        } else if (c == '=' && i + 2 < text.size()) {
            bool ok = false;
            const int byte = text.mid(i + 1, 2).toInt(&ok, 16);
            if (ok) {
                out += static_cast<char>(byte);
                i += 2;
            } else {
                out += c;
            }
        } else {
            out += c;
        }
    }
    return out;
}

// One encoded-word's bytes in its charset, or nullopt when the charset or encoding is unknown.
std::optional<QString> decodeWord(const QByteArray &charset, char encoding, const QByteArray &text)
{
    QByteArray bytes;
    if (encoding == 'B' || encoding == 'b') {
        const auto decoded = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return std::nullopt;
        bytes = *decoded;
    } else {
        bytes = decodeQ(text);
    }
    // RFC 2231 section 5 allows a language suffix: charset*language.
    const QByteArray name = charset.split('*').value(0);
    QStringDecoder decoder(name.constData());
    if (!decoder.isValid())
        return std::nullopt;
    QString result = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return result;
}

} // namespace

QString HeaderDecoder::decode(const QByteArray &value)
{
    static const QRegularExpression word(QStringLiteral("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?="));
    const QString text = QString::fromUtf8(value);
    QString out;
    qsizetype position = 0;
    bool previousWasWord = false;
    QRegularExpressionMatchIterator it = word.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const QString between = text.mid(position, match.capturedStart() - position);
        const std::optional<QString> decoded = decodeWord(
            match.captured(1).toLatin1(), match.captured(2).at(0).toLatin1(), match.captured(3).toLatin1());
        // RFC 2047 section 6.2: white space between adjacent encoded-words is not shown.
        if (!(previousWasWord && decoded && between.trimmed().isEmpty()))
            out += between;
        out += decoded ? *decoded : match.captured(0);
        previousWasWord = decoded.has_value();
        position = match.capturedEnd();
    }
    out += text.mid(position);
    return out;
}

QList<HeaderDecoder::Field> HeaderDecoder::fields(const QByteArray &raw, int maxFields)
{
    QList<Field> result;
    QByteArray name;
    QByteArray value;
    auto flush = [&] {
        if (!name.isEmpty())
            result.append({name, decode(value.trimmed())});
        name.clear();
        value.clear();
    };
    qsizetype start = 0;
    while (start < raw.size() && result.size() < maxFields) {
        qsizetype end = raw.indexOf('\n', start);
        if (end < 0)
            end = raw.size();
        QByteArray line = raw.mid(start, end - start);
        start = end + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            break; // end of the header section
        if ((line.startsWith(' ') || line.startsWith('\t')) && !name.isEmpty()) {
            value += line; // unfold: the line break goes, the white space stays
            continue;
        }
        flush();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue; // not a header field; skipped rather than guessed at
        name = line.left(colon).trimmed();
        value = line.mid(colon + 1);
    }
    if (result.size() < maxFields)
        flush();
    return result;
}

QString HeaderDecoder::value(const QList<Field> &fields, const QByteArray &name)
{
    for (const Field &field : fields) {
        if (field.first.compare(name, Qt::CaseInsensitive) == 0)
            return field.second;
    }
    return {};
}
