#include "sandboxcertificate.h"
#include "sandboxserver.h"
#include "smtpsession.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The built-in sandbox server, spoken to by a client nobody here wrote (Python's smtplib) and by our own
// engine, plain and with STARTTLS + AUTH; and `sendscope sandbox` run as a user would.
class TestSandboxServer : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void pythonClientPlain();
    void pythonClientStartTlsAndAuth();
    void engineTrustsOnlyThePinnedCertificate();
    void commandLineSandboxStoresAndExits();
    void commandLineShowsEnvelopeEscaped();
    void emlIsSentWithoutBcc();
    void commandLinePasswordNeverFromArguments_data();
    void commandLinePasswordNeverFromArguments();

private:
    QJsonObject runPython(const QString &script, quint16 port, const QStringList &more = {});
    void makeCertificate(SandboxServer &server);

    QTemporaryDir m_dir;
    QSslCertificate m_certificate;
    QSslKey m_key;
};

void TestSandboxServer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    SandboxCertificate certificate(m_dir.filePath(QStringLiteral("tls")));
    QSignalSpy ready(&certificate, &SandboxCertificate::ready);
    QSignalSpy failed(&certificate, &SandboxCertificate::failed);
    certificate.ensure();
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !failed.isEmpty(), 20000);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    m_certificate = certificate.certificate();
    m_key = certificate.key();
    QVERIFY(!m_certificate.isNull());
    QVERIFY(!m_key.isNull());
    QCOMPARE(m_certificate.subjectInfo(QSslCertificate::CommonName).value(0), QStringLiteral("localhost"));
    // The private key is for this user only.
    QCOMPARE(QFile::permissions(certificate.keyPath()) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());
    // A second ensure() reuses the pair instead of making a new one.
    SandboxCertificate again(m_dir.filePath(QStringLiteral("tls")));
    QSignalSpy readyAgain(&again, &SandboxCertificate::ready);
    again.ensure();
    QVERIFY(readyAgain.wait(5000));
    QCOMPARE(again.certificate(), m_certificate);
}

QJsonObject TestSandboxServer::runPython(const QString &script, quint16 port, const QStringList &more)
{
    QProcess python;
    QSignalSpy finished(&python, &QProcess::finished);
    // The server runs in this process: wait on the signal, never block the event loop.
    python.start(QStringLiteral("/usr/bin/python3"),
                 QStringList{QStringLiteral("-c"), script, QString::number(port)} + more);
    if (!finished.wait(30000)) {
        python.kill();
        return {{QStringLiteral("error"), QStringLiteral("python timed out")}};
    }
    const QByteArray out = python.readAllStandardOutput();
    const QJsonObject result = QJsonDocument::fromJson(out).object();
    if (result.isEmpty())
        return {{QStringLiteral("error"), QString::fromUtf8(out + python.readAllStandardError())}};
    return result;
}

void TestSandboxServer::pythonClientPlain()
{
    SandboxServer server(m_dir.filePath(QStringLiteral("plain")));
    QVERIFY(server.start());
    QSignalSpy stored(&server, &SandboxServer::messageStored);
    const QJsonObject result = runPython(QStringLiteral(R"(
import json, smtplib, sys
s = smtplib.SMTP('127.0.0.1', int(sys.argv[1]))
code, _ = s.ehlo()
features = sorted(s.esmtp_features)
refused = s.sendmail('张@例子.广告', ['a@example.com', 'b@example.com'],
                     'Subject: =?utf-8?b?5rWL6K+V?=\r\n\r\nline one\r\n.leading dot\r\n'.encode(),
                     mail_options=['SMTPUTF8'])
s.quit()
print(json.dumps({'ehlo': code, 'features': features, 'refused': len(refused)}))
)"),
                                         server.port());
    QVERIFY2(!result.contains(QStringLiteral("error")),
             qPrintable(result.value(QStringLiteral("error")).toString()));
    QCOMPARE(result.value(QStringLiteral("ehlo")).toInt(), 250);
    const QVariantList features = result.value(QStringLiteral("features")).toVariant().toList();
    for (const char *feature : {"pipelining", "chunking", "8bitmime", "smtputf8", "size"})
        QVERIFY2(features.contains(QString::fromLatin1(feature)), feature);
    QVERIFY(!features.contains(QStringLiteral("starttls")));
    QVERIFY(!features.contains(QStringLiteral("auth")));
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.first().at(1).toString(), QStringLiteral("张@例子.广告"));
    QCOMPARE(stored.first().at(2).toStringList(),
             (QStringList{QStringLiteral("a@example.com"), QStringLiteral("b@example.com")}));
    QFile file(stored.first().at(0).toString());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("Subject: =?utf-8?b?5rWL6K+V?=\r\n\r\nline one\r\n.leading dot\r\n"));
}

