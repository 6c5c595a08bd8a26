#include "scriptedsmtpserver.h"
#include "sessiontesting.h"
#include "smtpsession.h"

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// SmtpSession against scripted servers on loopback: every branch of the state machine that a real
// server will not act out on demand. The real-server proof is testintegration.
class TestSmtpSession : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void pipelinedTransactionQuitAfterDataEnd();
    void withoutPipeliningOneCommandPerFlight();
    void repliesSplitIntoPieces_data();
    void repliesSplitIntoPieces();
    void manyRepliesInOneWrite();
    void ehloExtensionsParsed();
    void heloFallback();
    void starttlsUpgradeAndAuthRedacted();
    void pinnedCertificateIsAccepted();
    void implicitTls();
    void serverSideTlsFailureAfter220();
    void authLoginTwoSteps();
    void wrongPassword();
    void sizeRefusedBeforeMailFrom();
    void partialRecipients();
    void allRecipientsRefusedWith354SendsOnlyDot();
    void tooManyRecipientsSplitsTransaction();
    void chunkingSendsExactBdat();
    void quitNeverPipelinedBehindDataEnd_data();
    void quitNeverPipelinedBehindDataEnd();
    void chunkingRepliesArriveDuringBody();
    void eightBitAndDsnParameters();
    void twoMessagesOneConnection();
    void cancelMidSession();
    void replyNotAllowedThereIsNeverSuccess_data();
    void replyNotAllowedThereIsNeverSuccess();

private:
    SmtpServerSettings tlsSettings(quint16 port) const
    {
        return SessionTesting::tlsSettings(port, m_certificate);
    }

    QTemporaryDir m_dir;
    QSslCertificate m_certificate;
    QSslKey m_key;
};

using namespace SessionTesting;

void TestSmtpSession::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(makeSelfSignedCertificate(m_dir.path(), &m_certificate, &m_key));
}

void TestSmtpSession::pipelinedTransactionQuitAfterDataEnd()
{
    ScriptedSmtpServer server;
    server.send(kGreeting)
        .expect("EHLO client.example.com")
        .send(kEhloPipelining)
        .expect("MAIL FROM:<a@example.com> SIZE=")
        .expect("RCPT TO:<b@example.com>")
        .expect("DATA")
        .send("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n354 End data\r\n")
        .receiveData()
        .send("250 2.0.0 queued\r\n")
        .expect("QUIT")
        .send("221 2.0.0 Bye\r\n");
    SmtpSession session(plainSettings(server.port()));
    session.addMessage(message(kSimpleBody));
    const Run result = run(session);
    QVERIFY2(!result.error.isError(), qPrintable(result.transcript));
    QVERIFY2(server.failure().isEmpty(), qPrintable(server.failure()));
    QCOMPARE(result.finishedCount, 1);
    QCOMPARE(result.results.first().outcome, MessageResult::Outcome::Sent);
    QCOMPARE(server.bodies().value(0), kStuffedBody);
    // MAIL, RCPT and DATA in one flight; the body and the final dot; QUIT after the reply to the dot.
    QCOMPARE(server.flightOf("RCPT"), server.flightOf("MAIL"));
    QCOMPARE(server.flightOf("DATA"), server.flightOf("MAIL"));
    QCOMPARE(server.flightOf("QUIT"), server.flightOf(".") + 1);
    QCOMPARE(session.clientFlights(), 4); // EHLO; MAIL+RCPT+DATA; body; QUIT
    QCOMPARE(result.lastBytesSent, MessageSource::fromData(kSimpleBody)->size());
    QVERIFY(!result.transcript.contains(QStringLiteral("starts with dot")));
    QVERIFY(result.transcript.contains(QStringLiteral("[message body:")));
}

