#include "accountstore.h"
#include "mimewriter.h"
#include "replyparser.h"
#include "scriptedsmtpserver.h"
#include "sessiontesting.h"
#include "smtpsession.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

// Servers that lie, stall, reset, flood or present the wrong certificate, acted out by scripted servers
// on loopback. Each case is a row of tests/hostile/README.md, which says what the user sees.
class TestHostileServer : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();

    // STARTTLS and downgrades
    void starttlsInjectionAborts();
    void starttlsIsAloneAndNothingIsReplayed();
    void starttlsRequiredButNotOffered();
    void starttlsRefused();
    void tlsHandshakeFailsNothingSent();
    void implicitTlsAgainstPlainServer();
    void noPasswordInClearText();
    void tokenNeverShown();
    void scramExchangeIsSummarised();
    void terminalEscapesAreShownNotRun();

    // Certificates
    void trustedCertificateAccepted();
    void certificateRefused_data();
    void certificateRefused();
    void changedPinnedCertificateRefused();
    void pinNeverOverridesABlacklistedCertificate();
    void trustIsScopedToTheAccount();
    void pinStaysWithItsHostAndPort();

    // Bounded resources
    void endlessLineIsProtocolError();
    void endlessMultilineReplyIsBounded();
    void parserMemoryIsBounded();
    void hugeEhloIsBounded();
    void silentServerTimesOut();
    void tricklingServerTimesOut();
    void sessionTimeoutBoundsASlowServer();

    // Faults
    void resetDuringGreeting();
    void resetDuringAuth();
    void resetDuringData();
    void closedMidData();
    void closedAfterFinalDotIsUncertain();
    void unavailableAtGreeting();
    void serviceClosingAtEveryStage_data();
    void serviceClosingAtEveryStage();
    void connectionRefused();
    void unknownHost();

    // Input
    void invalidAddressRefusedBeforeConnecting_data();
    void invalidAddressRefusedBeforeConnecting();
    void headerInjectionRefused_data();
    void headerInjectionRefused();
    void tenThousandRecipients();
    void attachmentChangesOnDiskWhileSending_data();
    void attachmentChangesOnDiskWhileSending();

private:
    struct Identity
    {
        QSslCertificate certificate;
        QSslKey key;
    };
    SmtpServerSettings tlsSettings(quint16 port) const;
    void present(ScriptedSmtpServer &server, const QString &name) const;
    QString fingerprint(const QString &name) const;
    MimeMessage messageWithAttachments(const QStringList &paths) const;

    QTemporaryDir m_dir;
    QHash<QString, Identity> m_identities;
    QSslCertificate m_ca;
};

using namespace SessionTesting;

namespace {
const QByteArray kEhloStartTls = "250-fake.example.com\r\n250-PIPELINING\r\n250-STARTTLS\r\n250 8BITMIME\r\n";
const QByteArray kEhloAuth = "250-fake.example.com\r\n250-PIPELINING\r\n250 AUTH PLAIN LOGIN\r\n";
const QByteArray kEhloPlain = "250-fake.example.com\r\n250 8BITMIME\r\n"; // no PIPELINING: one step per reply
// tests/hostile/scan-secrets.py looks for these (and their base64 forms) in everything the suite wrote.
const QString kSecret = QStringLiteral("hostile-Secret-4242");
const QString kToken = QStringLiteral("hostile-Token-7171");
} // namespace

void TestHostileServer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QProcess make;
    make.start(QStringLiteral("bash"),
               {QStringLiteral(SENDSCOPE_SOURCE_DIR "/tests/hostile/make-certificates.sh"), m_dir.path()});
    QVERIFY(make.waitForFinished(120000));
    QVERIFY2(make.exitCode() == 0, make.readAllStandardError().constData());
    m_ca = QSslCertificate::fromPath(m_dir.filePath(QStringLiteral("ca.pem"))).value(0);
    QVERIFY(!m_ca.isNull());
    for (const QString &name :
         {QStringLiteral("good"), QStringLiteral("expired"), QStringLiteral("wronghost"),
          QStringLiteral("selfsigned"), QStringLiteral("changed"), QStringLiteral("blacklisted")}) {
        Identity identity;
        identity.certificate =
            QSslCertificate::fromPath(m_dir.filePath(name + QStringLiteral(".pem"))).value(0);
        QFile key(m_dir.filePath(name + QStringLiteral(".key")));
        QVERIFY(key.open(QIODevice::ReadOnly));
        identity.key = QSslKey(key.readAll(), QSsl::Rsa);
        QVERIFY2(!identity.certificate.isNull() && !identity.key.isNull(), qPrintable(name));
        m_identities.insert(name, identity);
    }
}

SmtpServerSettings TestHostileServer::tlsSettings(quint16 port) const
{
    return SessionTesting::tlsSettings(port, m_ca); // trusts the test CA, not the self-signed ones
}

void TestHostileServer::present(ScriptedSmtpServer &server, const QString &name) const
{
    server.setCertificate(m_identities.value(name).certificate, m_identities.value(name).key);
}

QString TestHostileServer::fingerprint(const QString &name) const
{
    return QString::fromLatin1(
               m_identities.value(name).certificate.digest(QCryptographicHash::Sha256).toHex(':'))
        .toUpper();
}

void TestHostileServer::starttlsRequiredButNotOffered()
{
    ScriptedSmtpServer server;
    server.send(kGreeting).expect("EHLO").send("250-fake\r\n250 AUTH PLAIN\r\n").silent();
    SmtpServerSettings settings = tlsSettings(server.port());
    settings.username = QStringLiteral("user");
    settings.secret = QStringLiteral("secret");
    SmtpSession session(settings);
    session.addMessage(message(kSimpleBody));
    const Run result = run(session);
    QCOMPARE(result.error.category, SmtpErrorCategory::Tls);
    QCOMPARE(server.lineTexts(), QList<QByteArray>{"EHLO client.example.com"}); // nothing after EHLO
    QCOMPARE(result.results.first().outcome, MessageResult::Outcome::Failed);
}

void TestHostileServer::starttlsRefused()
{
    ScriptedSmtpServer server;
    server.send(kGreeting)
        .expect("EHLO")
        .send("250-fake\r\n250 STARTTLS\r\n")
        .expect("STARTTLS")
        .send("454 4.7.0 TLS not available due to local problem\r\n")
        .silent();
    SmtpSession session(tlsSettings(server.port()));
    const Run result = run(session);
    QCOMPARE(result.error.category, SmtpErrorCategory::Tls);
    QCOMPARE(server.lineTexts().size(), 2);
}