void TestSandboxServer::pythonClientStartTlsAndAuth()
{
    SandboxServer server(m_dir.filePath(QStringLiteral("tls-auth")));
    server.setTls(m_certificate, m_key);
    server.setCredentials(QStringLiteral("rehearsal"), QStringLiteral("p4ss word"));
    QVERIFY(server.start());
    QSignalSpy stored(&server, &SandboxServer::messageStored);
    const QJsonObject result = runPython(QStringLiteral(R"(
import json, smtplib, ssl, sys
out = {}
s = smtplib.SMTP('127.0.0.1', int(sys.argv[1]))
s.ehlo()
out['before_tls'] = sorted(s.esmtp_features)
out['mail_before_tls'] = s.mail('x@example.com')[0]
context = ssl.create_default_context()
context.check_hostname = False
context.verify_mode = ssl.CERT_NONE
out['starttls'] = s.starttls(context=context)[0]
out['tls_version'] = s.sock.version()
s.ehlo()
out['after_tls'] = sorted(s.esmtp_features)
out['mail_before_auth'] = s.mail('x@example.com')[0]
s.rset()
try:
    s.login('rehearsal', 'wrong')
    out['wrong'] = 235
except smtplib.SMTPAuthenticationError as e:
    out['wrong'] = e.smtp_code
s.user, s.password = 'rehearsal', 'p4ss word'
out['login'] = s.auth('LOGIN', s.auth_login)[0]
s.sendmail('x@example.com', ['y@example.com'], b'Subject: rehearsal\r\n\r\nok\r\n')
s.quit()
s = smtplib.SMTP('127.0.0.1', int(sys.argv[1]))
s.starttls(context=context)
s.user, s.password = 'rehearsal', 'p4ss word'
out['plain'] = s.auth('PLAIN', s.auth_plain)[0]
s.quit()
print(json.dumps(out))
)"),
                                         server.port());
    QVERIFY2(!result.contains(QStringLiteral("error")),
             qPrintable(result.value(QStringLiteral("error")).toString()));
    const QVariantList before = result.value(QStringLiteral("before_tls")).toVariant().toList();
    QVERIFY(before.contains(QStringLiteral("starttls")));
    QVERIFY(!before.contains(QStringLiteral("auth"))); // no password in clear text
    QCOMPARE(result.value(QStringLiteral("mail_before_tls")).toInt(), 530);
    QCOMPARE(result.value(QStringLiteral("starttls")).toInt(), 220);
    QVERIFY(result.value(QStringLiteral("tls_version")).toString().startsWith(QStringLiteral("TLSv1.")));
    const QVariantList after = result.value(QStringLiteral("after_tls")).toVariant().toList();
    QVERIFY(after.contains(QStringLiteral("auth")));
    QVERIFY(!after.contains(QStringLiteral("starttls")));
    QCOMPARE(result.value(QStringLiteral("mail_before_auth")).toInt(), 530);
    QCOMPARE(result.value(QStringLiteral("wrong")).toInt(), 535);
    QCOMPARE(result.value(QStringLiteral("login")).toInt(), 235);
    QCOMPARE(result.value(QStringLiteral("plain")).toInt(), 235);
    QCOMPARE(stored.size(), 1);
}

