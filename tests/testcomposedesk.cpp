#include "accountstore.h"
#include "addressbook.h"
#include "composedesk.h"
#include "composewindow.h"
#include "draftstore.h"
#include "mimeoracle.h"
#include "outboxwindow.h"
#include "postfixaccount.h"
#include "sandboxserver.h"
#include "secretstore.h"
#include "testserverenv.h"
#include "transcriptmodel.h"
#include "widgettesting.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QTextEdit>
#include <QTimer>
#include <QTreeWidget>
#include <QUuid>

using WidgetTesting::screenshot;
using WidgetTesting::type;

// Nothing is lost: drafts saved as the user types and restored by a new desk (as after a crash or
// kill), a failed send kept in the outbox with its error and sent from there once the problem is
// fixed, a sent message leaving nothing behind, mailto: links, and Save as .eml read by Python's email.
class TestComposeDesk : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void draftIsSavedAndRestoredAfterAKill();
    void failedSendWaitsInTheOutboxAndIsRetried();
    void mailtoFillsTheForm();
    void sandboxRehearsesStartTlsAndAuth();
    void sandboxNeedsThisRunsPassword();
    void addressesUsedBeforeAreCompleted();
    void saveAsEmlWritesWhatWouldBeSent();
    void richTextSendsAnHtmlAlternative();
    void signatureFollowsTheIdentityInRichText();
    void draftSurvivesKillingTheApp();
    void postfixWithAttachmentThenWrongPassword();
    void ctrlReturnTwiceSendsOnce();
    void sendDuringAnOutboxRetrySendsOnce();
    void partialRefusalThenRefusedOnly();
    void discardAsksFirstAndKeepsTheWindow();

private:
    std::unique_ptr<ComposeDesk> makeDesk();
    int deliveredToSandbox(const QByteArray &messageId) const;
    // Answers the next message box with the button whose text contains buttonText.
    static void answerNextMessageBox(const QString &buttonText);
    Account sandboxAccount() const;

    QTemporaryDir m_dir;
    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<AccountStore> m_accounts;
    std::unique_ptr<DraftStore> m_drafts;
    SecretStore m_secrets{QStringLiteral("sendscope-test-desk")};
};

void TestComposeDesk::initTestCase()
{
    WidgetTesting::applyDarkPaletteIfAsked();
    m_sandbox = std::make_unique<SandboxServer>(m_dir.filePath(QStringLiteral("sandbox")));
    QVERIFY(m_sandbox->start());
}

void TestComposeDesk::init()
{
    const QString id = QUuid::createUuid().toString(QUuid::Id128);
    m_accounts = std::make_unique<AccountStore>(m_dir.filePath(id + QStringLiteral(".conf")));
    m_drafts = std::make_unique<DraftStore>(m_dir.filePath(id + QStringLiteral("-drafts")));
    Account local = sandboxAccount();
    QVERIFY(m_accounts->save(local).ok());
}

Account TestComposeDesk::sandboxAccount() const
{
    Account local;
    local.name = QStringLiteral("Local sandbox");
    local.identities.append({QStringLiteral("测试者"), QStringLiteral("me@sandbox.invalid"), {}, {}});
    local.host = QStringLiteral("127.0.0.1");
    local.security = SmtpSecurity::None;
    local.auth = AccountAuth::None;
    local.isSandbox = true;
    return local;
}

std::unique_ptr<ComposeDesk> TestComposeDesk::makeDesk()
{
    return std::make_unique<ComposeDesk>(m_accounts.get(), &m_secrets, m_drafts.get(), nullptr,
                                         m_sandbox->port());
}

