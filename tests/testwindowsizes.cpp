#include "accountdialog.h"
#include "accountstore.h"
#include "addressparser.h"
#include "bounceexplainerdialog.h"
#include "bulksendwindow.h"
#include "certificatedialog.h"
#include "composewindow.h"
#include "domaincheckdialog.h"
#include "draftstore.h"
#include "localization.h"
#include "outboxwindow.h"
#include "preferencesdialog.h"
#include "sandboxmailbox.h"
#include "sandboxmailboxwindow.h"
#include "secretstore.h"
#include "sendservice.h"
#include "widgettesting.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QSslError>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

// Every window and dialog on a small or scaled screen: CTest runs this on an offscreen 1024×600 screen
// and on 1920×1080 at QT_SCALE_FACTOR=2 (960×540 logical pixels); SENDSCOPE_EXPECTED_SCREEN says which,
// so that a configuration the platform plugin ignored fails instead of passing on its default screen.
// Each window's frame must lie inside the screen's available geometry, and its default and Cancel
// buttons (or, for tool windows, every button) must be shown whole, not cut off or scrolled away.
class TestWindowSizes : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void composeWindow();
    void composeWindowSent();
    void outboxWindow();
    void sandboxMailboxWindow();
    void preferencesDialog();
    void certificateDialog();
    void accountDialog();
    void bounceExplainerDialog();
    void domainCheckDialog();
    void bulkSendWindow_data();
    void bulkSendWindow();

private:
    ComposeWindow *compose();
    // Fails the test unless window fits the screen and each of buttons is shown whole.
    void checkFits(QWidget *window, const QList<QPushButton *> &buttons, const QString &name);

    QTemporaryDir m_dir;
    std::unique_ptr<AccountStore> m_accounts;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<ComposeWindow> m_compose;
};

void TestWindowSizes::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // As main() does: the session's language decides (LANG=zh_CN.UTF-8 shows the Chinese texts fit too).
    Localization::install(qApp, Localization::localeFor(QString()));
    const QString expected = qEnvironmentVariable("SENDSCOPE_EXPECTED_SCREEN");
    QVERIFY2(!expected.isEmpty(), "run through CTest, which sets the screen");
    QScreen *screen = QGuiApplication::primaryScreen();
    const QString actual = QStringLiteral("%1x%2")
                               .arg(screen->availableGeometry().width())
                               .arg(screen->availableGeometry().height());
    QCOMPARE(actual, expected);
    m_accounts = std::make_unique<AccountStore>(m_dir.filePath(QStringLiteral("accounts.conf")));
    Account local; // as on first start: the sandbox, with its banner in the compose window
    local.name = QStringLiteral("Local sandbox");
    local.identities.append({QStringLiteral("You"), QStringLiteral("you@sandbox.invalid"), {}, {}});
    local.host = QStringLiteral("127.0.0.1");
    local.isSandbox = true;
    QVERIFY(m_accounts->save(local).ok());
    m_secrets = std::make_unique<SecretStore>(QStringLiteral("sendscope-test-windowsizes"));
}

// Visible, and not clipped by any of its parents (a scroll area's viewport, a too small window).
static bool shownWhole(QWidget *widget)
{
    if (!widget->isVisible())
        return false;
    QRect rect = widget->rect();
    for (QWidget *w = widget; !w->isWindow(); w = w->parentWidget()) {
        rect.translate(w->pos());
        rect = rect.intersected(w->parentWidget()->rect());
    }
    return rect.size() == widget->size();
}

void TestWindowSizes::checkFits(QWidget *window, const QList<QPushButton *> &buttons, const QString &name)
{
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QCoreApplication::sendPostedEvents();
    QApplication::processEvents();
    const QRect available = window->screen()->availableGeometry();
    WidgetTesting::screenshot(
        window, QStringLiteral("fit-%1-%2x%3").arg(name).arg(available.width()).arg(available.height()));
    QVERIFY2(available.contains(window->frameGeometry()),
             qPrintable(QStringLiteral("%1: frame %2,%3 %4×%5 outside %6×%7")
                            .arg(name)
                            .arg(window->frameGeometry().x())
                            .arg(window->frameGeometry().y())
                            .arg(window->frameGeometry().width())
                            .arg(window->frameGeometry().height())
                            .arg(available.width())
                            .arg(available.height())));
    QVERIFY2(!buttons.isEmpty(), qPrintable(name));
    for (QPushButton *button : buttons) {
        QVERIFY2(button, qPrintable(name));
        if (button->isHidden())
            continue; // offered only when needed (Sign in again…)
        QVERIFY2(shownWhole(button), qPrintable(name + QStringLiteral(": ") + button->text()));
    }
}

