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

    // An entry made now, with text made safe to show by visible(). Every entry of a session or a settings
    // search is made here, so the window, saved transcripts, the clipboard and the terminal all get
    // escaped text.
    static TranscriptEntry create(Kind kind, const QString &text);
    // Text from a server (replies, EHLO keywords, certificate names) can hold terminal escapes (ESC ]52
    // writes the clipboard, ESC [2J clears the screen), a bare CR that overwrites the line, or bidi
    // overrides that reorder what is shown. Returns text with every C0 and C1 control, DEL and bidi
    // control replaced by a visible stand-in (U+241B for ESC, \x9b, \u202e); LF stays, as the line
    // separator of a multi-line entry.
    static QString visible(const QString &text);

    // swaks-style marker: "->" / "<-" in clear text, "~>" / "<~" inside TLS, "***" errors, "===" info/TLS.
    QString marker() const;
    // "HH:mm:ss.zzz <marker> text", one line per text line.
    QString toDisplayString() const;
};

Q_DECLARE_METATYPE(TranscriptEntry)