void TestComposeDesk::draftIsSavedAndRestoredAfterAKill()
{
    QString draftId;
    {
        std::unique_ptr<ComposeDesk> desk = makeDesk();
        ComposeWindow *window = desk->newMessage();
        window->setAutosaveDelay(100);
        QSignalSpy saved(window, &ComposeWindow::draftSaved);
        type(window->toField(), QStringLiteral("爱丽丝 <alice@example.com>"));
        type(window->subjectField(), QStringLiteral("未完成的草稿"));
        type(window->bodyEdit(), QStringLiteral("写了一半……"));
        QVERIFY(saved.wait(5000)); // a moment after the typing stops, not on every key
        draftId = window->draftId();
        QVERIFY(!draftId.isEmpty());
        QCOMPARE(m_drafts->drafts(Draft::State::Draft).size(), 1);
        // The desk goes away without closing the window properly: what a crash or kill does.
        window->setAttribute(Qt::WA_DeleteOnClose, false);
    }
    std::unique_ptr<ComposeDesk> desk = makeDesk();
    QCOMPARE(desk->restoreDrafts(), 1);
    ComposeWindow *restored = desk->windows().value(0);
    QVERIFY(restored);
    QCOMPARE(restored->draftId(), draftId);
    QCOMPARE(restored->toField()->text(), QStringLiteral("爱丽丝 <alice@example.com>"));
    QCOMPARE(restored->subjectField()->text(), QStringLiteral("未完成的草稿"));
    QCOMPARE(restored->bodyEdit()->toPlainText(), QStringLiteral("写了一半……"));
    QCOMPARE(restored->windowTitle(), QStringLiteral("未完成的草稿 — Sendscope"));
    screenshot(restored, QStringLiteral("draft-restored"));

    // Sending it ends the draft: it is kept only as the record that it was sent.
    restored->setConfirmations(false);
    QSignalSpy finished(restored, &ComposeWindow::sendFinished);
    restored->send();
    QVERIFY(finished.wait(10000));
    QVERIFY(!finished.first().first().value<SmtpError>().isError());
    QCOMPARE(m_drafts->load(draftId)->state, Draft::State::Sent);
    QVERIFY(!m_drafts->load(draftId)->messageId.isEmpty());
    QVERIFY(m_drafts->drafts(Draft::State::Draft).isEmpty());
    restored->close(); // sent: closing saves nothing again
    QVERIFY(m_drafts->drafts(Draft::State::Draft).isEmpty());
}

void TestComposeDesk::failedSendWaitsInTheOutboxAndIsRetried()
{
    // An account whose server is not there: the send fails at connect.
    quint16 deadPort = 0;
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost);
        deadPort = probe.serverPort();
    }
    Account broken;
    broken.name = QStringLiteral("Broken");
    broken.identities.append({QStringLiteral("Me"), QStringLiteral("me@example.com"), {}, {}});
    broken.host = QStringLiteral("127.0.0.1");
    broken.port = deadPort;
    broken.security = SmtpSecurity::None;
    broken.auth = AccountAuth::None;
    QVERIFY(m_accounts->save(broken).ok());

    std::unique_ptr<ComposeDesk> desk = makeDesk();
    ComposeWindow *window = desk->newMessage();
    window->setConfirmations(false);
    window->fromSelector()->setCurrentIndex(window->fromSelector()->findData(broken.id));
    type(window->toField(), QStringLiteral("bob@example.com"));
    type(window->subjectField(), QStringLiteral("Must not be lost"));
    type(window->bodyEdit(), QStringLiteral("Important."));
    window->readReceiptAction()->setChecked(true);
    QSignalSpy finished(window, &ComposeWindow::sendFinished);
    window->send();
    QVERIFY(finished.wait(15000));
    QCOMPARE(finished.first().first().value<SmtpError>().category, SmtpErrorCategory::Connect);

    const QList<Draft> outbox = m_drafts->drafts(Draft::State::Outbox);
    QCOMPARE(outbox.size(), 1);
    QCOMPARE(outbox.first().subject, QStringLiteral("Must not be lost"));
    QCOMPARE(outbox.first().errorCategory, QStringLiteral("connect"));
    QCOMPARE(outbox.first().attempts, 1);
    QVERIFY(!outbox.first().errorExplanation.isEmpty());
    QCOMPARE(window->subjectField()->text(), QStringLiteral("Must not be lost")); // still in the window too

    desk->showOutbox();
    OutboxWindow *outboxWindow = desk->outboxWindow();
    QVERIFY(outboxWindow);
    QCOMPARE(outboxWindow->list()->topLevelItemCount(), 1);
    QVERIFY(outboxWindow->list()->topLevelItem(0)->text(2).contains(QStringLiteral("connect"),
                                                                    Qt::CaseInsensitive));
    // What the message asks for is shown with it.
    QVERIFY2(outboxWindow->detailsLabel()->text().contains(QStringLiteral("a read receipt")),
             qPrintable(outboxWindow->detailsLabel()->text()));
    screenshot(outboxWindow, QStringLiteral("outbox"));

    // The window goes (the user closed it); the outbox opens the message again, now with a working account.
    const QString id = outbox.first().id;
    window->close();
    QTRY_VERIFY(desk->windows().isEmpty());
    QVERIFY(m_drafts->load(id)); // closing did not lose it
    broken.port = m_sandbox->port();
    QVERIFY(m_accounts->save(broken).ok());
    const qsizetype storedBefore = m_sandbox->storedMessages().size();
    ComposeWindow *again = desk->openDraft(id, false);
    QVERIFY(again);
    QVERIFY(again->statusLabel()->text().contains(QStringLiteral("Not sent yet")));
    QCOMPARE(again->fromSelector()->currentData().toString(), broken.id);
    again->setConfirmations(false);
    QSignalSpy retried(again, &ComposeWindow::sendFinished);
    again->send();
    QVERIFY(retried.wait(10000));
    QVERIFY2(!retried.first().first().value<SmtpError>().isError(), qPrintable(again->statusLabel()->text()));
    QCOMPARE(m_sandbox->storedMessages().size(), storedBefore + 1);
    QVERIFY(m_drafts->drafts(Draft::State::Outbox).isEmpty());
    QCOMPARE(outboxWindow->list()->topLevelItemCount(), 0);
}

