#include "accountstore.h"
#include "commandlinesecret.h"
#include "sendcommand.h"

#include <QBuffer>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

#include <sys/prctl.h>
#include <sys/resource.h>

// The command line is the contract with scripts: every bad input must be refused with exit status 2
// before any connection is made, and good input must reach the engine's settings unchanged.
class TestSendCommand : public QObject
{
    Q_OBJECT
private slots:
    void usageErrors_data();
    void usageErrors();
    void settingsFromOptions();
    void accountPinsStayWithItsServer();
    void passwordFromStdinKeepsSpaces();
    void passwordSourcesAreHardened();
    void passwordTypedOnATerminalIsNotEchoed();
    void serverWordsReachTheTerminalEscaped();
    void headerInjectionIsRefused();
    void composeWritesEml();
    void addressErrorsNamePosition();
    void temporaryFailureSaysNothingIsKept();
    void unknownCommandIsNamedWithoutADisplay();
    void dsnEnvelopeIdIsMessageIdLocalPart();
    void dsnEnvelopeIdFromEml();
};

namespace {
const QStringList kBase{QStringLiteral("sendscope"), QStringLiteral("send"),
                        QStringLiteral("--server"),  QStringLiteral("127.0.0.1"),
                        QStringLiteral("--from"),    QStringLiteral("a@example.com"),
                        QStringLiteral("--to"),      QStringLiteral("b@example.com")};
}

void TestSendCommand::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no server") << QStringList{QStringLiteral("sendscope"), QStringLiteral("send"),
                                              QStringLiteral("--from"),    QStringLiteral("a@b.c"),
                                              QStringLiteral("--to"),      QStringLiteral("d@e.f")};
    QTest::newRow("no from") << QStringList{QStringLiteral("sendscope"), QStringLiteral("send"),
                                            QStringLiteral("--server"),  QStringLiteral("h"),
                                            QStringLiteral("--to"),      QStringLiteral("d@e.f")};
    QTest::newRow("no recipient") << QStringList{QStringLiteral("sendscope"), QStringLiteral("send"),
                                                 QStringLiteral("--server"),  QStringLiteral("h"),
                                                 QStringLiteral("--from"),    QStringLiteral("a@b.c")};
    QTest::newRow("bad security") << kBase +
                                         QStringList{QStringLiteral("--security"), QStringLiteral("ssl3")};
    QTest::newRow("port zero") << kBase + QStringList{QStringLiteral("--port"), QStringLiteral("0")};
    QTest::newRow("port too big") << kBase + QStringList{QStringLiteral("--port"), QStringLiteral("70000")};
    QTest::newRow("port text") << kBase + QStringList{QStringLiteral("--port"), QStringLiteral("smtp")};
    QTest::newRow("timeout negative")
        << kBase + QStringList{QStringLiteral("--timeout"), QStringLiteral("-1")};
    QTest::newRow("user without password")
        << kBase + QStringList{QStringLiteral("--user"), QStringLiteral("u")};
    QTest::newRow("password env unset") << kBase + QStringList{QStringLiteral("--user"), QStringLiteral("u"),
                                                               QStringLiteral("--password-env"),
                                                               QStringLiteral("SENDSCOPE_TEST_SURELY_UNSET")};
    QTest::newRow("unknown mechanism")
        << kBase + QStringList{QStringLiteral("--auth"), QStringLiteral("NTLM")};
    QTest::newRow("short fingerprint")
        << kBase + QStringList{QStringLiteral("--trust-fingerprint"), QStringLiteral("AB:CD")};
    QTest::newRow("missing ca file") << kBase + QStringList{QStringLiteral("--ca-file"),
                                                            QStringLiteral("/nonexistent.pem")};
    QTest::newRow("missing eml") << kBase + QStringList{QStringLiteral("--eml"),
                                                        QStringLiteral("/nonexistent.eml")};
    QTest::newRow("eml and subject") << kBase + QStringList{QStringLiteral("--eml"),
                                                            QStringLiteral("/etc/hostname"),
                                                            QStringLiteral("--subject"), QStringLiteral("x")};
    QTest::newRow("missing attachment")
        << kBase + QStringList{QStringLiteral("--attach"), QStringLiteral("/nonexistent.pdf")};
    QTest::newRow("eml and attach") << kBase + QStringList{QStringLiteral("--eml"),
                                                           QStringLiteral("/etc/hostname"),
                                                           QStringLiteral("--attach"),
                                                           QStringLiteral("/etc/hostname")};
    QTest::newRow("unknown priority")
        << kBase + QStringList{QStringLiteral("--priority"), QStringLiteral("urgent")};
    QTest::newRow("eml and priority")
        << kBase + QStringList{QStringLiteral("--eml"), QStringLiteral("/etc/hostname"),
                               QStringLiteral("--priority"), QStringLiteral("high")};
    QTest::newRow("eml and read receipt")
        << kBase + QStringList{QStringLiteral("--eml"), QStringLiteral("/etc/hostname"),
                               QStringLiteral("--read-receipt")};
    QTest::newRow("bad to address") << kBase + QStringList{QStringLiteral("--to"), QStringLiteral("bob@")};
    QTest::newRow("body not utf-8") << kBase + QStringList{QStringLiteral("--body-file"),
                                                           QStringLiteral("/usr/bin/true")};
    QTest::newRow("compose without output")
        << QStringList{QStringLiteral("sendscope"), QStringLiteral("compose"), QStringLiteral("--from"),
                       QStringLiteral("a@b.c"),     QStringLiteral("--to"),    QStringLiteral("d@e.f")};
    QTest::newRow("unknown option") << kBase + QStringList{QStringLiteral("--frobnicate")};
    QTest::newRow("stray argument") << kBase + QStringList{QStringLiteral("extra")};
}