void TestHostileServer::starttlsInjectionAborts()
{
    ScriptedSmtpServer server;
    present(server, QStringLiteral("good"));
    server.send(kGreeting)
        .expect("EHLO")
        .send("250-fake\r\n250 STARTTLS\r\n")
        .expect("STARTTLS")
        .send("220 2.0.0 go ahead\r\n250-injected\r\n250 AUTH PLAIN\r\n")
        .silent();
    SmtpServerSettings settings = tlsSettings(server.port());
    settings.username = QStringLiteral("user");
    settings.secret = QStringLiteral("secret");
    SmtpSession session(settings);
    session.addMessage(message(kSimpleBody));
    const Run result = run(session);
    QCOMPARE(result.error.category, SmtpErrorCategory::Tls);
    QVERIFY(result.error.summary.contains(QStringLiteral("unexpected data")));
    QCOMPARE(server.lineTexts().size(), 2); // EHLO, STARTTLS and nothing else
}

void TestHostileServer::noPasswordInClearText()
{
    ScriptedSmtpServer server;
    server.send(kGreeting).expect("EHLO").send("250-fake\r\n250 AUTH PLAIN LOGIN\r\n").silent();
    SmtpServerSettings settings = plainSettings(server.port());
    settings.username = QStringLiteral("alice");
    settings.secret = QStringLiteral("secret");
    SmtpSession session(settings);
    session.addMessage(message(kSimpleBody));
    const Run result = run(session);
    QCOMPARE(result.error.category, SmtpErrorCategory::Auth);
    QCOMPARE(server.lineTexts().size(), 1);
}

void TestHostileServer::closedMidData()
{
    ScriptedSmtpServer server;
    server.send(kGreeting)
        .expect("EHLO")
        .send(kEhloPipelining)
        .expect("MAIL")
        .expect("RCPT")
        .expect("DATA")
        .send("250 Ok\r\n250 Ok\r\n354 go\r\n")
        .closeConnection();
    SmtpSession session(plainSettings(server.port()));
    session.addMessage(message("Subject: big\r\n\r\n" + QByteArray(60000, 'x')));
    const Run result = run(session);
    QVERIFY(result.error.isError());
    QVERIFY(result.error.category == SmtpErrorCategory::Connect ||
            result.error.category == SmtpErrorCategory::Protocol);
    QCOMPARE(result.results.first().outcome, MessageResult::Outcome::Failed);
}

void TestHostileServer::closedAfterFinalDotIsUncertain()
{
    ScriptedSmtpServer server;
    server.send(kGreeting)
        .expect("EHLO")
        .send("250 fake\r\n")
        .expect("MAIL")
        .send("250 Ok\r\n")
        .expect("RCPT")
        .send("250 Ok\r\n")
        .expect("DATA")
        .send("354 go\r\n")
        .receiveData()
        .closeConnection();
    SmtpSession session(plainSettings(server.port()));
    session.addMessage(message(kSimpleBody));
    const Run result = run(session);
    QCOMPARE(result.error.category, SmtpErrorCategory::Connect);
    QVERIFY(result.error.deliveryUncertain);
    QVERIFY(result.error.explanation.contains(QStringLiteral("may or may not")));
}

void TestHostileServer::unavailableAtGreeting()
{
    ScriptedSmtpServer server;
    server.send("421 4.3.2 Service shutting down\r\n").closeConnection();
    SmtpSession session(plainSettings(server.port()));
    session.addMessage(message(kSimpleBody));
    const Run result = run(session);
    QCOMPARE(result.error.category, SmtpErrorCategory::ServerUnavailable);
    QVERIFY(result.error.temporary);
}

void TestHostileServer::silentServerTimesOut()
{
    ScriptedSmtpServer server;
    server.silent();
    SmtpServerSettings settings = plainSettings(server.port());
    settings.replyTimeoutMs = 300;
    SmtpSession session(settings);
    const Run result = run(session);
    QCOMPARE(result.error.category, SmtpErrorCategory::Timeout);
    QCOMPARE(result.finishedCount, 1);
}

void TestHostileServer::tricklingServerTimesOut()
{
    // Bytes keep arriving, but no reply ever completes: the reply timeout must still fire.
    ScriptedSmtpServer server;
    server.trickle("220 " + QByteArray(200, 'x'), 50);
    SmtpServerSettings settings = plainSettings(server.port());
    settings.replyTimeoutMs = 400;
    SmtpSession session(settings);
    QElapsedTimer timer;
    timer.start();
    const Run result = run(session);
    QCOMPARE(result.error.category, SmtpErrorCategory::Timeout);
    QVERIFY(timer.elapsed() < 3000);
}

void TestHostileServer::endlessLineIsProtocolError()
{
    ScriptedSmtpServer server;
    server.send("220 " + QByteArray(100000, 'x'));
    SmtpSession session(plainSettings(server.port()));
    const Run result = run(session);
    QCOMPARE(result.error.category, SmtpErrorCategory::Protocol);
}

void TestHostileServer::hugeEhloIsBounded()
{
    QByteArray ehlo = "250-fake\r\n";
    for (int i = 0; i < 100000; ++i)
        ehlo += "250-X" + QByteArray::number(i) + "\r\n";
    ehlo += "250 END\r\n";
    ScriptedSmtpServer server;
    server.send(kGreeting).expect("EHLO").send(ehlo).silent();
    SmtpSession session(plainSettings(server.port()));
    const Run result = run(session);
    QCOMPARE(result.error.category, SmtpErrorCategory::Protocol);
    QVERIFY(result.error.explanation.contains(QStringLiteral("1024")));
}

void TestHostileServer::connectionRefused()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    SmtpSession session(plainSettings(port));
    const Run result = run(session);
    QCOMPARE(result.error.category, SmtpErrorCategory::Connect);
}

void TestHostileServer::unknownHost()
{
    SmtpServerSettings settings = plainSettings(25);
    settings.host = QStringLiteral("nonexistent.invalid");
    SmtpSession session(settings);
    const Run result = run(session, 20000);
    QCOMPARE(result.error.category, SmtpErrorCategory::Dns);
}