void TestSandboxServer::engineTrustsOnlyThePinnedCertificate()
{
    SandboxServer server(m_dir.filePath(QStringLiteral("engine")));
    server.setTls(m_certificate, m_key);
    server.setCredentials(QStringLiteral("me"), QStringLiteral("secret"));
    QVERIFY(server.start());

    SmtpServerSettings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = server.port();
    settings.security = SmtpSecurity::StartTls;
    settings.username = QStringLiteral("me");
    settings.secret = QStringLiteral("secret");

    {
        SmtpSession unpinned(settings);
        QSignalSpy finished(&unpinned, &SmtpSession::finished);
        unpinned.start();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().first().value<SmtpError>().category, SmtpErrorCategory::Certificate);
        QVERIFY(!unpinned.rejectedCertificateChain().isEmpty());
        QCOMPARE(unpinned.rejectedCertificateChain().first(), m_certificate);
    }

    settings.trustedFingerprints << m_certificate.digest(QCryptographicHash::Sha256);
    SmtpSession session(settings);
    QSignalSpy finished(&session, &SmtpSession::finished);
    QSignalSpy stored(&server, &SandboxServer::messageStored);
    session.start(); // no message: connect, STARTTLS, AUTH, QUIT, as "Test connection" does
    QVERIFY(finished.wait(10000));
    const SmtpError error = finished.first().first().value<SmtpError>();
    QVERIFY2(!error.isError(), qPrintable(error.summary + u' ' + error.explanation));
    QVERIFY(session.isEncrypted());
    QCOMPARE(session.authenticatedMechanism(), QByteArray("PLAIN"));
    QString transcript;
    for (const TranscriptEntry &entry : session.transcript())
        transcript += entry.text + u'\n';
    QVERIFY(transcript.contains(QStringLiteral("pinned")));
    QVERIFY(!transcript.contains(QStringLiteral("secret")));
    QVERIFY(!transcript.contains(QString::fromLatin1(QByteArray("\0me\0secret", 10).toBase64())));
    QCOMPARE(stored.size(), 0);
}

void TestSandboxServer::commandLineSandboxStoresAndExits()
{
    const QString store = m_dir.filePath(QStringLiteral("cli"));
    QProcess sandbox;
    sandbox.start(QStringLiteral(SENDSCOPE_BINARY),
                  {QStringLiteral("sandbox"), QStringLiteral("--port"), QStringLiteral("0"),
                   QStringLiteral("--store"), store, QStringLiteral("--max-messages"), QStringLiteral("1")});
    QVERIFY(sandbox.waitForStarted(5000));
    QByteArray banner;
    QTRY_VERIFY_WITH_TIMEOUT((banner += sandbox.readAllStandardOutput()).contains('\n'), 10000);
    const QRegularExpressionMatch port =
        QRegularExpression(QStringLiteral("port (\\d+);")).match(QString::fromUtf8(banner));
    QVERIFY2(port.hasMatch(), banner.constData());

    QProcess send;
    send.start(QStringLiteral(SENDSCOPE_BINARY),
               {QStringLiteral("send"), QStringLiteral("--server"), QStringLiteral("127.0.0.1"),
                QStringLiteral("--port"), port.captured(1), QStringLiteral("--security"),
                QStringLiteral("none"), QStringLiteral("--from"), QStringLiteral("me@example.com"),
                QStringLiteral("--to"), QStringLiteral("you@example.com"), QStringLiteral("--subject"),
                QStringLiteral("sandbox 沙盒")});
    QVERIFY(send.waitForFinished(20000));
    QCOMPARE(send.exitCode(), 0);
    QVERIFY(sandbox.waitForFinished(20000)); // --max-messages 1: it exits by itself
    QCOMPARE(sandbox.exitCode(), 0);
    const QString output = QString::fromUtf8(banner + sandbox.readAllStandardOutput());
    const QRegularExpressionMatch stored =
        QRegularExpression(QStringLiteral("Stored (\\S+\\.eml) \\(from <me@example.com> "
                                          "to <you@example.com>\\)"))
            .match(output);
    QVERIFY2(stored.hasMatch(), qPrintable(output));
    QFile file(stored.captured(1));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("Subject: =?UTF-8?"));
    QVERIFY(QFileInfo(file).absolutePath() == QDir(store).absolutePath());
}