void TestSendCommand::usageErrors()
{
    QFETCH(QStringList, arguments);
    SendCommand command;
    QCOMPARE(command.parse(arguments), SendCommand::kExitUsage);
}

void TestSendCommand::settingsFromOptions()
{
    QTemporaryFile ca;
    QVERIFY(ca.open());
    // Any valid PEM certificate will do; Qt ships none, so use the system bundle's first entry.
    QFile bundle(QStringLiteral("/etc/ssl/certs/ca-certificates.crt"));
    if (!bundle.open(QIODevice::ReadOnly))
        QSKIP("no system CA bundle");
    ca.write(bundle.read(1 << 20));
    ca.flush();
    qputenv("SENDSCOPE_TEST_PASSWORD", "pw");
    SendCommand command;
    const QString fingerprint(64, u'a');
    const int parsed = command.parse(
        kBase + QStringList{QStringLiteral("--port"), QStringLiteral("2525"), QStringLiteral("--security"),
                            QStringLiteral("tls"), QStringLiteral("--user"), QStringLiteral("alice"),
                            QStringLiteral("--password-env"), QStringLiteral("SENDSCOPE_TEST_PASSWORD"),
                            QStringLiteral("--auth"), QStringLiteral("plain"), QStringLiteral("--ca-file"),
                            ca.fileName(), QStringLiteral("--trust-fingerprint"), fingerprint,
                            QStringLiteral("--timeout"), QStringLiteral("2.5"),
                            QStringLiteral("--no-chunking"), QStringLiteral("--ehlo"),
                            QStringLiteral("client.example.com")});
    QCOMPARE(parsed, -1);
    const SmtpServerSettings &settings = command.settings();
    QCOMPARE(settings.host, QStringLiteral("127.0.0.1"));
    QCOMPARE(settings.port, quint16(2525));
    QCOMPARE(settings.security, SmtpSecurity::ImplicitTls);
    QCOMPARE(settings.username, QStringLiteral("alice"));
    QCOMPARE(settings.secret, QStringLiteral("pw"));
    QCOMPARE(settings.authMechanism, QByteArray("PLAIN"));
    QVERIFY(!settings.extraCaCertificates.isEmpty());
    QCOMPARE(settings.trustedFingerprints, QList<QByteArray>{QByteArray(32, '\xaa')});
    QCOMPARE(settings.replyTimeoutMs, 2500);
    QVERIFY(!settings.useChunking);
    QVERIFY(settings.usePipelining);
    QCOMPARE(settings.localHostName, QStringLiteral("client.example.com"));
}

