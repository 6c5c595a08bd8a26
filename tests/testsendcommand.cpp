#include "sendcommand.h"

#include <QBuffer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

// The command line is the contract with scripts: every bad input must be refused with exit status 2
// before any connection is made, and good input must reach the engine's settings unchanged.
class TestSendCommand : public QObject
{
    Q_OBJECT
private slots:
    void usageErrors_data();
    void usageErrors();
    void settingsFromOptions();
    void passwordFromStdinKeepsSpaces();
    void headerInjectionIsRefused();
    void composeWritesEml();
    void addressErrorsNamePosition();
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
                            attachment, QStringLiteral("--output"), output}),
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
}

void TestSendCommand::addressErrorsNamePosition()
{
    SendCommand command;
    QCOMPARE(command.parse(kBase + QStringList{QStringLiteral("--cc"),
                                               QStringLiteral("ok@example.com, bad address@x")}),
             SendCommand::kExitUsage);
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

QTEST_GUILESS_MAIN(TestSendCommand)
#include "testsendcommand.moc"
