#pragma once

// What a reply is the answer to. The session keeps a queue of these for pipelined commands; the reply
// explainer uses them to tell "rejected at RCPT" from "rejected after the message body".
enum class SmtpCommand {
    Greeting, // the server's first reply after connecting
    Ehlo,
    Helo,
    StartTls,
    Auth, // AUTH and every SASL continuation
    MailFrom,
    RcptTo,
    Data,    // the DATA command itself (expects 354)
    DataEnd, // the final "." after the body
    Bdat,    // BDAT n [LAST]
    Rset,
    Quit,
};

const char *smtpCommandName(SmtpCommand command);