// The sandbox prints each message's envelope: a client's escapes must not reach the terminal.
void TestSandboxServer::commandLineShowsEnvelopeEscaped()
{
    QProcess sandbox;
    sandbox.start(QStringLiteral(SENDSCOPE_BINARY),
                  {QStringLiteral("sandbox"), QStringLiteral("--port"), QStringLiteral("0"),
                   QStringLiteral("--store"), m_dir.filePath(QStringLiteral("cli-escapes")),
                   QStringLiteral("--max-messages"), QStringLiteral("1")});
    QVERIFY(sandbox.waitForStarted(5000));
    QByteArray output;
    QTRY_VERIFY_WITH_TIMEOUT((output += sandbox.readAllStandardOutput()).contains('\n'), 10000);
    const QRegularExpressionMatch port =
        QRegularExpression(QStringLiteral("port (\\d+);")).match(QString::fromUtf8(output));
    QVERIFY2(port.hasMatch(), output.constData());
    const QJsonObject result = runPython(QStringLiteral(R"(
import json, socket, sys
s = socket.create_connection(('127.0.0.1', int(sys.argv[1])))
s.sendall(b'EHLO x\r\nMAIL FROM:<a\x1b]52;c;aGk=\x07@example.com>\r\n'
          b'RCPT TO:<\x1b[2J\r\xe2\x80\xaeb@example.com>\r\nDATA\r\n')
s.sendall(b'Subject: x\r\n\r\nhi\r\n.\r\nQUIT\r\n')
data = b''
while b'221' not in data:
    more = s.recv(4096)
    if not more:
        break
    data += more
print(json.dumps({'stored': b'Stored as' in data}))
)"),
                                         port.captured(1).toUShort());
    QVERIFY2(result.value(QStringLiteral("stored")).toBool(), QJsonDocument(result).toJson().constData());
    QTRY_COMPARE_WITH_TIMEOUT(sandbox.state(), QProcess::NotRunning, 20000);
    output += sandbox.readAllStandardOutput();
    QVERIFY2(output.contains("Stored "), output.constData());
    QVERIFY2(!output.contains('\x1b') && !output.contains('\r') && !output.contains("\xe2\x80\xae"),
             output.constData());
    QVERIFY(QString::fromUtf8(output).contains(QStringLiteral("\u241B[2J\u240D\\u202eb@example.com")));
}

// sendscope send --eml: the prepared file's Bcc: and Resent-Bcc: fields (with their folded lines) are not
// sent; everything else is, byte for byte. tests/hostile/README.md.
void TestSandboxServer::emlIsSentWithoutBcc()
{
    SandboxServer server(m_dir.filePath(QStringLiteral("eml-bcc")));
    QVERIFY(server.start());
    QSignalSpy stored(&server, &SandboxServer::messageStored);
    const QByteArray head = "From: a@example.com\r\n"
                            "To: b@example.com\r\n"
                            "Bcc: hidden1@example.com,\r\n"
                            "\thidden2@example.com\r\n"
                            "Subject: blind\r\n"
                            "  folded subject\r\n"
                            "BCC : hidden3@example.com\r\n"
                            "Resent-Bcc: hidden4@example.com\r\n"
                            "X-Not-Bcc: kept@example.com\r\n"
                            "bcc:hidden5@example.com\r\n"
                            " hidden6@example.com\r\n";
    const QByteArray body =
        "\r\nBcc: a line of the body stays@example.com\r\n" + QByteArray(200000, 'b') + "\r\n";
    const QByteArray expected = "From: a@example.com\r\n"
                                "To: b@example.com\r\n"
                                "Subject: blind\r\n"
                                "  folded subject\r\n"
                                "X-Not-Bcc: kept@example.com\r\n" +
                                body;
    QFile eml(m_dir.filePath(QStringLiteral("blind.eml")));
    QVERIFY(eml.open(QIODevice::WriteOnly));
    eml.write(head + body);
    eml.close();
    QProcess send;
    QSignalSpy finished(&send, &QProcess::finished);
    send.start(QStringLiteral(SENDSCOPE_BINARY),
               {QStringLiteral("send"), QStringLiteral("--server"), QStringLiteral("127.0.0.1"),
                QStringLiteral("--port"), QString::number(server.port()), QStringLiteral("--security"),
                QStringLiteral("none"), QStringLiteral("--from"), QStringLiteral("a@example.com"),
                QStringLiteral("--to"), QStringLiteral("b@example.com"), QStringLiteral("--bcc"),
                QStringLiteral("hidden1@example.com"), QStringLiteral("--eml"), eml.fileName()});
    QVERIFY(finished.wait(20000)); // the server is in this process: wait in the event loop
    QVERIFY2(send.exitCode() == 0, send.readAllStandardError().constData());
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.first().at(2).toStringList(),
             (QStringList{QStringLiteral("b@example.com"), QStringLiteral("hidden1@example.com")}));
    QFile received(stored.first().at(0).toString());
    QVERIFY(received.open(QIODevice::ReadOnly));
    const QByteArray got = received.readAll();
    QVERIFY2(!got.contains("hidden"), got.left(400).constData());
    QCOMPARE(got, expected);
}

