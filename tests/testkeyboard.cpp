#include "accountdialog.h"
#include "accountstore.h"
#include "addressparser.h"
#include "bounceexplainerdialog.h"
#include "bulksendwindow.h"
#include "certificatedialog.h"
#include "composewindow.h"
#include "draftstore.h"
#include "localization.h"
#include "outboxwindow.h"
#include "preferencesdialog.h"
#include "sandboxmailbox.h"
#include "sandboxmailboxwindow.h"
#include "secretstore.h"
#include "sendservice.h"
#include "spellingcontroller.h"
#include "widgettesting.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>

// Keyboard use of every window, in the language CTest starts it in (English, and Chinese as
// testkeyboard_zh_CN): each Alt+letter does one thing per window, Tab goes From, To, Cc, Subject, text,
// and Esc closes the tool windows.
class TestKeyboard : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void composeMnemonicsUnique();
    void dialogMnemonicsUnique();
    void spellingMenusMnemonicsUnique();
    void everyMenuMnemonicsUnique();
    void composeTabOrder();
    void escClosesToolWindows();
    void bulkSendMnemonicsUnique();

private:
    ComposeWindow *compose();

    QTemporaryDir m_dir;
    std::unique_ptr<AccountStore> m_accounts;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<ComposeWindow> m_compose;
};

void TestKeyboard::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    // The same call as main(): the locale of the session decides.
    Localization::install(qApp, Localization::localeFor(QString()));
    m_accounts = std::make_unique<AccountStore>(m_dir.filePath(QStringLiteral("accounts.conf")));
    m_secrets = std::make_unique<SecretStore>(QStringLiteral("sendscope-test-keyboard"));
}

ComposeWindow *TestKeyboard::compose()
{
    AddressParser::Error error;
    m_compose = std::make_unique<ComposeWindow>(
        SmtpServerSettings{}, AddressParser::parseMailbox(QStringLiteral("me@sandbox.invalid"), &error),
        QStringLiteral("Local sandbox"));
    m_compose->setConfirmations(false);
    m_compose->setAccounts(m_accounts.get(), m_secrets.get(), 2525);
    SandboxMailbox *mailbox = new SandboxMailbox(m_dir.filePath(QStringLiteral("sandbox")), m_compose.get());
    m_compose->setSandboxMailbox(mailbox);
    m_compose->show();
    return m_compose.get();
}

// Every Alt+letter a person can see in window: menu bar titles, labels with a buddy, buttons and check
// boxes, group boxes and tabs. Returns the texts that share a letter, empty when none do.
static QStringList mnemonicClashes(QWidget *window)
{
    QMultiHash<QKeySequence, QString> byKey;
    auto add = [&byKey](const QString &text) {
        const QKeySequence key = QKeySequence::mnemonic(text);
        if (!key.isEmpty())
            byKey.insert(key, text);
    };
    auto shown = [window](QWidget *widget) { return widget->isVisibleTo(window); };
    for (QMenuBar *bar : window->findChildren<QMenuBar *>()) {
        for (QAction *menu : bar->actions()) {
            if (menu->isVisible())
                add(menu->text());
        }
    }
    for (QLabel *label : window->findChildren<QLabel *>()) {
        if (shown(label) && label->buddy())
            add(label->text());
    }
    for (QAbstractButton *button : window->findChildren<QAbstractButton *>()) {
        if (shown(button))
            add(button->text());
    }
    for (QGroupBox *box : window->findChildren<QGroupBox *>()) {
        if (shown(box))
            add(box->title());
    }
    for (QTabWidget *tabs : window->findChildren<QTabWidget *>()) {
        if (!shown(tabs))
            continue;
        for (int i = 0; i < tabs->count(); ++i)
            add(tabs->tabText(i));
    }
    QStringList clashes;
    for (const QKeySequence &key : byKey.uniqueKeys()) {
        const QStringList texts = byKey.values(key);
        if (texts.size() > 1)
            clashes << key.toString() + QStringLiteral(": ") + texts.join(QStringLiteral(" | "));
    }
    return clashes;
}