void TestComposeDesk::addressesUsedBeforeAreCompleted()
{
    AddressBook book(m_dir.filePath(QUuid::createUuid().toString(QUuid::Id128) + QStringLiteral(".json")));
    std::unique_ptr<ComposeDesk> desk = makeDesk();
    desk->setAddressBook(&book);
    ComposeWindow *first = desk->newMessage();
    first->setConfirmations(false);
    type(first->toField(), QStringLiteral("\"Liddell, Alice\" <alice@example.com>"));
    type(first->ccField(), QStringLiteral("bob@example.com"));
    QSignalSpy sent(first, &ComposeWindow::sendFinished);
    first->send();
    QVERIFY(sent.wait(10000));
    QVERIFY(!sent.first().first().value<SmtpError>().isError());

    ComposeWindow *second = desk->newMessage();
    QVERIFY(QTest::qWaitForWindowExposed(second));
    second->toField()->setFocus();
    type(second->toField(), QStringLiteral("carol@example.com, lid"));
    QCompleter *completer = second->completer(second->toField());
    QVERIFY(completer);
    QTRY_VERIFY(completer->popup()->isVisible());
    QCOMPARE(completer->completionModel()->rowCount(), 1);
    QCOMPARE(completer->completionModel()->index(0, 0).data().toString(),
             QStringLiteral("\"Liddell, Alice\" <alice@example.com>"));
    screenshot(second, QStringLiteral("address-completion"));
    QTest::keyClick(completer->popup(), Qt::Key_Down);
    QTest::keyClick(completer->popup(), Qt::Key_Return);
    QCOMPARE(second->toField()->text(),
             QStringLiteral("carol@example.com, \"Liddell, Alice\" <alice@example.com>, "));
    QVERIFY(second->toField()->toolTip().isEmpty()); // still a valid list
}

void TestComposeDesk::sandboxRehearsesStartTlsAndAuth()
{
    std::unique_ptr<ComposeDesk> desk = makeDesk();
    desk->setSandbox(m_sandbox.get(), m_dir.filePath(QStringLiteral("tls")));
    QSignalSpy changed(desk.get(), &ComposeDesk::sandboxRehearsalChanged);
    ComposeWindow *window = desk->newMessage();
    window->setConfirmations(false);
    desk->setSandboxRehearsal(true); // as the Account menu's checkbox does
    QVERIFY(changed.wait(20000));    // the certificate is made with openssl the first time
    QVERIFY2(changed.first().at(0).toBool(), qPrintable(changed.first().at(1).toString()));
    const Account sandbox = m_accounts->accounts().constFirst();
    QCOMPARE(sandbox.security, SmtpSecurity::StartTls);
    QCOMPARE(sandbox.currentPins().size(), 1);

    type(window->toField(), QStringLiteral("alice@example.com"));
    type(window->subjectField(), QStringLiteral("rehearsal"));
    QSignalSpy finished(window, &ComposeWindow::sendFinished);
    window->send();
    QVERIFY(finished.wait(15000));
    QVERIFY2(!finished.first().first().value<SmtpError>().isError(),
             qPrintable(window->statusLabel()->text()));
    const QString transcript = window->transcriptModel()->visibleText();
    QVERIFY(transcript.contains(QStringLiteral("-> STARTTLS")));
    QVERIFY(transcript.contains(QStringLiteral("pinned")));
    QVERIFY(transcript.contains(QStringLiteral("~> AUTH PLAIN ********")));
    QVERIFY(transcript.contains(QStringLiteral("<~ 235")));
    QVERIFY(!transcript.contains(QStringLiteral("sandbox\n")));

    // Off again: plain text, but still a login with this run's password (allowed in clear text for the
    // sandbox account only); a copy, since the sent message itself is never sent again.
    desk->setSandboxRehearsal(false);
    QCOMPARE(m_accounts->accounts().constFirst().security, SmtpSecurity::None);
    QVERIFY(m_accounts->accounts().constFirst().allowPlaintextAuth);
    window->editAsNew();
    QSignalSpy plain(window, &ComposeWindow::sendFinished);
    window->send();
    QVERIFY(plain.wait(15000));
    QVERIFY2(!plain.first().first().value<SmtpError>().isError(), qPrintable(window->statusLabel()->text()));
    QVERIFY(window->transcriptModel()->visibleText().contains(QStringLiteral("-> AUTH PLAIN ********")));
    m_sandbox->setCredentials({}, {}); // the other tests' sandbox account logs in to nothing
}