void TestHostileServer::invalidAddressRefusedBeforeConnecting_data()
{
    QTest::addColumn<QString>("recipient");
    QTest::newRow("crlf injection") << QStringLiteral("b@example.com>\r\nRCPT TO:<evil@example.com");
    QTest::newRow("nul") << QStringLiteral("b@exam") + QChar(0) + QStringLiteral("ple.com");
    QTest::newRow("space") << QStringLiteral("b c@example.com");
    QTest::newRow("no at") << QStringLiteral("example.com");
    QTest::newRow("empty domain") << QStringLiteral("b@");
    QTest::newRow("local part too long") << QString(65, u'a') + QStringLiteral("@example.com");
    QTest::newRow("domain label too long")
        << QStringLiteral("b@") + QString(64, u'd') + QStringLiteral(".com");
    QTest::newRow("domain too long") << QStringLiteral("b@") + (QString(60, u'd') + u'.').repeated(5) +
                                            QStringLiteral("com");
    QTest::newRow("address too long")
        << QString(60, u'a') + u'@' + (QString(60, u'd') + u'.').repeated(4) + QStringLiteral("com");
}

void TestHostileServer::invalidAddressRefusedBeforeConnecting()
{
    QFETCH(QString, recipient);
    QTcpServer listener; // must never see a connection
    QVERIFY(listener.listen(QHostAddress::LocalHost, 0));
    SmtpSession session(plainSettings(listener.serverPort()));
    session.addMessage(message(kSimpleBody, {recipient}));
    const Run result = run(session);
    QCOMPARE(result.error.category, SmtpErrorCategory::Input);
    QVERIFY(!listener.hasPendingConnections());
    QCOMPARE(result.results.first().outcome, MessageResult::Outcome::Failed);
}

void TestHostileServer::starttlsIsAloneAndNothingIsReplayed()
{
    // With PIPELINING offered, STARTTLS must still travel alone, and after the handshake the client
    // starts again with EHLO: nothing written before TLS is sent (or replayed) inside it.
    ScriptedSmtpServer server;
    present(server, QStringLiteral("good"));
    server.upToTls(kGreeting, kEhloStartTls)
        .expect("EHLO")
        .send(kEhloAuth)
        .expect("AUTH PLAIN")
        .send("235 2.7.0 ok\r\n")
        .expect("MAIL")
        .expect("RCPT")
        .expect("DATA")
        .send("250 ok\r\n250 ok\r\n354 go\r\n")
        .receiveData()
        .send("250 ok\r\n")
        .expect("QUIT")
        .send("221 bye\r\n");
    SmtpServerSettings settings = tlsSettings(server.port());
    settings.username = QStringLiteral("user");
    settings.secret = kSecret;
    SmtpSession session(settings);
    session.addMessage(message(kSimpleBody));
    const Run result = run(session);
    QVERIFY2(!result.error.isError(), qPrintable(result.transcript));
    QVERIFY2(server.failure().isEmpty(), qPrintable(server.failure()));
    const QList<QByteArray> lines = server.lineTexts();
    QCOMPARE(lines.at(0), QByteArray("EHLO client.example.com"));
    QCOMPARE(lines.at(1), QByteArray("STARTTLS"));
    QCOMPARE(lines.at(2), QByteArray("EHLO client.example.com"));
    QCOMPARE(lines.count(QByteArray("STARTTLS")), 1);
    // STARTTLS was the only line of its flight.
    int inFlight = 0;
    for (const ScriptedSmtpServer::ReceivedLine &line : server.lines())
        inFlight += line.flight == server.flightOf("STARTTLS") ? 1 : 0;
    QCOMPARE(inFlight, 1);
    QVERIFY(!result.transcript.contains(kSecret));
}

void TestHostileServer::tlsHandshakeFailsNothingSent()
{
    // The server agrees to STARTTLS and then speaks plain text instead of a TLS handshake.
    ScriptedSmtpServer server;
    server.send(kGreeting)
        .expect("EHLO")
        .send(kEhloStartTls)
        .expect("STARTTLS")
        .send("220 2.0.0 go ahead\r\n")
        .send("250-this is not TLS\r\n250 AUTH PLAIN\r\n")
        .silent();
    SmtpServerSettings settings = tlsSettings(server.port());
    settings.username = QStringLiteral("user");
    settings.secret = kSecret;
    SmtpSession session(settings);
    session.addMessage(message(kSimpleBody));
    const Run result = run(session);
    QVERIFY2(result.error.category == SmtpErrorCategory::Tls, qPrintable(result.transcript));
    QCOMPARE(server.lineTexts(), (QList<QByteArray>{"EHLO client.example.com", "STARTTLS"}));
    QCOMPARE(result.results.first().outcome, MessageResult::Outcome::Failed);
}

void TestHostileServer::implicitTlsAgainstPlainServer()
{
    // Port 465 settings against a server that greets in plain text: no fallback to plain text.
    ScriptedSmtpServer server;
    server.send(kGreeting).silent();
    SmtpServerSettings settings = tlsSettings(server.port());
    settings.security = SmtpSecurity::ImplicitTls;
    settings.username = QStringLiteral("user");
    settings.secret = kSecret;
    SmtpSession session(settings);
    session.addMessage(message(kSimpleBody));
    const Run result = run(session);
    QVERIFY2(result.error.category == SmtpErrorCategory::Tls, qPrintable(result.transcript));
    QVERIFY(server.lineTexts().isEmpty());
}

void TestHostileServer::trustedCertificateAccepted()
{
    // The baseline for the refusals below: the same set-up with a good certificate works.
    ScriptedSmtpServer server;
    present(server, QStringLiteral("good"));
    server.upToTls(kGreeting, kEhloStartTls)
        .expect("EHLO")
        .send("250 fake\r\n")
        .expect("QUIT")
        .send("221 bye\r\n");
    SmtpSession session(tlsSettings(server.port()));
    const Run result = run(session);
    QVERIFY2(!result.error.isError(), qPrintable(result.transcript));
}

void TestHostileServer::certificateRefused_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("reason"); // in the error the user sees
    QTest::newRow("expired") << QStringLiteral("expired") << QStringLiteral("expired");
    QTest::newRow("self-signed") << QStringLiteral("selfsigned") << QStringLiteral("self-signed");
    QTest::newRow("wrong host name") << QStringLiteral("wronghost") << QStringLiteral("host name");
}

