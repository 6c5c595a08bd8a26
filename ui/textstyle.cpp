#include "textstyle.h"

#include <QFont>
#include <QTextCharFormat>
#include <QTextEdit>

void toggleTextStyle(QTextEdit *editor, TextStyle style)
{
    QTextCharFormat change;
    const QTextCharFormat current = editor->currentCharFormat();
    switch (style) {
    case TextStyle::Bold:
        change.setFontWeight(current.fontWeight() > QFont::Normal ? QFont::Normal : QFont::Bold);
        break;
    case TextStyle::Italic:
        change.setFontItalic(!current.fontItalic());
        break;
    case TextStyle::Underline:
        change.setFontUnderline(!current.fontUnderline());
        break;
    }
    editor->mergeCurrentCharFormat(change);
}
