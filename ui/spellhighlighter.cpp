#include "spellhighlighter.h"

#include "spellchecker.h"

#include <QTextDocument>

namespace {

// RFC 3676 section 4.3: the signature starts after a line that is "-- ".
bool isSignatureSeparator(const QString &line)
{
    return line == QStringLiteral("-- ");
}

// RFC 3676 section 4.5: a line starting with ">" is quoted, someone else's words in a reply or a forward;
// they are not the writer's to correct.
bool isQuoted(const QString &line)
{
    return line.startsWith(u'>');
}

} // namespace

SpellHighlighter::SpellHighlighter(SpellChecker *checker, QTextDocument *document, QObject *parent)
    : QSyntaxHighlighter(parent)
    , m_checker(checker)
{
    m_misspelled.setUnderlineStyle(QTextCharFormat::SpellCheckUnderline);
    m_misspelled.setUnderlineColor(QColor(0xd9, 0x30, 0x25)); // reads on light and dark backgrounds
    m_mostlyCjk = SpellChecker::isMostlyCjk(document->toPlainText());
    setDocument(document);
    recheck(); // now, instead of the rehighlight setDocument() schedules, which would look like an edit
    connect(document, &QTextDocument::contentsChanged, this, &SpellHighlighter::updateCjkShare);
}

SpellHighlighter::~SpellHighlighter()
{
    // QSyntaxHighlighter's destructor clears the underlines, which the document announces as a change:
    // this part of the object is gone by then and must not hear of it, nor the editor of a change that
    // is none.
    if (QTextDocument *current = document()) {
        disconnect(current, nullptr, this, nullptr);
        const QSignalBlocker quiet(current);
        setDocument(nullptr);
    }
}

void SpellHighlighter::setChecking(bool on)
{
    if (on == m_checking)
        return;
    m_checking = on;
    recheck();
}

void SpellHighlighter::recheck()
{
    if (!document())
        return;
    // QSyntaxHighlighter::rehighlight() ends with an empty edit block, after which the document says its
    // contents changed: the editor would report a text change (autosave, "modified") that is none. The
    // layout hears of the new formats directly, not through these signals.
    const QSignalBlocker quiet(document());
    rehighlight();
}

void SpellHighlighter::updateCjkShare()
{
    // The share decides for the whole message, so a change anywhere may switch every block.
    const bool mostlyCjk = document() && SpellChecker::isMostlyCjk(document()->toPlainText());
    if (mostlyCjk == m_mostlyCjk)
        return;
    m_mostlyCjk = mostlyCjk;
    recheck();
}

bool SpellHighlighter::checks(const QTextBlock &block) const
{
    return m_checking && !m_mostlyCjk && m_checker->hasDictionary() && block.userState() == Prose;
}

void SpellHighlighter::highlightBlock(const QString &text)
{
    const bool inSignature = previousBlockState() == Signature || isSignatureSeparator(text);
    setCurrentBlockState(inSignature ? Signature : isQuoted(text) ? Quoted : Prose);
    if (currentBlockState() != Prose || !m_checking || m_mostlyCjk || !m_checker->hasDictionary())
        return;
    for (const SpellChecker::Word &word : m_checker->misspelledWords(text))
        setFormat(static_cast<int>(word.start), static_cast<int>(word.length), m_misspelled);
}

QTextCursor SpellHighlighter::misspelledWordAt(int position) const
{
    if (!document())
        return {};
    const QTextBlock block = document()->findBlock(position);
    if (!block.isValid() || !checks(block))
        return {};
    const qsizetype offset = position - block.position();
    for (const SpellChecker::Word &word : m_checker->misspelledWords(block.text())) {
        // The click may land just after the last letter, where the cursor goes.
        if (offset >= word.start && offset <= word.start + word.length) {
            QTextCursor cursor(document());
            cursor.setPosition(block.position() + static_cast<int>(word.start));
            cursor.setPosition(block.position() + static_cast<int>(word.start + word.length),
                               QTextCursor::KeepAnchor);
            return cursor;
        }
    }
    return {};
}