void TestHostileServer::certificateRefused()
{
    QFETCH(QString, certificate);
    QFETCH(QString, reason);
    ScriptedSmtpServer server;
    present(server, certificate);
    server.upToTls(kGreeting, kEhloStartTls).silent();
    SmtpServerSettings settings = tlsSettings(server.port());
    settings.username = QStringLiteral("user");
    settings.secret = kSecret;
    SmtpSession session(settings);
    session.addMessage(message(kSimpleBody));
    const Run result = run(session);
    QVERIFY2(result.error.category == SmtpErrorCategory::Certificate, qPrintable(result.transcript));
    QVERIFY2(result.error.summary.contains(reason, Qt::CaseInsensitive), qPrintable(result.error.summary));
    QVERIFY(result.error.explanation.contains(fingerprint(certificate)));
    QVERIFY(!result.error.temporary);
    QCOMPARE(server.lineTexts().size(), 2); // EHLO, STARTTLS: no AUTH, no MAIL
    QCOMPARE(session.rejectedCertificateChain().value(0), m_identities.value(certificate).certificate);
}

void TestHostileServer::changedPinnedCertificateRefused()
{
    ScriptedSmtpServer server;
    present(server, QStringLiteral("changed"));
    server.upToTls(kGreeting, kEhloStartTls).silent();
    SmtpServerSettings settings = tlsSettings(server.port());
    settings.trustedFingerprints = {
        m_identities.value(QStringLiteral("selfsigned")).certificate.digest(QCryptographicHash::Sha256)};
    SmtpSession session(settings);
    const Run result = run(session);
    QCOMPARE(result.error.category, SmtpErrorCategory::Certificate);
    QVERIFY2(result.error.explanation.contains(QStringLiteral("different certificate")),
             qPrintable(result.error.explanation));
    QVERIFY(result.error.explanation.contains(fingerprint(QStringLiteral("changed"))));
    QCOMPARE(server.lineTexts().size(), 2);
}

void TestHostileServer::pinNeverOverridesABlacklistedCertificate()
{
    // The user pinned this certificate, but Qt knows it as stolen: a pin answers "who is this?", not "was
    // it revoked?", so the connection is refused, and no certificate dialog is offered (trusting cannot
    // help).
    ScriptedSmtpServer server;
    present(server, QStringLiteral("blacklisted"));
    server.upToTls(kGreeting, kEhloStartTls).silent();
    SmtpServerSettings settings = tlsSettings(server.port());
    settings.trustedFingerprints = {
        m_identities.value(QStringLiteral("blacklisted")).certificate.digest(QCryptographicHash::Sha256)};
    SmtpSession session(settings);
    const Run result = run(session);
    QCOMPARE(result.error.category, SmtpErrorCategory::Certificate);
    QVERIFY2(result.error.explanation.contains(QStringLiteral("revoked or blacklisted")),
             qPrintable(result.error.explanation));
    QVERIFY(session.rejectedCertificateChain().isEmpty());
    QCOMPARE(server.lineTexts().size(), 2); // EHLO, STARTTLS: nothing after the handshake

    // Revocation (which Qt reports when a CRL or OCSP answer says so) is never overridden either, while
    // the errors a pin exists for are.
    const QSslCertificate certificate = m_identities.value(QStringLiteral("selfsigned")).certificate;
    QVERIFY(!SmtpSession::pinMayOverride({QSslError(QSslError::CertificateRevoked, certificate)}));
    QVERIFY(!SmtpSession::pinMayOverride({QSslError(QSslError::SelfSignedCertificate, certificate),
                                          QSslError(QSslError::CertificateBlacklisted, certificate)}));
    QVERIFY(SmtpSession::pinMayOverride({QSslError(QSslError::SelfSignedCertificate, certificate),
                                         QSslError(QSslError::HostNameMismatch, certificate),
                                         QSslError(QSslError::CertificateExpired, certificate)}));
}

void TestHostileServer::trustIsScopedToTheAccount()
{
    // "Trust always" pins the certificate in one account; another account for the same server does not
    // inherit it, and "trust once" (a pin in one session's settings only) leaves the stored account as is.
    AccountStore store(m_dir.filePath(QStringLiteral("accounts.conf")));
    Account pinned;
    pinned.name = QStringLiteral("Pinned");
    pinned.identities.append({QStringLiteral("A"), QStringLiteral("a@example.com"), {}, {}});
    pinned.host = QStringLiteral("127.0.0.1");
    pinned.port = 2525;
    pinned.security = SmtpSecurity::StartTls;
    pinned.auth = AccountAuth::None;
    pinned.setCurrentPins(
        {m_identities.value(QStringLiteral("selfsigned")).certificate.digest(QCryptographicHash::Sha256)});
    Account other = pinned;
    other.name = QStringLiteral("Other");
    other.pinnedCertificates.clear();
    QCOMPARE(store.save(pinned).status, AccountStore::Status::Ok);
    QCOMPARE(store.save(other).status, AccountStore::Status::Ok);

    for (const QString &name : {QStringLiteral("Pinned"), QStringLiteral("Other")}) {
        const std::optional<Account> account = store.findByName(name);
        QVERIFY(account);
        ScriptedSmtpServer server;
        present(server, QStringLiteral("selfsigned"));
        server.upToTls(kGreeting, kEhloStartTls)
            .expect("EHLO")
            .send("250 fake\r\n")
            .expect("QUIT")
            .send("221 bye\r\n");
        // The scripted server stands in for 127.0.0.1:2525, with the account's pins for it.
        Account moved = *account;
        const QList<QByteArray> pins = moved.currentPins();
        moved.port = server.port();
        moved.setCurrentPins(pins);
        SmtpServerSettings settings = moved.serverSettings();
        settings.localHostName = QStringLiteral("client.example.com");
        SmtpSession session(settings);
        const Run result = run(session);
        if (name == QStringLiteral("Pinned"))
            QVERIFY2(!result.error.isError(), qPrintable(result.transcript));
        else
            QCOMPARE(result.error.category, SmtpErrorCategory::Certificate);
    }
    QVERIFY(store.findByName(QStringLiteral("Other"))->pinnedCertificates.isEmpty());
}