void TestSmtpSession::withoutPipeliningOneCommandPerFlight()
{
    ScriptedSmtpServer server;
    server.send(kGreeting)
        .expect("EHLO")
        .send("250-fake\r\n250 8BITMIME\r\n")
        .expect("MAIL")
        .send("250 Ok\r\n")
        .expect("RCPT")
        .send("250 Ok\r\n")
        .expect("DATA")
        .send("354 go\r\n")
        .receiveData()
        .send("250 Ok\r\n")
        .expect("QUIT")
        .send("221 Bye\r\n");
    SmtpSession session(plainSettings(server.port()));
    session.addMessage(message(kSimpleBody));
    const Run result = run(session);
    QVERIFY2(!result.error.isError(), qPrintable(result.transcript));
    QVERIFY(server.flightOf("RCPT") > server.flightOf("MAIL"));
    QVERIFY(server.flightOf("DATA") > server.flightOf("RCPT"));
    QVERIFY(server.flightOf("QUIT") > server.flightOf("."));
}

void TestSmtpSession::repliesSplitIntoPieces_data()
{
    QTest::addColumn<int>("chunk");
    for (const int chunk : {1, 2, 3, 5, 7, 13})
        QTest::addRow("%d-byte pieces", chunk) << chunk;
}

void TestSmtpSession::repliesSplitIntoPieces()
{
    QFETCH(int, chunk);
    ScriptedSmtpServer server;
    server.send(kGreeting, chunk)
        .expect("EHLO")
        .send(kEhloPipelining, chunk)
        .expect("MAIL")
        .expect("RCPT")
        .expect("DATA")
        .send("250 Ok\r\n250 Ok\r\n354 go\r\n", chunk)
        .receiveData()
        .send("250 2.0.0 queued\r\n", chunk)
        .expect("QUIT")
        .send("221 Bye\r\n", chunk);
    SmtpSession session(plainSettings(server.port()));
    session.addMessage(message(kSimpleBody));
    const Run result = run(session);
    QVERIFY2(!result.error.isError(), qPrintable(result.transcript));
    QVERIFY(session.hasExtension("PIPELINING"));
    QCOMPARE(session.extensions().at("SIZE"), QByteArray("100000"));
    QCOMPARE(result.results.first().outcome, MessageResult::Outcome::Sent);
}

void TestSmtpSession::manyRepliesInOneWrite()
{
    QStringList recipients;
    QByteArray replies = "250 Ok\r\n";
    ScriptedSmtpServer server;
    server.send(kGreeting).expect("EHLO").send(kEhloPipelining).expect("MAIL");
    for (int i = 0; i < 10; ++i) {
        recipients << QStringLiteral("r%1@example.com").arg(i);
        server.expect("RCPT");
        replies += "250 2.1.5 Ok\r\n";
    }
    server.expect("DATA")
        .send(replies + "354 go\r\n")
        .receiveData()
        .send("250 Ok\r\n")
        .expect("QUIT")
        .send("221 Bye\r\n");
    SmtpSession session(plainSettings(server.port()));
    session.addMessage(message(kSimpleBody, recipients));
    const Run result = run(session);
    QVERIFY2(!result.error.isError(), qPrintable(result.transcript));
    QCOMPARE(result.results.first().recipients.size(), 10);
    for (const RecipientResult &recipient : result.results.first().recipients)
        QVERIFY(recipient.accepted);
}

void TestSmtpSession::ehloExtensionsParsed()
{
    ScriptedSmtpServer server;
    server.send(kGreeting)
        .expect("EHLO")
        .send("250-fake\r\n250-AUTH PLAIN LOGIN\r\n250-AUTH=CRAM-MD5\r\n250-size 1000\r\n250 DSN\r\n")
        .expect("QUIT")
        .send("221 Bye\r\n");
    SmtpSession session(plainSettings(server.port()));
    const Run result = run(session);
    QVERIFY2(!result.error.isError(), qPrintable(result.transcript));
    QCOMPARE(session.extensions().at("AUTH"), QByteArray("PLAIN LOGIN CRAM-MD5"));
    QCOMPARE(session.extensions().at("SIZE"), QByteArray("1000"));
    QVERIFY(session.hasExtension("DSN"));
}

