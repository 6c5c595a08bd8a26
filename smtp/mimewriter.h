#pragma once

#include <QCoreApplication>

#include "messagesource.h"
#include "messagestream.h"
#include "mimemessage.h"

#include <QString>

#include <memory>

// Writes a MimeMessage as RFC 5322 / MIME: headers with RFC 2047 encoded-words (or raw UTF-8 under
// SMTPUTF8), text/plain format=flowed in 7bit, 8bit or quoted-printable, an optional HTML alternative with
// inline images (multipart/related), attachments in base64 (multipart/mixed) streamed from disk. Every
// line ends in CRLF and stays under 998 octets; boundaries cannot occur in the content.
class MimeWriter
{
    Q_DECLARE_TR_FUNCTIONS(MimeWriter)

public:
    struct Options
    {
        bool allowEightBit = false; // the server offers 8BITMIME: text may go as 8bit
    };
    enum class ErrorCode {
        None,
        NoSender,
        NoRecipients,
        HeaderInjection, // CR, LF or NUL in a header value
        UnreadableAttachment,
        InvalidMessageId,
    };
    struct Error
    {
        ErrorCode code = ErrorCode::None;
        QString message; // translated, names the field or file
    };

    // The message as a generated stream (exact size known), with the facts the SMTP engine needs.
    static std::unique_ptr<MessageStream> write(const MimeMessage &message, const Options &options,
                                                Error *error, MessageSource::Scan *scan = nullptr);
    // The same, ready for SmtpSession.
    static std::unique_ptr<MessageSource> source(const MimeMessage &message, const Options &options,
                                                 Error *error);

    // RFC 2045 quoted-printable of UTF-8 text with CRLF hard breaks, lines at most 76 characters.
    static QByteArray quotedPrintable(const QByteArray &utf8);
    // RFC 3676 format=flowed: long lines wrapped at spaces with a trailing space, space-stuffing.
    // Returns the text with '\n' line ends.
    static QString flow(const QString &text);
    static QByteArray rfc5322Date(const QDateTime &date);
    // "<time.random@domain>": unique without coordination, so a message can be given its id once, when it
    // is first queued, and keep it.
    static QByteArray newMessageId(const QByteArray &asciiDomain, const QDateTime &now);
};