void TestSendCommand::accountPinsStayWithItsServer()
{
    // `send --account X --server Y` (or --port, --security) goes to another server than the one the
    // account's certificate pin was made for: the pin does not go along.
    AccountStore store; // the test's own XDG_CONFIG_HOME
    Account account;
    account.name = QStringLiteral("Pinned CLI");
    account.identities.append({{}, QStringLiteral("a@example.com"), {}, {}});
    account.host = QStringLiteral("smtp.example.com");
    account.security = SmtpSecurity::ImplicitTls;
    account.auth = AccountAuth::None;
    account.setCurrentPins({QByteArray(32, '\x42')});
    QVERIFY(store.save(account).ok());
    const QStringList base{QStringLiteral("sendscope"), QStringLiteral("send"),
                           QStringLiteral("--account"), account.name,
                           QStringLiteral("--to"),      QStringLiteral("b@example.com")};

    SendCommand own;
    QCOMPARE(own.parse(base), -1);
    QCOMPARE(own.settings().trustedFingerprints, QList<QByteArray>{QByteArray(32, '\x42')});
    SendCommand sameHostAndPort;
    QCOMPARE(sameHostAndPort.parse(base + QStringList{QStringLiteral("--server"),
                                                      QStringLiteral("SMTP.example.com"),
                                                      QStringLiteral("--port"), QStringLiteral("465")}),
             -1);
    QCOMPARE(sameHostAndPort.settings().trustedFingerprints.size(), 1);

    for (const QStringList &elsewhere :
         {QStringList{QStringLiteral("--server"), QStringLiteral("mail.attacker.example")},
          QStringList{QStringLiteral("--port"), QStringLiteral("2465")},
          QStringList{QStringLiteral("--security"), QStringLiteral("starttls")}}) {
        SendCommand command;
        QCOMPARE(command.parse(base + elsewhere), -1);
        QVERIFY2(command.settings().trustedFingerprints.isEmpty(), qPrintable(elsewhere.join(u' ')));
    }
    // A fingerprint given on the command line is for this run's server, wherever that is.
    SendCommand given;
    QCOMPARE(
        given.parse(base + QStringList{QStringLiteral("--server"), QStringLiteral("mail.attacker.example"),
                                       QStringLiteral("--trust-fingerprint"), QString(64, u'b')}),
        -1);
    QCOMPARE(given.settings().trustedFingerprints, QList<QByteArray>{QByteArray(32, '\xbb')});
    QVERIFY(store.remove(account.id).ok());
}

void TestSendCommand::passwordFromStdinKeepsSpaces()
{
    QBuffer input;
    input.setData(" s3cret pass \r\nnext line\n");
    QVERIFY(input.open(QIODevice::ReadOnly));
    SendCommand command;
    command.setStandardInput(&input);
    QCOMPARE(command.parse(kBase + QStringList{QStringLiteral("--user"), QStringLiteral("u"),
                                               QStringLiteral("--password-stdin")}),
             -1);
    QCOMPARE(command.settings().secret, QStringLiteral(" s3cret pass "));
}

