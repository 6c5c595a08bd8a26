#include "spellingcontroller.h"

#include "accountstore.h"
#include "spellchecker.h"
#include "spellhighlighter.h"
#include "userpreferences.h"

#include <QAction>
#include <QActionGroup>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextEdit>

#include <algorithm>

namespace {

const QString checkingKey = QStringLiteral("compose/checkSpelling");

QString escapedMnemonic(QString text)
{
    return text.replace(u'&', QStringLiteral("&&"));
}

} // namespace

SpellingController::SpellingController(QPlainTextEdit *plain, QTextEdit *rich, QObject *parent)
    : QObject(parent)
    , m_checker(std::make_unique<SpellChecker>())
    , m_plain(plain)
    , m_rich(rich)
{
    m_available = m_checker->availableLanguages();
    // Sorted by the names the menu shows, not by tag.
    std::sort(m_available.begin(), m_available.end(), [](const QString &a, const QString &b) {
        return QString::localeAwareCompare(SpellChecker::languageName(a), SpellChecker::languageName(b)) < 0;
    });
    m_checker->setLanguage(SpellChecker::preferredLanguage(m_available, {}, QLocale()));
    m_plainHighlighter = new SpellHighlighter(m_checker.get(), plain->document(), this);
    m_richHighlighter = new SpellHighlighter(m_checker.get(), rich->document(), this);
    m_wanted = UserPreferences::open()->value(checkingKey, true).toBool();
    applyChecking();
    for (QWidget *editor : {static_cast<QWidget *>(plain), static_cast<QWidget *>(rich)}) {
        editor->setContextMenuPolicy(Qt::CustomContextMenu);
        // For a scroll area the position is in viewport coordinates.
        connect(editor, &QWidget::customContextMenuRequested, this,
                [this, editor](const QPoint &position) { showContextMenu(editor, position); });
    }
}

SpellingController::~SpellingController()
{
    // The highlighters use m_checker: as children they would be deleted after it.
    delete m_plainHighlighter;
    delete m_richHighlighter;
}

void SpellingController::addMenuEntries(QMenu *menu)
{
    menu->addSeparator();
    m_checkAction = menu->addAction(tr("Check &spelling"));
    m_checkAction->setObjectName(QStringLiteral("checkSpelling"));
    m_checkAction->setCheckable(true);
    m_languageMenu = menu->addMenu(tr("Spelling &language"));
    m_languageMenu->setObjectName(QStringLiteral("spellingLanguage"));
    m_languageGroup = new QActionGroup(m_languageMenu);
    for (const QString &tag : std::as_const(m_available)) {
        QAction *action = m_languageMenu->addAction(escapedMnemonic(SpellChecker::languageName(tag)));
        action->setData(tag);
        action->setCheckable(true);
        action->setChecked(tag == m_checker->language());
        m_languageGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, tag] { chooseLanguage(tag); });
    }
    if (m_available.isEmpty()) {
        const QString why = tr("No spelling dictionary is installed. Install one for your language (for "
                               "example the package hunspell-en-us) and open the window again.");
        QAction *none = m_languageMenu->addAction(tr("No dictionary installed"));
        none->setEnabled(false);
        none->setToolTip(why);
        m_languageMenu->setToolTipsVisible(true);
        m_checkAction->setEnabled(false);
        m_checkAction->setToolTip(why);
        m_checkAction->setStatusTip(why);
    }
    m_checkAction->setChecked(m_wanted && m_checker->hasDictionary());
    connect(m_checkAction, &QAction::toggled, this, [this](bool on) {
        setChecking(on);
        UserPreferences::open()->setValue(checkingKey, on);
    });
}

void SpellingController::setAccount(AccountStore *store, const QString &accountId)
{
    m_store = store;
    m_accountId = accountId;
    if (m_chosenForMessage)
        return;
    const std::optional<Account> account = store ? store->findById(accountId) : std::nullopt;
    applyLanguage(SpellChecker::preferredLanguage(
        m_available, account ? account->spellingLanguage : QString(), QLocale()));
}

void SpellingController::chooseLanguage(const QString &tag)
{
    m_chosenForMessage = true;
    applyLanguage(tag);
    emit languageChosen(tag);
    // A convenience for the next message: when it cannot be written, this one is checked all the same.
    if (m_store && !m_accountId.isEmpty() && m_checker->language() == tag)
        m_store->setSpellingLanguage(m_accountId, tag);
}

QString SpellingController::language() const
{
    return m_checker->hasDictionary() ? m_checker->language() : QString();
}