void TestSmtpSession::heloFallback()
{
    ScriptedSmtpServer server;
    server.send(kGreeting)
        .expect("EHLO")
        .send("502 5.5.1 EHLO not implemented\r\n")
        .expect("HELO client.example.com")
        .send("250 fake\r\n")
        .expect("MAIL")
        .send("250 Ok\r\n")
        .expect("RCPT")
        .send("250 Ok\r\n")
        .expect("DATA")
        .send("354 go\r\n")
        .receiveData()
        .send("250 Ok\r\n")
        .expect("QUIT")
        .send("221 Bye\r\n");
    SmtpSession session(plainSettings(server.port()));
    session.addMessage(message(kSimpleBody));
    const Run result = run(session);
    QVERIFY2(!result.error.isError(), qPrintable(result.transcript));
    QVERIFY2(server.failure().isEmpty(), qPrintable(server.failure()));
}

void TestSmtpSession::starttlsUpgradeAndAuthRedacted()
{
    ScriptedSmtpServer server;
    server.setCertificate(m_certificate, m_key);
    server.send(kGreeting)
        .expect("EHLO")
        .send("250-fake\r\n250-AUTH LOGIN\r\n250 STARTTLS\r\n")
        .expect("STARTTLS")
        .send("220 2.0.0 go ahead\r\n")
        .startTls()
        .expect("EHLO")
        .send("250-fake\r\n250-PIPELINING\r\n250 AUTH PLAIN LOGIN\r\n")
        .expect("AUTH PLAIN ")
        .send("235 2.7.0 ok\r\n")
        .expect("MAIL")
        .expect("RCPT")
        .expect("DATA")
        .send("250 Ok\r\n250 Ok\r\n354 go\r\n")
        .receiveData()
        .send("250 Ok\r\n")
        .expect("QUIT")
        .send("221 Bye\r\n");
    SmtpServerSettings settings = tlsSettings(server.port());
    settings.username = QStringLiteral("user@example.com");
    settings.secret = QStringLiteral("correct horse ");
    SmtpSession session(settings);
    session.addMessage(message(kSimpleBody));
    const Run result = run(session);
    QVERIFY2(!result.error.isError(), qPrintable(result.transcript));
    QVERIFY(session.isEncrypted());
    QCOMPARE(session.authenticatedMechanism(), QByteArray("PLAIN")); // strongest offered after TLS
    const QByteArray authLine = server.lineTexts().value(3);
    QCOMPARE(authLine, "AUTH PLAIN " + QByteArray("\0user@example.com\0correct horse ", 32).toBase64());
    QVERIFY(!result.transcript.contains(QStringLiteral("correct horse")));
    QVERIFY(!result.transcript.contains(QString::fromLatin1(authLine.mid(11))));
    QVERIFY(result.transcript.contains(QStringLiteral("~> AUTH PLAIN ********")));
    QVERIFY(result.transcript.contains(QStringLiteral("ends with a space")));
    QVERIFY(result.transcript.contains(QStringLiteral("TLS established")));
}

void TestSmtpSession::pinnedCertificateIsAccepted()
{
    ScriptedSmtpServer server;
    server.setCertificate(m_certificate, m_key);
    server.send(kGreeting)
        .expect("EHLO")
        .send("250-fake\r\n250 STARTTLS\r\n")
        .expect("STARTTLS")
        .send("220 go\r\n")
        .startTls()
        .expect("EHLO")
        .send("250 fake\r\n")
        .expect("QUIT")
        .send("221 Bye\r\n");
    SmtpServerSettings settings = tlsSettings(server.port());
    settings.extraCaCertificates.clear();
    settings.trustedFingerprints = {m_certificate.digest(QCryptographicHash::Sha256)};
    SmtpSession session(settings);
    const Run result = run(session);
    QVERIFY2(!result.error.isError(), qPrintable(result.transcript));
    QVERIFY(result.transcript.contains(QStringLiteral("pinned")));
}

// OpenSMTPD with a broken key answers "220 Ready to start TLS" and then sends a TLS alert: the setting is
// right and the fault is the server's; the explanation must not send the user to change the security.
// A server side without a certificate fails the same way (it alerts "handshake failure").
void TestSmtpSession::serverSideTlsFailureAfter220()
{
    ScriptedSmtpServer server;
    server.send(kGreeting)
        .expect("EHLO")
        .send("250-fake\r\n250 STARTTLS\r\n")
        .expect("STARTTLS")
        .send("220 Ready to start TLS\r\n")
        .startTls();
    SmtpSession session(tlsSettings(server.port()));
    const Run result = run(session);
    QCOMPARE(result.error.category, SmtpErrorCategory::Tls);
    QVERIFY2(result.error.summary.contains(QStringLiteral("on its side")),
             qPrintable(result.error.summary + u' ' + result.error.explanation));
    QVERIFY(result.error.explanation.contains(QStringLiteral("Server said")));
    QVERIFY(!result.error.explanation.contains(QStringLiteral("TLS 1.2")));
}