// The default button and the one that cancels, as a person looks for them to finish a dialog.
static QList<QPushButton *> defaultAndCancel(QWidget *dialog)
{
    QList<QPushButton *> found;
    for (QPushButton *button : dialog->findChildren<QPushButton *>()) {
        auto *box = qobject_cast<QDialogButtonBox *>(button->parentWidget());
        if (button->isDefault() || (box && box->buttonRole(button) == QDialogButtonBox::RejectRole))
            found << button;
    }
    return found;
}

ComposeWindow *TestWindowSizes::compose()
{
    AddressParser::Error error;
    m_compose = std::make_unique<ComposeWindow>(
        SmtpServerSettings{}, AddressParser::parseMailbox(QStringLiteral("me@sandbox.invalid"), &error),
        QStringLiteral("Local sandbox"));
    m_compose->setConfirmations(false);
    m_compose->setAccounts(m_accounts.get(), m_secrets.get(), 2525);
    m_compose->show();
    return m_compose.get();
}

void TestWindowSizes::composeWindow()
{
    ComposeWindow *window = compose();
    QVERIFY(window->sandboxBanner()->isVisible());
    checkFits(window, {window->sendButton(), window->cancelButton()}, QStringLiteral("compose"));
    // Every toolbar button with its text, none pushed into the overflow menu, in the session's language.
    for (QAction *action : window->messageToolBar()->actions()) {
        if (action->isSeparator())
            continue;
        QWidget *button = window->messageToolBar()->widgetForAction(action);
        QVERIFY2(button && shownWhole(button), qPrintable(action->iconText()));
    }
}

void TestWindowSizes::composeWindowSent()
{
    ComposeWindow *window = compose();
    Draft sent;
    sent.state = Draft::State::Sent;
    sent.to = QStringLiteral("a@example.com, b@example.com");
    sent.subject = QStringLiteral("Sent");
    sent.sentAt = QDateTime::currentDateTime();
    sent.acceptedRecipients = {QStringLiteral("a@example.com")};
    sent.refusedRecipients = {QStringLiteral("b@example.com")};
    sent.refusedExplanation = QStringLiteral("The server does not know this mailbox.");
    sent.requestDeliveryReceipt = true; // the banner says what was asked for, too
    sent.requestReadReceipt = true;
    window->loadDraft(sent);
    QVERIFY(window->isShowingSent());
    QVERIFY(!window->saveDraftAction()->isEnabled()); // a sent message does not change
    QVERIFY(!window->messageToolBar()->widgetForAction(window->saveDraftAction())->isEnabled());
    QVERIFY(!window->deliveryReceiptAction()->isEnabled());
    checkFits(window, window->sentBanner()->findChildren<QPushButton *>(), QStringLiteral("compose-sent"));
}

void TestWindowSizes::outboxWindow()
{
    DraftStore drafts(m_dir.filePath(QStringLiteral("drafts")));
    OutboxWindow window(&drafts);
    window.show();
    checkFits(&window, window.findChildren<QPushButton *>(), QStringLiteral("outbox"));
}

void TestWindowSizes::sandboxMailboxWindow()
{
    SandboxMailbox mailbox(m_dir.filePath(QStringLiteral("sandbox")));
    SandboxMailboxWindow window(&mailbox);
    window.show();
    checkFits(&window, window.findChildren<QPushButton *>(), QStringLiteral("sandbox-mailbox"));
}

void TestWindowSizes::preferencesDialog()
{
    PreferencesDialog dialog(compose());
    dialog.show();
    checkFits(&dialog, defaultAndCancel(&dialog), QStringLiteral("preferences"));
}