// Any local user can connect to 127.0.0.1: the app's sandbox takes mail only with a password made for
// this run, which the sandbox account has in memory (never the keychain or a file).
void TestComposeDesk::sandboxNeedsThisRunsPassword()
{
    std::unique_ptr<ComposeDesk> desk = makeDesk();
    desk->setSandbox(m_sandbox.get(), m_dir.filePath(QStringLiteral("tls")));
    desk->restoreSandboxRehearsal(); // as main() does at every start
    const QString password = m_sandbox->password();
    QCOMPARE(m_sandbox->user(), QStringLiteral("you"));
    QVERIFY(password.size() >= 24);
    const Account sandbox = m_accounts->accounts().constFirst();
    QCOMPARE(sandbox.auth, AccountAuth::Automatic);
    QCOMPARE(sandbox.username, QStringLiteral("you"));
    QVERIFY(sandbox.allowPlaintextAuth);
    QCOMPARE(sandbox.security, SmtpSecurity::None);

    // Another run makes another password.
    SandboxServer other(m_dir.filePath(QStringLiteral("other-sandbox")));
    std::unique_ptr<ComposeDesk> otherDesk = makeDesk();
    otherDesk->setSandbox(&other, m_dir.filePath(QStringLiteral("tls")));
    QVERIFY(!other.password().isEmpty());
    QVERIFY(other.password() != password);

    // Someone else on this computer, without the password.
    QTcpSocket stranger;
    QByteArray received;
    connect(&stranger, &QTcpSocket::readyRead, this, [&] { received += stranger.readAll(); });
    stranger.connectToHost(QHostAddress::LocalHost, m_sandbox->port());
    stranger.write("EHLO stranger\r\nMAIL FROM:<a@example.com>\r\n");
    QTRY_VERIFY(received.contains("530 "));
    QVERIFY(received.contains("AUTH PLAIN LOGIN"));

    ComposeWindow *window = desk->newMessage();
    window->setConfirmations(false);
    type(window->toField(), QStringLiteral("alice@example.com"));
    type(window->subjectField(), QStringLiteral("with this run's password"));
    QSignalSpy stored(m_sandbox.get(), &SandboxServer::messageStored);
    QSignalSpy finished(window, &ComposeWindow::sendFinished);
    window->send();
    QVERIFY(finished.wait(15000));
    QVERIFY2(!finished.first().first().value<SmtpError>().isError(),
             qPrintable(window->statusLabel()->text()));
    QCOMPARE(stored.size(), 1);
    const QString transcript = window->transcriptModel()->visibleText();
    QVERIFY(transcript.contains(QStringLiteral("-> AUTH PLAIN ********")));
    QVERIFY(!transcript.contains(password));
    m_sandbox->setCredentials({}, {}); // the other tests' sandbox account logs in to nothing
}

void TestComposeDesk::mailtoFillsTheForm()
{
    std::unique_ptr<ComposeDesk> desk = makeDesk();
    ComposeWindow *window = desk->newMessage();
    QVERIFY(window->openMailto(QStringLiteral(
        "mailto:alice@example.com?cc=bob@example.com&subject=%E4%BD%A0%E5%A5%BD&body=line%0D%0Atwo")));
    QCOMPARE(window->toField()->text(), QStringLiteral("alice@example.com"));
    QCOMPARE(window->ccField()->text(), QStringLiteral("bob@example.com"));
    QCOMPARE(window->subjectField()->text(), QStringLiteral("你好"));
    QCOMPARE(window->bodyEdit()->toPlainText(), QStringLiteral("line\ntwo"));
    // Copy as command: the same send for the sandbox account, with the recipients, and no password.
    const QString command = window->copyAsCommand();
    QVERIFY2(command.startsWith(QStringLiteral("sendscope send --server 127.0.0.1 --port ")),
             qPrintable(command));
    QVERIFY(command.contains(QStringLiteral("--to alice@example.com --cc bob@example.com --subject '你好'")));
    QCOMPARE(QApplication::clipboard()->text(), command);
    QVERIFY(!window->openMailto(QStringLiteral("https://example.com/")));
    QVERIFY(window->statusLabel()->text().contains(QStringLiteral("not a mailto")));
}

