#include "addressparser.h"
#include "mimeoracle.h"
#include "mimewriter.h"
#include "smtpsession.h"
#include "testserverenv.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

// Integration tests against real SMTP servers that nobody on this project wrote: a private Postfix
// instance (PIPELINING, CHUNKING, Cyrus SASL) and aiosmtpd (no PIPELINING), both started on loopback by
// tests/servers/start-test-servers.sh as a CTest fixture. What arrived is read back from their stores.
class TestIntegration : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void starttlsAuthDelivers_data();
    void starttlsAuthDelivers();
    void implicitTlsDelivers();
    void sessionTicketsAreAcknowledged();
    void plainPortWithoutAuth();
    void flightsWithPipeliningAndChunking_data();
    void flightsWithPipeliningAndChunking();
    void refusedRecipientIsPartialSuccess();
    void everyRecipientRefused();
    void tooLargeIsRefusedBeforeSending();
    void wrongPasswordIsExplained();
    void tooManyRecipientsSplitsTransactions();
    void untrustedCertificateStops();
    void pinnedFingerprintIsTrusted();
    void aiosmtpdWithoutPipeliningByteForByte();
    void mimeMessageArrivesIntact();
    void commandLineExitCodes_data();
    void commandLineExitCodes();

private:
    struct Outcome
    {
        SmtpError error;
        QList<MessageResult> results;
        QList<TranscriptEntry> transcript;
        int flights = 0;
        QByteArray mechanism;
    };
    SmtpServerSettings submission() const;
    Outcome send(const SmtpServerSettings &settings, const QStringList &recipients,
                 const QByteArray &message);
    QByteArray makeMessage(const QString &token, const QString &to, qsizetype bodyBytes = 0) const;
    QByteArray waitForMaildir(const QString &user, const QString &token);
    QString env(const char *key) const { return m_servers.value(key); }
    static QString transcriptText(const Outcome &outcome);

    TestServerEnv m_servers;
    QList<QSslCertificate> m_ca;
    QString m_password;
};

void TestIntegration::initTestCase()
{
    QVERIFY2(
        m_servers.load(),
        qPrintable(QStringLiteral("test servers not running: %1 missing (run via ctest, which starts them)")
                       .arg(qEnvironmentVariable("SENDSCOPE_TEST_ENV"))));
    m_ca = QSslCertificate::fromPath(env("CA_CERT"));
    QVERIFY(!m_ca.isEmpty());
    m_password = m_servers.password();
    QVERIFY(!m_password.isEmpty());
}

SmtpServerSettings TestIntegration::submission() const
{
    SmtpServerSettings settings;
    settings.host = env("SMTP_HOST");
    settings.port = env("POSTFIX_SUBMISSION_PORT").toUShort();
    settings.security = SmtpSecurity::StartTls;
    settings.username = env("TEST_USER");
    settings.secret = m_password;
    settings.extraCaCertificates = m_ca;
    settings.replyTimeoutMs = 20000;
    settings.connectTimeoutMs = 5000;
    return settings;
}

QByteArray TestIntegration::makeMessage(const QString &token, const QString &to, qsizetype bodyBytes) const
{
    QByteArray message = "From: Tester <tester@sendscope.test>\r\nTo: " + to.toUtf8() +
                         "\r\nSubject: integration " + token.toUtf8() + "\r\nMessage-ID: <" + token.toUtf8() +
                         "@sendscope.test>\r\n" +
                         "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n" +
                         "Content-Transfer-Encoding: 8bit\r\n\r\n" +
                         "Hello, 你好.\r\n.leading dot stays\r\n..two dots\r\n.\r\nend\r\n";
    int line = 0;
    while (message.size() < bodyBytes)
        message += QByteArray::number(line++).rightJustified(8, '0') + ' ' + QByteArray(67, 'x') + "\r\n";
    return message;
}