void TestHostileServer::pinStaysWithItsHostAndPort()
{
    // "Trust always" on one server, then the account moves to another host or port that presents the
    // same self-signed certificate (as an attacker who copied it would): the pin stays behind, and the
    // certificate is refused there until the person decides again.
    ScriptedSmtpServer first;
    ScriptedSmtpServer second;
    for (ScriptedSmtpServer *server : {&first, &second}) {
        present(*server, QStringLiteral("selfsigned"));
        server->upToTls(kGreeting, kEhloStartTls)
            .expect("EHLO")
            .send("250 fake\r\n")
            .expect("QUIT")
            .send("221 bye\r\n");
    }
    Account account;
    account.name = QStringLiteral("Moving");
    account.identities.append({QStringLiteral("A"), QStringLiteral("a@example.com"), {}, {}});
    account.host = QStringLiteral("127.0.0.1");
    account.port = first.port();
    account.auth = AccountAuth::None;
    account.setCurrentPins(
        {m_identities.value(QStringLiteral("selfsigned")).certificate.digest(QCryptographicHash::Sha256)});
    AccountStore store(m_dir.filePath(QStringLiteral("moving.conf")));
    QVERIFY(store.save(account).ok());

    SmtpServerSettings settings = store.findByName(QStringLiteral("Moving"))->serverSettings();
    settings.localHostName = QStringLiteral("client.example.com");
    SmtpSession pinnedSession(settings);
    const Run pinned = run(pinnedSession);
    QVERIFY2(!pinned.error.isError(), qPrintable(pinned.transcript));

    account.port = second.port();
    QVERIFY(store.save(account).ok());
    settings = store.findByName(QStringLiteral("Moving"))->serverSettings();
    settings.localHostName = QStringLiteral("client.example.com");
    SmtpSession movedSession(settings);
    const Run moved = run(movedSession);
    QCOMPARE(moved.error.category, SmtpErrorCategory::Certificate);
    QCOMPARE(second.lineTexts().size(), 2); // EHLO, STARTTLS
    // Back on the first server, the pin still holds.
    QCOMPARE(
        store.findByName(QStringLiteral("Moving"))->pinsFor(QStringLiteral("127.0.0.1"), first.port()).size(),
        1);
}

void TestHostileServer::endlessMultilineReplyIsBounded()
{
    // "250-" lines that never end the reply: the parser stops at 1024 lines (ReplyParser::Limits).
    QByteArray flood;
    for (int i = 0; i < 5000; ++i)
        flood += "250-still going " + QByteArray::number(i) + "\r\n";
    ScriptedSmtpServer server;
    server.send(kGreeting).expect("EHLO").send(flood).silent();
    SmtpSession session(plainSettings(server.port()));
    const Run result = run(session);
    QCOMPARE(result.error.category, SmtpErrorCategory::Protocol);
    QVERIFY2(result.error.explanation.contains(QStringLiteral("1024")), qPrintable(result.error.explanation));
}

void TestHostileServer::parserMemoryIsBounded()
{
    // The bounds the README states, measured: what the parser holds while a flood goes on.
    const ReplyParser::Limits limits;
    ReplyParser endless;
    const QByteArray piece(64 * 1024, 'x');
    endless.feed("250 ");
    for (int i = 0; i < 160; ++i) // 10 MiB without a line end
        endless.feed(piece);
    QCOMPARE(endless.error(), ReplyParser::Error::LineTooLong);
    QVERIFY2(endless.bufferedBytes() <= limits.maxLineLength,
             qPrintable(QString::number(endless.bufferedBytes())));

    ReplyParser flood;
    qsizetype peak = 0;
    const QByteArray line = "250-" + QByteArray(limits.maxLineLength - 10, 'y') + "\r\n";
    for (int i = 0; i < 5000; ++i) {
        flood.feed(line);
        peak = std::max(peak, flood.bufferedBytes());
    }
    QCOMPARE(flood.error(), ReplyParser::Error::TooManyLines);
    QVERIFY2(peak <= (limits.maxLineLength + 6) * limits.maxLinesPerReply, qPrintable(QString::number(peak)));
    QVERIFY(!flood.hasReply());
}

void TestHostileServer::sessionTimeoutBoundsASlowServer()
{
    // Each byte comes well within the reply timeout, but the whole session has a limit of its own.
    ScriptedSmtpServer server;
    server.send(kGreeting).expect("EHLO").trickle(
        "250-fake\r\n250-" + QByteArray(100, 'x') + "\r\n250 end\r\n", 20);
    SmtpServerSettings settings = plainSettings(server.port());
    settings.replyTimeoutMs = 3000;
    settings.sessionTimeoutMs = 500;
    SmtpSession session(settings);
    QElapsedTimer clock;
    clock.start();
    const Run result = run(session);
    QCOMPARE(result.error.category, SmtpErrorCategory::Timeout);
    QVERIFY2(clock.elapsed() < 2500, qPrintable(QString::number(clock.elapsed())));
}

void TestHostileServer::resetDuringGreeting()
{
    ScriptedSmtpServer server;
    server.send("220-fake.example.com ESMTP\r\n").resetConnection();
    SmtpSession session(plainSettings(server.port()));
    session.addMessage(message(kSimpleBody));
    const Run result = run(session);
    QVERIFY2(result.error.category == SmtpErrorCategory::Connect, qPrintable(result.transcript));
    QVERIFY(result.error.temporary);
    QVERIFY(!result.error.deliveryUncertain);
    QCOMPARE(result.results.first().outcome, MessageResult::Outcome::Failed);
}

void TestHostileServer::resetDuringAuth()
{
    ScriptedSmtpServer server;
    present(server, QStringLiteral("good"));
    server.upToTls(kGreeting, kEhloStartTls).expect("EHLO").send(kEhloAuth).expect("AUTH").resetConnection();
    SmtpServerSettings settings = tlsSettings(server.port());
    settings.username = QStringLiteral("user");
    settings.secret = kSecret;
    SmtpSession session(settings);
    session.addMessage(message(kSimpleBody));
    const Run result = run(session);
    QVERIFY2(result.error.category == SmtpErrorCategory::Connect, qPrintable(result.transcript));
    QVERIFY(result.error.temporary);
    QCOMPARE(result.results.first().outcome, MessageResult::Outcome::Failed);
    QVERIFY(!server.lineTexts().contains("MAIL FROM:<a@example.com>"));
    QVERIFY(!result.transcript.contains(kSecret));
}

