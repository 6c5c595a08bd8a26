#pragma once

#include <QObject>
#include <QStringList>

#include <memory>

class AccountStore;
class QAction;
class QActionGroup;
class QMenu;
class QPlainTextEdit;
class QPoint;
class QTextEdit;
class QWidget;
class SpellChecker;
class SpellHighlighter;

// Spell checking for the compose window's two editors (plain and rich text): the underlines, the
// suggestions at the top of the context menu, and Format → Check spelling / Spelling language. The
// language is chosen per message and remembered for the account it is sent from; checking on or off is
// remembered for all messages.
class SpellingController : public QObject
{
    Q_OBJECT
public:
    SpellingController(QPlainTextEdit *plain, QTextEdit *rich, QObject *parent);
    ~SpellingController() override;

    // Adds "Check spelling" and "Spelling language" to menu.
    void addMenuEntries(QMenu *menu);
    // The message is now sent from this account: its remembered language, unless one was chosen for
    // this message already.
    void setAccount(AccountStore *store, const QString &accountId);

    // Chosen for this message, and remembered for the account.
    void chooseLanguage(const QString &tag);
    QString language() const;
    // The language chosen for this message; empty while it follows the account.
    QString chosenLanguage() const;
    // A stored message's own choice, without making it the account's; ignored when that dictionary is
    // no longer installed.
    void restoreLanguage(const QString &tag);
    void setChecking(bool on);
    bool isChecking() const; // underlines are drawn now
    // A sent message is read-only: nothing to correct, so no underlines, while the setting stays.
    void setSuspended(bool suspended);
    QStringList availableLanguages() const { return m_available; }

    SpellChecker *checker() const { return m_checker.get(); }
    SpellHighlighter *highlighter(const QWidget *editor) const;
    QAction *checkAction() const { return m_checkAction; }
    QMenu *languageMenu() const { return m_languageMenu; }
    // The context menu of editor (one of the two) at a point of its viewport: for a misspelt word, its
    // suggestions and "Add to dictionary" first, then the editor's own entries.
    std::unique_ptr<QMenu> contextMenu(QWidget *editor, const QPoint &viewportPosition);

signals:
    void languageChanged(const QString &tag);
    void languageChosen(const QString &tag); // by the person, for this message

private:
    void applyLanguage(const QString &tag);
    void applyChecking();
    void rehighlight();
    void showContextMenu(QWidget *editor, const QPoint &viewportPosition);

    std::unique_ptr<SpellChecker> m_checker;
    QPlainTextEdit *m_plain;
    QTextEdit *m_rich;
    SpellHighlighter *m_plainHighlighter = nullptr;
    SpellHighlighter *m_richHighlighter = nullptr;
    QStringList m_available;
    AccountStore *m_store = nullptr; // not owned; the window's
    QString m_accountId;
    bool m_chosenForMessage = false;
    bool m_wanted = true;     // Format → Check spelling, remembered for all messages
    bool m_suspended = false; // the window shows a sent message
    QAction *m_checkAction = nullptr;
    QMenu *m_languageMenu = nullptr;
    QActionGroup *m_languageGroup = nullptr;
};