void TestComposeDesk::richTextSendsAnHtmlAlternative()
{
    std::unique_ptr<ComposeDesk> desk = makeDesk();
    ComposeWindow *window = desk->newMessage();
    window->setConfirmations(false);
    window->setAutosaveDelay(50);
    type(window->toField(), QStringLiteral("alice@example.com"));
    type(window->subjectField(), QStringLiteral("格式"));
    type(window->bodyEdit(), QStringLiteral("Hello "));
    window->setRichText(true);
    QVERIFY(window->isRichText());
    QCOMPARE(window->richBodyEdit()->toPlainText(), QStringLiteral("Hello ")); // the words came along
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    window->richBodyEdit()->setFocus();
    window->richBodyEdit()->moveCursor(QTextCursor::End);
    QTest::keyClick(window->richBodyEdit(), Qt::Key_B, Qt::ControlModifier); // bold on
    type(window->richBodyEdit(), QStringLiteral("bold"));
    QVERIFY(window->richBodyEdit()->toHtml().contains(QStringLiteral("font-weight:700")));

    // A draft keeps the formatting.
    QSignalSpy saved(window, &ComposeWindow::draftSaved);
    QVERIFY(saved.wait(5000));
    QVERIFY(m_drafts->load(window->draftId())->html.contains(QStringLiteral("font-weight:700")));

    QSignalSpy stored(m_sandbox.get(), &SandboxServer::messageStored);
    QSignalSpy finished(window, &ComposeWindow::sendFinished);
    window->send();
    QVERIFY(finished.wait(10000));
    QVERIFY(!finished.first().first().value<SmtpError>().isError());
    QTRY_COMPARE(stored.size(), 1);
    QFile eml(stored.first().first().toString());
    QVERIFY(eml.open(QIODevice::ReadOnly));
    const QJsonObject seen = runMimeOracle(eml.readAll());
    QCOMPARE(seen.value(QStringLiteral("text")).toString(), QStringLiteral("Hello bold\n"));
    const QString html = seen.value(QStringLiteral("html")).toString();
    QVERIFY2(html.contains(QStringLiteral("font-weight:700")) && html.contains(QStringLiteral("bold")),
             qPrintable(html));

    window->setRichText(false); // back to plain: the words stay
    QCOMPARE(window->bodyEdit()->toPlainText(), QStringLiteral("Hello bold"));
}

void TestComposeDesk::signatureFollowsTheIdentityInRichText()
{
    Account work = sandboxAccount();
    work.name = QStringLiteral("Work");
    work.isSandbox = false;
    work.port = m_sandbox->port();
    work.identities = {
        {QStringLiteral("张伟"), QStringLiteral("zhang@sandbox.invalid"), {}, QStringLiteral("张伟\n产品部")},
        {QStringLiteral("Support"),
         QStringLiteral("support@sandbox.invalid"),
         {},
         QStringLiteral("The support team")}};
    QVERIFY(m_accounts->save(work).ok());
    std::unique_ptr<ComposeDesk> desk = makeDesk();
    ComposeWindow *window = desk->newMessage();
    window->setConfirmations(false);
    window->fromSelector()->setCurrentIndex(window->fromSelector()->findData(work.id));
    QCOMPARE(window->bodyEdit()->toPlainText(), QStringLiteral("\n\n-- \n张伟\n产品部"));

    window->setRichText(true);
    QTextCursor cursor(window->richBodyEdit()->document());
    QTextCharFormat bold;
    bold.setFontWeight(QFont::Bold);
    cursor.insertText(QStringLiteral("Hello"), bold);
    // The other identity: its signature replaces the first one; the bold greeting stays bold.
    window->fromSelector()->setCurrentIndex(window->fromSelector()->currentIndex() + 1);
    QCOMPARE(window->richBodyEdit()->toPlainText(), QStringLiteral("Hello\n\n-- \nThe support team"));
    QVERIFY(window->richBodyEdit()->toHtml().contains(QStringLiteral("font-weight:700")));
    // Back to plain text and to the first identity: the swap goes on working.
    window->setRichText(false);
    window->fromSelector()->setCurrentIndex(window->fromSelector()->currentIndex() - 1);
    QCOMPARE(window->bodyEdit()->toPlainText(), QStringLiteral("Hello\n\n-- \n张伟\n产品部"));
    window->close();
}

