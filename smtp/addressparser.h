#pragma once

#include <QCoreApplication>

#include "mailaddress.h"

#include <QList>
#include <QString>

// Parses what people type into To/Cc/Bcc: a list of mailboxes separated by commas or semicolons, each
// "addr", "Name <addr>", "\"Last, First\" <addr>", with (comments) tolerated. Errors name the position
// (0-based, in characters) of the fault so the UI can point at it.
class AddressParser
{
    Q_DECLARE_TR_FUNCTIONS(AddressParser)

public:
    enum class ErrorCode {
        None,
        Empty,
        MissingAt,
        EmptyLocalPart,
        EmptyDomain,
        InvalidCharacter,
        UnterminatedQuote,
        UnterminatedAngle,
        UnterminatedComment,
        BadDomain,
        LocalPartTooLong,
        AddressTooLong,
        ForbiddenControl,
    };
    struct Error
    {
        ErrorCode code = ErrorCode::None;
        qsizetype position = -1;
        QString message; // translated, names the position and the fault
    };

    static QList<MailAddress> parseList(const QString &text, Error *error);
    static MailAddress parseMailbox(const QString &text, Error *error);
};
