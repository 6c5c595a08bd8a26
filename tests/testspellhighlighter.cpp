#include "accountstore.h"
#include "addressparser.h"
#include "composewindow.h"
#include "draftstore.h"
#include "secretstore.h"
#include "spellchecker.h"
#include "spellhighlighter.h"
#include "spellingcontroller.h"
#include "userpreferences.h"
#include "widgettesting.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextEdit>
#include <QTextLayout>

using namespace Qt::StringLiterals;

// Spell checking in the compose window, typed into as a person would, with the real Enchant and
// hunspell-en-us, and a tiny "en_GB" dictionary of this test's own to tell two languages apart.
class TestSpellHighlighter : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void typedMisspellingIsUnderlinedAndCorrected_data();
    void typedMisspellingIsUnderlinedAndCorrected();
    void addToDictionary();
    void skipsWhatIsNotProse_data();
    void skipsWhatIsNotProse();
    void mostlyCjkMessageIsNotChecked();
    void checkSpellingTurnsOff();
    void sentMessageShowsNoUnderlines();
    void languageIsChosenPerMessageAndRememberedPerAccount();
    void languageChosenForAMessageIsSavedInItsDraft();

private:
    std::unique_ptr<ComposeWindow> makeWindow();
    static QStringList underlined(const QTextDocument *document);
    static Account workAccount();
    static QStringList suggestionsIn(const QMenu *menu);

    QTemporaryDir m_dir;
};

using WidgetTesting::screenshot;

void TestSpellHighlighter::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QStringLiteral("en_US"))); // the interface language decides the default
    WidgetTesting::applyDarkPaletteIfAsked();
    // Enchant's personal word list and extra dictionaries: here, not in the user's own configuration.
    const QString config = m_dir.filePath(QStringLiteral("enchant"));
    QVERIFY(QDir().mkpath(config + QStringLiteral("/hunspell")));
    qputenv("ENCHANT_CONFIG_DIR", QFile::encodeName(config));
    QFile affix(config + QStringLiteral("/hunspell/en_GB.aff"));
    QVERIFY(affix.open(QIODevice::WriteOnly));
    affix.write("SET UTF-8\n");
    affix.close();
    QFile words(config + QStringLiteral("/hunspell/en_GB.dic"));
    QVERIFY(words.open(QIODevice::WriteOnly));
    words.write("3\ncolour\nhello\nworld\n");
    words.close();
    UserPreferences::open()->remove(QStringLiteral("compose/checkSpelling"));
}

std::unique_ptr<ComposeWindow> TestSpellHighlighter::makeWindow()
{
    AddressParser::Error error;
    auto window = std::make_unique<ComposeWindow>(
        SmtpServerSettings{}, AddressParser::parseMailbox(QStringLiteral("me@example.com"), &error),
        QStringLiteral("Test"));
    window->setConfirmations(false);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return {};
    return window;
}

// The words of the document that carry the spell-check underline, in order.
QStringList TestSpellHighlighter::underlined(const QTextDocument *document)
{
    QStringList words;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
            if (range.format.underlineStyle() == QTextCharFormat::SpellCheckUnderline)
                words << block.text().mid(range.start, range.length);
        }
    }
    return words;
}

QStringList TestSpellHighlighter::suggestionsIn(const QMenu *menu)
{
    QStringList suggestions;
    for (const QAction *action : menu->actions()) {
        if (action->objectName() == QStringLiteral("spellingSuggestion"))
            suggestions << action->data().toString();
    }
    return suggestions;
}

void TestSpellHighlighter::typedMisspellingIsUnderlinedAndCorrected_data()
{
    QTest::addColumn<bool>("rich");
    QTest::newRow("plain text") << false;
    QTest::newRow("rich text") << true;
}