QString SpellingController::chosenLanguage() const
{
    return m_chosenForMessage ? language() : QString();
}

void SpellingController::restoreLanguage(const QString &tag)
{
    if (tag.isEmpty() || !m_available.contains(tag))
        return;
    m_chosenForMessage = true;
    applyLanguage(tag);
}

void SpellingController::setChecking(bool on)
{
    m_wanted = on;
    applyChecking();
    if (m_checkAction) {
        const QSignalBlocker blocker(m_checkAction);
        m_checkAction->setChecked(on && m_checker->hasDictionary());
    }
}

void SpellingController::setSuspended(bool suspended)
{
    m_suspended = suspended;
    applyChecking();
    if (m_checkAction)
        m_checkAction->setEnabled(!suspended && m_checker->hasDictionary());
}

void SpellingController::applyChecking()
{
    m_plainHighlighter->setChecking(m_wanted && !m_suspended);
    m_richHighlighter->setChecking(m_wanted && !m_suspended);
}

bool SpellingController::isChecking() const
{
    return m_plainHighlighter->isChecking() && m_checker->hasDictionary();
}

SpellHighlighter *SpellingController::highlighter(const QWidget *editor) const
{
    if (editor == m_plain)
        return m_plainHighlighter;
    return editor == m_rich ? m_richHighlighter : nullptr;
}

void SpellingController::applyLanguage(const QString &tag)
{
    if (tag.isEmpty() || (tag == m_checker->language() && m_checker->hasDictionary()))
        return;
    if (!m_checker->setLanguage(tag))
        return; // the dictionary went away since the menu was made: the previous one stays
    if (m_languageGroup) {
        for (QAction *action : m_languageGroup->actions())
            action->setChecked(action->data().toString() == tag);
    }
    rehighlight();
    emit languageChanged(tag);
}

void SpellingController::rehighlight()
{
    m_plainHighlighter->recheck();
    m_richHighlighter->recheck();
}

std::unique_ptr<QMenu> SpellingController::contextMenu(QWidget *editor, const QPoint &viewportPosition)
{
    std::unique_ptr<QMenu> menu;
    QTextCursor at;
    bool readOnly = true;
    if (editor == m_plain) {
        at = m_plain->cursorForPosition(viewportPosition);
        menu.reset(m_plain->createStandardContextMenu());
        readOnly = m_plain->isReadOnly();
    } else if (editor == m_rich) {
        at = m_rich->cursorForPosition(viewportPosition);
        // In document coordinates, for "Copy link location" on a link.
        menu.reset(m_rich->createStandardContextMenu(
            viewportPosition +
            QPoint(m_rich->horizontalScrollBar()->value(), m_rich->verticalScrollBar()->value())));
        readOnly = m_rich->isReadOnly();
    } else {
        return menu;
    }
    const QTextCursor word = readOnly ? QTextCursor() : highlighter(editor)->misspelledWordAt(at.position());
    if (word.isNull())
        return menu;

    QAction *first = menu->actions().value(0);
    const QStringList suggestions = m_checker->suggestions(word.selectedText());
    for (const QString &suggestion : suggestions) {
        auto *replace = new QAction(escapedMnemonic(suggestion), menu.get());
        replace->setObjectName(QStringLiteral("spellingSuggestion"));
        replace->setData(suggestion);
        // One edit block: one Ctrl+Z brings the word back.
        connect(replace, &QAction::triggered, replace, [cursor = QTextCursor(word), suggestion]() mutable {
            cursor.beginEditBlock();
            cursor.insertText(suggestion);
            cursor.endEditBlock();
        });
        menu->insertAction(first, replace);
    }
    if (suggestions.isEmpty()) {
        auto *none = new QAction(tr("No suggestions"), menu.get());
        none->setEnabled(false);
        menu->insertAction(first, none);
    }
    auto *add = new QAction(tr("&Add to dictionary"), menu.get());
    add->setObjectName(QStringLiteral("addToDictionary"));
    const QString text = word.selectedText();
    connect(add, &QAction::triggered, this, [this, text] {
        m_checker->addToPersonalDictionary(text);
        rehighlight();
    });
    menu->insertAction(first, add);
    menu->insertSeparator(first);
    return menu;
}

void SpellingController::showContextMenu(QWidget *editor, const QPoint &viewportPosition)
{
    const std::unique_ptr<QMenu> menu = contextMenu(editor, viewportPosition);
    if (!menu)
        return;
    QWidget *viewport = editor == m_plain ? m_plain->viewport() : m_rich->viewport();
    menu->exec(viewport->mapToGlobal(viewportPosition));
}