TestIntegration::Outcome TestIntegration::send(const SmtpServerSettings &settings,
                                               const QStringList &recipients, const QByteArray &message)
{
    SmtpSession session(settings);
    QSignalSpy finished(&session, &SmtpSession::finished);
    if (!recipients.isEmpty()) {
        OutgoingMessage outgoing;
        outgoing.from = QStringLiteral("tester@sendscope.test");
        outgoing.recipients = recipients;
        outgoing.source = MessageSource::fromData(message);
        session.addMessage(std::move(outgoing));
    }
    session.start();
    if (!finished.wait(30000))
        qWarning("session did not finish in 30 s");
    Outcome outcome;
    outcome.error = finished.isEmpty()
                        ? SmtpError{SmtpErrorCategory::Timeout, {}, {}, QStringLiteral("test"), {}}
                        : finished.first().first().value<SmtpError>();
    outcome.results = session.results();
    outcome.transcript = session.transcript();
    outcome.flights = session.clientFlights();
    outcome.mechanism = session.authenticatedMechanism();
    [&] { QCOMPARE(finished.size(), 1); }();
    return outcome;
}

QString TestIntegration::transcriptText(const Outcome &outcome)
{
    QStringList lines;
    for (const TranscriptEntry &entry : outcome.transcript)
        lines << entry.toDisplayString();
    return lines.join(u'\n');
}

QByteArray TestIntegration::waitForMaildir(const QString &user, const QString &token)
{
    return m_servers.waitForMaildir(user, "Message-ID: <" + token.toUtf8() + '@');
}

namespace {
// Postfix prepends Return-Path, X-Original-To, Delivered-To and Received (folded) and stores lines with LF;
// everything after those must be what we sent.
QByteArray stripDeliveryHeaders(QByteArray delivered)
{
    delivered.replace("\r\n", "\n");
    QList<QByteArray> lines = delivered.split('\n');
    qsizetype i = 0;
    while (i < lines.size()) {
        const QByteArray &line = lines.at(i);
        const bool added = line.startsWith("Return-Path:") || line.startsWith("Delivered-To:") ||
                           line.startsWith("X-Original-To:") || line.startsWith("Received:") ||
                           ((line.startsWith(' ') || line.startsWith('\t')) && i > 0);
        if (!added)
            break;
        ++i;
    }
    return lines.mid(i).join('\n');
}
QByteArray lf(QByteArray bytes)
{
    return bytes.replace("\r\n", "\n");
}
} // namespace

void TestIntegration::starttlsAuthDelivers_data()
{
    QTest::addColumn<QByteArray>("mechanism");
    QTest::newRow("automatic") << QByteArray();
    QTest::newRow("PLAIN") << QByteArray("PLAIN");
    QTest::newRow("LOGIN") << QByteArray("LOGIN");
    QTest::newRow("CRAM-MD5") << QByteArray("CRAM-MD5");
    QTest::newRow("SCRAM-SHA-256") << QByteArray("SCRAM-SHA-256");
}

void TestIntegration::starttlsAuthDelivers()
{
    QFETCH(QByteArray, mechanism);
    SmtpServerSettings settings = submission();
    settings.authMechanism = mechanism;
    const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QByteArray message = makeMessage(token, QStringLiteral("alice@sendscope.test"));
    const Outcome outcome = send(settings, {QStringLiteral("alice@sendscope.test")}, message);
    QVERIFY2(!outcome.error.isError(), qPrintable(transcriptText(outcome)));
    QCOMPARE(outcome.results.first().outcome, MessageResult::Outcome::Sent);
    if (!mechanism.isEmpty())
        QCOMPARE(outcome.mechanism, mechanism);
    const QString text = transcriptText(outcome);
    QVERIFY(text.contains(QStringLiteral("TLS 1.3")));
    QVERIFY2(!text.contains(m_password), "password in transcript");
    QVERIFY(!text.contains(QString::fromLatin1(m_password.toUtf8().toBase64())));
    QVERIFY(!text.contains(QStringLiteral("leading dot stays"))); // the body is summarised, not dumped

    const QByteArray delivered = waitForMaildir(QStringLiteral("alice"), token);
    QVERIFY2(!delivered.isEmpty(), "message not found in the Maildir");
    QCOMPARE(stripDeliveryHeaders(delivered), lf(message));
}

void TestIntegration::implicitTlsDelivers()
{
    SmtpServerSettings settings = submission();
    settings.security = SmtpSecurity::ImplicitTls;
    settings.port = env("POSTFIX_SMTPS_PORT").toUShort();
    const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QByteArray message = makeMessage(token, QStringLiteral("bob@sendscope.test"), 300000);
    const Outcome outcome = send(settings, {QStringLiteral("bob@sendscope.test")}, message);
    QVERIFY2(!outcome.error.isError(), qPrintable(transcriptText(outcome)));
    QVERIFY(transcriptText(outcome).contains(QStringLiteral("security: tls")));
    QVERIFY(transcriptText(outcome).contains(QStringLiteral("~> EHLO")));
    QVERIFY(!transcriptText(outcome).contains(QStringLiteral("STARTTLS")));
    const QByteArray delivered = waitForMaildir(QStringLiteral("bob"), token);
    QVERIFY(!delivered.isEmpty());
    QCOMPARE(stripDeliveryHeaders(delivered), lf(message));
}

