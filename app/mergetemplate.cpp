#include "mergetemplate.h"

#include <QRegularExpression>

namespace {
const QRegularExpression &placeholder()
{
    static const QRegularExpression pattern(QStringLiteral("\\{\\{\\s*([^{}|]+?)\\s*(?:\\|([^{}]*))?\\}\\}"));
    return pattern;
}
} // namespace

MergeTemplate::MergeTemplate(QString text, Syntax syntax)
    : m_text(std::move(text))
    , m_syntax(syntax)
{
}

QString MergeTemplate::fieldName(const QString &written) const
{
    if (m_syntax == Syntax::Text)
        return written;
    // The entities an HTML writer (QTextDocument::toHtml, an editor) puts for characters of a name.
    QString name = written;
    name.replace(QLatin1String("&lt;"), QLatin1String("<"))
        .replace(QLatin1String("&gt;"), QLatin1String(">"))
        .replace(QLatin1String("&quot;"), QLatin1String("\""))
        .replace(QLatin1String("&#39;"), QLatin1String("'"))
        .replace(QLatin1String("&nbsp;"), QLatin1String(" "))
        .replace(QLatin1String("&amp;"), QLatin1String("&"));
    return name;
}

QStringList MergeTemplate::fields() const
{
    QStringList result;
    auto it = placeholder().globalMatch(m_text);
    while (it.hasNext()) {
        const QString name = fieldName(it.next().captured(1));
        if (!result.contains(name, Qt::CaseInsensitive))
            result << name;
    }
    return result;
}

QStringList MergeTemplate::unknownFields(const MergeTable &table) const
{
    QStringList unknown;
    for (const QString &field : fields()) {
        if (table.columnIndex(field) < 0)
            unknown << field;
    }
    return unknown;
}

QString MergeTemplate::render(const MergeTable &table, int row) const
{
    return render(table, row, false);
}

QString MergeTemplate::renderHtml(const MergeTable &table, int row) const
{
    return render(table, row, true);
}

QString MergeTemplate::render(const MergeTable &table, int row, bool html) const
{
    QString result;
    qsizetype last = 0;
    auto it = placeholder().globalMatch(m_text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        result += QStringView(m_text).mid(last, match.capturedStart() - last);
        const int column = table.columnIndex(fieldName(match.captured(1)));
        const QString value = column >= 0 ? table.rows.value(row).value(column).trimmed() : QString();
        result += value.isEmpty() ? match.captured(2) : (html ? value.toHtmlEscaped() : value);
        last = match.capturedEnd();
    }
    result += QStringView(m_text).mid(last);
    return result;
}
