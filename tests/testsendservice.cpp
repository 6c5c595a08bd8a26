#include "accountstore.h"
#include "draftstore.h"
#include "postfixaccount.h"
#include "sandboxserver.h"
#include "scriptedsmtpserver.h"
#include "secretstore.h"
#include "sendjob.h"
#include "sendservice.h"
#include "testserverenv.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

// The send service is the only word on whether a message was sent: a stored message keeps its
// Message-ID from the first attempt, is recorded as Sending before its end of data leaves and Sent
// after, and is then never sent again, by a second request, a retry or a restart. Every test counts
// what really arrived, by Message-ID, in the sandbox or in the test Postfix's Maildirs.
class TestSendService : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void sendingTwiceDeliversOnce();
    void postfixReceivesEachMessageOnce();
    void messageIdIsKeptAcrossRetriesAndEdits();
    void recordedAsSendingBeforeTheEndOfData();
    void lostEndOfDataReplyWaitsForThePerson();
    void killedWhileSendingIsNeverRetried();

private:
    Draft storedDraft(const Account &account, const QString &to, const QString &subject);
    int deliveredToSandbox(const QByteArray &messageId) const;
    SendReport waitFor(SendJob *job);
    Account plainAccount(const QString &name, quint16 port);

    QTemporaryDir m_dir;
    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<AccountStore> m_accounts;
    std::unique_ptr<DraftStore> m_drafts;
    SecretStore m_secrets{QStringLiteral("sendscope-test-service")};
    Account m_sandboxAccount;
};

void TestSendService::initTestCase()
{
    m_sandbox = std::make_unique<SandboxServer>(m_dir.filePath(QStringLiteral("sandbox")));
    QVERIFY(m_sandbox->start());
}

void TestSendService::init()
{
    const QString id = QUuid::createUuid().toString(QUuid::Id128);
    m_accounts = std::make_unique<AccountStore>(m_dir.filePath(id + QStringLiteral(".conf")));
    m_drafts = std::make_unique<DraftStore>(m_dir.filePath(id + QStringLiteral("-drafts")));
    m_sandboxAccount = Account{};
    m_sandboxAccount.name = QStringLiteral("Local sandbox");
    m_sandboxAccount.identities.append(
        {QStringLiteral("测试者"), QStringLiteral("me@sandbox.invalid"), {}, {}});
    m_sandboxAccount.host = QStringLiteral("127.0.0.1");
    m_sandboxAccount.security = SmtpSecurity::None;
    m_sandboxAccount.auth = AccountAuth::None;
    m_sandboxAccount.isSandbox = true;
    QVERIFY(m_accounts->save(m_sandboxAccount).ok());
}

Account TestSendService::plainAccount(const QString &name, quint16 port)
{
    Account account;
    account.name = name;
    account.identities.append({QStringLiteral("Me"), QStringLiteral("me@example.com"), {}, {}});
    account.host = QStringLiteral("127.0.0.1");
    account.port = port;
    account.security = SmtpSecurity::None;
    account.auth = AccountAuth::None;
    return account;
}

Draft TestSendService::storedDraft(const Account &account, const QString &to, const QString &subject)
{
    Draft draft;
    draft.accountId = account.id;
    draft.to = to;
    draft.subject = subject;
    draft.text = QStringLiteral("Exactly once, please.");
    if (!m_drafts->save(draft))
        qWarning() << m_drafts->errorString();
    return draft;
}

int TestSendService::deliveredToSandbox(const QByteArray &messageId) const
{
    int count = 0;
    for (const QString &path : m_sandbox->storedMessages()) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains("Message-ID: " + messageId))
            ++count;
    }
    return count;
}

SendReport TestSendService::waitFor(SendJob *job)
{
    QSignalSpy finished(job, &SendJob::finished);
    if (!finished.wait(20000))
        return {};
    return finished.first().first().value<SendReport>();
}

void TestSendService::sendingTwiceDeliversOnce()
{
    SendService service(m_accounts.get(), &m_secrets, m_drafts.get());
    service.setSandboxPort(m_sandbox->port());
    const Draft draft =
        storedDraft(m_sandboxAccount, QStringLiteral("alice@example.com"), QStringLiteral("twice"));

    SendJob *first = service.sendDraft(draft.id);
    SendJob *second = service.sendDraft(draft.id); // a double click: joins the first send
    QCOMPARE(second, first);
    const SendReport report = waitFor(first);
    QCOMPARE(report.outcome, SendReport::Outcome::Sent);
    QVERIFY(!report.messageId.isEmpty());
    QCOMPARE(report.accepted, QStringList{QStringLiteral("alice@example.com")});

    const std::optional<Draft> stored = m_drafts->load(draft.id);
    QVERIFY(stored);
    QCOMPARE(stored->state, Draft::State::Sent);
    QCOMPARE(stored->messageId, report.messageId);
    QVERIFY(stored->serverReply.startsWith(QStringLiteral("250")));
    QVERIFY(stored->sentAt.isValid());

    // Once accepted, never again: the service refuses before connecting.
    const qsizetype connectionsBefore = m_sandbox->storedMessages().size();
    const SendReport again = waitFor(service.sendDraft(draft.id));
    QCOMPARE(again.outcome, SendReport::Outcome::NotAttempted);
    QVERIFY2(again.error.summary.contains(QStringLiteral("already sent")), qPrintable(again.error.summary));
    QCOMPARE(m_sandbox->storedMessages().size(), connectionsBefore);
    QCOMPARE(deliveredToSandbox(report.messageId), 1);
}