// tests/hostile/README.md: the variable goes once read, over-long input is an error, no core dumps.
void TestSendCommand::passwordSourcesAreHardened()
{
    qputenv("SENDSCOPE_TEST_ENV_SECRET", "from the environment");
    SendCommand fromEnv;
    QCOMPARE(fromEnv.parse(kBase + QStringList{QStringLiteral("--user"), QStringLiteral("u"),
                                               QStringLiteral("--password-env"),
                                               QStringLiteral("SENDSCOPE_TEST_ENV_SECRET")}),
             -1);
    QCOMPARE(fromEnv.settings().secret, QStringLiteral("from the environment"));
    QVERIFY(!qEnvironmentVariableIsSet("SENDSCOPE_TEST_ENV_SECRET"));
    QCOMPARE(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 0);
    rlimit core{};
    QCOMPARE(getrlimit(RLIMIT_CORE, &core), 0);
    QCOMPARE(core.rlim_cur, rlim_t(0));

    for (const qsizetype length : {CommandLineSecret::kMaxLength, CommandLineSecret::kMaxLength + 1}) {
        QBuffer input;
        input.setData(QByteArray(length, 'p') + "\n");
        QVERIFY(input.open(QIODevice::ReadOnly));
        SendCommand command;
        command.setStandardInput(&input);
        const int parsed = command.parse(kBase + QStringList{QStringLiteral("--user"), QStringLiteral("u"),
                                                             QStringLiteral("--password-stdin")});
        if (length == CommandLineSecret::kMaxLength) {
            QCOMPARE(parsed, -1);
            QCOMPARE(command.settings().secret.size(), length);
        } else {
            QCOMPARE(parsed, SendCommand::kExitUsage); // never cut short silently
        }
    }
}

void TestSendCommand::passwordTypedOnATerminalIsNotEchoed()
{
    // sendscope send --password-stdin on a pseudo-terminal, as a person would type the password.
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QStringLiteral(R"(
import os, pty, sys, termios, time
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], [sys.argv[1], 'send', '--server', '127.0.0.1', '--port', '1', '--security', 'none',
                           '--allow-plaintext-auth', '--user', 'u', '--password-stdin',
                           '--from', 'a@example.com', '--to', 'b@example.com', '--subject', 'tty'])
# Type once sendscope is ready to read (it turns echo off first), or after 5 s if it never does.
deadline = time.monotonic() + 5
while termios.tcgetattr(fd)[3] & termios.ECHO and time.monotonic() < deadline:
    time.sleep(0.01)
os.write(fd, b'typed-Secret-5150\n')
out = b''
while True:
    try:
        data = os.read(fd, 4096)
    except OSError:
        break
    if not data:
        break
    out += data
os.waitpid(pid, 0)
sys.stdout.buffer.write(out)
)"),
                                                      QStringLiteral(SENDSCOPE_BINARY)});
    if (!python.waitForFinished(30000)) {
        python.kill();
        QFAIL("sendscope did not finish");
    }
    const QByteArray terminal = python.readAllStandardOutput();
    QVERIFY2(terminal.contains("127.0.0.1"), terminal.constData()); // it did read the password and go on
    QVERIFY2(!terminal.contains("typed-Secret-5150"), terminal.constData());
}

