#include "addressparser.h"
#include "sendcommand.h"
#include "sendcommandline.h"

#include <QBuffer>
#include <QDir>
#include <QTemporaryDir>
#include <QTest>

// "Copy as command": shell quoting, no password ever, and the command parses back through
// `sendscope send`'s own option parser into the same server settings and recipients.
class TestSendCommandLine : public QObject
{
    Q_OBJECT
private slots:
    void quote_data();
    void quote();
    void roundTripThroughSendCommand();
};

void TestSendCommandLine::quote_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("plain") << "smtp.example.com"
                           << "smtp.example.com";
    QTest::newRow("space") << "季度 报告"
                           << "'季度 报告'";
    QTest::newRow("single quote") << "it's"
                                  << "'it'\\''s'";
    QTest::newRow("dollar") << "$HOME"
                            << "'$HOME'";
    QTest::newRow("angle") << "A <a@b.example>"
                           << "'A <a@b.example>'";
    QTest::newRow("empty") << ""
                           << "''";
}

void TestSendCommandLine::quote()
{
    QFETCH(QString, word);
    QFETCH(QString, quoted);
    QCOMPARE(SendCommandLine::quote(word), quoted);
}

void TestSendCommandLine::roundTripThroughSendCommand()
{
    SmtpServerSettings settings;
    settings.host = QStringLiteral("smtp.example.com");
    settings.port = 2525;
    settings.security = SmtpSecurity::StartTls;
    settings.username = QStringLiteral("me@example.com");
    settings.secret = QStringLiteral("never in the command");
    settings.authMechanism = "CRAM-MD5";
    settings.trustedFingerprints << QByteArray(32, '\x11');
    AddressParser::Error error;
    MimeMessage message;
    message.from = AddressParser::parseMailbox(QStringLiteral("张伟 <me@example.com>"), &error);
    message.to = AddressParser::parseList(
        QStringLiteral("\"Liddell, Alice\" <alice@example.com>, bob@example.com"), &error);
    message.bcc = AddressParser::parseList(QStringLiteral("boss@example.com"), &error);
    message.subject = QStringLiteral("It's the 季度报告");
    message.text = QStringLiteral("text");
    message.requestReadReceipt = true;
    message.priority = MimeMessage::Priority::Low;

    const QStringList arguments = SendCommandLine::arguments(settings, message);
    const QString shell = SendCommandLine::toShell(arguments);
    QVERIFY(!shell.contains(settings.secret));
    QVERIFY(shell.contains(QStringLiteral("--password-stdin")));
    QVERIFY(shell.startsWith(QStringLiteral("sendscope send --server smtp.example.com --port 2525")));
    QVERIFY(shell.contains(QStringLiteral(" --read-receipt")));
    QVERIFY(shell.contains(QStringLiteral(" --priority low")));

    QTemporaryDir dir;
    QVERIFY(QDir::setCurrent(dir.path()));
    QFile body(QStringLiteral("message.txt"));
    QVERIFY(body.open(QIODevice::WriteOnly));
    body.write("text");
    body.close();
    QBuffer input;
    input.setData("typed password\n");
    input.open(QIODevice::ReadOnly);
    SendCommand command;
    command.setStandardInput(&input);
    QCOMPARE(command.parse(QStringList{QStringLiteral("sendscope")} + arguments.mid(1)), -1);
    const SmtpServerSettings parsed = command.settings();
    QCOMPARE(parsed.host, settings.host);
    QCOMPARE(parsed.port, settings.port);
    QCOMPARE(parsed.security, settings.security);
    QCOMPARE(parsed.username, settings.username);
    QCOMPARE(parsed.authMechanism, settings.authMechanism);
    QCOMPARE(parsed.trustedFingerprints, settings.trustedFingerprints);
    QCOMPARE(parsed.secret, QStringLiteral("typed password"));
    MessageSource &built = *command.message().source;
    QVERIFY(built.rewind());
    const QByteArray bytes = built.device()->readAll();
    QVERIFY2(bytes.contains("\r\nImportance: low\r\n"), bytes.left(600).constData());
    QVERIFY(bytes.contains("\r\nDisposition-Notification-To: "));
}

QTEST_GUILESS_MAIN(TestSendCommandLine)
#include "testsendcommandline.moc"
