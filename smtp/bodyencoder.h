#pragma once

#include <QByteArray>
#include <QByteArrayView>

// Turns message bytes into what goes on the wire, chunk by chunk, with state carried across chunk
// boundaries: every line ending becomes CRLF (bare LF and bare CR alike), and for DATA a line starting
// with '.' gets another '.' (RFC 5321 section 4.5.2). finish() ends the message with CRLF if it did not,
// and for DATA appends the terminating ".\r\n".
class BodyEncoder
{
public:
    enum class Mode { Data, Bdat };
    explicit BodyEncoder(Mode mode)
        : m_mode(mode)
    {
    }

    // Appends the encoded form of input to out (out is not cleared).
    void encode(QByteArrayView input, QByteArray &out);
    void finish(QByteArray &out);

    qint64 inputLines() const { return m_lines; }

private:
    Mode m_mode;
    bool m_atLineStart = true;
    bool m_pendingCr = false;
    qint64 m_lines = 0;
};