// The transcript lines and the final "*** Not sent:" explanation quote the server: no escape sequence,
// bare CR or bidi override of its reaches the terminal (tests/hostile/README.md).
void TestSendCommand::serverWordsReachTheTerminalEscaped()
{
    QProcess server;
    server.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QStringLiteral(R"(
import socket
listener = socket.socket()
listener.bind(('127.0.0.1', 0))
listener.listen(1)
print(listener.getsockname()[1], flush=True)
connection, _ = listener.accept()
lines = connection.makefile('rb')
evil = '\x1b]52;c;aGk=\x07\x1b[2J\r\u202eevil'.encode()
connection.sendall(b'220 ' + evil + b'\r\n')
while True:
    line = lines.readline()
    if not line:
        break
    verb = line.split()[0].upper()
    if verb == b'EHLO':
        connection.sendall(b'250-x\r\n250 ' + evil + b'\r\n')
    elif verb == b'MAIL':
        connection.sendall(b'550 5.7.1 ' + evil + b' refused\r\n')
    elif verb == b'QUIT':
        connection.sendall(b'221 bye\r\n')
        break
    else:
        connection.sendall(b'250 ok\r\n')
)")});
    QVERIFY(server.waitForStarted(5000));
    QVERIFY(server.waitForReadyRead(10000));
    const QString port = QString::fromLatin1(server.readLine().trimmed());
    QProcess send;
    send.start(QStringLiteral(SENDSCOPE_BINARY),
               {QStringLiteral("send"), QStringLiteral("--server"), QStringLiteral("127.0.0.1"),
                QStringLiteral("--port"), port, QStringLiteral("--security"), QStringLiteral("none"),
                QStringLiteral("--from"), QStringLiteral("a@example.com"), QStringLiteral("--to"),
                QStringLiteral("b@example.com"), QStringLiteral("--subject"), QStringLiteral("x")});
    QVERIFY(send.waitForFinished(20000));
    server.waitForFinished(5000);
    const QByteArray terminal = send.readAllStandardError() + send.readAllStandardOutput();
    QVERIFY2(terminal.contains("*** Not sent:"), terminal.constData());
    QVERIFY(terminal.contains("evil"));
    QVERIFY(!terminal.contains('\x1b'));
    QVERIFY(!terminal.contains('\r'));
    QVERIFY(!terminal.contains("\xe2\x80\xae"));
}

void TestSendCommand::headerInjectionIsRefused()
{
    SendCommand command;
    QCOMPARE(command.parse(kBase + QStringList{QStringLiteral("--subject"),
                                               QStringLiteral("Hi\r\nBcc: victim@example.com")}),
             SendCommand::kExitUsage);
}

void TestSendCommand::composeWritesEml()
{
    QTemporaryDir dir;
    const QString output = dir.filePath(QStringLiteral("out.eml"));
    const QString attachment = dir.filePath(QStringLiteral("notes.txt"));
    QFile file(attachment);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("attached text\n");
    file.close();
    SendCommand command;
    QSignalSpy finished(&command, &SendCommand::finished);
    QCOMPARE(command.parse({QStringLiteral("sendscope"), QStringLiteral("compose"), QStringLiteral("--from"),
                            QStringLiteral("张三 <zhangsan@example.com>"), QStringLiteral("--to"),
                            QStringLiteral("Bob <bob@example.com>; carol@example.com"),
                            QStringLiteral("--bcc"), QStringLiteral("hidden@example.com"),
                            QStringLiteral("--subject"), QStringLiteral("附件"), QStringLiteral("--attach"),
                            attachment, QStringLiteral("--read-receipt"), QStringLiteral("--priority"),
                            QStringLiteral("High"), QStringLiteral("--output"), output}),
             -1);
    command.run();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().toInt(), 0);
    QFile eml(output);
    QVERIFY(eml.open(QIODevice::ReadOnly));
    const QByteArray bytes = eml.readAll();
    QVERIFY(bytes.contains("To: Bob <bob@example.com>, carol@example.com\r\n"));
    QVERIFY(bytes.contains("Subject: =?UTF-8?"));
    QVERIFY(bytes.contains("filename=\"notes.txt\""));
    QVERIFY(!bytes.contains("hidden@example.com"));
    QVERIFY2(bytes.contains("\r\nDisposition-Notification-To: "), bytes.left(800).constData());
    QVERIFY(bytes.contains("zhangsan@example.com>\r\n"));
    QVERIFY2(bytes.contains("\r\nX-Priority: 1"), bytes.left(800).constData());
    QVERIFY(bytes.contains("\r\nImportance: high\r\n"));
}

void TestSendCommand::addressErrorsNamePosition()
{
    SendCommand command;
    QCOMPARE(command.parse(kBase + QStringList{QStringLiteral("--cc"),
                                               QStringLiteral("ok@example.com, bad address@x")}),
             SendCommand::kExitUsage);
}