void TestSmtpSession::implicitTls()
{
    ScriptedSmtpServer server;
    server.setCertificate(m_certificate, m_key);
    server.setImplicitTls(true);
    server.send(kGreeting).expect("EHLO").send("250 fake\r\n").expect("QUIT").send("221 Bye\r\n");
    SmtpServerSettings settings = tlsSettings(server.port());
    settings.security = SmtpSecurity::ImplicitTls;
    SmtpSession session(settings);
    const Run result = run(session);
    QVERIFY2(!result.error.isError(), qPrintable(result.transcript));
    QVERIFY(result.transcript.contains(QStringLiteral("<~ 220")));
}

void TestSmtpSession::authLoginTwoSteps()
{
    ScriptedSmtpServer server;
    server.setCertificate(m_certificate, m_key);
    server.setImplicitTls(true);
    server.send(kGreeting)
        .expect("EHLO")
        .send("250-fake\r\n250 AUTH LOGIN\r\n")
        .expect("AUTH LOGIN")
        .send("334 VXNlcm5hbWU6\r\n")
        .expect(QByteArray("alice").toBase64())
        .send("334 UGFzc3dvcmQ6\r\n")
        .expect(QByteArray("pw pw").toBase64())
        .send("235 ok\r\n")
        .expect("QUIT")
        .send("221 Bye\r\n");
    SmtpServerSettings settings = tlsSettings(server.port());
    settings.security = SmtpSecurity::ImplicitTls;
    settings.username = QStringLiteral("alice");
    settings.secret = QStringLiteral("pw pw");
    SmtpSession session(settings);
    const Run result = run(session);
    QVERIFY2(!result.error.isError(), qPrintable(result.transcript));
    QVERIFY2(server.failure().isEmpty(), qPrintable(server.failure()));
    QVERIFY(!result.transcript.contains(QString::fromLatin1(QByteArray("pw pw").toBase64())));
}

void TestSmtpSession::wrongPassword()
{
    ScriptedSmtpServer server;
    server.setCertificate(m_certificate, m_key);
    server.setImplicitTls(true);
    server.send(kGreeting)
        .expect("EHLO")
        .send("250-fake\r\n250 AUTH PLAIN\r\n")
        .expect("AUTH PLAIN")
        .send("535 5.7.8 Authentication credentials invalid\r\n")
        .expect("QUIT")
        .send("221 Bye\r\n");
    SmtpServerSettings settings = tlsSettings(server.port());
    settings.security = SmtpSecurity::ImplicitTls;
    settings.username = QStringLiteral("alice");
    settings.secret = QStringLiteral("wrong");
    SmtpSession session(settings);
    session.addMessage(message(kSimpleBody));
    const Run result = run(session);
    QCOMPARE(result.error.category, SmtpErrorCategory::Auth);
    QVERIFY2(result.error.reply && result.error.reply->enhancedCode(), qPrintable(result.transcript));
    QCOMPARE(result.error.reply->enhancedCode()->toString(), QStringLiteral("5.7.8"));
    QVERIFY(result.error.explanation.contains(QStringLiteral("app password")));
    QCOMPARE(result.results.first().outcome, MessageResult::Outcome::Failed);
    QTRY_VERIFY_WITH_TIMEOUT(server.scriptFinished(), 3000); // a polite QUIT after the refusal
}

void TestSmtpSession::sizeRefusedBeforeMailFrom()
{
    ScriptedSmtpServer server;
    server.send(kGreeting)
        .expect("EHLO")
        .send("250-fake\r\n250-PIPELINING\r\n250 SIZE 1000\r\n")
        .expect("QUIT")
        .send("221 Bye\r\n");
    SmtpSession session(plainSettings(server.port()));
    session.addMessage(message("Subject: big\r\n\r\n" + QByteArray(5000, 'x') + "\r\n"));
    const Run result = run(session);
    QCOMPARE(result.error.category, SmtpErrorCategory::Size);
    QVERIFY(result.error.summary.contains(QLocale().toString(1000)));
    QCOMPARE(server.flightOf("MAIL"), -1);
}

