#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

// A minimal RFC 5322 text/plain UTF-8 message for `sendscope send` without --eml. The full MIME writer
// (attachments, HTML, format=flowed) is separate work; this covers what the command line needs now:
// non-ASCII subjects and names as RFC 2047 encoded-words, and a quoted-printable body when it is not
// plain ASCII with short lines.
class PlainTextMessage
{
public:
    QString from;
    QStringList to;
    QStringList cc;
    QString subject;
    QString body;
    QDateTime date = QDateTime::currentDateTime();
    QString messageIdDomain; // empty: the sender's domain

    // Returns an empty array and sets error when a header value would contain a line break.
    QByteArray toBytes(QString *error) const;

    // RFC 2047 B encoding of a header value, split at character boundaries into encoded-words that keep
    // each folded line under 76 octets. ASCII text without "=?" is returned unchanged.
    static QByteArray encodeHeaderValue(const QString &value, int headerNameLength);
    static QByteArray quotedPrintable(const QByteArray &utf8);
};