void TestComposeDesk::saveAsEmlWritesWhatWouldBeSent()
{
    std::unique_ptr<ComposeDesk> desk = makeDesk();
    ComposeWindow *window = desk->newMessage();
    type(window->toField(), QStringLiteral("爱丽丝 <alice@example.com>"));
    type(window->subjectField(), QStringLiteral("存档"));
    type(window->bodyEdit(), QStringLiteral("保存为文件。"));
    const QString path = m_dir.filePath(QStringLiteral("saved.eml"));
    window->saveAsEml(path);
    QVERIFY2(window->statusLabel()->text().contains(QStringLiteral("Saved the message")),
             qPrintable(window->statusLabel()->text()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject seen = runMimeOracle(file.readAll());
    QCOMPARE(seen.value(QStringLiteral("headers")).toObject().value(QStringLiteral("Subject")).toString(),
             QStringLiteral("存档"));
    QCOMPARE(seen.value(QStringLiteral("text")).toString(), QStringLiteral("保存为文件。\n"));
    QVERIFY(seen.value(QStringLiteral("headers"))
                .toObject()
                .value(QStringLiteral("From"))
                .toString()
                .contains(QStringLiteral("测试者")));
}

void TestComposeDesk::draftSurvivesKillingTheApp()
{
    // The real app, in its own home: opened on a mailto: link, killed (SIGKILL) once the draft is on
    // disk, started again: it must bring the draft back.
    QTemporaryDir home;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), home.path());
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("QT_LOGGING_RULES"),
                       QStringLiteral("sendscope.desk.info=true\nsendscope.instance.info=true"));
    const QString token = QUuid::createUuid().toString(QUuid::Id128);
    const QString draftsDir = home.filePath(QStringLiteral("data/sendscope/drafts"));

    QProcess first;
    first.setProcessEnvironment(environment);
    first.start(
        QStringLiteral(SENDSCOPE_BINARY),
        {QStringLiteral("mailto:alice@example.com?subject=killed-%1&body=half%20written").arg(token)});
    QVERIFY(first.waitForStarted(10000));
    auto draftOnDisk = [&] {
        const QStringList files = QDir(draftsDir).entryList({QStringLiteral("*.json")}, QDir::Files);
        for (const QString &name : files) {
            QFile file(QDir(draftsDir).filePath(name));
            if (file.open(QIODevice::ReadOnly) && file.readAll().contains(token.toUtf8()))
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(draftOnDisk(), 20000); // autosave runs a few seconds after the last change
    first.kill();
    QVERIFY(first.waitForFinished(10000));
    QCOMPARE(first.exitStatus(), QProcess::CrashExit);

    QProcess second;
    second.setProcessEnvironment(environment);
    second.start(QStringLiteral(SENDSCOPE_BINARY), QStringList{});
    QVERIFY(second.waitForStarted(10000));
    QByteArray log;
    QTRY_VERIFY_WITH_TIMEOUT((log += second.readAllStandardError()).contains("killed-" + token.toUtf8()),
                             20000);
    QVERIFY2(log.contains("restored draft"), log.constData());

    // A mailto: link clicked while it runs: the new launch hands it over and exits; the running one
    // opens it (one process owns the drafts).
    QProcess third;
    third.setProcessEnvironment(environment);
    third.start(QStringLiteral(SENDSCOPE_BINARY),
                {QStringLiteral("mailto:bob@example.com?subject=handed-over-%1").arg(token)});
    QVERIFY(third.waitForFinished(20000));
    QCOMPARE(third.exitStatus(), QProcess::NormalExit);
    QCOMPARE(third.exitCode(), 0);
    QTRY_VERIFY_WITH_TIMEOUT((log += second.readAllStandardError()).contains("handed-over-" + token.toUtf8()),
                             20000);
    QVERIFY2(log.contains("arguments from another launch"), log.constData());
    second.kill();
    second.waitForFinished(10000);
}

void TestComposeDesk::postfixWithAttachmentThenWrongPassword()
{
    TestServerEnv servers;
    if (!servers.load())
        QSKIP("the test servers are not running (run through ctest)");
    Account postfix = postfixAccount(servers, QStringLiteral("测试者"));
    QVERIFY(m_accounts->save(postfix).ok());
    m_secrets.keepInMemory(postfix.id, servers.password()); // "ask each time": memory only

    std::unique_ptr<ComposeDesk> desk = makeDesk();
    ComposeWindow *window = desk->newMessage();
    window->setConfirmations(false);
    window->fromSelector()->setCurrentIndex(window->fromSelector()->findData(postfix.id));
    const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString attachment = m_dir.filePath(QStringLiteral("数据.bin"));
    QFile file(attachment);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QByteArray bytes(300 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < bytes.size(); ++i)
        bytes[i] = static_cast<char>((i * 7919) % 251);
    file.write(bytes);
    file.close();
    type(window->toField(), QStringLiteral("Alice <alice@sendscope.test>"));
    type(window->subjectField(), token);
    type(window->bodyEdit(), QStringLiteral("附件是数据。"));
    window->addAttachment(attachment);
    QSignalSpy finished(window, &ComposeWindow::sendFinished);
    window->send();
    QVERIFY(finished.wait(30000));
    QVERIFY2(!finished.first().first().value<SmtpError>().isError(),
             qPrintable(window->statusLabel()->text()));
    const QString transcript = window->transcriptModel()->visibleText();
    QVERIFY(transcript.contains(QStringLiteral("~> AUTH")));
    QVERIFY(transcript.contains(QStringLiteral("<~ 250")));
    QVERIFY(!transcript.contains(servers.password()));
    const QByteArray delivered = servers.waitForMaildir(QStringLiteral("alice"), token.toUtf8());
    QVERIFY(!delivered.isEmpty());
    const QJsonObject seen = runMimeOracle(delivered);
    const QJsonObject part = seen.value(QStringLiteral("attachments")).toArray().at(0).toObject();
    QCOMPARE(part.value(QStringLiteral("filename")).toString(), QStringLiteral("数据.bin"));
    QCOMPARE(part.value(QStringLiteral("sha256")).toString(),
             QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
    QVERIFY(m_drafts->drafts(Draft::State::Draft).isEmpty());

    // A copy of it with a wrong password: it stays, in the outbox, with the explanation shown.
    m_secrets.keepInMemory(postfix.id, QStringLiteral("wrong "));
    window->editAsNew();
    type(window->subjectField(), QStringLiteral(" again"));
    QSignalSpy failed(window, &ComposeWindow::sendFinished);
    window->send();
    QVERIFY(failed.wait(30000));
    QCOMPARE(failed.first().first().value<SmtpError>().category, SmtpErrorCategory::Auth);
    QVERIFY2(window->statusLabel()->text().contains(QStringLiteral("password")),
             qPrintable(window->statusLabel()->text()));
    QVERIFY(window->statusLabel()->text().contains(QStringLiteral("still here")));
    const QList<Draft> outbox = m_drafts->drafts(Draft::State::Outbox);
    QCOMPARE(outbox.size(), 1);
    QCOMPARE(outbox.first().subject, token + QStringLiteral(" again"));
    QCOMPARE(outbox.first().attachments, QStringList{attachment});
    QCOMPARE(outbox.first().errorCategory, QStringLiteral("auth"));
    QVERIFY(outbox.first().errorExplanation.contains(QStringLiteral("app password")));
    m_secrets.forgetInMemory(postfix.id);
}

int TestComposeDesk::deliveredToSandbox(const QByteArray &messageId) const
{
    int count = 0;
    for (const QString &path : m_sandbox->storedMessages()) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains("Message-ID: " + messageId))
            ++count;
    }
    return count;
}