void TestSmtpSession::partialRecipients()
{
    ScriptedSmtpServer server;
    server.send(kGreeting)
        .expect("EHLO")
        .send(kEhloPipelining)
        .expect("MAIL")
        .expect("RCPT")
        .expect("RCPT")
        .expect("DATA")
        .send("250 Ok\r\n550 5.1.1 <nobody@example.com>: User unknown\r\n250 Ok\r\n354 go\r\n")
        .receiveData()
        .send("250 Ok\r\n")
        .expect("QUIT")
        .send("221 Bye\r\n");
    SmtpSession session(plainSettings(server.port()));
    session.addMessage(
        message(kSimpleBody, {QStringLiteral("nobody@example.com"), QStringLiteral("b@example.com")}));
    const Run result = run(session);
    QVERIFY2(!result.error.isError(), qPrintable(result.transcript));
    QCOMPARE(result.results.first().outcome, MessageResult::Outcome::PartiallySent);
    QCOMPARE(result.results.first().refusedAddresses(), QStringList{QStringLiteral("nobody@example.com")});
    QCOMPARE(result.results.first().error.category, SmtpErrorCategory::Recipient);
}

void TestSmtpSession::allRecipientsRefusedWith354SendsOnlyDot()
{
    ScriptedSmtpServer server;
    server.send(kGreeting)
        .expect("EHLO")
        .send(kEhloPipelining)
        .expect("MAIL")
        .expect("RCPT")
        .expect("DATA")
        .send("250 Ok\r\n550 5.1.1 unknown\r\n354 go anyway\r\n")
        .receiveData()
        .send("554 5.5.1 No valid recipients\r\n")
        .expect("QUIT")
        .send("221 Bye\r\n");
    SmtpSession session(plainSettings(server.port()));
    session.addMessage(message(kSimpleBody));
    const Run result = run(session);
    QCOMPARE(result.error.category, SmtpErrorCategory::Recipient);
    QCOMPARE(result.results.first().outcome, MessageResult::Outcome::Failed);
    QCOMPARE(server.bodies().value(0), QByteArray()); // only the dot: no message content
}

void TestSmtpSession::tooManyRecipientsSplitsTransaction()
{
    ScriptedSmtpServer server;
    server.send(kGreeting)
        .expect("EHLO")
        .send(kEhloPipelining)
        .expect("MAIL")
        .expect("RCPT")
        .expect("RCPT")
        .expect("RCPT")
        .expect("DATA")
        .send("250 Ok\r\n250 Ok\r\n250 Ok\r\n452 4.5.3 Too many recipients\r\n354 go\r\n")
        .receiveData()
        .send("250 Ok first\r\n")
        .expect("MAIL")
        .expect("RCPT <c@")
        .expect("DATA")
        .send("250 Ok\r\n250 Ok\r\n354 go\r\n")
        .receiveData()
        .send("250 Ok second\r\n")
        .expect("QUIT")
        .send("221 Bye\r\n");
    SmtpSession session(plainSettings(server.port()));
    session.addMessage(message(kSimpleBody, {QStringLiteral("a@example.com"), QStringLiteral("b@example.com"),
                                             QStringLiteral("c@example.com")}));
    const Run result = run(session);
    QVERIFY2(!result.error.isError(), qPrintable(result.transcript));
    QCOMPARE(result.results.first().outcome, MessageResult::Outcome::Sent);
    QCOMPARE(result.results.first().transactions, 2);
    QCOMPARE(server.bodies().size(), 2);
    QCOMPARE(server.bodies().at(1), kStuffedBody);
}

