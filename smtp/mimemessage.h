#pragma once

#include "mailaddress.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

// A file to attach. The size is taken when the attachment is added; the writer refuses to send a file
// whose size has changed since (the user would otherwise send something they did not look at).
struct MimeAttachment
{
    QString path;
    QString fileName;     // shown to the recipient; defaults to the path's file name
    QString mimeType;     // empty: from QMimeDatabase
    QByteArray contentId; // set for inline images referenced by the HTML part as cid:...
    qint64 size = -1;     // -1: read from the file when the message is written
};

// The message a person composes. Plain data; MimeWriter turns it into RFC 5322 / MIME.
class MimeMessage
{
public:
    // Written as X-Priority and Importance, and only when not Normal: most readers show nothing for
    // normal, and a header that says "normal" only adds weight some spam filters count.
    enum class Priority { Normal, High, Low };

    MailAddress from;
    std::optional<MailAddress> sender; // written only when it differs from From
    QList<MailAddress> to;
    QList<MailAddress> cc;
    QList<MailAddress> bcc; // never written into the message: envelope only
    QList<MailAddress> replyTo;
    QString subject;
    QString text; // the plain text body, '\n' line ends
    QString html; // optional HTML alternative
    QList<MimeAttachment> attachments;
    QByteArray inReplyTo;            // "<id@host>"
    QList<QByteArray> references;    // each "<id@host>"
    bool requestReadReceipt = false; // Disposition-Notification-To: the From address
    Priority priority = Priority::Normal;
    QDateTime date;       // invalid: now
    QByteArray messageId; // empty: generated on the sender's domain
    QString userAgent;    // "Sendscope/0.1.0"

    QList<MailAddress> envelopeRecipients() const;
    // True when an address needs RFC 6531/6532 (a non-ASCII local part).
    bool requiresSmtpUtf8() const;
};
