#include "bodyencoder.h"

#include <cstring>

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
        // Whole CRLF lines that need no change (no bare CR or LF, and for DATA no dot starting the next
        // line) are copied in one piece: a message that is already canonical, as generated messages and
        // most .eml files are, costs two memchr() per line and one copy per chunk, where a byte-by-byte
        // loop made this encoder the largest item of a 50 MB send's profile (tests/bench/README.md).
        const char *clean = p;
        while (clean < end) {
            const auto *lf = static_cast<const char *>(std::memchr(clean, '\n', end - clean));
            if (!lf || lf == clean)
                break;
            if (std::memchr(clean, '\r', lf - clean) != lf - 1)
                break; // a bare CR in the line, or a bare LF at its end
            clean = lf + 1;
            ++m_lines;
            if (m_mode == Mode::Data && clean < end && *clean == '.')
                break;
        }
        if (clean != p) {
            out.append(p, clean - p);
            p = clean;
            m_atLineStart = true;
            continue;
        }
        // Otherwise copy the run of ordinary bytes up to the next line ending in one go.
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