void TestSpellHighlighter::typedMisspellingIsUnderlinedAndCorrected()
{
    QFETCH(bool, rich);
    const std::unique_ptr<ComposeWindow> window = makeWindow();
    QVERIFY(window);
    SpellingController *spelling = window->spelling();
    QCOMPARE(spelling->language(), QStringLiteral("en_US"));
    QVERIFY(spelling->isChecking());
    QVERIFY(spelling->checkAction()->isChecked());
    window->setRichText(rich);
    QPlainTextEdit *plain = window->bodyEdit();
    QTextEdit *formatted = window->richBodyEdit();
    QWidget *editor = rich ? static_cast<QWidget *>(formatted) : plain;
    QTextDocument *document = rich ? formatted->document() : plain->document();
    if (rich) // a bold word keeps its weight and gets the underline on top
        formatted->setFontWeight(QFont::Bold);

    editor->setFocus();
    QTest::keyClicks(editor, QStringLiteral("Helo wrold"));
    QCOMPARE(document->toPlainText(), QStringLiteral("Helo wrold"));
    QTRY_COMPARE(underlined(document), (QStringList{u"Helo"_s, u"wrold"_s}));
    const QTextLayout::FormatRange range = document->firstBlock().layout()->formats().constFirst();
    QCOMPARE(range.format.underlineColor(), QColor(0xd9, 0x30, 0x25));
    screenshot(window.get(),
               rich ? QStringLiteral("spelling-underline-rich") : QStringLiteral("spelling-underline"));

    // The context menu on "wrold" (where a right click would land).
    QTextCursor at(document);
    at.setPosition(7);
    const QPoint point = (rich ? formatted->cursorRect(at) : plain->cursorRect(at)).center();
    std::unique_ptr<QMenu> menu = spelling->contextMenu(editor, point);
    QVERIFY(menu);
    const QStringList suggestions = suggestionsIn(menu.get());
    QVERIFY2(suggestions.contains(QStringLiteral("world")), qPrintable(suggestions.join(u',')));
    QVERIFY(suggestions.size() <= 6);
    QCOMPARE(menu->actions().constFirst()->objectName(), QStringLiteral("spellingSuggestion"));
    QAction *add = menu->findChild<QAction *>(QStringLiteral("addToDictionary"));
    QVERIFY(add);
    // The editor's own entries follow (Undo, Copy, Paste, Select All...).
    QVERIFY(menu->actions().size() >= suggestions.size() + 2 + 4);
    menu->popup(editor->mapToGlobal(point));
    QVERIFY(QTest::qWaitForWindowExposed(menu.get()));
    screenshot(menu.get(), rich ? QStringLiteral("spelling-menu-rich") : QStringLiteral("spelling-menu"));
    menu->hide();

    QAction *world = nullptr;
    for (QAction *action : menu->actions()) {
        if (action->data().toString() == QStringLiteral("world"))
            world = action;
    }
    QVERIFY(world);
    world->trigger();
    QCOMPARE(document->toPlainText(), QStringLiteral("Helo world"));
    QTRY_COMPARE(underlined(document), QStringList{u"Helo"_s});
    if (rich) {
        QTextCursor replaced(document);
        replaced.setPosition(8);
        QCOMPARE(replaced.charFormat().fontWeight(), int(QFont::Bold));
    }

    // One undo step brings the word back, one redo the correction.
    rich ? formatted->undo() : plain->undo();
    QCOMPARE(document->toPlainText(), QStringLiteral("Helo wrold"));
    rich ? formatted->redo() : plain->redo();
    QCOMPARE(document->toPlainText(), QStringLiteral("Helo world"));

    // A correct word gets the editor's menu only.
    menu = spelling->contextMenu(editor, point);
    QVERIFY(suggestionsIn(menu.get()).isEmpty());
    QVERIFY(!menu->findChild<QAction *>(QStringLiteral("addToDictionary")));
    QVERIFY(!menu->actions().isEmpty());

    // A message that is read-only (sent) offers no corrections.
    at.setPosition(2);
    const QPoint onHelo = (rich ? formatted->cursorRect(at) : plain->cursorRect(at)).center();
    QVERIFY(!suggestionsIn(spelling->contextMenu(editor, onHelo).get()).isEmpty());
    rich ? formatted->setReadOnly(true) : plain->setReadOnly(true);
    QVERIFY(suggestionsIn(spelling->contextMenu(editor, onHelo).get()).isEmpty());
}

void TestSpellHighlighter::addToDictionary()
{
    const std::unique_ptr<ComposeWindow> window = makeWindow();
    QVERIFY(window);
    QPlainTextEdit *body = window->bodyEdit();
    QTest::keyClicks(body, QStringLiteral("Zorblify the text"));
    QTRY_COMPARE(underlined(body->document()), QStringList{u"Zorblify"_s});
    QTextCursor at(body->document());
    at.setPosition(3);
    std::unique_ptr<QMenu> menu = window->spelling()->contextMenu(body, body->cursorRect(at).center());
    QAction *add = menu->findChild<QAction *>(QStringLiteral("addToDictionary"));
    QVERIFY(add);
    add->trigger();
    QTRY_VERIFY(underlined(body->document()).isEmpty());
    QCOMPARE(body->toPlainText(), QStringLiteral("Zorblify the text"));

    // Kept: the next window knows the word too.
    const std::unique_ptr<ComposeWindow> next = makeWindow();
    QVERIFY(next);
    QTest::keyClicks(next->bodyEdit(), QStringLiteral("Zorblify teh"));
    QTRY_COMPARE(underlined(next->bodyEdit()->document()), QStringList{u"teh"_s});
}

