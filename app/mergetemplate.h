#pragma once

#include "mergedata.h"

#include <QString>
#include <QStringList>

// {{field}} placeholders, with a default for an empty value: {{name|Customer}}. Field names are the
// data's column names (any language, case-insensitive); spaces around them are ignored.
class MergeTemplate
{
public:
    // Html: the text is HTML (a rich editor's or an --html-file), so a field name in it is escaped too:
    // {{R&amp;D}} names the column "R&D".
    enum class Syntax { Text, Html };
    explicit MergeTemplate(QString text = {}, Syntax syntax = Syntax::Text);

    QString text() const { return m_text; }
    // The fields the template uses, in order of first use.
    QStringList fields() const;
    // The fields it uses that table does not have.
    QStringList unknownFields(const MergeTable &table) const;
    QString render(const MergeTable &table, int row) const;
    // For an HTML template: each value HTML-escaped (a name "A & B" or "<b>" stays text); the template's
    // own text, defaults included, is HTML already.
    QString renderHtml(const MergeTable &table, int row) const;

private:
    QString render(const MergeTable &table, int row, bool html) const;
    QString fieldName(const QString &written) const;

    QString m_text;
    Syntax m_syntax = Syntax::Text;
};
