#include "replyparser.h"

#include <QCoreApplication>

void ReplyParser::feed(QByteArrayView data)
{
    if (m_error != Error::None)
        return;
    qsizetype start = 0;
    while (start < data.size() && m_error == Error::None) {
        const qsizetype lf = data.indexOf('\n', start);
        if (lf < 0) {
            // No line end yet: keep the fragment, but never more than a line may hold.
            const QByteArrayView rest = data.sliced(start);
            if (m_buffer.size() + rest.size() > m_limits.maxLineLength) {
                fail(Error::LineTooLong);
                return;
            }
            m_buffer.append(rest);
            return;
        }
        QByteArrayView line = data.sliced(start, lf - start);
        start = lf + 1;
        if (!m_buffer.isEmpty()) {
            if (m_buffer.size() + line.size() > m_limits.maxLineLength) {
                fail(Error::LineTooLong);
                return;
            }
            m_buffer.append(line);
            const QByteArray whole = std::move(m_buffer);
            m_buffer.clear();
            parseLine(QByteArrayView(whole).chopped(whole.endsWith('\r') ? 1 : 0));
            continue;
        }
        if (line.size() > m_limits.maxLineLength) {
            fail(Error::LineTooLong);
            return;
        }
        if (line.endsWith('\r'))
            line.chop(1);
        parseLine(line);
    }
}

void ReplyParser::parseLine(QByteArrayView line)
{
    // "NNN", "NNN text" (last line) or "NNN-text" (continuation), RFC 5321 section 4.2.
    auto digit = [&](qsizetype i) { return line.size() > i && line[i] >= '0' && line[i] <= '9'; };
    if (!digit(0) || !digit(1) || !digit(2) || (line.size() > 3 && line[3] != ' ' && line[3] != '-')) {
        fail(Error::MalformedLine);
        return;
    }
    const int code = (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
    if (code < 200 || code > 599) {
        fail(Error::MalformedLine);
        return;
    }
    if (m_currentCode != 0 && code != m_currentCode) {
        fail(Error::CodeMismatch);
        return;
    }
    if (m_currentLines.size() >= m_limits.maxLinesPerReply) {
        fail(Error::TooManyLines);
        return;
    }
    m_currentCode = code;
    m_currentLines.append(line.size() > 4 ? line.sliced(4).toByteArray() : QByteArray());
    const bool continues = line.size() > 3 && line[3] == '-';
    if (!continues) {
        m_replies.append(SmtpReply(code, std::move(m_currentLines)));
        m_currentLines.clear();
        m_currentCode = 0;
    }
}

SmtpReply ReplyParser::takeReply()
{
    return m_replies.isEmpty() ? SmtpReply() : m_replies.takeFirst();
}

qsizetype ReplyParser::bufferedBytes() const
{
    qsizetype total = m_buffer.size();
    for (const QByteArray &line : m_currentLines)
        total += line.size() + 6;
    return total;
}

void ReplyParser::reset()
{
    m_buffer.clear();
    m_currentLines.clear();
    m_currentCode = 0;
    m_replies.clear();
    m_error = Error::None;
}

void ReplyParser::fail(Error error)
{
    m_error = error;
    // Nothing after a broken line can be trusted; free what a hostile server made us hold.
    m_buffer.clear();
    m_currentLines.clear();
}

QString ReplyParser::errorString() const
{
    switch (m_error) {
    case Error::None:
        return {};
    case Error::LineTooLong:
        return QCoreApplication::translate("ReplyParser", "A reply line was longer than %1 bytes.")
            .arg(m_limits.maxLineLength);
    case Error::TooManyLines:
        return QCoreApplication::translate("ReplyParser", "A reply had more than %1 lines.")
            .arg(m_limits.maxLinesPerReply);
    case Error::MalformedLine:
        return QCoreApplication::translate(
            "ReplyParser", "A reply line did not start with a three-digit code from 200 to 599.");
    case Error::CodeMismatch:
        return QCoreApplication::translate("ReplyParser",
                                           "The lines of a multi-line reply carried different codes.");
    }
    return {};
}