void TestSpellHighlighter::skipsWhatIsNotProse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("misspelt");
    QTest::newRow("signature") << QStringLiteral("Helo wrold\n\n-- \nJohnn Smiht\nAcme Widgts")
                               << QStringList{u"Helo"_s, u"wrold"_s};
    QTest::newRow("quoted lines of a reply")
        << QStringLiteral("Thanks, wrold.\n> Helo wrold\n>> Johnn Smiht wrote:\nSee yuo")
        << QStringList{u"wrold"_s, u"yuo"_s};
    QTest::newRow("urls and addresses")
        << QStringLiteral("see https://exampel.com/pathh and tset@exampel.com, wrold")
        << QStringList{u"wrold"_s};
    QTest::newRow("digits and acronyms")
        << QStringLiteral("Ticket abc123 in v2 via SMTPP, wrold") << QStringList{u"wrold"_s};
    QTest::newRow("some chinese") << QStringLiteral("Helo 你好世界, and more English words in this line")
                                  << QStringList{u"Helo"_s};
    QTest::newRow("chinese next to a word")
        << QStringLiteral("Please send the Gmial 附件 to the team") << QStringList{u"Gmial"_s};
    QTest::newRow("mostly chinese") << QStringLiteral("我们今天把邮件发送给大家 wrold") << QStringList{};
}

void TestSpellHighlighter::skipsWhatIsNotProse()
{
    QFETCH(QString, text);
    QFETCH(QStringList, misspelt);
    const std::unique_ptr<ComposeWindow> window = makeWindow();
    QVERIFY(window);
    window->bodyEdit()->setPlainText(text);
    QTRY_COMPARE(underlined(window->bodyEdit()->document()), misspelt);
    window->setRichText(true); // the same words in the rich editor
    QTRY_COMPARE(underlined(window->richBodyEdit()->document()), misspelt);
}

void TestSpellHighlighter::mostlyCjkMessageIsNotChecked()
{
    const std::unique_ptr<ComposeWindow> window = makeWindow();
    QVERIFY(window);
    QPlainTextEdit *body = window->bodyEdit();
    QTest::keyClicks(body, QStringLiteral("wrold "));
    QTRY_COMPARE(underlined(body->document()), QStringList{u"wrold"_s});
    WidgetTesting::type(body, QStringLiteral("今天天气很好"));
    QCOMPARE(body->toPlainText(), QStringLiteral("wrold 今天天气很好"));
    QTRY_VERIFY(underlined(body->document()).isEmpty());
    QVERIFY(window->spelling()->highlighter(body)->isMostlyCjk());
    body->setPlainText(QStringLiteral("wrold and some more English words 今天"));
    QTRY_COMPARE(underlined(body->document()), QStringList{u"wrold"_s});
}