void TestIntegration::sessionTicketsAreAcknowledged()
{
    // Postfix writes its TLS 1.3 session tickets and the reply to the EHLO that went out with our Finished
    // in two writes, and holds the second under Nagle's algorithm until the tickets are acknowledged:
    // 44 ms on every STARTTLS send while Linux delayed that ACK. The session acknowledges at once when Qt
    // reports a ticket, which Qt does only with session persistence enabled; this fails without it.
    SmtpSession session(submission());
    QSignalSpy finished(&session, &SmtpSession::finished);
    OutgoingMessage outgoing;
    outgoing.from = QStringLiteral("tester@sendscope.test");
    outgoing.recipients = {QStringLiteral("alice@sendscope.test")};
    const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
    outgoing.source = MessageSource::fromData(makeMessage(token, outgoing.recipients.first()));
    session.addMessage(std::move(outgoing));
    session.start();
    auto *socket = session.findChild<QSslSocket *>();
    QVERIFY(socket);
    QSignalSpy tickets(socket, &QSslSocket::newSessionTicketReceived);
    QVERIFY(finished.wait(30000));
    QVERIFY(!finished.first().first().value<SmtpError>().isError());
    QVERIFY2(!tickets.isEmpty(), "Qt reported no TLS session ticket: nothing triggers the early ACK");
    QVERIFY(!waitForMaildir(QStringLiteral("alice"), token).isEmpty());
}

void TestIntegration::plainPortWithoutAuth()
{
    SmtpServerSettings settings;
    settings.host = env("SMTP_HOST");
    settings.port = env("POSTFIX_PLAIN_PORT").toUShort();
    settings.security = SmtpSecurity::None;
    const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QByteArray message = makeMessage(token, QStringLiteral("carol@sendscope.test"));
    const Outcome outcome = send(settings, {QStringLiteral("carol@sendscope.test")}, message);
    QVERIFY2(!outcome.error.isError(), qPrintable(transcriptText(outcome)));
    QVERIFY(!waitForMaildir(QStringLiteral("carol"), token).isEmpty());

    // The same port with a user name set: the password must not go out in clear text.
    settings.username = env("TEST_USER");
    settings.secret = m_password;
    const Outcome refused = send(settings, {QStringLiteral("carol@sendscope.test")}, message);
    QCOMPARE(refused.error.category, SmtpErrorCategory::Auth);
    QVERIFY(!transcriptText(refused).contains(QStringLiteral("-> AUTH")));
}

void TestIntegration::flightsWithPipeliningAndChunking_data()
{
    QTest::addColumn<bool>("chunking");
    QTest::addColumn<int>("expectedFlights");
    QTest::addColumn<QString>("dataCommand");
    // Client flights the session writes after the greeting (the TLS handshake's own flights not counted):
    // EHLO, STARTTLS, EHLO, AUTH, then MAIL+RCPT+BDAT+body - or MAIL+RCPT+DATA and body - and QUIT only
    // after the end-of-data reply (servers may refuse commands pipelined behind the end of data).
    QTest::newRow("pipelining+chunking") << true << 6 << QStringLiteral("BDAT");
    QTest::newRow("pipelining only") << false << 7 << QStringLiteral("DATA");
}

void TestIntegration::flightsWithPipeliningAndChunking()
{
    QFETCH(bool, chunking);
    QFETCH(int, expectedFlights);
    QFETCH(QString, dataCommand);
    SmtpServerSettings settings = submission();
    settings.authMechanism = "PLAIN";
    settings.useChunking = chunking;
    const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QByteArray message = makeMessage(token, QStringLiteral("alice@sendscope.test"), 2000);
    const Outcome outcome = send(settings, {QStringLiteral("alice@sendscope.test")}, message);
    QVERIFY2(!outcome.error.isError(), qPrintable(transcriptText(outcome)));
    QCOMPARE(outcome.flights, expectedFlights);
    QVERIFY(transcriptText(outcome).contains(QStringLiteral("~> ") + dataCommand));
    const QByteArray delivered = waitForMaildir(QStringLiteral("alice"), token);
    QCOMPARE(stripDeliveryHeaders(delivered), lf(message));
}