void TestHostileServer::resetDuringData()
{
    ScriptedSmtpServer server;
    server.upToData(kGreeting, kEhloPlain).expect("Subject").resetConnection();
    SmtpSession session(plainSettings(server.port()));
    // Far more than the socket buffers hold, so the reset comes while the body is still being written.
    session.addMessage(
        message("Subject: big\r\n\r\n" + QByteArray("0123456789abcdef\r\n").repeated(1 << 22)));
    const Run result = run(session);
    QVERIFY2(result.error.category == SmtpErrorCategory::Connect, qPrintable(result.transcript));
    QVERIFY(result.error.temporary);
    QVERIFY(!result.error.deliveryUncertain); // the end of data was never sent
    QCOMPARE(result.results.first().outcome, MessageResult::Outcome::Failed);
}

void TestHostileServer::serviceClosingAtEveryStage_data()
{
    QTest::addColumn<QByteArray>("command"); // the command the server answers with 421
    QTest::newRow("EHLO") << QByteArray("EHLO");
    QTest::newRow("MAIL") << QByteArray("MAIL");
    QTest::newRow("RCPT") << QByteArray("RCPT");
    QTest::newRow("DATA") << QByteArray("DATA");
    QTest::newRow("end of data") << QByteArray(".");
}

void TestHostileServer::serviceClosingAtEveryStage()
{
    QFETCH(QByteArray, command);
    const QByteArray closing = "421 4.3.2 Service shutting down, try again later\r\n";
    ScriptedSmtpServer server;
    server.send(kGreeting).expect("EHLO");
    if (command == "EHLO") {
        server.send(closing).closeConnection();
    } else {
        server.send(kEhloPlain);
        const QList<QPair<QByteArray, QByteArray>> steps{
            {"MAIL", "250 2.1.0 ok\r\n"}, {"RCPT", "250 2.1.5 ok\r\n"}, {"DATA", "354 go\r\n"}};
        bool closed = false;
        for (const auto &[expected, reply] : steps) {
            server.expect(expected);
            if (expected == command) {
                server.send(closing).closeConnection();
                closed = true;
                break;
            }
            server.send(reply);
        }
        if (!closed)
            server.receiveData().send(closing).closeConnection();
    }
    SmtpSession session(plainSettings(server.port()));
    session.addMessage(message(kSimpleBody));
    const Run result = run(session);
    QVERIFY2(result.error.category == SmtpErrorCategory::ServerUnavailable, qPrintable(result.transcript));
    QVERIFY(result.error.temporary);
    QVERIFY(!result.error.deliveryUncertain); // a 421 is an answer: the message was not taken
    QCOMPARE(result.error.reply->code(), 421);
    QCOMPARE(result.results.first().outcome, MessageResult::Outcome::Failed);
    QVERIFY2(server.failure().isEmpty(), qPrintable(server.failure()));
}

void TestHostileServer::headerInjectionRefused_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("bad");
    const QList<QPair<const char *, QString>> characters{
        {"CRLF", QStringLiteral("\r\nBcc: victim@example.com")},
        {"LF", QStringLiteral("\nX-Evil: 1")},
        {"CR", QStringLiteral("\rX-Evil: 1")},
        {"NUL", QString(QChar(0))}};
    for (const char *field : {"subject", "from name", "sender name", "to name", "cc address", "reply-to name",
                              "attachment name", "user agent", "in-reply-to", "references", "message-id"}) {
        for (const auto &[name, text] : characters)
            QTest::newRow(qPrintable(QStringLiteral("%1, %2").arg(QLatin1String(field), QLatin1String(name))))
                << QString::fromLatin1(field) << text;
    }
}

void TestHostileServer::headerInjectionRefused()
{
    QFETCH(QString, field);
    QFETCH(QString, bad);
    QFile attachment(m_dir.filePath(QStringLiteral("note.txt")));
    QVERIFY(attachment.open(QIODevice::WriteOnly));
    attachment.write("note\n");
    attachment.close();
    MimeMessage message = messageWithAttachments({attachment.fileName()});
    const QByteArray badBytes = bad.toUtf8();
    const QString name = QStringLiteral("Name") + bad;
    if (field == QLatin1String("subject"))
        message.subject += bad;
    else if (field == QLatin1String("from name"))
        message.from = MailAddress(name, QStringLiteral("a"), QStringLiteral("example.com"));
    else if (field == QLatin1String("sender name"))
        message.sender = MailAddress(name, QStringLiteral("s"), QStringLiteral("example.com"));
    else if (field == QLatin1String("to name"))
        message.to = {MailAddress(name, QStringLiteral("b"), QStringLiteral("example.com"))};
    else if (field == QLatin1String("cc address"))
        message.cc = {MailAddress({}, QStringLiteral("c") + bad, QStringLiteral("example.com"))};
    else if (field == QLatin1String("reply-to name"))
        message.replyTo = {MailAddress(name, QStringLiteral("r"), QStringLiteral("example.com"))};
    else if (field == QLatin1String("attachment name"))
        message.attachments[0].fileName = QStringLiteral("note") + bad + QStringLiteral(".txt");
    else if (field == QLatin1String("user agent"))
        message.userAgent += bad;
    else if (field == QLatin1String("in-reply-to"))
        message.inReplyTo = "<a" + badBytes + "@example.com>";
    else if (field == QLatin1String("references"))
        message.references = {"<a" + badBytes + "@example.com>"};
    else if (field == QLatin1String("message-id"))
        message.messageId = "<a" + badBytes + "@example.com>";
    MimeWriter::Error error;
    const std::unique_ptr<MessageSource> source = MimeWriter::source(message, {}, &error);
    QVERIFY2(!source, "the message was written");
    QVERIFY2(error.code == MimeWriter::ErrorCode::HeaderInjection ||
                 error.code == MimeWriter::ErrorCode::InvalidMessageId,
             qPrintable(error.message));
    QVERIFY(!error.message.isEmpty());
    QVERIFY(!error.message.contains(u'\r') && !error.message.contains(u'\n')); // shown on one line
    QVERIFY(!error.message.contains(QChar(0)));
}