void TestComposeDesk::answerNextMessageBox(const QString &buttonText)
{
    QTimer::singleShot(0, qApp, [buttonText] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        for (QAbstractButton *button : box->buttons()) {
            if (button->text().remove(u'&').contains(buttonText)) {
                button->click();
                return;
            }
        }
        QFAIL(qPrintable(QStringLiteral("no button %1").arg(buttonText)));
    });
}

void TestComposeDesk::ctrlReturnTwiceSendsOnce()
{
    std::unique_ptr<ComposeDesk> desk = makeDesk();
    ComposeWindow *window = desk->newMessage();
    window->setConfirmations(false);
    type(window->toField(), QStringLiteral("alice@example.com"));
    type(window->subjectField(), QStringLiteral("pressed twice"));
    type(window->bodyEdit(), QStringLiteral("Once is enough."));
    QSignalSpy finished(window, &ComposeWindow::sendFinished);
    QTest::keyClick(window->bodyEdit(), Qt::Key_Return, Qt::ControlModifier);
    QTest::qWait(5);
    QTest::keyClick(window->bodyEdit(), Qt::Key_Return, Qt::ControlModifier);
    window->send(); // and the button, for good measure
    QVERIFY(finished.wait(10000));
    QVERIFY(window->isShowingSent());
    QTest::keyClick(window->bodyEdit(), Qt::Key_Return, Qt::ControlModifier); // after the send: nothing
    QVERIFY(!finished.wait(300));                                             // bounded: nothing may come
    QCOMPARE(finished.size(), 1);
    const std::optional<Draft> sent = m_drafts->load(window->draftId());
    QVERIFY(sent);
    QCOMPARE(deliveredToSandbox(sent->messageId), 1);

    // Closing a sent window never asks to keep a draft (confirmations on: a question would block here).
    window->setConfirmations(true);
    QVERIFY(window->close());
    screenshot(desk->newMessage(), QStringLiteral("after-sent-closed"));
}

