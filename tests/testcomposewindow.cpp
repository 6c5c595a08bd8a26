#include "accountdialog.h"
#include "accountstore.h"
#include "addressparser.h"
#include "composewindow.h"
#include "draftstore.h"
#include "mimeoracle.h"
#include "sandboxmailbox.h"
#include "sandboxmailboxwindow.h"
#include "sandboxserver.h"
#include "scriptedsmtpserver.h"
#include "secretstore.h"
#include "sendservice.h"
#include "testserverenv.h"
#include "transcriptmodel.h"
#include "transcriptpanel.h"
#include "widgettesting.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QInputDialog>
#include <QInputMethodEvent>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QStatusBar>
#include <QStyleFactory>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTextEdit>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUuid>

// The compose window on the offscreen platform, driven as a person would: typing into the fields,
// attaching a file, pressing Ctrl+Return. Set SENDSCOPE_SCREENSHOT_DIR to keep PNGs of what it showed.
class TestComposeWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void sendsToSandboxWithAttachment();
    void invalidAddressIsMarkedAndNotSent();
    void titleFollowsSubject();
    void warningsDefaultToNotSending_data();
    void warningsDefaultToNotSending();
    void richTextStylesFromTheKeyboard_data();
    void richTextStylesFromTheKeyboard();
    void refusedRecipientExplainedAndMessageKept();
    void pasteAttachesFiles();
    void droppedFileAttaches();
    void transcriptLineReadableInFull();
    void sandboxSaysItDeliversNothing();
    void outsideTextIsShownAsText();
    void receiptsAndPriorityReachTheSandbox();
    void deliveryReceiptReachesAServerThatOffersDsn();
    void accountDefaultsApplyToAFreshMessage();
    void ctrlSSavesTheDraft();
    void refusedPasswordCanBeEnteredAgain();

private:
    MailAddress me() const;

    QTemporaryDir m_dir;
    std::unique_ptr<SandboxServer> m_sandbox;
};

void TestComposeWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    WidgetTesting::applyDarkPaletteIfAsked();
    m_sandbox = std::make_unique<SandboxServer>(m_dir.filePath(QStringLiteral("sandbox")));
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
}

MailAddress TestComposeWindow::me() const
{
    AddressParser::Error error;
    return AddressParser::parseMailbox(QStringLiteral("测试者 <tester@sendscope.test>"), &error);
}

using WidgetTesting::screenshot;
using WidgetTesting::type;