void TestSmtpSession::chunkingSendsExactBdat()
{
    const auto source = MessageSource::fromData(kSimpleBody);
    ScriptedSmtpServer server;
    server.send(kGreeting)
        .expect("EHLO")
        .send("250-fake\r\n250-PIPELINING\r\n250 CHUNKING\r\n")
        .expect("MAIL")
        .expect("RCPT")
        .expect("BDAT " + QByteArray::number(source->size()) + " LAST")
        .receiveBdat()
        .send("250 Ok\r\n250 Ok\r\n250 2.0.0 queued\r\n")
        .expect("QUIT")
        .send("221 Bye\r\n");
    SmtpSession session(plainSettings(server.port()));
    session.addMessage(message(kSimpleBody));
    const Run result = run(session);
    QVERIFY2(!result.error.isError(), qPrintable(result.transcript));
    QVERIFY2(server.failure().isEmpty(), qPrintable(server.failure()));
    QCOMPARE(server.bodies().value(0), kSimpleBody); // BDAT: no dot-stuffing
    QCOMPARE(server.flightOf("BDAT"), server.flightOf("MAIL"));
    QCOMPARE(server.flightOf("QUIT"), server.flightOf("MAIL") + 1);
    QCOMPARE(session.clientFlights(), 3); // EHLO; MAIL+RCPT+BDAT+body; QUIT
}

void TestSmtpSession::quitNeverPipelinedBehindDataEnd_data()
{
    QTest::addColumn<bool>("chunking");
    QTest::newRow("DATA") << false;
    QTest::newRow("BDAT LAST") << true;
}

void TestSmtpSession::quitNeverPipelinedBehindDataEnd()
{
    // Haraka answers "503 Bad sequence of commands - pipelined after end of DATA" and Postfix with
    // smtpd_forbid_unauth_pipelining hangs up on a QUIT that arrives together with the end of data. A QUIT
    // written with the end of data reaches this server before its reply and so gets the same flight number.
    QFETCH(bool, chunking);
    ScriptedSmtpServer server;
    server.send(kGreeting)
        .expect("EHLO")
        .send(chunking ? "250-fake\r\n250-PIPELINING\r\n250 CHUNKING\r\n" : kEhloPipelining)
        .expect("MAIL")
        .expect("RCPT");
    if (chunking) {
        server.expect("BDAT").receiveBdat().send("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n250 2.0.0 queued\r\n");
    } else {
        server.expect("DATA")
            .send("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n354 go\r\n")
            .receiveData()
            .send("250 2.0.0 queued\r\n");
    }
    server.expect("QUIT").send("221 2.0.0 Bye\r\n");
    SmtpSession session(plainSettings(server.port()));
    session.addMessage(message(kSimpleBody));
    const Run result = run(session);
    QVERIFY2(!result.error.isError(), qPrintable(result.transcript));
    QVERIFY2(server.failure().isEmpty(), qPrintable(server.failure()));
    QCOMPARE(result.results.first().outcome, MessageResult::Outcome::Sent);
    const int dataEnd = chunking ? server.flightOf("BDAT") : server.flightOf(".");
    QVERIFY(dataEnd > 0);
    QVERIFY2(server.flightOf("QUIT") > dataEnd,
             qPrintable(QStringLiteral("QUIT in flight %1, end of data in flight %2")
                            .arg(server.flightOf("QUIT"))
                            .arg(dataEnd)));
    // And otherwise at the protocol's limit: MAIL, RCPT and the data command share one flight.
    QCOMPARE(server.flightOf("RCPT"), server.flightOf("MAIL"));
    QCOMPARE(session.clientFlights(), chunking ? 3 : 4);
}

void TestSmtpSession::chunkingRepliesArriveDuringBody()
{
    // A server that answers MAIL and RCPT at once while a large BDAT body is still on its way.
    const QByteArray body = "Subject: big\r\n\r\n" + QByteArray(76, 'x').append("\r\n").repeated(40000);
    ScriptedSmtpServer server;
    server.send(kGreeting)
        .expect("EHLO")
        .send("250-fake\r\n250-PIPELINING\r\n250 CHUNKING\r\n")
        .expect("MAIL")
        .send("250 2.1.0 Ok\r\n")
        .expect("RCPT")
        .send("250 2.1.5 Ok\r\n")
        .expect("BDAT")
        .receiveBdat()
        .send("250 2.0.0 queued\r\n")
        .expect("QUIT")
        .send("221 Bye\r\n");
    SmtpSession session(plainSettings(server.port()));
    session.addMessage(message(body));
    const Run result = run(session);
    QVERIFY2(!result.error.isError(), qPrintable(result.transcript));
    QCOMPARE(server.bodies().value(0).size(), body.size());
    QCOMPARE(result.lastBytesSent, qint64(body.size()));
    // EHLO; MAIL+RCPT+BDAT+body; QUIT: the replies that came in did not make the body a new flight.
    QCOMPARE(session.clientFlights(), 3);
}