void TestSendService::postfixReceivesEachMessageOnce()
{
    TestServerEnv servers;
    if (!servers.load())
        QSKIP("the test servers are not running (run through ctest)");
    Account postfix = postfixAccount(servers, QStringLiteral("Tester"));
    QVERIFY(m_accounts->save(postfix).ok());
    m_secrets.keepInMemory(postfix.id, servers.password());
    SendService service(m_accounts.get(), &m_secrets, m_drafts.get());

    const Draft draft = storedDraft(postfix, QStringLiteral("alice@sendscope.test, bob@sendscope.test"),
                                    QStringLiteral("pf"));
    SendJob *job = service.sendDraft(draft.id);
    QCOMPARE(service.sendDraft(draft.id), job);
    const SendReport report = waitFor(job);
    QCOMPARE(report.outcome, SendReport::Outcome::Sent);
    QVERIFY2(!report.queueId.isEmpty(), qPrintable(report.serverReply)); // "queued as ..."
    QCOMPARE(m_drafts->load(draft.id)->queueId, report.queueId);
    QCOMPARE(waitFor(service.sendDraft(draft.id)).outcome, SendReport::Outcome::NotAttempted);
    QVERIFY(servers.waitForEmptyQueue());
    QCOMPARE(servers.countInMaildir(QStringLiteral("alice"), report.messageId), 1);
    QCOMPARE(servers.countInMaildir(QStringLiteral("bob"), report.messageId), 1);
}

void TestSendService::messageIdIsKeptAcrossRetriesAndEdits()
{
    quint16 deadPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        deadPort = probe.serverPort();
    }
    Account broken = plainAccount(QStringLiteral("Broken"), deadPort);
    QVERIFY(m_accounts->save(broken).ok());
    SendService service(m_accounts.get(), &m_secrets, m_drafts.get());
    Draft draft = storedDraft(broken, QStringLiteral("alice@example.com"), QStringLiteral("kept id"));

    const SendReport failed = waitFor(service.sendDraft(draft.id));
    QCOMPARE(failed.outcome, SendReport::Outcome::Failed);
    QCOMPARE(failed.error.category, SmtpErrorCategory::Connect);
    draft = *m_drafts->load(draft.id);
    QCOMPARE(draft.state, Draft::State::Outbox);
    QCOMPARE(draft.attempts, 1);
    const QByteArray messageId = draft.messageId;
    QVERIFY(messageId.startsWith('<') && messageId.endsWith("@example.com>"));

    // The person corrects a recipient and the server; the message stays the same message.
    draft.to = QStringLiteral("bob@example.com");
    QVERIFY(m_drafts->save(draft));
    broken.port = m_sandbox->port();
    QVERIFY(m_accounts->save(broken).ok());
    const SendReport sent = waitFor(service.sendDraft(draft.id));
    QCOMPARE(sent.outcome, SendReport::Outcome::Sent);
    QCOMPARE(sent.messageId, messageId);
    QCOMPARE(sent.accepted, QStringList{QStringLiteral("bob@example.com")});
    QCOMPARE(deliveredToSandbox(messageId), 1);
    QCOMPARE(m_drafts->load(draft.id)->attempts, 2);
}

void TestSendService::recordedAsSendingBeforeTheEndOfData()
{
    // The server takes the whole message and never answers: by then the record must say Sending.
    ScriptedSmtpServer server;
    server.upToData("220 fake ESMTP\r\n", "250-fake\r\n250 8BITMIME\r\n").receiveData().silent();
    Account account = plainAccount(QStringLiteral("Silent"), server.port());
    QVERIFY(m_accounts->save(account).ok());
    SendService service(m_accounts.get(), &m_secrets, m_drafts.get());
    const Draft draft = storedDraft(account, QStringLiteral("alice@example.com"), QStringLiteral("silent"));
    SendJob *job = service.sendDraft(draft.id);
    QTRY_VERIFY_WITH_TIMEOUT(!server.bodies().isEmpty(), 10000);
    QCOMPARE(m_drafts->load(draft.id)->state, Draft::State::Sending);
    // A new service (a restart) would find it so and put it in the outbox as "may have been delivered".
    QCOMPARE(service.sendDraft(draft.id), job); // still the same send
    job->cancel();
    const SendReport report = waitFor(job);
    QCOMPARE(report.outcome, SendReport::Outcome::Uncertain);
    const std::optional<Draft> stored = m_drafts->load(draft.id);
    QCOMPARE(stored->state, Draft::State::Outbox);
    QVERIFY(stored->deliveryUncertain);
}

