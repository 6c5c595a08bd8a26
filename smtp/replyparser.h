#pragma once

#include "smtpreply.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

// Incremental parser for SMTP replies. Bytes arrive in arbitrary pieces (one byte at a time, or ten replies
// in one read); complete replies are queued until taken. Memory is bounded by Limits: a hostile server
// cannot make the parser buffer more than maxLineLength bytes of an unfinished line, nor more than
// maxLinesPerReply lines of one reply.
class ReplyParser
{
public:
    struct Limits
    {
        qsizetype maxLineLength = 4096;    // RFC 5321 allows 512; real servers exceed it a little
        qsizetype maxLinesPerReply = 1024; // an EHLO with more extensions than this is hostile
    };
    enum class Error {
        None,
        LineTooLong,   // a line exceeded Limits::maxLineLength without CRLF
        TooManyLines,  // a multi-line reply exceeded Limits::maxLinesPerReply
        MalformedLine, // not "NNN", "NNN-text" or "NNN text" with NNN in 200..599
        CodeMismatch,  // a continuation line carried a different code than the first line
    };

    ReplyParser() = default;
    explicit ReplyParser(Limits limits)
        : m_limits(limits)
    {
    }

    // Appends bytes. After an error, further input is ignored until reset().
    void feed(QByteArrayView data);

    bool hasReply() const { return !m_replies.isEmpty(); }
    qsizetype pendingReplyCount() const { return m_replies.size(); }
    SmtpReply takeReply();

    Error error() const { return m_error; }
    QString errorString() const;

    // Bytes received but not yet part of a complete reply. After the reply to STARTTLS this must be 0,
    // otherwise the server (or a man in the middle) injected data before the TLS handshake.
    qsizetype bufferedBytes() const;

    // Drops everything buffered and clears the error.
    void reset();

private:
    void parseLine(QByteArrayView line);
    void fail(Error error);

    Limits m_limits;
    QByteArray m_buffer;              // unfinished line
    QList<QByteArray> m_currentLines; // lines of an unfinished multi-line reply
    int m_currentCode = 0;
    QList<SmtpReply> m_replies;
    Error m_error = Error::None;
};
