#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>
#include <QTextCursor>

class SpellChecker;

// Underlines the words of a text document that the dictionary does not know with a red wave, as word
// processors do. Leaves alone what is not prose (URLs, addresses, words with digits), the signature below
// "-- ", CJK words, and a message that is mostly CJK. The formats live in the layout, not in the text:
// nothing of it reaches the message, the draft or the undo history.
class SpellHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    // checker must outlive the highlighter's document or be detached with setDocument(nullptr) first.
    SpellHighlighter(SpellChecker *checker, QTextDocument *document, QObject *parent);
    ~SpellHighlighter() override;

    void setChecking(bool on);
    // Underlines the whole document again (another language, a word added to the dictionary).
    void recheck();
    bool isChecking() const { return m_checking; }
    bool isMostlyCjk() const { return m_mostlyCjk; }
    // The underlined word at a position of the document, selected; a null cursor when there is none.
    QTextCursor misspelledWordAt(int position) const;

protected:
    void highlightBlock(const QString &text) override;

private:
    enum BlockState { Prose = 0, Signature = 1, Quoted = 2 };
    bool checks(const QTextBlock &block) const;
    void updateCjkShare();

    SpellChecker *m_checker;
    QTextCharFormat m_misspelled;
    bool m_checking = true;
    bool m_mostlyCjk = false;
};
