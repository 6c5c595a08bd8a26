#include "smtpcommand.h"

const char *smtpCommandName(SmtpCommand command)
{
    switch (command) {
    case SmtpCommand::Greeting:
        return "greeting";
    case SmtpCommand::Ehlo:
        return "EHLO";
    case SmtpCommand::Helo:
        return "HELO";
    case SmtpCommand::StartTls:
        return "STARTTLS";
    case SmtpCommand::Auth:
        return "AUTH";
    case SmtpCommand::MailFrom:
        return "MAIL FROM";
    case SmtpCommand::RcptTo:
        return "RCPT TO";
    case SmtpCommand::Data:
        return "DATA";
    case SmtpCommand::DataEnd:
        return "end of data";
    case SmtpCommand::Bdat:
        return "BDAT";
    case SmtpCommand::Rset:
        return "RSET";
    case SmtpCommand::Quit:
        return "QUIT";
    }
    return "?";
}
