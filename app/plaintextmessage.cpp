#include "plaintextmessage.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRandomGenerator>

namespace {

bool hasLineBreak(const QString &value)
{
    return value.contains(u'\r') || value.contains(u'\n') || value.contains(QChar(0));
}

bool isPlainAscii(const QString &value)
{
    for (const QChar c : value) {
        if (c.unicode() >= 0x80)
            return false;
    }
    return true;
}

QByteArray rfc5322Date(const QDateTime &date)
{
    // RFC 5322 section 3.3 wants English day and month names whatever the user's locale.
    const QLocale c = QLocale::c();
    const int offsetMinutes = date.offsetFromUtc() / 60;
    const QString zone = QStringLiteral("%1%2%3")
                             .arg(offsetMinutes < 0 ? QLatin1Char('-') : QLatin1Char('+'))
                             .arg(std::abs(offsetMinutes) / 60, 2, 10, QLatin1Char('0'))
                             .arg(std::abs(offsetMinutes) % 60, 2, 10, QLatin1Char('0'));
    return (c.toString(date, QStringLiteral("ddd, d MMM yyyy HH:mm:ss ")) + zone).toLatin1();
}

} // namespace

QByteArray PlainTextMessage::encodeHeaderValue(const QString &value, int headerNameLength)
{
    if (isPlainAscii(value) && !value.contains(QStringLiteral("=?")))
        return value.toUtf8();
    // "=?UTF-8?B?" + base64 + "?=" is 12 octets of overhead; 75 octets per encoded-word (RFC 2047 s. 2).
    constexpr int maxWord = 75;
    constexpr int overhead = 12;
    QByteArray out;
    QByteArray pending;
    int firstLineBudget = maxWord - headerNameLength - 2;
    auto flush = [&] {
        if (pending.isEmpty())
            return;
        if (!out.isEmpty())
            out += "\r\n ";
        out += "=?UTF-8?B?" + pending.toBase64() + "?=";
        pending.clear();
        firstLineBudget = maxWord;
    };
    // Walk by code point so that no encoded-word splits a UTF-8 sequence (or a surrogate pair).
    for (qsizetype i = 0; i < value.size();) {
        const qsizetype length = value.at(i).isHighSurrogate() && i + 1 < value.size() ? 2 : 1;
        const QByteArray character = value.mid(i, length).toUtf8();
        const qsizetype encodedSize = ((pending.size() + character.size() + 2) / 3) * 4;
        if (encodedSize + overhead > std::min(maxWord, std::max(firstLineBudget, 24)))
            flush();
        pending += character;
        i += length;
    }
    flush();
    return out;
}

QByteArray PlainTextMessage::quotedPrintable(const QByteArray &utf8)
{
    // RFC 2045 section 6.7, with CRLF line breaks kept as hard breaks.
    QByteArray out;
    out.reserve(utf8.size() * 3 / 2);
    int lineLength = 0;
    auto put = [&](const QByteArray &token) {
        if (lineLength + token.size() > 75) {
            out += "=\r\n";
            lineLength = 0;
        }
        out += token;
        lineLength += static_cast<int>(token.size());
    };
    const QList<QByteArray> lines = QByteArray(utf8).replace("\r\n", "\n").split('\n');
    for (qsizetype l = 0; l < lines.size(); ++l) {
        const QByteArray &line = lines.at(l);
        for (qsizetype i = 0; i < line.size(); ++i) {
            const auto byte = static_cast<unsigned char>(line.at(i));
            const bool trailingSpace = (byte == ' ' || byte == '\t') && i == line.size() - 1;
            // Encoding a leading '.' avoids relying on the transport's dot-stuffing; '=' always.
            const bool mustEncode = byte == '=' || byte >= 0x7f || (byte < 32 && byte != '\t') ||
                                    trailingSpace || (byte == '.' && lineLength == 0);
            if (mustEncode)
                put('=' + QByteArray::number(byte, 16).toUpper().rightJustified(2, '0'));
            else
                put(QByteArray(1, static_cast<char>(byte)));
        }
        if (l + 1 < lines.size()) {
            out += "\r\n";
            lineLength = 0;
        }
    }
    return out;
}

QByteArray PlainTextMessage::toBytes(QString *error) const
{
    const QStringList singleValues{from, subject, messageIdDomain};
    QStringList allValues = singleValues + to + cc;
    for (const QString &value : std::as_const(allValues)) {
        if (hasLineBreak(value)) {
            if (error)
                *error = QCoreApplication::translate("PlainTextMessage",
                                                     "A header value contains a line break: \"%1\"")
                             .arg(QString(value).replace(u'\r', u' ').replace(u'\n', u' ').left(80));
            return {};
        }
    }
    const QString domain = messageIdDomain.isEmpty() ? from.mid(from.lastIndexOf(u'@') + 1) : messageIdDomain;
    const QByteArray messageId = '<' + QByteArray::number(date.toMSecsSinceEpoch(), 36) + '.' +
                                 QByteArray::number(QRandomGenerator::system()->generate64(), 36) + '@' +
                                 domain.toUtf8() + '>';
    QByteArray out;
    out += "From: " + from.toUtf8() + "\r\n";
    if (!to.isEmpty())
        out += "To: " + to.join(QStringLiteral(", ")).toUtf8() + "\r\n";
    if (!cc.isEmpty())
        out += "Cc: " + cc.join(QStringLiteral(", ")).toUtf8() + "\r\n";
    out += "Subject: " + encodeHeaderValue(subject, 8) + "\r\n";
    out += "Date: " + rfc5322Date(date) + "\r\n";
    out += "Message-ID: " + messageId + "\r\n";
    out += "MIME-Version: 1.0\r\n";
    out += "User-Agent: Sendscope/" SENDSCOPE_VERSION "\r\n";
    const QByteArray utf8 = body.toUtf8();
    bool needsEncoding = !isPlainAscii(body);
    for (const QByteArray &line : utf8.split('\n'))
        needsEncoding = needsEncoding || line.size() > 998;
    if (needsEncoding) {
        out +=
            "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n";
        out += quotedPrintable(utf8);
    } else {
        out += "Content-Type: text/plain; charset=us-ascii\r\nContent-Transfer-Encoding: 7bit\r\n\r\n";
        out += QByteArray(utf8).replace("\r\n", "\n").replace('\n', "\r\n");
    }
    if (!out.endsWith("\r\n"))
        out += "\r\n";
    return out;
}
