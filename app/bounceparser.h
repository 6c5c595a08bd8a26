#pragma once

#include "smtpcommand.h"
#include "smtpreply.h"

#include <QByteArray>
#include <QList>
#include <QString>

// Finds the failures in what a user pastes after "why did my mail fail?": SMTP reply lines ("550 5.1.1
// User unknown"), or a whole bounce message, either an RFC 3464 delivery status notification
// (multipart/report; report-type=delivery-status, as Postfix, Exim, Exchange and Gmail send) or a
// non-standard one whose text names the recipient and quotes the server (QQ and NetEase 退信, Postfix
// and Exchange text). Parsing only: ExplainCommand turns the failures into explanations.
class BounceParser
{
public:
    struct Failure
    {
        QString recipient;        // empty for a pasted reply
        QString remoteServer;     // the server that refused (Remote-MTA, "host X said"), if known
        QString reportingHost;    // the server that wrote the bounce (Reporting-MTA), if known
        QString diagnostic;       // the server's words, as the bounce quotes them
        SmtpReply reply;          // the reply to explain; the code is derived from Status when not quoted
        bool replyQuoted = false; // reply's code is the server's own (not derived from Status)
        SmtpCommand step = SmtpCommand::RcptTo;
        bool delayed = false; // Action: delayed: still being retried, not failed yet
    };

    // Everything in input that failed; empty when nothing looks like a reply or a bounce.
    static QList<Failure> parse(const QByteArray &input);
    // True when input starts with a header section (a message rather than pasted lines).
    static bool looksLikeMessage(const QByteArray &input);
    // "550 5.1.1 text" or "550-5.1.1 a 550 5.1.1 b" (Gmail folds multi-line replies so) as one reply.
    static std::optional<SmtpReply> replyFromText(const QString &text);
};