// The app's outbox keeps a failed message; the command line keeps nothing, and must not say otherwise.
void TestSendCommand::temporaryFailureSaysNothingIsKept()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close(); // nothing listens there now: the connection is refused, a temporary failure
    QProcess send;
    send.start(QStringLiteral(SENDSCOPE_BINARY),
               {QStringLiteral("send"), QStringLiteral("--server"), QStringLiteral("127.0.0.1"),
                QStringLiteral("--port"), QString::number(port), QStringLiteral("--security"),
                QStringLiteral("none"), QStringLiteral("--from"), QStringLiteral("a@example.com"),
                QStringLiteral("--to"), QStringLiteral("b@example.com"), QStringLiteral("--body-file"),
                QStringLiteral("-"), QStringLiteral("--quiet")});
    QVERIFY(send.waitForStarted(10000));
    send.write("hello\n");
    send.closeWriteChannel();
    QVERIFY(send.waitForFinished(30000));
    const QString err = QString::fromUtf8(send.readAllStandardError());
    QCOMPARE(send.exitCode(), 11); // connect
    QVERIFY2(err.contains(QStringLiteral("Nothing was kept: run the same command again later.")),
             qPrintable(err));
    QVERIFY2(!err.contains(QStringLiteral("is kept")), qPrintable(err));
}

void TestSendCommand::dsnEnvelopeIdIsMessageIdLocalPart()
{
    SendCommand command;
    QCOMPARE(command.parse(kBase + QStringList{QStringLiteral("--dsn")}), -1);
    const OutgoingMessage &message = command.message();
    QVERIFY(message.dsn.enabled);
    QVERIFY(!message.dsn.envelopeId.isEmpty());
    // The composed message carries the Message-ID whose local part is the ENVID.
    const QByteArray bytes = message.source->device()->readAll();
    QVERIFY2(bytes.contains("Message-ID: <" + message.dsn.envelopeId.toLatin1() + '@'), bytes.constData());

    SendCommand without;
    QCOMPARE(without.parse(kBase), -1);
    QVERIFY(without.message().dsn.envelopeId.isEmpty());
}

void TestSendCommand::dsnEnvelopeIdFromEml()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("prepared.eml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    // Folded, and with characters that xtext must encode on the wire ('+' and '=').
    file.write("Subject: prepared\r\nMessage-ID:\r\n <a+b=c.17@example.com>\r\nTo: d@e.f\r\n\r\n"
               "Message-ID: <not-this@example.com>\r\n");
    file.close();
    SendCommand command;
    QCOMPARE(command.parse(kBase + QStringList{QStringLiteral("--dsn"), QStringLiteral("--eml"), path}), -1);
    QCOMPARE(command.message().dsn.envelopeId, QStringLiteral("a+b=c.17"));
    QCOMPARE(command.message().source->device()->pos(), 0); // rewound for sending
}

// A typo of a command on a machine without a display: the command line says what it did not know and
// what was probably meant, instead of the window system's "could not connect to display" abort.
void TestSendCommand::unknownCommandIsNamedWithoutADisplay()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    for (const auto &[word, suggestion] : {std::pair{QStringLiteral("sned"), QStringLiteral("\"send\"")},
                                           std::pair{QStringLiteral("frobnicate"), QString()}}) {
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(SENDSCOPE_BINARY), {word});
        QVERIFY(process.waitForFinished(30000));
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 2);
        QVERIFY2(err.contains(QStringLiteral("unknown command \"%1\"").arg(word)), qPrintable(err));
        QVERIFY2(suggestion.isEmpty() || err.contains(suggestion), qPrintable(err));
        QVERIFY2(!err.contains(QStringLiteral("platform plugin")), qPrintable(err));
        QVERIFY(process.readAllStandardOutput().contains("sendscope send"));
    }
}

QTEST_GUILESS_MAIN(TestSendCommand)
#include "testsendcommand.moc"