void TestKeyboard::composeMnemonicsUnique()
{
    ComposeWindow *window = compose();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QStringList clashes = mnemonicClashes(window);
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u'\n')));

    window->findChild<QAbstractButton *>(QStringLiteral("bccToggle"))->click(); // Bcc shown
    clashes = mnemonicClashes(window);
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u'\n')));

    Draft sent; // the sent banner with all its buttons
    sent.state = Draft::State::Sent;
    sent.to = QStringLiteral("a@example.com, b@example.com");
    sent.sentAt = QDateTime::currentDateTime();
    sent.acceptedRecipients = {QStringLiteral("a@example.com")};
    sent.refusedRecipients = {QStringLiteral("b@example.com")};
    window->loadDraft(sent);
    QVERIFY(window->sendRefusedButton()->isVisible());
    clashes = mnemonicClashes(window);
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u'\n')));
}

void TestKeyboard::dialogMnemonicsUnique()
{
    ComposeWindow *parent = compose();
    DraftStore drafts(m_dir.filePath(QStringLiteral("drafts")));
    SandboxMailbox mailbox(m_dir.filePath(QStringLiteral("sandbox")));
    std::vector<std::unique_ptr<QWidget>> windows;
    windows.push_back(std::make_unique<OutboxWindow>(&drafts));
    windows.push_back(std::make_unique<SandboxMailboxWindow>(&mailbox));
    windows.push_back(std::make_unique<PreferencesDialog>(parent));
    windows.push_back(std::make_unique<CertificateDialog>(
        QStringLiteral("mail.example.com"), QList<QSslCertificate>{},
        QList<QSslError>{QSslError(QSslError::SelfSignedCertificate)}, false, parent));
    windows.push_back(std::make_unique<AccountDialog>(Account{}, m_accounts.get(), m_secrets.get(), parent));
    windows.push_back(std::make_unique<BounceExplainerDialog>(parent));
    for (const auto &window : windows) {
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        const QStringList clashes = mnemonicClashes(window.get());
        QVERIFY2(clashes.isEmpty(),
                 qPrintable(window->windowTitle() + QStringLiteral(":\n") + clashes.join(u'\n')));
        window->close();
    }
}

// The entries of one menu, each with its own letter.
static QStringList menuMnemonicClashes(const QMenu *menu)
{
    QMultiHash<QKeySequence, QString> byKey;
    for (const QAction *action : menu->actions()) {
        const QKeySequence key = QKeySequence::mnemonic(action->text());
        if (action->isVisible() && !key.isEmpty())
            byKey.insert(key, action->text());
    }
    QStringList clashes;
    for (const QKeySequence &key : byKey.uniqueKeys()) {
        if (byKey.count(key) > 1)
            clashes << key.toString() + QStringLiteral(": ") + byKey.values(key).join(QStringLiteral(" | "));
    }
    return clashes;
}

// Every menu of the menu bar, and every submenu in them, each with its own letters (Account once had
// "&Remove this account…" and "Sandbox &rehearses…").
void TestKeyboard::everyMenuMnemonicsUnique()
{
    ComposeWindow *window = compose();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QList<QMenu *> menus;
    for (QAction *title : window->menuBar()->actions()) {
        if (title->menu())
            menus << title->menu();
    }
    QVERIFY(menus.size() >= 5); // File, View, Format, Options, Account, Help at least
    for (qsizetype i = 0; i < menus.size(); ++i) {
        for (QAction *action : menus.at(i)->actions()) {
            if (action->menu() && !menus.contains(action->menu()))
                menus << action->menu();
        }
        const QStringList clashes = menuMnemonicClashes(menus.at(i));
        QVERIFY2(clashes.isEmpty(),
                 qPrintable(menus.at(i)->title() + QStringLiteral(":\n") + clashes.join(u'\n')));
    }
}