void TestSmtpSession::eightBitAndDsnParameters()
{
    ScriptedSmtpServer server;
    server.send(kGreeting)
        .expect("EHLO")
        .send("250-fake\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 DSN\r\n")
        .expect("MAIL FROM:<a@example.com> BODY=8BITMIME RET=HDRS ENVID=id+2B1")
        .expect("RCPT TO:<b@example.com> NOTIFY=SUCCESS,FAILURE,DELAY ORCPT=rfc822;b@example.com")
        .expect("DATA")
        .send("250 Ok\r\n250 Ok\r\n354 go\r\n")
        .receiveData()
        .send("250 Ok\r\n")
        .expect("QUIT")
        .send("221 Bye\r\n");
    SmtpSession session(plainSettings(server.port()));
    OutgoingMessage outgoing = message("Subject: x\r\n\r\n中文\r\n");
    outgoing.dsn.enabled = true;
    outgoing.dsn.envelopeId = QStringLiteral("id+1");
    session.addMessage(std::move(outgoing));
    const Run result = run(session);
    QVERIFY2(!result.error.isError(), qPrintable(result.transcript));
    QVERIFY2(server.failure().isEmpty(), qPrintable(server.failure()));
    // Said in words as well as in the commands: what was asked for this message.
    QVERIFY2(result.transcript.contains(
                 QStringLiteral("(DSN) requested: RET=HDRS ENVID=id+2B1 NOTIFY=SUCCESS,FAILURE,DELAY")),
             qPrintable(result.transcript));
    QVERIFY(session.extensionsKnown());
}

void TestSmtpSession::twoMessagesOneConnection()
{
    ScriptedSmtpServer server;
    server.send(kGreeting)
        .expect("EHLO")
        .send(kEhloPipelining)
        .expect("MAIL")
        .expect("RCPT")
        .expect("DATA")
        .send("250 Ok\r\n250 Ok\r\n354 go\r\n")
        .receiveData()
        .send("250 Ok one\r\n")
        .expect("MAIL")
        .expect("RCPT")
        .expect("DATA")
        .send("250 Ok\r\n250 Ok\r\n354 go\r\n")
        .receiveData()
        .send("250 Ok two\r\n")
        .expect("QUIT")
        .send("221 Bye\r\n");
    SmtpSession session(plainSettings(server.port()));
    session.addMessage(message(kSimpleBody));
    session.addMessage(message("Subject: second\r\n\r\nsecond\r\n"));
    QSignalSpy perMessage(&session, &SmtpSession::messageFinished);
    const Run result = run(session);
    QVERIFY2(!result.error.isError(), qPrintable(result.transcript));
    QVERIFY2(server.failure().isEmpty(), qPrintable(server.failure()));
    QCOMPARE(perMessage.size(), 2);
    QCOMPARE(server.bodies().size(), 2);
    // After a completed transaction the next MAIL needs no RSET: one command less per message.
    QVERIFY(!server.lineTexts().contains("RSET"));
    QCOMPARE(server.flightOf("QUIT"), server.lines().last().flight);
}

void TestSmtpSession::cancelMidSession()
{
    ScriptedSmtpServer server;
    server.send(kGreeting).expect("EHLO").silent();
    SmtpSession session(plainSettings(server.port()));
    session.addMessage(message(kSimpleBody));
    QSignalSpy finished(&session, &SmtpSession::finished);
    connect(&session, &SmtpSession::stateChanged, &session, [&session](SmtpSession::State state) {
        if (state == SmtpSession::State::Ehlo)
            QMetaObject::invokeMethod(&session, &SmtpSession::cancel, Qt::QueuedConnection);
    });
    session.start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().value<SmtpError>().category, SmtpErrorCategory::Cancelled);
    QCOMPARE(session.results().first().outcome, MessageResult::Outcome::Failed);
    QTRY_VERIFY_WITH_TIMEOUT(server.clientDisconnected(), 3000);
    session.cancel(); // a second cancel is harmless
    QCOMPARE(finished.size(), 1);
}