void TestSandboxServer::commandLinePasswordNeverFromArguments_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("password"); // empty: the one it prints
    QTest::newRow("environment") << QStringList{QStringLiteral("--password-env"),
                                                QStringLiteral("SANDBOX_PW")}
                                 << QByteArray() << QStringLiteral("env-Pass-3131");
    QTest::newRow("standard input") << QStringList{QStringLiteral("--password-stdin")}
                                    << QByteArray("stdin Pass 4141\n") << QStringLiteral("stdin Pass 4141");
    QTest::newRow("generated") << QStringList() << QByteArray() << QString();
}

void TestSandboxServer::commandLinePasswordNeverFromArguments()
{
    QFETCH(QStringList, options);
    QFETCH(QByteArray, input);
    QFETCH(QString, password);
    const QString store = m_dir.filePath(QStringLiteral("cli-auth"));
    // The old USER:PASS form is refused: it would put the password in the process list.
    QProcess refused;
    refused.start(QStringLiteral(SENDSCOPE_BINARY),
                  {QStringLiteral("sandbox"), QStringLiteral("--port"), QStringLiteral("0"),
                   QStringLiteral("--store"), store, QStringLiteral("--auth"), QStringLiteral("you:pass")});
    QVERIFY(refused.waitForFinished(10000));
    QCOMPARE(refused.exitCode(), 2);

    QProcess sandbox;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("SANDBOX_PW"), QStringLiteral("env-Pass-3131"));
    sandbox.setProcessEnvironment(environment);
    sandbox.start(QStringLiteral(SENDSCOPE_BINARY),
                  QStringList{QStringLiteral("sandbox"), QStringLiteral("--port"), QStringLiteral("0"),
                              QStringLiteral("--store"), store, QStringLiteral("--auth"),
                              QStringLiteral("you"), QStringLiteral("--max-messages"), QStringLiteral("1")} +
                      options);
    QVERIFY(sandbox.waitForStarted(5000));
    sandbox.write(input);
    sandbox.closeWriteChannel();
    QByteArray banner;
    QTRY_VERIFY_WITH_TIMEOUT((banner += sandbox.readAllStandardOutput()).contains("AUTH"), 10000);
    if (password.isEmpty())
        QTRY_VERIFY_WITH_TIMEOUT((banner += sandbox.readAllStandardOutput()).contains("Password"), 5000);
    const QString text = QString::fromUtf8(banner);
    const QRegularExpressionMatch port = QRegularExpression(QStringLiteral("port (\\d+);")).match(text);
    QVERIFY2(port.hasMatch(), banner.constData());
    if (password.isEmpty()) {
        const QRegularExpressionMatch shown =
            QRegularExpression(QStringLiteral("Password for this run: (\\S+)")).match(text);
        QVERIFY2(shown.hasMatch(), banner.constData());
        password = shown.captured(1);
        QVERIFY(password.size() >= 24);
    } else {
        QVERIFY(!text.contains(password));
    }
    const QJsonObject result = runPython(QStringLiteral(R"(
import json, smtplib, sys
s = smtplib.SMTP('127.0.0.1', int(sys.argv[1]))
try:
    s.login('you', 'wrong')
    wrong = 235
except smtplib.SMTPAuthenticationError as e:
    wrong = e.smtp_code
s.login('you', sys.argv[2])
s.sendmail('a@example.com', ['b@example.com'], b'Subject: auth\r\n\r\nhi\r\n')
s.quit()
print(json.dumps({'wrong': wrong}))
)"),
                                         port.captured(1).toUShort(), {password});
    QVERIFY2(!result.contains(QStringLiteral("error")),
             qPrintable(result.value(QStringLiteral("error")).toString()));
    QCOMPARE(result.value(QStringLiteral("wrong")).toInt(), 535);
    // --max-messages 1: it exits by itself (perhaps already while python ran in the event loop).
    QTRY_COMPARE_WITH_TIMEOUT(sandbox.state(), QProcess::NotRunning, 20000);
    QCOMPARE(sandbox.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestSandboxServer)
#include "testsandboxserver.moc"
