#pragma once

#include <QCoreApplication>

#include <QString>

#include <optional>

// A mailto: URI (RFC 6068) as the desktop hands it to its mail handler: recipients, Cc, Bcc, Subject,
// body and In-Reply-To, percent-decoded as UTF-8. Other header fields are ignored, as RFC 6068 section 7
// advises for anything that could be used to hide or forge a header.
struct MailtoUri
{
    Q_DECLARE_TR_FUNCTIONS(MailtoUri)

public:
    QString to; // comma-separated, as typed into To
    QString cc;
    QString bcc;
    QString subject;
    QString body;
    QString inReplyTo;

    // nullopt with error set when text is not a mailto: URI or cannot be decoded.
    static std::optional<MailtoUri> parse(const QString &text, QString *error);
};