void TestIntegration::refusedRecipientIsPartialSuccess()
{
    const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const Outcome outcome = send(
        submission(), {QStringLiteral("alice@sendscope.test"), QStringLiteral("nosuchuser@sendscope.test")},
        makeMessage(token, QStringLiteral("alice@sendscope.test")));
    QVERIFY2(!outcome.error.isError(), qPrintable(transcriptText(outcome)));
    const MessageResult &result = outcome.results.first();
    QCOMPARE(result.outcome, MessageResult::Outcome::PartiallySent);
    QCOMPARE(result.refusedAddresses(), QStringList{QStringLiteral("nosuchuser@sendscope.test")});
    QCOMPARE(result.recipients.at(1).reply.code(), 550);
    QVERIFY(result.recipients.at(1).reply.enhancedCode().has_value());
    QCOMPARE(result.recipients.at(1).reply.enhancedCode()->toString(), QStringLiteral("5.1.1"));
    QVERIFY(!waitForMaildir(QStringLiteral("alice"), token).isEmpty());
}

void TestIntegration::everyRecipientRefused()
{
    const Outcome outcome =
        send(submission(), {QStringLiteral("nosuchuser@sendscope.test")},
             makeMessage(QStringLiteral("x"), QStringLiteral("nosuchuser@sendscope.test")));
    QCOMPARE(outcome.results.first().outcome, MessageResult::Outcome::Failed);
    QCOMPARE(outcome.error.category, SmtpErrorCategory::Recipient);
    QVERIFY(!outcome.error.explanation.isEmpty());
}

void TestIntegration::tooLargeIsRefusedBeforeSending()
{
    SmtpServerSettings settings = submission();
    settings.port = env("POSTFIX_SMALL_PORT").toUShort();
    const qsizetype limit = env("POSTFIX_SMALL_LIMIT").toLongLong();
    QVERIFY(limit > 0);
    const Outcome outcome =
        send(settings, {QStringLiteral("alice@sendscope.test")},
             makeMessage(QStringLiteral("big"), QStringLiteral("alice@sendscope.test"), limit * 2));
    QCOMPARE(outcome.error.category, SmtpErrorCategory::Size);
    QVERIFY(outcome.error.summary.contains(QLocale().toString(limit)));
    QVERIFY2(!transcriptText(outcome).contains(QStringLiteral("MAIL FROM")),
             "MAIL FROM sent for a too-large message");
}

void TestIntegration::wrongPasswordIsExplained()
{
    SmtpServerSettings settings = submission();
    settings.secret = QStringLiteral("wrong password ");
    settings.authMechanism = "PLAIN";
    const Outcome outcome = send(settings, {QStringLiteral("alice@sendscope.test")},
                                 makeMessage(QStringLiteral("pw"), QStringLiteral("alice@sendscope.test")));
    QCOMPARE(outcome.error.category, SmtpErrorCategory::Auth);
    QVERIFY(outcome.error.reply.has_value());
    QCOMPARE(outcome.error.reply->code(), 535);
    QVERIFY(!outcome.error.explanation.isEmpty());
    QCOMPARE(outcome.results.first().outcome, MessageResult::Outcome::Failed);
    // The redacted description shows the trailing space without revealing the password.
    const QString text = transcriptText(outcome);
    QVERIFY(text.contains(QStringLiteral("ends with a space")));
    QVERIFY(!text.contains(QStringLiteral("wrong password")));
}