void TestComposeDesk::sendDuringAnOutboxRetrySendsOnce()
{
    Draft draft;
    draft.accountId = m_accounts->accounts().constFirst().id;
    draft.to = QStringLiteral("alice@example.com");
    draft.subject = QStringLiteral("retried and clicked");
    draft.text = QStringLiteral("One copy.");
    draft.state = Draft::State::Outbox;
    draft.errorTemporary = true;
    draft.attempts = 1;
    draft.lastAttempt = QDateTime::currentDateTime().addSecs(-3600);
    QVERIFY(m_drafts->save(draft));
    std::unique_ptr<ComposeDesk> desk = makeDesk();
    QSignalSpy retried(desk.get(), &ComposeDesk::backgroundRetryFinished);
    desk->retryInBackground(draft.id);
    QVERIFY(desk->windows().isEmpty()); // the retry has no window
    // The person opens the same message from the outbox and presses Send while the retry runs.
    ComposeWindow *window = desk->openDraft(draft.id, true);
    QVERIFY(window);
    QSignalSpy finished(window, &ComposeWindow::sendFinished);
    QVERIFY(retried.wait(10000));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
    QVERIFY(window->isShowingSent());
    const std::optional<Draft> sent = m_drafts->load(draft.id);
    QCOMPARE(sent->state, Draft::State::Sent);
    QCOMPARE(deliveredToSandbox(sent->messageId), 1);
    window->send();
    QVERIFY(!finished.wait(300));
    QCOMPARE(deliveredToSandbox(sent->messageId), 1);
}

void TestComposeDesk::partialRefusalThenRefusedOnly()
{
    TestServerEnv servers;
    if (!servers.load())
        QSKIP("the test servers are not running (run through ctest)");
    Account postfix = postfixAccount(servers, QStringLiteral("Tester"));
    QVERIFY(m_accounts->save(postfix).ok());
    m_secrets.keepInMemory(postfix.id, servers.password());
    std::unique_ptr<ComposeDesk> desk = makeDesk();
    ComposeWindow *window = desk->newMessage();
    window->setConfirmations(false);
    window->fromSelector()->setCurrentIndex(window->fromSelector()->findData(postfix.id));
    const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
    type(window->toField(), QStringLiteral("Alice <alice@sendscope.test>, Typo <bbo@sendscope.test>"));
    type(window->subjectField(), token);
    type(window->bodyEdit(), QStringLiteral("Partly refused."));
    QSignalSpy finished(window, &ComposeWindow::sendFinished);
    window->send();
    QVERIFY(finished.wait(30000));
    QVERIFY(window->isShowingSent());
    const QString banner = window->sentBannerText()->text();
    QVERIFY2(banner.contains(QStringLiteral("Already received by: alice@sendscope.test")),
             qPrintable(banner));
    QVERIFY2(banner.contains(QStringLiteral("Refused for: bbo@sendscope.test")), qPrintable(banner));
    QVERIFY(!window->sendRefusedButton()->isHidden());
    const QByteArray firstId = m_drafts->load(window->draftId())->messageId;
    screenshot(window, QStringLiteral("compose-partly-refused"));

    // "Send to the refused recipients only": a new message, to them alone, which the person corrects.
    window->sendRefusedButton()->click();
    QVERIFY(!window->isShowingSent());
    QCOMPARE(window->toField()->text(), QStringLiteral("Typo <bbo@sendscope.test>"));
    QVERIFY(window->draftId().isEmpty()); // not the sent message
    window->toField()->clear();
    type(window->toField(), QStringLiteral("Bob <bob@sendscope.test>"));
    window->send();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 30000);
    QVERIFY(window->isShowingSent());
    const QByteArray secondId = m_drafts->load(window->draftId())->messageId;
    QVERIFY(secondId != firstId);
    QVERIFY(servers.waitForEmptyQueue());
    QCOMPARE(servers.countInMaildir(QStringLiteral("alice"), token.toUtf8()), 1);
    QCOMPARE(servers.countInMaildir(QStringLiteral("bob"), token.toUtf8()), 1);
    QCOMPARE(servers.countInMaildir(QStringLiteral("bob"), secondId), 1);
}

void TestComposeDesk::discardAsksFirstAndKeepsTheWindow()
{
    std::unique_ptr<ComposeDesk> desk = makeDesk();
    ComposeWindow *window = desk->newMessage();
    type(window->toField(), QStringLiteral("alice@example.com"));
    type(window->subjectField(), QStringLiteral("think twice"));
    window->saveDraftNow();
    const QString id = window->draftId();
    QVERIFY(m_drafts->load(id));

    answerNextMessageBox(QStringLiteral("Cancel"));
    window->discardWithConfirmation();
    QVERIFY(m_drafts->load(id)); // cancelled: nothing lost
    QCOMPARE(window->subjectField()->text(), QStringLiteral("think twice"));

    answerNextMessageBox(QStringLiteral("Discard"));
    window->discardWithConfirmation();
    QVERIFY(!m_drafts->load(id));
    QVERIFY(window->isVisible()); // the window stays, with a new message; the app does not quit
    QVERIFY(window->subjectField()->text().isEmpty());
    QCOMPARE(desk->windows().size(), 1);
}

QTEST_MAIN(TestComposeDesk)
#include "testcomposedesk.moc"