MimeMessage TestHostileServer::messageWithAttachments(const QStringList &paths) const
{
    MimeMessage message;
    message.from = MailAddress(QStringLiteral("Alice"), QStringLiteral("a"), QStringLiteral("example.com"));
    message.to = {MailAddress(QStringLiteral("Bob"), QStringLiteral("b"), QStringLiteral("example.com"))};
    message.subject = QStringLiteral("Files");
    message.text = QStringLiteral("Here they are.\n");
    for (const QString &path : paths)
        message.attachments.append({path, {}, {}, {}, -1});
    return message;
}

void TestHostileServer::tenThousandRecipients()
{
    // The server takes 1000 recipients per transaction and answers 452 to the rest: the engine must
    // carry on in further transactions until all 10 000 have the message.
    constexpr int total = 10000;
    constexpr int perTransaction = 1000;
    QStringList recipients;
    for (int i = 0; i < total; ++i)
        recipients << QStringLiteral("r%1@example.com").arg(i);
    ScriptedSmtpServer server;
    server.send(kGreeting).expect("EHLO").send(kEhloPipelining);
    for (int remaining = total; remaining > 0; remaining -= perTransaction) {
        server.expect("MAIL");
        for (int i = 0; i < remaining; ++i)
            server.expect("RCPT");
        server.expect("DATA");
        QByteArray replies = "250 2.1.0 ok\r\n";
        for (int i = 0; i < remaining; ++i)
            replies += i < perTransaction ? "250 2.1.5 ok\r\n" : "452 4.5.3 Too many recipients\r\n";
        server.send(replies + "354 go\r\n").receiveData();
        if (remaining > perTransaction)
            server.send("250 2.0.0 queued\r\n");
        else
            server.send("250 2.0.0 queued\r\n").expect("QUIT").send("221 2.0.0 bye\r\n");
    }
    SmtpSession session(plainSettings(server.port()));
    session.addMessage(message(kSimpleBody, recipients));
    const Run result = run(session, 60000);
    QVERIFY2(!result.error.isError(), qPrintable(result.error.summary));
    QVERIFY2(server.failure().isEmpty(), qPrintable(server.failure()));
    QCOMPARE(result.results.first().outcome, MessageResult::Outcome::Sent);
    QCOMPARE(result.results.first().transactions, total / perTransaction);
    QCOMPARE(server.bodies().size(), total / perTransaction);
}

void TestHostileServer::attachmentChangesOnDiskWhileSending_data()
{
    QTest::addColumn<bool>("deleteIt"); // else it shrinks
    QTest::addColumn<QString>("damaged");
    QTest::newRow("an attachment is deleted") << true << QStringLiteral("vanishing.txt");
    QTest::newRow("an attachment shrinks") << false << QStringLiteral("changing.bin");
}

void TestHostileServer::attachmentChangesOnDiskWhileSending()
{
    QFETCH(bool, deleteIt);
    QFETCH(QString, damaged);
    // A large attachment first, so that sending is still under way when the file is damaged.
    const QString big = m_dir.filePath(QStringLiteral("changing.bin"));
    const QString small = m_dir.filePath(QStringLiteral("vanishing.txt"));
    for (const auto &[path, size] : {std::pair{big, 4 * 1024 * 1024}, std::pair{small, 1000}}) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.write(QByteArray(size, 'v')) == size);
    }
    MimeWriter::Error writeError;
    OutgoingMessage outgoing;
    outgoing.from = QStringLiteral("a@example.com");
    outgoing.recipients = {QStringLiteral("b@example.com")};
    outgoing.source = MimeWriter::source(messageWithAttachments({big, small}), {}, &writeError);
    QVERIFY2(outgoing.source, qPrintable(writeError.message));

    ScriptedSmtpServer server;
    server.upToData(kGreeting, kEhloPlain).receiveData().send("250 ok\r\n");
    SmtpSession session(plainSettings(server.port()));
    session.addMessage(std::move(outgoing));
    bool done = false;
    connect(&session, &SmtpSession::bytesSent, this, [&] {
        if (!done)
            done = deleteIt ? QFile::remove(small) : QFile::resize(big, 1024 * 1024);
    });
    const Run result = run(session, 30000);
    QVERIFY(done);
    QCOMPARE(result.error.category, SmtpErrorCategory::Input);
    QVERIFY2(result.error.explanation.contains(damaged), qPrintable(result.error.explanation));
    QVERIFY(!result.error.deliveryUncertain);
    QVERIFY(server.bodies().isEmpty()); // the end of data never came: nothing half-written was delivered
}

void TestHostileServer::tokenNeverShown()
{
    ScriptedSmtpServer server;
    present(server, QStringLiteral("good"));
    server.upToTls(kGreeting, kEhloStartTls)
        .expect("EHLO")
        .send("250-fake\r\n250 AUTH XOAUTH2\r\n")
        .expect("AUTH XOAUTH2")
        .send("235 2.7.0 ok\r\n")
        .expect("QUIT")
        .send("221 bye\r\n");
    SmtpServerSettings settings = tlsSettings(server.port());
    settings.username = QStringLiteral("user@example.com");
    settings.secret = kToken;
    settings.secretIsToken = true;
    SmtpSession session(settings);
    const Run result = run(session);
    QVERIFY2(!result.error.isError(), qPrintable(result.transcript));
    const QByteArray payload = "user=user@example.com\x01"
                               "auth=Bearer " +
                               kToken.toUtf8() + "\x01\x01";
    QVERIFY(server.lineTexts().contains("AUTH XOAUTH2 " + payload.toBase64())); // it was really sent
    QVERIFY(!result.transcript.contains(kToken));
    QVERIFY(!result.transcript.contains(QString::fromLatin1(payload.toBase64())));
    QVERIFY(result.transcript.contains(QStringLiteral("token: ********")));
}