void TestIntegration::tooManyRecipientsSplitsTransactions()
{
    SmtpServerSettings settings = submission();
    settings.port = env("POSTFIX_RCPTLIMIT_PORT").toUShort();
    if (settings.port == 0)
        QSKIP("no recipient-limited listener");
    const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QStringList recipients{QStringLiteral("alice@sendscope.test"), QStringLiteral("bob@sendscope.test"),
                                 QStringLiteral("carol@sendscope.test")};
    const Outcome outcome =
        send(settings, recipients, makeMessage(token, QStringLiteral("alice@sendscope.test")));
    QVERIFY2(!outcome.error.isError(), qPrintable(transcriptText(outcome)));
    QCOMPARE(outcome.results.first().outcome, MessageResult::Outcome::Sent);
    QCOMPARE(outcome.results.first().transactions, 2);
    for (const QString &user : {QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol")})
        QVERIFY2(!waitForMaildir(user, token).isEmpty(), qPrintable(user));
}

void TestIntegration::untrustedCertificateStops()
{
    SmtpServerSettings settings = submission();
    settings.extraCaCertificates.clear();
    const Outcome outcome = send(settings, {QStringLiteral("alice@sendscope.test")},
                                 makeMessage(QStringLiteral("cert"), QStringLiteral("alice@sendscope.test")));
    QCOMPARE(outcome.error.category, SmtpErrorCategory::Certificate);
    QVERIFY(outcome.error.explanation.contains(QStringLiteral("SHA-256")));
    QVERIFY(!transcriptText(outcome).contains(QStringLiteral("~> AUTH")));
}

void TestIntegration::pinnedFingerprintIsTrusted()
{
    const QList<QSslCertificate> server = QSslCertificate::fromPath(env("SERVER_CERT"));
    QVERIFY(!server.isEmpty());
    SmtpServerSettings settings = submission();
    settings.extraCaCertificates.clear();
    settings.trustedFingerprints = {server.first().digest(QCryptographicHash::Sha256)};
    const Outcome outcome = send(settings, {QStringLiteral("alice@sendscope.test")},
                                 makeMessage(QUuid::createUuid().toString(QUuid::WithoutBraces),
                                             QStringLiteral("alice@sendscope.test")));
    QVERIFY2(!outcome.error.isError(), qPrintable(transcriptText(outcome)));
}

void TestIntegration::aiosmtpdWithoutPipeliningByteForByte()
{
    SmtpServerSettings settings = submission();
    settings.port = env("AIOSMTPD_PORT").toUShort();
    settings.authMechanism = "LOGIN";
    const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QByteArray message = makeMessage(token, QStringLiteral("alice@sendscope.test"), 100000);
    const Outcome outcome = send(settings, {QStringLiteral("alice@sendscope.test")}, message);
    QVERIFY2(!outcome.error.isError(), qPrintable(transcriptText(outcome)));
    // Without PIPELINING every command is its own flight: EHLO, STARTTLS, EHLO, AUTH LOGIN + 2 responses,
    // MAIL, RCPT, DATA, body, QUIT.
    QCOMPARE(outcome.flights, 11);
    QByteArray stored;
    for (int attempt = 0; attempt < 200 && stored.isEmpty(); ++attempt) {
        QDirIterator it(env("AIOSMTPD_STORE"), {QStringLiteral("*.eml")}, QDir::Files);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.open(QIODevice::ReadOnly)) {
                const QByteArray content = file.readAll();
                if (content.contains(token.toUtf8()))
                    stored = content;
            }
        }
        if (stored.isEmpty())
            QTest::qWait(50);
    }
    QVERIFY(!stored.isEmpty());
    QCOMPARE(lf(stored), lf(message));
}