void TestSmtpSession::replyNotAllowedThereIsNeverSuccess_data()
{
    // RFC 5321 section 4.3.2 (RFC 3030 for BDAT): a reply of a class the command cannot have. Each must
    // end the session as a protocol error with the message not sent, never as "sent".
    QTest::addColumn<QByteArray>("ehlo");
    QTest::addColumn<QByteArray>("failingCommand"); // the command answered out of turn
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<bool>("bodySent"); // whether the client had sent the body before the bad reply
    const QByteArray plain = "250-fake\r\n250 8BITMIME\r\n";
    const QByteArray chunking = "250-fake\r\n250 CHUNKING\r\n";
    QTest::newRow("250 to DATA") << plain << QByteArray("DATA") << QByteArray("250 2.0.0 queued\r\n")
                                 << false;
    QTest::newRow("221 to DATA") << plain << QByteArray("DATA") << QByteArray("221 bye\r\n") << false;
    QTest::newRow("354 to MAIL") << plain << QByteArray("MAIL") << QByteArray("354 go ahead\r\n") << false;
    QTest::newRow("354 to RCPT") << plain << QByteArray("RCPT") << QByteArray("354 go ahead\r\n") << false;
    QTest::newRow("334 to RCPT") << plain << QByteArray("RCPT") << QByteArray("334 VXNlcm5hbWU6\r\n")
                                 << false;
    QTest::newRow("334 to EHLO") << plain << QByteArray("EHLO") << QByteArray("334 VXNlcm5hbWU6\r\n")
                                 << false;
    QTest::newRow("354 to end of data") << plain << QByteArray(".") << QByteArray("354 more\r\n") << true;
    QTest::newRow("354 to BDAT LAST") << chunking << QByteArray("BDAT") << QByteArray("354 go\r\n") << true;
}

void TestSmtpSession::replyNotAllowedThereIsNeverSuccess()
{
    QFETCH(QByteArray, ehlo);
    QFETCH(QByteArray, failingCommand);
    QFETCH(QByteArray, reply);
    QFETCH(bool, bodySent);
    ScriptedSmtpServer server;
    server.send(kGreeting).expect("EHLO");
    for (const QByteArray &command : {QByteArray("EHLO"), QByteArray("MAIL"), QByteArray("RCPT")}) {
        if (command != "EHLO")
            server.expect(command);
        if (command == failingCommand) {
            server.send(reply).silent();
            break;
        }
        server.send(command == "EHLO" ? ehlo : QByteArray("250 ok\r\n"));
    }
    if (failingCommand == "DATA")
        server.expect("DATA").send(reply).silent();
    else if (failingCommand == ".")
        server.expect("DATA").send("354 go\r\n").receiveData().send(reply).silent();
    else if (failingCommand == "BDAT")
        server.expect("BDAT").receiveBdat().send(reply).silent();
    SmtpServerSettings settings = plainSettings(server.port());
    settings.usePipelining = false;
    SmtpSession session(settings);
    session.addMessage(message(kSimpleBody));
    const Run result = run(session);
    QCOMPARE(result.finishedCount, 1);
    QCOMPARE(result.error.category, SmtpErrorCategory::Protocol);
    QVERIFY2(result.error.summary.contains(QStringLiteral("does not allow")), qPrintable(result.transcript));
    QCOMPARE(result.results.size(), 1);
    QCOMPARE(result.results.first().outcome, MessageResult::Outcome::Failed);
    QVERIFY(!result.error.deliveryUncertain);
    // After a reply out of turn nothing more is written: no body after a bad DATA reply, and no QUIT,
    // which a server still reading data would take as part of the message.
    QCOMPARE(server.bodies().isEmpty(), !bodySent);
    QVERIFY2(!server.lineTexts().contains("QUIT"), qPrintable(result.transcript));
}

QTEST_GUILESS_MAIN(TestSmtpSession)
#include "testsmtpsession.moc"
