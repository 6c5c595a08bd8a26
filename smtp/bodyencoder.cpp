#include "bodyencoder.h"

void BodyEncoder::encode(QByteArrayView input, QByteArray &out)
{
    // Worst case every byte becomes three ("\n" -> "\r\n", or a dot doubled at line start).
    out.reserve(out.size() + input.size() + input.size() / 32 + 8);
    const char *p = input.data();
    const char *const end = p + input.size();
    while (p < end) {
        if (m_pendingCr) {
            // A CR was the last byte seen: it ends a line whether or not LF follows.
            m_pendingCr = false;
            out.append("\r\n", 2);
            ++m_lines;
            m_atLineStart = true;
            if (*p == '\n') {
                ++p;
                continue;
            }
        }
        if (m_atLineStart && m_mode == Mode::Data && *p == '.')
            out.append('.');
        m_atLineStart = false;
        // Copy the run of ordinary bytes up to the next line ending in one go.
        const char *runEnd = p;
        while (runEnd < end && *runEnd != '\r' && *runEnd != '\n')
            ++runEnd;
        out.append(p, runEnd - p);
        p = runEnd;
        if (p == end)
            break;
        if (*p == '\n') {
            out.append("\r\n", 2);
            ++m_lines;
            m_atLineStart = true;
        } else {
            m_pendingCr = true;
        }
        ++p;
    }
}

void BodyEncoder::finish(QByteArray &out)
{
    if (m_pendingCr) {
        m_pendingCr = false;
        out.append("\r\n", 2);
        ++m_lines;
        m_atLineStart = true;
    }
    if (!m_atLineStart) {
        out.append("\r\n", 2);
        ++m_lines;
        m_atLineStart = true;
    }
    if (m_mode == Mode::Data)
        out.append(".\r\n", 3);
}
