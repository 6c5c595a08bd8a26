#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

// One line of the SMTP conversation as shown to the user. Text is already redacted: AUTH payloads never
// reach a TranscriptEntry, and the message body is only summarised.
struct TranscriptEntry
{
    enum class Kind {
        Client, // a command we sent
        Server, // a reply line the server sent
        Tls,    // TLS handshake facts: protocol, cipher, certificate chain
        Info,   // what the session did or decided (state changes, extensions found, timings)
        Error,  // why the session failed
    };

    QDateTime timestamp;
    Kind kind = Kind::Info;
    bool encrypted = false; // sent or received inside TLS
    int flight = 0;         // client flight number (commands written together) this line belongs to
    QString text;

    // swaks-style marker: "->" / "<-" in clear text, "~>" / "<~" inside TLS, "***" errors, "===" info/TLS.
    QString marker() const;
    // "HH:mm:ss.zzz <marker> text", one line per text line.
    QString toDisplayString() const;
};

Q_DECLARE_METATYPE(TranscriptEntry)
