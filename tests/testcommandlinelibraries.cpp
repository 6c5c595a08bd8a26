#include "scriptedsmtpserver.h"
#include "sessiontesting.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// `sendscope send` is a command line: it must not load Qt Widgets, Qt Gui, any window-system library or
// the spelling library, nor, with --password-env, the keychain module and its D-Bus stack; they cost
// start-up time and memory on every send (issue 18). The real binary sends through STARTTLS and AUTH to
// a scripted server on loopback while the dynamic linker logs every object it loads (LD_DEBUG=files, which
// sees dlopen()ed plugins too); the test reads that log.
class TestCommandLineLibraries : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void sendLoadsNoWidgetsOrGui();

private:
    QTemporaryDir m_dir;
    QSslCertificate m_certificate;
    QSslKey m_key;
};

using namespace SessionTesting;

void TestCommandLineLibraries::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(makeSelfSignedCertificate(m_dir.path(), &m_certificate, &m_key));
}

void TestCommandLineLibraries::sendLoadsNoWidgetsOrGui()
{
    ScriptedSmtpServer server;
    server.setCertificate(m_certificate, m_key);
    server.upToTls(kGreeting, "250-fake.example.com\r\n250-PIPELINING\r\n250 STARTTLS\r\n")
        .expect("EHLO")
        .send("250-fake.example.com\r\n250-PIPELINING\r\n250 AUTH PLAIN LOGIN\r\n")
        .expect("AUTH PLAIN")
        .send("235 2.7.0 ok\r\n")
        .expect("MAIL")
        .expect("RCPT")
        .expect("DATA")
        .send("250 ok\r\n250 ok\r\n354 go\r\n")
        .receiveData()
        .send("250 2.0.0 queued\r\n")
        .expect("QUIT")
        .send("221 bye\r\n");

    const QString logPrefix = m_dir.filePath(QStringLiteral("ld"));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LD_DEBUG"), QStringLiteral("files"));
    environment.insert(QStringLiteral("LD_DEBUG_OUTPUT"), logPrefix);
    environment.insert(QStringLiteral("SENDSCOPE_TEST_SECRET"), QStringLiteral("not-a-real-password"));
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(SENDSCOPE_BINARY), {QStringLiteral("send"),
                                                     QStringLiteral("--server"),
                                                     QStringLiteral("127.0.0.1"),
                                                     QStringLiteral("--port"),
                                                     QString::number(server.port()),
                                                     QStringLiteral("--security"),
                                                     QStringLiteral("starttls"),
                                                     QStringLiteral("--ca-file"),
                                                     m_dir.filePath(QStringLiteral("cert.pem")),
                                                     QStringLiteral("--user"),
                                                     QStringLiteral("tester"),
                                                     QStringLiteral("--password-env"),
                                                     QStringLiteral("SENDSCOPE_TEST_SECRET"),
                                                     QStringLiteral("--from"),
                                                     QStringLiteral("a@example.com"),
                                                     QStringLiteral("--to"),
                                                     QStringLiteral("b@example.com"),
                                                     QStringLiteral("--subject"),
                                                     QStringLiteral("libraries"),
                                                     QStringLiteral("--ehlo"),
                                                     QStringLiteral("client.example.com")});
    QSignalSpy finished(&process, &QProcess::finished);
    // The scripted server answers from this event loop, so wait with the spy rather than waitForFinished().
    QVERIFY(finished.wait(30000));
    const QByteArray output = process.readAllStandardError();
    QCOMPARE(process.exitCode(), 0);
    QVERIFY2(server.failure().isEmpty(), qPrintable(server.failure()));
    QCOMPARE(server.bodies().size(), 1);

    // One log per process: ld.<pid>.
    const QStringList logs = QDir(m_dir.path()).entryList({QStringLiteral("ld.*")}, QDir::Files);
    QCOMPARE(logs.size(), 1);
    QFile log(m_dir.filePath(logs.first()));
    QVERIFY(log.open(QIODevice::ReadOnly));
    QStringList loaded;
    static const QRegularExpression fileLine(
        QStringLiteral(R"(file=(\S+)\s+\[\d+\];\s+(?:needed|dynamically))"));
    for (const QByteArray &line : log.readAll().split('\n')) {
        const QRegularExpressionMatch match = fileLine.match(QString::fromLocal8Bit(line));
        if (match.hasMatch())
            loaded << match.captured(1);
    }
    loaded.removeDuplicates();
    const QString all = loaded.join(u'\n');
    // The log is complete: the libraries and the TLS plugin a send needs are in it...
    QVERIFY2(all.contains(QStringLiteral("libQt6Core.so")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("libQt6Network.so")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("libqopensslbackend.so")), qPrintable(all));
    // ...and nothing of the window.
    for (const char *forbidden :
         {"libQt6Widgets", "libQt6Gui", "libQt6OpenGL", "libQt6XcbQpa", "libQt6WaylandClient", "libX11",
          "libxcb", "libwayland-client", "libGL", "libEGL", "libfontconfig", "libfreetype", "platforms/",
          // spell checking is the compose window's
          "libenchant", "libhunspell",
          // the password comes from the environment: no keychain module, no D-Bus
          "sendscope-keychain", "libqt6keychain", "libQt6DBus", "libdbus-1", "libsecret"}) {
        QVERIFY2(!all.contains(QString::fromLatin1(forbidden)),
                 qPrintable(QStringLiteral("%1 was loaded:\n%2").arg(QString::fromLatin1(forbidden), all)));
    }
    QVERIFY2(output.contains("~> AUTH PLAIN"), output.constData());
}

QTEST_GUILESS_MAIN(TestCommandLineLibraries)
#include "testcommandlinelibraries.moc"