void TestSpellHighlighter::checkSpellingTurnsOff()
{
    // Underlines are not edits: no autosave, no "modified", not even for a text that was there first,
    // nor when the highlighter goes and takes them along.
    {
        QPlainTextEdit editor;
        editor.setPlainText(QStringLiteral("Helo wrold"));
        QSignalSpy changed(&editor, &QPlainTextEdit::textChanged);
        SpellChecker checker;
        QVERIFY(checker.setLanguage(QStringLiteral("en_US")));
        auto highlighter = std::make_unique<SpellHighlighter>(&checker, editor.document(), nullptr);
        QCOMPARE(underlined(editor.document()), (QStringList{u"Helo"_s, u"wrold"_s}));
        QCoreApplication::processEvents(); // where QSyntaxHighlighter's own first pass would run
        highlighter.reset();
        QVERIFY(underlined(editor.document()).isEmpty());
        QCOMPARE(changed.count(), 0);
        QCOMPARE(editor.toPlainText(), QStringLiteral("Helo wrold"));
    }

    std::unique_ptr<ComposeWindow> window = makeWindow();
    QVERIFY(window);
    QPlainTextEdit *body = window->bodyEdit();
    QTest::keyClicks(body, QStringLiteral("Helo"));
    QTRY_COMPARE(underlined(body->document()), QStringList{u"Helo"_s});
    QSignalSpy changed(body, &QPlainTextEdit::textChanged);
    QAction *check = window->spelling()->checkAction();
    QVERIFY(check->isEnabled());
    check->trigger();
    QVERIFY(!check->isChecked());
    QTRY_VERIFY(underlined(body->document()).isEmpty());
    QCOMPARE(changed.count(), 0);
    check->trigger();
    QTRY_COMPARE(underlined(body->document()), QStringList{u"Helo"_s});
    check->trigger();
    QTRY_VERIFY(underlined(body->document()).isEmpty());
    QCOMPARE(changed.count(), 0);

    // Remembered: the next window starts without.
    window = makeWindow();
    QVERIFY(window);
    QVERIFY(!window->spelling()->checkAction()->isChecked());
    QTest::keyClicks(window->bodyEdit(), QStringLiteral("Helo"));
    window->spelling()->checkAction()->trigger();
    QTRY_COMPARE(underlined(window->bodyEdit()->document()), QStringList{u"Helo"_s});
    QVERIFY(window->spelling()->isChecking());
}

// A sent message is read-only: underlines there would ask for corrections nobody can make. The setting
// itself stays, and a new message is checked again.
void TestSpellHighlighter::sentMessageShowsNoUnderlines()
{
    std::unique_ptr<ComposeWindow> window = makeWindow();
    QVERIFY(window);
    window->spelling()->setChecking(true);
    Draft sent;
    sent.state = Draft::State::Sent;
    sent.to = QStringLiteral("a@example.com");
    sent.subject = QStringLiteral("Sent");
    sent.text = QStringLiteral("Helo wrold");
    sent.sentAt = QDateTime::currentDateTime();
    sent.acceptedRecipients = {QStringLiteral("a@example.com")};
    window->loadDraft(sent);
    QVERIFY(window->isShowingSent());
    QTRY_VERIFY(underlined(window->bodyEdit()->document()).isEmpty());
    QVERIFY(!window->spelling()->checkAction()->isEnabled());
    QVERIFY(window->spelling()->checkAction()->isChecked()); // the setting stays

    window->editAsNew(); // a copy to edit: checked again
    QVERIFY(!window->isShowingSent());
    QTRY_COMPARE(underlined(window->bodyEdit()->document()), (QStringList{u"Helo"_s, u"wrold"_s}));
    QVERIFY(window->spelling()->checkAction()->isEnabled());
}

Account TestSpellHighlighter::workAccount()
{
    Account work;
    work.name = QStringLiteral("Work");
    work.identities.append({QStringLiteral("Me"), QStringLiteral("me@work.example"), {}, {}});
    work.host = QStringLiteral("smtp.work.example");
    return work;
}