void TestWindowSizes::certificateDialog()
{
    const QList<QSslError> errors{QSslError(QSslError::SelfSignedCertificate),
                                  QSslError(QSslError::HostNameMismatch)};
    CertificateDialog dialog(QStringLiteral("mail.example.com"), {}, errors, true, compose());
    dialog.show();
    checkFits(&dialog, defaultAndCancel(&dialog), QStringLiteral("certificate"));
}

void TestWindowSizes::accountDialog()
{
    AccountDialog dialog(Account{}, m_accounts.get(), m_secrets.get(), compose());
    dialog.show();
    checkFits(&dialog, defaultAndCancel(&dialog), QStringLiteral("account"));
    // Save is the dialog's purpose even while the form is not yet valid: it must be there to find.
    QPushButton *save = nullptr;
    for (auto *box : dialog.findChildren<QDialogButtonBox *>())
        save = save ? save : box->button(QDialogButtonBox::Save);
    QVERIFY(save);
    QVERIFY(shownWhole(save));
}

void TestWindowSizes::bounceExplainerDialog()
{
    BounceExplainerDialog dialog(compose());
    dialog.show();
    checkFits(&dialog, defaultAndCancel(&dialog), QStringLiteral("bounce-explainer"));
}

void TestWindowSizes::domainCheckDialog()
{
    DomainCheckDialog dialog(QStringLiteral("example.invalid"), compose());
    dialog.show();
    checkFits(&dialog, defaultAndCancel(&dialog), QStringLiteral("domain-check"));
}

void TestWindowSizes::bulkSendWindow_data()
{
    QTest::addColumn<int>("step");
    QTest::addColumn<bool>("workbook");
    QTest::newRow("data") << int(BulkSendWindow::DataStep) << false;
    QTest::newRow("data-workbook") << int(BulkSendWindow::DataStep) << true;
    QTest::newRow("message") << int(BulkSendWindow::MessageStep) << false;
    QTest::newRow("checks") << int(BulkSendWindow::CheckStep) << false;
    QTest::newRow("preview") << int(BulkSendWindow::PreviewStep) << false;
    QTest::newRow("send") << int(BulkSendWindow::SendStep) << false;
    QTest::newRow("send-in-doubt") << int(BulkSendWindow::SendStep) << false;
}

void TestWindowSizes::bulkSendWindow()
{
    QFETCH(int, step);
    QFETCH(bool, workbook);
    QString data = m_dir.filePath(QStringLiteral("工资.csv"));
    QFile file(data);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral("工号,姓名,邮箱\n1001,张三,zhangsan@example.com\n").toUtf8());
    file.close();
    if (workbook) // its sheet choice in place of encoding and delimiter
        data = QStringLiteral(SENDSCOPE_SOURCE_DIR "/tests/data/merge/excel-style.xlsx");
    SendService service(m_accounts.get(), m_secrets.get(), nullptr);
    BulkSendWindow window(m_accounts.get(), &service);
    QVERIFY(window.loadDataFile(data));
    window.showStep(BulkSendWindow::Step(step));
    if (QByteArray(QTest::currentDataTag()) == "send-in-doubt") { // the notice and its two buttons
        window.doubtNoticeLabel()->setText(
            QCoreApplication::translate(
                "BulkSendWindow", "%1 rows may have been delivered: Sendscope stopped after "
                                  "their messages had left and before the server answered. Check the "
                                  "recipients' mailboxes or the server's log, then choose for the selected "
                                  "rows. Start never sends them by itself.")
                .arg(12));
        window.doubtNotice()->show();
    }
    window.show();
    QList<QPushButton *> buttons;
    for (QPushButton *button : window.findChildren<QPushButton *>()) {
        if (button->isVisibleTo(&window))
            buttons << button;
    }
    checkFits(&window, buttons,
              QStringLiteral("bulk-send-%1").arg(QString::fromUtf8(QTest::currentDataTag())));
}

QTEST_MAIN(TestWindowSizes)
#include "testwindowsizes.moc"