// The SCRAM server-first (nonce, salt, iterations) and server-final (signature) messages, with the user
// name, are enough to test password guesses offline: the transcript summarises them. The transcript
// goes to the test output, where scan-secrets.py tries the test password on any SCRAM exchange it finds.
void TestHostileServer::scramExchangeIsSummarised()
{
    QProcess server;
    server.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QStringLiteral(R"(
import base64, hashlib, hmac, os, socket, sys
password = sys.argv[1].encode()
listener = socket.socket()
listener.bind(('127.0.0.1', 0))
listener.listen(1)
print(listener.getsockname()[1], flush=True)
connection, _ = listener.accept()
lines = connection.makefile('rb')
def reply(text):
    connection.sendall(text.encode() + b'\r\n')
def mac(key, message):
    return hmac.new(key, message, hashlib.sha256).digest()
salt, iterations = os.urandom(16), 4096
reply('220 scram.example.com ESMTP')
while True:
    line = lines.readline().rstrip(b'\r\n')
    if not line:
        break
    verb = line.split(b' ')[0].upper()
    if verb == b'EHLO':
        reply('250-scram.example.com')
        reply('250 AUTH SCRAM-SHA-256')
    elif verb == b'AUTH':
        bare = base64.b64decode(line.split(b' ')[2])[3:]
        client_nonce = dict(part.split(b'=', 1) for part in bare.split(b','))[b'r']
        nonce = client_nonce + base64.b64encode(os.urandom(12))
        first = b'r=' + nonce + b',s=' + base64.b64encode(salt) + b',i=' + str(iterations).encode()
        reply('334 ' + base64.b64encode(first).decode())
        final = base64.b64decode(lines.readline().strip())
        without_proof = final[:final.rindex(b',p=')]
        auth = bare + b',' + first + b',' + without_proof
        salted = hashlib.pbkdf2_hmac('sha256', password, salt, iterations)
        client_key = mac(salted, b'Client Key')
        proof = bytes(a ^ b for a, b in zip(client_key, mac(hashlib.sha256(client_key).digest(), auth)))
        if base64.b64decode(final[final.rindex(b',p=') + 3:]) != proof:
            reply('535 5.7.8 wrong proof')
            continue
        reply('334 ' + base64.b64encode(b'v=' + base64.b64encode(mac(mac(salted, b'Server Key'), auth))).decode())
        lines.readline()
        reply('235 2.7.0 ok')
    elif verb == b'QUIT':
        reply('221 bye')
        break
    else:
        reply('250 ok')
)"),
                                                      kSecret});
    QVERIFY(server.waitForStarted(5000));
    QVERIFY(server.waitForReadyRead(10000));
    const quint16 port = server.readLine().trimmed().toUShort();
    QVERIFY(port != 0);
    SmtpServerSettings settings = plainSettings(port);
    settings.username = QStringLiteral("user");
    settings.secret = kSecret;
    settings.allowPlaintextAuth = true; // loopback, and the test is about the transcript
    SmtpSession session(settings);
    const Run result = run(session);
    qInfo().noquote() << "transcript of the SCRAM exchange:\n" << result.transcript;
    // Also as a file in the test home: CTest may not have flushed LastTest.log when secret_scan reads it.
    if (qEnvironmentVariableIsSet("XDG_STATE_HOME")) {
        const QString folder = qEnvironmentVariable("XDG_STATE_HOME") + QStringLiteral("/sendscope-tests");
        QDir().mkpath(folder);
        QFile saved(folder + QStringLiteral("/scram-transcript.txt"));
        QVERIFY(saved.open(QIODevice::WriteOnly));
        saved.write(result.transcript.toUtf8());
    }
    QVERIFY2(!result.error.isError(), qPrintable(result.transcript));
    QVERIFY(result.transcript.contains(QStringLiteral("Authenticated as user with SCRAM-SHA-256")));
    QVERIFY2(result.transcript.contains(
                 QStringLiteral("<- 334 [server challenge: 4096 iterations, 16-byte salt]")),
             qPrintable(result.transcript));
    QVERIFY(result.transcript.contains(QStringLiteral("<- 334 [server signature]")));
    QVERIFY(!result.transcript.contains(QStringLiteral("334 cj0")));       // base64 of "r="
    QVERIFY(!result.transcript.contains(QStringLiteral("334 dj0")));       // base64 of "v="
    QVERIFY(!result.transcript.contains(QStringLiteral("19 characters"))); // kSecret's exact length
    QVERIFY(result.transcript.contains(QStringLiteral("password: ******** (16 to 31 characters)")));
    QTRY_COMPARE(server.state(), QProcess::NotRunning); // it may have ended while the session ran
}

// A server's words are shown, never run by the terminal or reordered by bidi controls: escapes that set
// the clipboard (OSC 52) or clear the screen, a bare CR that overwrites the line, C1 controls, DEL and
// bidi overrides, in the greeting, an EHLO keyword and a reply, in every form the transcript takes.
void TestHostileServer::terminalEscapesAreShownNotRun()
{
    ScriptedSmtpServer server;
    server
        .send("220 evil.example.com \x1b]52;c;ZWNobyBoYWNrZWQ=\x07 \x1b[2J\rfake ok "
              "\xe2\x80\xae"
              "evil\xe2\x81\xa6x"
              "\xe2\x81\xa9 \xc2\x9b"
              "31m \x7f\r\n")
        .expect("EHLO")
        .send("250-evil.example.com\r\n250-X\x1b[31mRED\r\n250 8BITMIME\r\n")
        .expect("QUIT")
        .send("221 \x1b[0mbye\r\n");
    SmtpSession session(plainSettings(server.port()));
    const Run result = run(session);
    QVERIFY2(!result.error.isError(), qPrintable(result.transcript));
    QStringList texts;
    for (const TranscriptEntry &entry : session.transcript())
        texts << entry.text << entry.toDisplayString();
    texts << result.transcript;
    for (const QString &text : std::as_const(texts)) {
        for (const QChar c : text) {
            const char16_t u = c.unicode();
            QVERIFY2(
                u == u'\n' || (u >= 0x20 && u != 0x7F && !(u >= 0x80 && u <= 0x9F) &&
                               !(u >= 0x202A && u <= 0x202E) && !(u >= 0x2066 && u <= 0x2069)),
                qPrintable(QStringLiteral("U+%1 in: %2").arg(int(u), 4, 16, QLatin1Char('0')).arg(text)));
        }
    }
    // Shown, as visible stand-ins.
    QVERIFY2(result.transcript.contains(
                 QStringLiteral("<- 220 evil.example.com \u241B]52;c;ZWNobyBoYWNrZWQ=\u2407 "
                                "\u241B[2J\u240Dfake ok \\u202eevil\\u2066x\\u2069 "
                                "\\x9b31m \u2421")),
             qPrintable(result.transcript));
    QVERIFY(result.transcript.contains(QStringLiteral("X\u241B[31mRED")));
}

QTEST_MAIN(TestHostileServer)
#include "testhostileserver.moc"