void TestComposeWindow::sendsToSandboxWithAttachment()
{
    SmtpServerSettings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = m_sandbox->port();
    settings.security = SmtpSecurity::None;
    ComposeWindow window(settings, me(), QStringLiteral("Local sandbox"));
    window.setConfirmations(false);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    const QString attachment = m_dir.filePath(QStringLiteral("报告.txt"));
    QFile file(attachment);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("quarterly numbers\n");
    file.close();

    type(window.toField(), QStringLiteral("爱丽丝 <alice@example.com>, bob@example.com"));
    type(window.subjectField(), QStringLiteral("季度报告"));
    type(window.bodyEdit(), QStringLiteral("你好，附件是季度报告。"));
    window.addAttachment(attachment);
    QCOMPARE(window.attachmentList()->count(), 1);
    QVERIFY(window.toField()->toolTip().isEmpty());

    QSignalSpy finished(&window, &ComposeWindow::sendFinished);
    QSignalSpy stored(m_sandbox.get(), &SandboxServer::messageStored);
    QTest::keyClick(window.bodyEdit(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(finished.wait(10000));
    QVERIFY2(!finished.first().first().value<SmtpError>().isError(),
             qPrintable(window.statusLabel()->text()));
    // Sent: shown read-only with a banner, and Send is gone, so the same message cannot go twice.
    QVERIFY(window.isShowingSent());
    QVERIFY2(window.sentBannerText()->text().contains(QStringLiteral("to 2 recipients")),
             qPrintable(window.sentBannerText()->text()));
    QVERIFY(window.sendButton()->isHidden());
    QVERIFY(window.subjectField()->isReadOnly());
    screenshot(&window, QStringLiteral("compose-sent"));

    // The transcript shows the conversation, with pipelining and chunking, and no body text.
    const QString transcript = window.transcriptModel()->visibleText();
    QVERIFY(transcript.contains(QStringLiteral("-> EHLO")));
    QVERIFY(transcript.contains(QStringLiteral("<- 250-PIPELINING")));
    QVERIFY(transcript.contains(QStringLiteral("-> BDAT ")));
    QVERIFY(transcript.contains(QStringLiteral("<- 221")));
    QVERIFY(!transcript.contains(QStringLiteral("季度报告。")));

    QTRY_COMPARE_WITH_TIMEOUT(stored.size(), 1, 5000);
    const QString path = stored.first().first().toString();
    QCOMPARE(stored.first().at(2).toStringList(),
             (QStringList{QStringLiteral("alice@example.com"), QStringLiteral("bob@example.com")}));
    QFile eml(path);
    QVERIFY(eml.open(QIODevice::ReadOnly));
    const QJsonObject seen = runMimeOracle(eml.readAll());
    QCOMPARE(seen.value(QStringLiteral("headers")).toObject().value(QStringLiteral("Subject")).toString(),
             QStringLiteral("季度报告"));
    QCOMPARE(seen.value(QStringLiteral("text")).toString(), QStringLiteral("你好，附件是季度报告。\n"));
    QCOMPARE(seen.value(QStringLiteral("attachments"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("filename"))
                 .toString(),
             QStringLiteral("报告.txt"));

    // View → Sandbox mailbox shows it: decoded headers and the raw source as it arrived.
    SandboxMailbox mailbox(m_sandbox->storeDirectory());
    window.setSandboxMailbox(&mailbox);
    window.showSandboxMailbox();
    auto *mailboxWindow = qobject_cast<SandboxMailboxWindow *>(window.sandboxMailboxWindow());
    QVERIFY(mailboxWindow);
    QVERIFY(mailbox.rowCount() >= 1);
    const int row = mailboxWindow->messageList()->currentIndex().row();
    QCOMPARE(row, 0); // the newest first
    QCOMPARE(mailbox.path(row), QFileInfo(path).absoluteFilePath());
    QCOMPARE(mailbox.index(row, SandboxMailbox::Subject).data().toString(), QStringLiteral("季度报告"));
    QVERIFY(mailboxWindow->sourceView()->toPlainText().contains(QStringLiteral("Subject: =?UTF-8?")));
    bool sawFrom = false;
    for (int i = 0; i < mailboxWindow->headerTable()->rowCount(); ++i) {
        if (mailboxWindow->headerTable()->item(i, 0)->text() == QLatin1String("From"))
            sawFrom = mailboxWindow->headerTable()->item(i, 1)->text().contains(QStringLiteral("测试者"));
    }
    QVERIFY(sawFrom);
    screenshot(mailboxWindow, QStringLiteral("sandbox-mailbox"));
}

void TestComposeWindow::invalidAddressIsMarkedAndNotSent()
{
    SmtpServerSettings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = m_sandbox->port();
    settings.security = SmtpSecurity::None;
    ComposeWindow window(settings, me(), QStringLiteral("Local sandbox"));
    window.setConfirmations(false);
    window.show();
    type(window.toField(), QStringLiteral("alice@example.com, bob@"));
    QVERIFY(window.toField()->toolTip().contains(QStringLiteral("domain")));
    const qsizetype before = m_sandbox->storedMessages().size();
    window.send();
    QVERIFY(window.statusLabel()->text().contains(QStringLiteral("domain")));
    QCOMPARE(window.transcriptModel()->totalCount(), 0); // nothing was attempted
    QCOMPARE(m_sandbox->storedMessages().size(), before);
    screenshot(&window, QStringLiteral("compose-invalid-address"));
}

void TestComposeWindow::warningsDefaultToNotSending_data()
{
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("question");
    QTest::newRow("no subject") << QString() << QStringLiteral("Hello") << QStringLiteral("No subject");
    QTest::newRow("forgotten attachment") << QStringLiteral("Report") << QStringLiteral("Report attached.")
                                          << QStringLiteral("Forgotten attachment?");
    QTest::newRow("forgotten attachment, Chinese") << QStringLiteral("报告") << QStringLiteral("请查收附件。")
                                                   << QStringLiteral("Forgotten attachment?");
}

void TestComposeWindow::warningsDefaultToNotSending()
{
    // Return pressed in a hurry answers the question with its default, which must be No: the message is
    // not sent and stays as it was.
    QFETCH(QString, subject);
    QFETCH(QString, body);
    QFETCH(QString, question);
    SmtpServerSettings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = m_sandbox->port();
    settings.security = SmtpSecurity::None;
    ComposeWindow window(settings, me(), QStringLiteral("Local sandbox"));
    window.show();
    type(window.toField(), QStringLiteral("alice@example.com"));
    if (!subject.isEmpty())
        type(window.subjectField(), subject);
    window.bodyEdit()->setPlainText(body);
    const qsizetype before = m_sandbox->storedMessages().size();
    QString asked;
    bool defaultIsNo = false;
    QTimer::singleShot(0, &window, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        asked = box->windowTitle();
        defaultIsNo = box->defaultButton() && box->defaultButton() == box->button(QMessageBox::No);
        QTest::keyClick(box, Qt::Key_Return);
    });
    window.send(); // returns when the question is answered
    QCOMPARE(asked, question);
    QVERIFY(defaultIsNo);
    QCOMPARE(window.transcriptModel()->totalCount(), 0); // nothing was attempted
    QCOMPARE(m_sandbox->storedMessages().size(), before);
    QCOMPARE(window.bodyEdit()->toPlainText(), body);
}

void TestComposeWindow::titleFollowsSubject()
{
    ComposeWindow window(SmtpServerSettings{}, me(), QStringLiteral("x"));
    QCOMPARE(window.windowTitle(), QStringLiteral("(no subject) — Sendscope"));
    type(window.subjectField(), QStringLiteral("Lunch?"));
    QCOMPARE(window.windowTitle(), QStringLiteral("Lunch? — Sendscope"));
}

void TestComposeWindow::richTextStylesFromTheKeyboard_data()
{
    QTest::addColumn<char>("key");
    QTest::addColumn<QString>("style");
    QTest::newRow("Ctrl+B") << 'b' << QStringLiteral("bold");
    QTest::newRow("Ctrl+I") << 'i' << QStringLiteral("italic");
    QTest::newRow("Ctrl+U") << 'u' << QStringLiteral("underline");
}

// In rich text the keys turn a style on for the selection, and off again.
void TestComposeWindow::richTextStylesFromTheKeyboard()
{
    QFETCH(char, key);
    QFETCH(QString, style);
    ComposeWindow window(SmtpServerSettings{}, me(), QStringLiteral("Local sandbox"));
    window.setConfirmations(false);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.setRichText(true);
    QTextEdit *editor = window.richBodyEdit();
    editor->setFocus();
    editor->insertPlainText(QStringLiteral("样式 style"));
    editor->selectAll();
    const auto styled = [&] {
        const QTextCharFormat format = editor->textCursor().charFormat();
        if (style == QLatin1String("bold"))
            return format.fontWeight() > QFont::Normal;
        if (style == QLatin1String("italic"))
            return format.fontItalic();
        return format.fontUnderline();
    };
    QVERIFY(!styled());
    QTest::keyClick(editor, key, Qt::ControlModifier);
    QVERIFY(styled());
    QTest::keyClick(editor, key, Qt::ControlModifier);
    QVERIFY(!styled());
}

void TestComposeWindow::refusedRecipientExplainedAndMessageKept()
{
    // Against the real Postfix of the integration tests, when they run.
    TestServerEnv servers;
    if (!servers.load())
        QSKIP("the test servers are not running (run through ctest)");
    SmtpServerSettings settings;
    settings.host = servers.value("SMTP_HOST");
    settings.port = servers.value("POSTFIX_SUBMISSION_PORT").toUShort();
    settings.security = SmtpSecurity::StartTls;
    settings.username = servers.value("TEST_USER");
    settings.secret = servers.password();
    settings.extraCaCertificates = servers.caCertificates();
    ComposeWindow window(settings, me(), QStringLiteral("Test Postfix"));
    window.setConfirmations(false);
    window.show();
    type(window.toField(), QStringLiteral("nobody@sendscope.test"));
    type(window.subjectField(), QStringLiteral("Will be refused"));
    type(window.bodyEdit(), QStringLiteral("Keep me."));
    QSignalSpy finished(&window, &ComposeWindow::sendFinished);
    window.send();
    QVERIFY(finished.wait(20000));
    const SmtpError error = finished.first().first().value<SmtpError>();
    QCOMPARE(error.category, SmtpErrorCategory::Recipient);
    QVERIFY(window.statusLabel()->text().contains(QStringLiteral("spelling")));
    QVERIFY(window.statusLabel()->text().contains(QStringLiteral("still here")));
    // Nothing is lost: every field still holds what was typed.
    QCOMPARE(window.toField()->text(), QStringLiteral("nobody@sendscope.test"));
    QCOMPARE(window.subjectField()->text(), QStringLiteral("Will be refused"));
    QCOMPARE(window.bodyEdit()->toPlainText(), QStringLiteral("Keep me."));
    const QString transcript = window.transcriptModel()->visibleText();
    QVERIFY(transcript.contains(QStringLiteral("<~ 550 5.1.1")));
    QVERIFY(transcript.contains(QStringLiteral("~> AUTH PLAIN ********")) ||
            transcript.contains(QStringLiteral("~> AUTH SCRAM-SHA-256")));
    QVERIFY(!transcript.contains(settings.secret));
    // The refusal is explained inline, next to the reply.
    QVERIFY(transcript.contains(QStringLiteral("Recipient nobody@sendscope.test refused: ")));
    // "Show what went wrong" selects the server's reply in the transcript.
    QVERIFY(window.showProblemButton()->isVisible());
    QTest::mouseClick(window.showProblemButton(), Qt::LeftButton);
    const QString selected = window.transcriptPanel()->view()->currentIndex().data().toString();
    QVERIFY2(selected.contains(QStringLiteral("<~ 550 5.1.1")), qPrintable(selected));
    screenshot(&window, QStringLiteral("compose-refused"));
}

void TestComposeWindow::pasteAttachesFiles()
{
    SmtpServerSettings settings;
    ComposeWindow window(settings, me(), QStringLiteral("Local sandbox"));
    const QString path = m_dir.filePath(QStringLiteral("粘贴.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("pasted\n");
    file.close();
    auto *data = new QMimeData; // the clipboard takes ownership
    data->setUrls({QUrl::fromLocalFile(path)});
    QApplication::clipboard()->setMimeData(data);
    QCOMPARE(window.pasteAttachments(), 1);
    QCOMPARE(window.attachmentList()->count(), 1);
    QVERIFY(window.attachmentList()->item(0)->text().startsWith(QStringLiteral("粘贴.txt")));
    // Removing it is one click on Remove.
    QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("removeAttachment")), Qt::LeftButton);
    QCOMPARE(window.attachmentList()->count(), 0);
    QApplication::clipboard()->setText(QStringLiteral("just text"));
    QCOMPARE(window.pasteAttachments(), 0);
    QVERIFY(window.statusLabel()->text().contains(QStringLiteral("no files")));
    QVERIFY(!window.showProblemButton()->isVisible()); // nothing was sent: no transcript to point into
}

// Drops as the platform delivers them: enter, move, drop, on the widget under the pointer.
static bool drop(QWidget *target, QMimeData *data)
{
    const QPoint at = target->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QDragMoveEvent move(at, Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &move);
    if (!move.isAccepted())
        return false;
    QDropEvent dropped(at, Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &dropped);
    return dropped.isAccepted();
}

void TestComposeWindow::droppedFileAttaches()
{
    ComposeWindow window(SmtpServerSettings{}, me(), QStringLiteral("Local sandbox"));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QString path = m_dir.filePath(QStringLiteral("拖放.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("dropped\n");
    file.close();

    // On the message text (plain, then rich): attached, and no file:/// URL in the text.
    QMimeData fileData;
    fileData.setUrls({QUrl::fromLocalFile(path)});
    fileData.setText(QUrl::fromLocalFile(path).toString()); // as file managers offer it too
    QVERIFY(drop(window.bodyEdit()->viewport(), &fileData));
    QCOMPARE(window.attachmentList()->count(), 1);
    QCOMPARE(window.attachmentList()->item(0)->data(Qt::UserRole).toString(),
             QFileInfo(path).absoluteFilePath());
    QVERIFY2(!window.bodyEdit()->toPlainText().contains(QStringLiteral("file:")),
             qPrintable(window.bodyEdit()->toPlainText()));
    QVERIFY(drop(window.subjectField(), &fileData));
    QCOMPARE(window.attachmentList()->count(), 2);
    QVERIFY(window.subjectField()->text().isEmpty());
    window.setRichText(true);
    QVERIFY(drop(window.richBodyEdit()->viewport(), &fileData));
    QCOMPARE(window.attachmentList()->count(), 3);
    QVERIFY(!window.richBodyEdit()->toPlainText().contains(QStringLiteral("file:")));
    window.setRichText(false);

    // Dropped text is still text.
    QMimeData textData;
    textData.setText(QStringLiteral("dropped words"));
    QVERIFY(drop(window.bodyEdit()->viewport(), &textData));
    QCOMPARE(window.attachmentList()->count(), 3);
    QVERIFY2(window.bodyEdit()->toPlainText().contains(QStringLiteral("dropped words")),
             qPrintable(window.bodyEdit()->toPlainText()));
}

void TestComposeWindow::transcriptLineReadableInFull()
{
    TranscriptModel model;
    const QString longReply = QStringLiteral("250-") + QString(300, u'A') + QStringLiteral(" end-of-reply");
    model.append(TranscriptEntry::create(TranscriptEntry::Kind::Server, longReply));
    model.append(TranscriptEntry::create(TranscriptEntry::Kind::Info,
                                         QStringLiteral("first line\nsecond line of the same entry")));
    TranscriptPanel panel(&model);
    panel.resize(360, 420);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));

    panel.view()->setCurrentIndex(model.index(0));
    QCOMPARE(panel.detailView()->toPlainText(), model.index(0).data().toString());
    QVERIFY(panel.detailView()->toPlainText().endsWith(QStringLiteral("end-of-reply")));
    QApplication::processEvents();
    // Wrapped: no need to scroll sideways, however narrow the panel.
    QCOMPARE(panel.detailView()->horizontalScrollBar()->maximum(), 0);
    QVERIFY(panel.detailView()->document()->lineCount() > 1);
    WidgetTesting::screenshot(&panel, QStringLiteral("transcript-detail"));

    panel.view()->setCurrentIndex(model.index(1));
    QVERIFY(panel.detailView()->toPlainText().contains(QStringLiteral("second line of the same entry")));

    // Copy is still the exact text, one line per line, nothing wrapped or cut.
    panel.copyAll();
    QCOMPARE(QApplication::clipboard()->text(), model.visibleText());
    QVERIFY(QApplication::clipboard()->text().contains(longReply));
}

void TestComposeWindow::sandboxSaysItDeliversNothing()
{
    AccountStore store(m_dir.filePath(QStringLiteral("banner-accounts.conf")));
    Account local; // as main() makes it on first start
    local.name = QStringLiteral("Local sandbox");
    local.identities.append({QStringLiteral("You"), QStringLiteral("you@sandbox.invalid"), {}, {}});
    local.host = QStringLiteral("127.0.0.1");
    local.security = SmtpSecurity::None;
    local.auth = AccountAuth::None;
    local.isSandbox = true;
    QVERIFY(store.save(local).ok());
    Account real = local;
    real.id.clear();
    real.name = QStringLiteral("Work");
    real.isSandbox = false;
    QVERIFY(store.save(real).ok());
    store.setDefaultAccountId(store.accounts().first().id);
    SecretStore secrets(QStringLiteral("sendscope-test-compose-banner"));
    ComposeWindow window(SmtpServerSettings{}, me(), QStringLiteral("Local sandbox"));
    window.setAccounts(&store, &secrets, m_sandbox->port());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const int sandboxIndex =
        window.fromSelector()->findText(QStringLiteral("Local sandbox"), Qt::MatchEndsWith);
    const int workIndex = window.fromSelector()->findText(QStringLiteral("Work"), Qt::MatchEndsWith);
    QVERIFY(sandboxIndex >= 0 && workIndex >= 0);
    window.fromSelector()->setCurrentIndex(sandboxIndex);
    QVERIFY(window.sandboxBanner()->isVisible());
    WidgetTesting::screenshot(&window, QStringLiteral("compose-sandbox-banner"));
    window.fromSelector()->setCurrentIndex(workIndex);
    QVERIFY(!window.sandboxBanner()->isVisible());
    window.fromSelector()->setCurrentIndex(sandboxIndex);

    // The button opens Account → New account.
    window.sandboxBanner()->findChild<QPushButton *>(QStringLiteral("setUpRealAccount"))->click();
    QTRY_VERIFY(window.findChild<AccountDialog *>());
    QVERIFY(window.findChild<AccountDialog *>()->isVisible());
    window.findChild<AccountDialog *>()->reject();
}

void TestComposeWindow::outsideTextIsShownAsText()
{
    // The status line is rich text: a link or a file name that holds markup is shown as the characters
    // it is, not rendered (no fake bold warning, no image).
    SmtpServerSettings settings;
    ComposeWindow window(settings, me(), QStringLiteral("Local sandbox"));
    QVERIFY(!window.openMailto(QStringLiteral("<img src=\"x\"><b>Sent!</b>")));
    QVERIFY2(window.statusLabel()->text().contains(QStringLiteral("&lt;b&gt;Sent!&lt;/b&gt;")),
             qPrintable(window.statusLabel()->text()));
    window.addAttachment(m_dir.filePath(QStringLiteral("<b>missing</b>.txt")));
    QVERIFY2(window.statusLabel()->text().contains(QStringLiteral("&lt;b&gt;missing")),
             qPrintable(window.statusLabel()->text()));
}

// An account of store with no login, as the sandbox and the scripted servers want.
static Account plainAccount(AccountStore &store, const QString &name, quint16 port, bool sandbox)
{
    Account account;
    account.name = name;
    account.identities.append({QStringLiteral("测试者"), QStringLiteral("tester@sendscope.test"), {}, {}});
    account.host = QStringLiteral("127.0.0.1");
    account.port = port;
    account.security = SmtpSecurity::None;
    account.auth = AccountAuth::None;
    account.isSandbox = sandbox;
    store.save(account);
    return account;
}

void TestComposeWindow::receiptsAndPriorityReachTheSandbox()
{
    QTemporaryDir dir;
    AccountStore store(dir.filePath(QStringLiteral("accounts.conf")));
    Account local = plainAccount(store, QStringLiteral("Local sandbox"), 2525, true);
    local.requestReadReceipt = true; // the account asks for read receipts by default
    QVERIFY(store.save(local).ok());
    SecretStore secrets(QStringLiteral("sendscope-test-compose-receipts"));
    DraftStore drafts(dir.filePath(QStringLiteral("drafts")));
    SendService service(&store, &secrets, &drafts);
    service.setSandboxPort(m_sandbox->port());
    ComposeWindow window(SmtpServerSettings{}, me(), QStringLiteral("Local sandbox"));
    window.setConfirmations(false);
    window.setAccounts(&store, &secrets, m_sandbox->port());
    window.setSendService(&service);
    window.setDraftStore(&drafts);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // A new message starts from the account's defaults; whether the sandbox offers DSN is not known yet.
    QVERIFY(window.readReceiptAction()->isChecked());
    QVERIFY(!window.deliveryReceiptAction()->isChecked());
    QVERIFY(window.deliveryReceiptAction()->isEnabled());
    QVERIFY(!store.knownExtensions(local));
    // The toolbar's buttons are the menu entries' actions: one state for both.
    QVERIFY(window.messageToolBar()->actions().contains(window.deliveryReceiptAction()));
    QVERIFY(window.messageToolBar()->actions().contains(window.readReceiptAction()));
    window.deliveryReceiptAction()->trigger();
    QVERIFY(window.deliveryReceiptAction()->isChecked());
    window.priorityAction(MimeMessage::Priority::High)->trigger();
    QVERIFY(window.priorityButton()->text().contains(QStringLiteral("High")));

    type(window.toField(), QStringLiteral("alice@example.com"));
    type(window.subjectField(), QStringLiteral("回执测试"));
    type(window.bodyEdit(), QStringLiteral("请确认收到。"));
    QSignalSpy finished(&window, &ComposeWindow::sendFinished);
    QSignalSpy stored(m_sandbox.get(), &SandboxServer::messageStored);
    QTest::keyClick(window.bodyEdit(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(finished.wait(10000));
    QVERIFY2(!finished.first().first().value<SmtpError>().isError(),
             qPrintable(window.statusLabel()->text()));
    QTRY_COMPARE_WITH_TIMEOUT(stored.size(), 1, 5000);
    QFile eml(stored.first().first().toString());
    QVERIFY(eml.open(QIODevice::ReadOnly));
    const QJsonObject headers = runMimeOracle(eml.readAll()).value(QStringLiteral("headers")).toObject();
    QCOMPARE(headers.value(QStringLiteral("Disposition-Notification-To")).toString(),
             headers.value(QStringLiteral("From")).toString());
    QCOMPARE(headers.value(QStringLiteral("X-Priority")).toString(), QStringLiteral("1"));
    QCOMPARE(headers.value(QStringLiteral("Importance")).toString(), QStringLiteral("high"));

    // The sandbox offers no DSN: the transcript says so rather than pretending, and so does the banner.
    const QString transcript = window.transcriptModel()->visibleText();
    QVERIFY2(transcript.contains(QStringLiteral("does not offer DSN")), qPrintable(transcript));
    QVERIFY(transcript.contains(QStringLiteral("Read receipt requested")));
    QVERIFY(transcript.contains(QStringLiteral("High priority")));
    QVERIFY(!transcript.contains(QStringLiteral("NOTIFY=")));
    const QString banner = window.sentBannerText()->text();
    QVERIFY2(banner.contains(QStringLiteral("Read receipt requested")), qPrintable(banner));
    QVERIFY2(banner.contains(QStringLiteral("does not offer delivery receipts")), qPrintable(banner));
    QVERIFY(!window.deliveryReceiptAction()->isEnabled()); // a sent message does not change
    const std::optional<Draft> sent = drafts.load(window.draftId());
    QVERIFY(sent && sent->requestDeliveryReceipt && sent->requestReadReceipt);
    QCOMPARE(sent->priority, MimeMessage::Priority::High);

    // Remembered: the next message cannot ask this server for a delivery receipt, and says why.
    QVERIFY(store.knownExtensions(local));
    QVERIFY(!store.knownExtensions(local)->contains(QStringLiteral("DSN")));
    window.discardWithConfirmation(); // a sent message stays recorded; the window has a new one
    QVERIFY(!window.isShowingSent());
    QVERIFY(!window.deliveryReceiptAction()->isEnabled());
    QVERIFY(!window.deliveryReceiptAction()->isChecked());
    QVERIFY2(window.deliveryReceiptAction()->toolTip().contains(
                 QStringLiteral("does not offer delivery receipts (DSN)")),
             qPrintable(window.deliveryReceiptAction()->toolTip()));
    QVERIFY(window.readReceiptAction()->isChecked()); // the account's default again
    QVERIFY(window.priorityAction(MimeMessage::Priority::Normal)->isChecked());
}

void TestComposeWindow::deliveryReceiptReachesAServerThatOffersDsn()
{
    ScriptedSmtpServer server;
    server.send("220 fake ESMTP\r\n")
        .expect("EHLO")
        .send("250-fake\r\n250 DSN\r\n")
        .expect("MAIL FROM:<tester@sendscope.test> RET=HDRS ENVID=")
        .send("250 Ok\r\n")
        .expect("RCPT TO:<alice@example.com> NOTIFY=SUCCESS,FAILURE,DELAY ORCPT=rfc822;alice@example.com")
        .send("250 Ok\r\n")
        .expect("DATA")
        .send("354 go\r\n")
        .receiveData()
        .send("250 2.0.0 Ok: queued as DSN1\r\n")
        .expect("QUIT")
        .send("221 Bye\r\n");
    QTemporaryDir dir;
    AccountStore store(dir.filePath(QStringLiteral("accounts.conf")));
    Account work = plainAccount(store, QStringLiteral("Work"), server.port(), false);
    work.requestDeliveryReceipt = true;
    QVERIFY(store.save(work).ok());
    SecretStore secrets(QStringLiteral("sendscope-test-compose-dsn"));
    DraftStore drafts(dir.filePath(QStringLiteral("drafts")));
    SendService service(&store, &secrets, &drafts);
    ComposeWindow window(SmtpServerSettings{}, me(), QStringLiteral("Work"));
    window.setConfirmations(false);
    window.setAccounts(&store, &secrets, m_sandbox->port());
    window.setSendService(&service);
    window.setDraftStore(&drafts);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.deliveryReceiptAction()->isChecked()); // the account's default
    QVERIFY(window.deliveryReceiptAction()->isEnabled()); // not known yet: asked, and the transcript says
    QVERIFY(window.deliveryReceiptAction()->toolTip().contains(QStringLiteral("known after the first send")));

    type(window.toField(), QStringLiteral("alice@example.com"));
    type(window.subjectField(), QStringLiteral("DSN"));
    QSignalSpy finished(&window, &ComposeWindow::sendFinished);
    window.send();
    QVERIFY(finished.wait(10000));
    QVERIFY2(server.failure().isEmpty(), qPrintable(server.failure()));
    QVERIFY2(!finished.first().first().value<SmtpError>().isError(),
             qPrintable(window.transcriptModel()->visibleText()));

    // ENVID is the Message-ID's local part, so a report can be matched to the message.
    const std::optional<Draft> sent = drafts.load(window.draftId());
    QVERIFY(sent && !sent->messageId.isEmpty());
    const QByteArray mail = server.lineTexts().value(1);
    QCOMPARE(mail, "MAIL FROM:<tester@sendscope.test> RET=HDRS ENVID=" +
                       DsnOptions::envelopeIdFor(sent->messageId).toLatin1());
    QVERIFY(!server.bodies().value(0).contains("Disposition-Notification-To"));
    QVERIFY(!server.bodies().value(0).contains("X-Priority"));
    const QString transcript = window.transcriptModel()->visibleText();
    QVERIFY2(transcript.contains(QStringLiteral("(DSN) requested")), qPrintable(transcript));
    QVERIFY2(window.sentBannerText()->text().contains(QStringLiteral("Delivery receipt requested")),
             qPrintable(window.sentBannerText()->text()));
    QVERIFY(!window.sentBannerText()->text().contains(QStringLiteral("Read receipt")));

    // Remembered: this server offers DSN.
    QVERIFY(store.knownExtensions(work) && store.knownExtensions(work)->contains(QStringLiteral("DSN")));
    window.discardWithConfirmation();
    QVERIFY(window.deliveryReceiptAction()->isEnabled());
    QVERIFY(window.deliveryReceiptAction()->isChecked());
    QVERIFY(window.deliveryReceiptAction()->toolTip().contains(QStringLiteral("This server offers")));
    screenshot(&window, QStringLiteral("compose-toolbar"));
    for (QAction *action : window.messageToolBar()->actions()) {
        // Every toolbar button is shown, none pushed into the overflow menu.
        if (!action->isSeparator())
            QVERIFY2(window.messageToolBar()->widgetForAction(action)->isVisible(),
                     qPrintable(action->text()));
    }
}

void TestComposeWindow::accountDefaultsApplyToAFreshMessage()
{
    QTemporaryDir dir;
    AccountStore store(dir.filePath(QStringLiteral("accounts.conf")));
    Account asks = plainAccount(store, QStringLiteral("Asks"), 2525, false);
    asks.requestReadReceipt = true;
    asks.requestDeliveryReceipt = true;
    QVERIFY(store.save(asks).ok());
    plainAccount(store, QStringLiteral("Quiet"), 2526, false);
    store.setDefaultAccountId(asks.id);
    SecretStore secrets(QStringLiteral("sendscope-test-compose-defaults"));
    ComposeWindow window(SmtpServerSettings{}, me(), QStringLiteral("Asks"));
    window.setAccounts(&store, &secrets, m_sandbox->port());
    const int asksIndex = window.fromSelector()->findText(QStringLiteral("Asks"), Qt::MatchEndsWith);
    const int quietIndex = window.fromSelector()->findText(QStringLiteral("Quiet"), Qt::MatchEndsWith);
    QVERIFY(asksIndex >= 0 && quietIndex >= 0);
    QCOMPARE(window.fromSelector()->currentIndex(), asksIndex);
    QVERIFY(window.readReceiptAction()->isChecked());
    QVERIFY(window.deliveryReceiptAction()->isChecked());
    QVERIFY(window.currentDraft().requestReadReceipt);

    window.fromSelector()->setCurrentIndex(quietIndex); // a fresh message follows the account
    QVERIFY(!window.readReceiptAction()->isChecked());
    QVERIFY(!window.deliveryReceiptAction()->isChecked());
    window.fromSelector()->setCurrentIndex(asksIndex);
    QVERIFY(window.readReceiptAction()->isChecked());

    window.readReceiptAction()->trigger(); // the person's choice for this message stays
    QVERIFY(!window.readReceiptAction()->isChecked());
    window.fromSelector()->setCurrentIndex(quietIndex);
    window.fromSelector()->setCurrentIndex(asksIndex);
    QVERIFY(!window.readReceiptAction()->isChecked());
    QVERIFY(!window.currentDraft().requestReadReceipt);
}

void TestComposeWindow::ctrlSSavesTheDraft()
{
    QTemporaryDir dir;
    AccountStore store(dir.filePath(QStringLiteral("accounts.conf")));
    plainAccount(store, QStringLiteral("Local sandbox"), 2525, true);
    SecretStore secrets(QStringLiteral("sendscope-test-compose-save"));
    DraftStore drafts(dir.filePath(QStringLiteral("drafts")));
    ComposeWindow window(SmtpServerSettings{}, me(), QStringLiteral("Local sandbox"));
    window.setConfirmations(false);
    window.setAccounts(&store, &secrets, m_sandbox->port());
    window.setDraftStore(&drafts);
    window.setAutosaveDelay(60 * 60 * 1000); // only the explicit save counts here
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));

    // Nothing written: nothing saved, and it says so.
    QTest::keyClick(window.toField(), Qt::Key_S, Qt::ControlModifier);
    QVERIFY(drafts.drafts(Draft::State::Draft).isEmpty());
    QVERIFY(!window.statusBar()->currentMessage().isEmpty());

    type(window.subjectField(), QStringLiteral("草稿"));
    window.priorityAction(MimeMessage::Priority::Low)->trigger();
    window.readReceiptAction()->trigger();
    QSignalSpy saved(&window, &ComposeWindow::draftSaved);
    QTest::keyClick(window.subjectField(), Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(saved.size(), 1);
    QVERIFY2(window.statusBar()->currentMessage().startsWith(QStringLiteral("Draft saved at ")),
             qPrintable(window.statusBar()->currentMessage()));
    const QList<Draft> kept = drafts.drafts(Draft::State::Draft);
    QCOMPARE(kept.size(), 1);
    QCOMPARE(kept.first().subject, QStringLiteral("草稿"));
    QCOMPARE(kept.first().priority, MimeMessage::Priority::Low);
    QVERIFY(kept.first().requestReadReceipt);

    // Opened again, the message asks what it asked.
    ComposeWindow again(SmtpServerSettings{}, me(), QStringLiteral("Local sandbox"));
    again.setAccounts(&store, &secrets, m_sandbox->port());
    again.setDraftStore(&drafts);
    again.loadDraft(kept.first());
    QVERIFY(again.readReceiptAction()->isChecked());
    QVERIFY(again.priorityAction(MimeMessage::Priority::Low)->isChecked());
    QVERIFY(again.priorityButton()->text().contains(QStringLiteral("Low")));
    // File → Save draft is the same action.
    QVERIFY(again.saveDraftAction()->isEnabled());
    QCOMPARE(again.saveDraftAction()->shortcut(), QKeySequence(QKeySequence::Save));
}

// The server refuses the login (535): the error offers to type the password again, which goes to the
// secret store, and the message is sent again with it; the failure's status and "Show what went wrong"
// do not stay once it is sent.
void TestComposeWindow::refusedPasswordCanBeEnteredAgain()
{
    SandboxServer server(m_dir.filePath(QStringLiteral("password-sandbox")));
    server.setCredentials(QStringLiteral("you"), QStringLiteral("the right one"));
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    AccountStore accounts(m_dir.filePath(QStringLiteral("password-accounts.conf")));
    Account account;
    account.name = QStringLiteral("Loopback");
    account.identities.append({QStringLiteral("Tester"), QStringLiteral("tester@sendscope.test"), {}, {}});
    account.host = QStringLiteral("127.0.0.1");
    account.port = server.port();
    account.security = SmtpSecurity::None;
    account.allowPlaintextAuth = true; // loopback only
    account.auth = AccountAuth::Plain;
    account.username = QStringLiteral("you");
    QVERIFY(accounts.save(account).ok());
    SecretStore secrets(QStringLiteral("sendscope-test-%1").arg(QUuid::createUuid().toString(QUuid::Id128)));
    secrets.keepInMemory(account.id, QStringLiteral("an old one"));

    ComposeWindow window({}, {}, {});
    window.setAccounts(&accounts, &secrets, 0);
    window.setConfirmations(false);
    window.show();
    type(window.toField(), QStringLiteral("alice@example.com"));
    type(window.subjectField(), QStringLiteral("Password changed"));
    type(window.bodyEdit(), QStringLiteral("Hello"));
    QSignalSpy finished(&window, &ComposeWindow::sendFinished);
    window.send();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().first().value<SmtpError>().category, SmtpErrorCategory::Auth);
    const QString status = window.statusLabel()->text();
    QVERIFY2(status.contains(QStringLiteral("href=\"sendscope:password-again\">Enter password again…</a>")),
             qPrintable(status));
    QVERIFY2(status.contains(QStringLiteral("href=\"sendscope:edit-account\">Edit account…</a>")),
             qPrintable(status));
    QVERIFY(window.showProblemButton()->isVisible());
    screenshot(&window, QStringLiteral("compose-password-refused"));

    // "Enter password again…": asked for, and the message goes again.
    QString asked;
    QTimer::singleShot(0, &window, [&asked] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        asked = dialog->labelText();
        dialog->setTextValue(QStringLiteral("the right one"));
        dialog->accept();
    });
    finished.clear();
    emit window.statusLabel()->linkActivated(QStringLiteral("sendscope:password-again"));
    QVERIFY2(asked.contains(QStringLiteral("refused the password for you on 127.0.0.1")), qPrintable(asked));
    QVERIFY(finished.wait(10000));
    QVERIFY2(!finished.first().first().value<SmtpError>().isError(),
             qPrintable(window.statusLabel()->text()));
    QVERIFY(window.isShowingSent());
    // The new password is what the secret store now gives (the keychain, or memory without one).
    bool read = false;
    secrets.read(account.id, [&read](const SecretStore::Result &result) {
        read = true;
        QCOMPARE(result.secret, QStringLiteral("the right one"));
    });
    QTRY_VERIFY(read);
    // Nothing of the failure stays.
    QVERIFY2(window.statusLabel()->text().isEmpty(), qPrintable(window.statusLabel()->text()));
    QVERIFY(!window.showProblemButton()->isVisible());
    secrets.remove(account.id, [](const SecretStore::Result &) {});
}

QTEST_MAIN(TestComposeWindow)
#include "testcomposewindow.moc"