// Format (with Check spelling and Spelling language) and the context menu of a misspelt word, which puts
// suggestions and Add to dictionary above the editor's own entries.
void TestKeyboard::spellingMenusMnemonicsUnique()
{
    ComposeWindow *window = compose();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    SpellingController *spelling = window->spelling();
    QMenu *format = nullptr;
    for (QAction *title : window->menuBar()->actions()) {
        if (title->menu() && title->menu()->actions().contains(spelling->checkAction()))
            format = title->menu();
    }
    QVERIFY(format);
    QStringList clashes = menuMnemonicClashes(format);
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u'\n')));
    clashes = menuMnemonicClashes(spelling->languageMenu());
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u'\n')));

    QTest::keyClicks(window->bodyEdit(), QStringLiteral("Helo"));
    QTextCursor at(window->bodyEdit()->document());
    at.setPosition(2);
    const std::unique_ptr<QMenu> menu =
        spelling->contextMenu(window->bodyEdit(), window->bodyEdit()->cursorRect(at).center());
    QVERIFY(menu->findChild<QAction *>(QStringLiteral("addToDictionary")));
    clashes = menuMnemonicClashes(menu.get());
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u'\n')));
    menu->popup(window->bodyEdit()->mapToGlobal(window->bodyEdit()->cursorRect(at).center()));
    QVERIFY(QTest::qWaitForWindowExposed(menu.get()));
    WidgetTesting::screenshot(menu.get(), QStringLiteral("spelling-menu-") + QLocale().name());
}

void TestKeyboard::composeTabOrder()
{
    ComposeWindow *window = compose();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    window->fromSelector()->setFocus();
    QTRY_VERIFY(window->fromSelector()->hasFocus());
    const QList<QWidget *> expected{static_cast<QWidget *>(window->toField()), window->ccField(),
                                    window->subjectField(), window->bodyEdit()};
    QList<QWidget *> seen;
    for (int i = 0; i < 8 && seen.size() < expected.size(); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QWidget *focus = QApplication::focusWidget();
        if (expected.contains(focus))
            seen << focus;
    }
    QCOMPARE(seen, expected);
    // Backwards from To is From: it comes first.
    window->toField()->setFocus();
    QTest::keyClick(window->toField(), Qt::Key_Backtab);
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(window->fromSelector()));
}

void TestKeyboard::escClosesToolWindows()
{
    DraftStore drafts(m_dir.filePath(QStringLiteral("drafts")));
    SandboxMailbox mailbox(m_dir.filePath(QStringLiteral("sandbox")));
    OutboxWindow outbox(&drafts);
    SandboxMailboxWindow box(&mailbox);
    for (QWidget *window : std::initializer_list<QWidget *>{&outbox, &box}) {
        window->show();
        QVERIFY(QTest::qWaitForWindowActive(window));
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : window, Qt::Key_Escape);
        QTRY_VERIFY2(!window->isVisible(), qPrintable(window->windowTitle()));
    }
}

// Every step of the bulk send window, each with what it shows then (a step's page and the buttons
// below), and Esc closes it while no run is under way.
void TestKeyboard::bulkSendMnemonicsUnique()
{
    const QString data = m_dir.filePath(QStringLiteral("工资.csv"));
    QFile file(data);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral("工号,姓名,邮箱\n1001,张三,zhangsan@example.com\n").toUtf8());
    file.close();
    SendService service(m_accounts.get(), m_secrets.get(), nullptr);
    BulkSendWindow window(m_accounts.get(), &service);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.loadDataFile(data));
    for (const auto step : {BulkSendWindow::DataStep, BulkSendWindow::MessageStep, BulkSendWindow::CheckStep,
                            BulkSendWindow::PreviewStep, BulkSendWindow::SendStep}) {
        window.showStep(step);
        QCOMPARE(window.currentStep(), step);
        const QStringList clashes = mnemonicClashes(&window);
        QVERIFY2(clashes.isEmpty(),
                 qPrintable(QString::number(step) + QStringLiteral(":\n") + clashes.join(u'\n')));
    }
    // The send step with rows in doubt adds the notice's two buttons (Mark as delivered, Send again).
    window.showStep(BulkSendWindow::SendStep);
    window.doubtNotice()->show();
    QVERIFY(window.markDeliveredButton()->isVisibleTo(&window));
    {
        const QStringList clashes = mnemonicClashes(&window);
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u'\n')));
    }
    window.doubtNotice()->hide();
    // A workbook's data step shows its sheet choice instead.
    QVERIFY(window.loadDataFile(QStringLiteral(SENDSCOPE_SOURCE_DIR "/tests/data/merge/excel-style.xlsx")));
    window.showStep(BulkSendWindow::DataStep);
    QVERIFY(window.sheetSelector()->isVisible());
    const QStringList clashes = mnemonicClashes(&window);
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u'\n')));
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : &window, Qt::Key_Escape);
    QTRY_VERIFY(!window.isVisible());
}

QTEST_MAIN(TestKeyboard)
#include "testkeyboard.moc"