void TestIntegration::mimeMessageArrivesIntact()
{
    // Compose with the MIME writer, deliver through Postfix, and let Python's email package read what
    // arrived in the Maildir: every header, the text and the attachment's bytes must be what was composed.
    QTemporaryDir dir;
    const QString attachmentPath = dir.filePath(QStringLiteral("data.bin"));
    QFile attachmentFile(attachmentPath);
    QVERIFY(attachmentFile.open(QIODevice::WriteOnly));
    QByteArray content(1024 * 1024 + 7, Qt::Uninitialized);
    for (qsizetype i = 0; i < content.size(); ++i)
        content[i] = static_cast<char>((i * 7919) % 251);
    attachmentFile.write(content);
    attachmentFile.close();

    const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
    AddressParser::Error addressError;
    MimeMessage message;
    message.from =
        AddressParser::parseMailbox(QStringLiteral("测试者 <tester@sendscope.test>"), &addressError);
    message.to = AddressParser::parseList(QStringLiteral("爱丽丝 <alice@sendscope.test>"), &addressError);
    message.bcc = AddressParser::parseList(QStringLiteral("bob@sendscope.test"), &addressError);
    message.subject = QStringLiteral("集成测试 %1 🎉").arg(token);
    message.text = QStringLiteral("你好，附件是数据文件。\n.a line with a leading dot\n");
    message.messageId = "<" + token.toLatin1() + "@sendscope.test>";
    message.attachments << MimeAttachment{attachmentPath, QStringLiteral("数据文件.bin"), {}, {}, -1};
    MimeWriter::Error error;
    std::unique_ptr<MessageSource> source = MimeWriter::source(message, {}, &error);
    QVERIFY2(source, qPrintable(error.message));

    SmtpSession session(submission());
    QSignalSpy finished(&session, &SmtpSession::finished);
    OutgoingMessage outgoing;
    outgoing.from = message.from.address();
    for (const MailAddress &recipient : message.envelopeRecipients())
        outgoing.recipients << recipient.address();
    outgoing.source = std::move(source);
    session.addMessage(std::move(outgoing));
    session.start();
    QVERIFY(finished.wait(30000));
    QVERIFY2(!finished.first().first().value<SmtpError>().isError(),
             qPrintable(finished.first().first().value<SmtpError>().summary));

    for (const QString &user : {QStringLiteral("alice"), QStringLiteral("bob")}) {
        const QByteArray delivered = waitForMaildir(user, token);
        QVERIFY2(!delivered.isEmpty(), qPrintable(user));
        const QJsonObject seen = runMimeOracle(delivered);
        QVERIFY(!seen.isEmpty());
        const QJsonObject headers = seen.value(QStringLiteral("headers")).toObject();
        QCOMPARE(headers.value(QStringLiteral("Subject")).toString(), message.subject);
        QCOMPARE(headers.value(QStringLiteral("From")).toString(),
                 QStringLiteral("测试者 <tester@sendscope.test>"));
        QCOMPARE(headers.value(QStringLiteral("To")).toString(),
                 QStringLiteral("爱丽丝 <alice@sendscope.test>"));
        QVERIFY(!headers.contains(QStringLiteral("Bcc")));
        QCOMPARE(seen.value(QStringLiteral("text")).toString(), message.text);
        const QJsonObject attachment = seen.value(QStringLiteral("attachments")).toArray().at(0).toObject();
        QCOMPARE(attachment.value(QStringLiteral("filename")).toString(), QStringLiteral("数据文件.bin"));
        QCOMPARE(attachment.value(QStringLiteral("sha256")).toString().toLatin1(),
                 QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
    }
}

void TestIntegration::commandLineExitCodes_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("password");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expectedOutput");
    const QString alice = QStringLiteral("alice@sendscope.test");
    QTest::newRow("sent") << QStringList{QStringLiteral("--to"), alice} << QString() << 0
                          << QStringLiteral("Sent to 1 recipient");
    QTest::newRow("partial") << QStringList{QStringLiteral("--to"), alice, QStringLiteral("--cc"),
                                            QStringLiteral("nosuchuser@sendscope.test")}
                             << QString() << 3 << QStringLiteral("nosuchuser@sendscope.test");
    QTest::newRow("wrong password") << QStringList{QStringLiteral("--to"), alice} << QStringLiteral("nope")
                                    << 14 << QStringLiteral("535");
    QTest::newRow("all refused") << QStringList{QStringLiteral("--to"),
                                                QStringLiteral("nosuchuser@sendscope.test")}
                                 << QString() << 16 << QStringLiteral("5.1.1");
}

void TestIntegration::commandLineExitCodes()
{
    QFETCH(QStringList, extra);
    QFETCH(QString, password);
    QFETCH(int, exitCode);
    QFETCH(QString, expectedOutput);
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("SENDSCOPE_PW"), password.isEmpty() ? m_password : password);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(SENDSCOPE_BINARY),
                  QStringList{QStringLiteral("send"), QStringLiteral("--server"), env("SMTP_HOST"),
                              QStringLiteral("--port"), env("POSTFIX_SUBMISSION_PORT"),
                              QStringLiteral("--ca-file"), env("CA_CERT"), QStringLiteral("--user"),
                              env("TEST_USER"), QStringLiteral("--password-env"),
                              QStringLiteral("SENDSCOPE_PW"), QStringLiteral("--from"),
                              QStringLiteral("tester@sendscope.test"), QStringLiteral("--subject"),
                              QStringLiteral("命令行 test")} +
                      extra);
    QVERIFY(process.waitForFinished(30000));
    const QString output = QString::fromUtf8(process.readAllStandardError());
    QCOMPARE(process.exitCode(), exitCode);
    QVERIFY2(output.contains(expectedOutput), qPrintable(output));
    QVERIFY(!output.contains(m_password));
}

QTEST_GUILESS_MAIN(TestIntegration)
#include "testintegration.moc"