void TestSendService::lostEndOfDataReplyWaitsForThePerson()
{
    ScriptedSmtpServer server;
    server.upToData("220 fake ESMTP\r\n", "250-fake\r\n250 8BITMIME\r\n")
        .receiveData()
        .closeConnection()
        // The person's explicit "send again": a second connection, accepted this time.
        .upToData("220 fake ESMTP\r\n", "250-fake\r\n250 8BITMIME\r\n")
        .receiveData()
        .send("250 2.0.0 Ok: queued as ABC123\r\n")
        .expect("QUIT")
        .send("221 bye\r\n");
    Account account = plainAccount(QStringLiteral("Lossy"), server.port());
    QVERIFY(m_accounts->save(account).ok());
    SendService service(m_accounts.get(), &m_secrets, m_drafts.get());
    const Draft draft = storedDraft(account, QStringLiteral("alice@example.com"), QStringLiteral("lost"));

    const SendReport lost = waitFor(service.sendDraft(draft.id));
    QCOMPARE(lost.outcome, SendReport::Outcome::Uncertain);
    QVERIFY(m_drafts->load(draft.id)->deliveryUncertain);
    QVERIFY(!m_drafts->load(draft.id)->errorTemporary); // the scheduler never retries it

    // Neither a retry nor a second click sends it: only the person's explicit choice.
    const SendReport refused = waitFor(service.sendDraft(draft.id));
    QCOMPARE(refused.outcome, SendReport::Outcome::NotAttempted);
    QVERIFY(refused.error.summary.contains(QStringLiteral("may already have been delivered")));
    QCOMPARE(server.bodies().size(), 1);

    SendService::DraftOptions options;
    options.resendUncertain = true;
    const SendReport resent = waitFor(service.sendDraft(draft.id, options));
    QCOMPARE(resent.outcome, SendReport::Outcome::Sent);
    QCOMPARE(resent.queueId, QStringLiteral("ABC123"));
    QCOMPARE(server.bodies().size(), 2);
    QVERIFY(server.bodies().at(1).contains("Message-ID: " + lost.messageId)); // the same message, again
}

void TestSendService::killedWhileSendingIsNeverRetried()
{
    // The real app, in a home of its own, retrying an outbox message through a server that takes the
    // whole message and never answers. Killed (SIGKILL) then, and started again: the message must be
    // "may have been delivered" and must not be sent a second time.
    ScriptedSmtpServer server;
    server.upToData("220 fake ESMTP\r\n", "250-fake\r\n250 8BITMIME\r\n").receiveData().silent();
    QTemporaryDir home;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), home.path());
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.filePath(QStringLiteral("runtime")));
    QDir().mkpath(home.filePath(QStringLiteral("runtime")));
    QFile::setPermissions(home.filePath(QStringLiteral("runtime")),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("QT_LOGGING_RULES"),
                       QStringLiteral("sendscope.send.info=true\nsendscope.desk.info=true"));

    AccountStore accounts(home.filePath(QStringLiteral("config/sendscope/accounts.conf")));
    Account account = plainAccount(QStringLiteral("Silent"), server.port());
    QVERIFY(accounts.save(account).ok());
    DraftStore drafts(home.filePath(QStringLiteral("data/sendscope/drafts")));
    Draft draft;
    draft.accountId = account.id;
    draft.to = QStringLiteral("alice@example.com");
    draft.subject = QStringLiteral("killed while sending");
    draft.text = QStringLiteral("Once.");
    draft.state = Draft::State::Outbox; // greylisted an hour ago: due for a retry at start
    draft.errorTemporary = true;
    draft.attempts = 1;
    draft.lastAttempt = QDateTime::currentDateTime().addSecs(-3600);
    QVERIFY(drafts.save(draft));

    QProcess first;
    first.setProcessEnvironment(environment);
    first.start(QStringLiteral(SENDSCOPE_BINARY), QStringList{});
    QVERIFY(first.waitForStarted(10000));
    QTRY_VERIFY_WITH_TIMEOUT(!server.bodies().isEmpty(), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(drafts.load(draft.id)->state, Draft::State::Sending, 5000);
    first.kill();
    QVERIFY(first.waitForFinished(10000));
    const QByteArray messageId = drafts.load(draft.id)->messageId;
    QVERIFY(!messageId.isEmpty());

    QProcess second;
    second.setProcessEnvironment(environment);
    second.start(QStringLiteral(SENDSCOPE_BINARY), QStringList{});
    QVERIFY(second.waitForStarted(10000));
    QByteArray log;
    QTRY_VERIFY_WITH_TIMEOUT((log += second.readAllStandardError()).contains("may have been delivered"),
                             20000);
    const std::optional<Draft> after = drafts.load(draft.id);
    QCOMPARE(after->state, Draft::State::Outbox);
    QVERIFY(after->deliveryUncertain);
    QCOMPARE(after->messageId, messageId);
    // Bounded: the outbox scheduler has had its turn at start; nothing may connect again.
    QSignalSpy connections(&server, &QTcpServer::newConnection);
    QVERIFY(!connections.wait(1500));
    QCOMPARE(server.bodies().size(), 1);
    second.kill();
    second.waitForFinished(10000);
}

QTEST_MAIN(TestSendService)
#include "testsendservice.moc"
