#pragma once

#include "smtpcommand.h"
#include "smtpreply.h"

#include <QMetaType>
#include <QString>

#include <optional>

enum class SmtpErrorCategory {
    None,
    Input,             // the caller's input is invalid (bad address, message too large for SIZE, ...)
    Dns,               // the host name could not be resolved
    Connect,           // TCP connection refused, unreachable, reset before the greeting
    Tls,               // STARTTLS not offered while required, handshake failed, injected plaintext
    Certificate,       // the server's certificate is not trusted (and not pinned)
    Auth,              // authentication failed or no usable mechanism
    Policy,            // relay denied, sender rejected, encryption required, spam policy
    Recipient,         // every recipient was refused
    Size,              // message exceeds the server's limit
    Timeout,           // connect, reply or session timeout
    ServerUnavailable, // 421 or other "try again later"
    Protocol,          // the server broke the protocol (malformed reply, unexpected code, closed mid-command)
    Cancelled,         // the caller cancelled
};

// A failure as a value: what category, which reply (if the server sent one), at which step, and words
// for a person: what happened and what is likely to fix it.
struct SmtpError
{
    SmtpErrorCategory category = SmtpErrorCategory::None;
    std::optional<SmtpCommand> command; // the step that failed, if it was a command
    std::optional<SmtpReply> reply;     // the server's reply, if the failure came from one
    QString summary;                    // one line: what happened ("The server rejected the password.")
    QString explanation;                // why, and the likely fix, in plain language
    bool temporary = false;             // a retry later may succeed (4xx, timeouts, connection loss)
    // Set when the connection was lost after the end of the message data but before the server's answer:
    // the message may or may not have been delivered.
    bool deliveryUncertain = false;

    bool isError() const { return category != SmtpErrorCategory::None; }
    static QString categoryName(SmtpErrorCategory category); // stable English key, e.g. "auth"
    // Exit status of `sendscope send` for this category; 0 for None.
    static int exitCode(SmtpErrorCategory category);
};

Q_DECLARE_METATYPE(SmtpError)