void TestSpellHighlighter::languageIsChosenPerMessageAndRememberedPerAccount()
{
    AccountStore store(m_dir.filePath(QStringLiteral("accounts.conf")));
    Account work = workAccount();
    Account home = work;
    home.name = QStringLiteral("Home");
    home.identities = {{QStringLiteral("Me"), QStringLiteral("me@home.example"), {}, {}}};
    QVERIFY(store.save(work).ok());
    QVERIFY(store.save(home).ok());
    store.setDefaultAccountId(work.id);
    SecretStore secrets(QStringLiteral("sendscope-test-spelling"));

    std::unique_ptr<ComposeWindow> window = makeWindow();
    QVERIFY(window);
    window->setAccounts(&store, &secrets, 2525);
    SpellingController *spelling = window->spelling();
    QCOMPARE(spelling->language(), QStringLiteral("en_US"));
    QMenu *languages = spelling->languageMenu();
    QStringList names;
    QAction *british = nullptr;
    for (QAction *action : languages->actions()) {
        names << action->text();
        if (action->data().toString() == QStringLiteral("en_GB"))
            british = action;
        QCOMPARE(action->isChecked(), action->data().toString() == QStringLiteral("en_US"));
    }
    QVERIFY2(names.contains(QStringLiteral("English (United States)")), qPrintable(names.join(u',')));
    QVERIFY2(british, qPrintable(names.join(u',')));
    QCOMPARE(british->text(), QStringLiteral("English (United Kingdom)"));
    languages->popup(window->mapToGlobal(QPoint(40, 40)));
    QVERIFY(QTest::qWaitForWindowExposed(languages));
    screenshot(languages, QStringLiteral("spelling-languages"));
    languages->hide();

    QPlainTextEdit *body = window->bodyEdit();
    QTest::keyClicks(body, QStringLiteral("colour wrold"));
    QTRY_COMPARE(underlined(body->document()), (QStringList{u"colour"_s, u"wrold"_s}));
    QSignalSpy languageChanged(spelling, &SpellingController::languageChanged);
    QSignalSpy textChanged(body, &QPlainTextEdit::textChanged);
    british->trigger();
    QCOMPARE(languageChanged.count(), 1);
    QCOMPARE(textChanged.count(), 0);
    QCOMPARE(spelling->language(), QStringLiteral("en_GB"));
    QVERIFY(british->isChecked());
    QTRY_COMPARE(underlined(body->document()), QStringList{u"wrold"_s});
    QCOMPARE(store.findById(work.id)->spellingLanguage, QStringLiteral("en_GB"));
    QVERIFY(store.findById(home.id)->spellingLanguage.isEmpty());
    // Chosen for this message: another From keeps it.
    window->fromSelector()->setCurrentIndex(window->fromSelector()->findData(home.id));
    QCOMPARE(spelling->language(), QStringLiteral("en_GB"));

    // A new message from Work starts with what Work remembers; from Home, with the default.
    window = makeWindow();
    QVERIFY(window);
    window->setAccounts(&store, &secrets, 2525);
    QCOMPARE(window->spelling()->language(), QStringLiteral("en_GB"));
    window->fromSelector()->setCurrentIndex(window->fromSelector()->findData(home.id));
    QCOMPARE(window->spelling()->language(), QStringLiteral("en_US"));
    QTest::keyClicks(window->bodyEdit(), QStringLiteral("colour"));
    QTRY_COMPARE(underlined(window->bodyEdit()->document()), QStringList{u"colour"_s});
}

void TestSpellHighlighter::languageChosenForAMessageIsSavedInItsDraft()
{
    // British English chosen for one message stays with it when it is opened again from the drafts,
    // even after the account's remembered language went back to American English for another message.
    AccountStore store(m_dir.filePath(QStringLiteral("accounts-draft.conf")));
    Account work = workAccount();
    QVERIFY(store.save(work).ok());
    store.setDefaultAccountId(work.id);
    SecretStore secrets(QStringLiteral("sendscope-test-spelling"));
    DraftStore drafts(m_dir.filePath(QStringLiteral("drafts-spelling")));
    QString draftId;
    {
        std::unique_ptr<ComposeWindow> window = makeWindow();
        QVERIFY(window);
        window->setAccounts(&store, &secrets, 2525);
        window->setDraftStore(&drafts);
        QTest::keyClicks(window->bodyEdit(), QStringLiteral("hello colour")); // the test en_GB knows both
        window->spelling()->chooseLanguage(QStringLiteral("en_GB"));          // what the menu entry calls
        QVERIFY(window->saveDraftNow());
        draftId = window->draftId();
    }
    const std::optional<Draft> stored = drafts.load(draftId);
    QVERIFY(stored);
    QCOMPARE(stored->spellingLanguage, QStringLiteral("en_GB"));
    store.setSpellingLanguage(work.id, QStringLiteral("en_US"));

    std::unique_ptr<ComposeWindow> reopened = makeWindow();
    QVERIFY(reopened);
    reopened->setAccounts(&store, &secrets, 2525);
    reopened->setDraftStore(&drafts);
    reopened->loadDraft(*stored);
    QCOMPARE(reopened->spelling()->language(), QStringLiteral("en_GB"));
    QTRY_COMPARE(underlined(reopened->bodyEdit()->document()), QStringList{});
    // Reopening is not choosing: the account keeps what it remembered.
    QCOMPARE(store.findById(work.id)->spellingLanguage, QStringLiteral("en_US"));
    // A message that follows the account stores no language of its own.
    std::unique_ptr<ComposeWindow> fresh = makeWindow();
    fresh->setAccounts(&store, &secrets, 2525);
    QVERIFY(fresh->currentDraft().spellingLanguage.isEmpty());
}

QTEST_MAIN(TestSpellHighlighter)
#include "testspellhighlighter.moc"
