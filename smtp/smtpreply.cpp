#include "smtpreply.h"

SmtpReply::SmtpReply(int code, QList<QByteArray> lines)
    : m_code(code)
    , m_lines(std::move(lines))
{
    if (!m_lines.isEmpty()) {
        // RFC 3463 codes are only meaningful when their class matches the reply's.
        const std::optional<EnhancedStatusCode> enhanced = EnhancedStatusCode::parse(m_lines.first());
        if (enhanced && enhanced->klass() == code / 100)
            m_enhanced = enhanced;
    }
}

QString SmtpReply::text() const
{
    QStringList out;
    for (const QByteArray &line : m_lines) {
        QByteArrayView view(line);
        if (m_enhanced) {
            qsizetype consumed = 0;
            const std::optional<EnhancedStatusCode> code = EnhancedStatusCode::parse(view, &consumed);
            if (code && *code == *m_enhanced)
                view = view.sliced(consumed).trimmed();
        }
        out << QString::fromUtf8(view);
    }
    return out.join(u'\n');
}

QByteArray SmtpReply::toWireFormat() const
{
    QByteArray out;
    const QByteArray code = QByteArray::number(m_code);
    if (m_lines.isEmpty())
        return code;
    for (qsizetype i = 0; i < m_lines.size(); ++i) {
        if (i > 0)
            out += "\r\n";
        out += code;
        const bool last = i == m_lines.size() - 1;
        if (m_lines.at(i).isEmpty() && last)
            continue;
        out += last ? ' ' : '-';
        out += m_lines.at(i);
    }
    return out;
}
