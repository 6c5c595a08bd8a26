#include "plaintextmessage.h"
#include "sendcommand.h"

#include <QBuffer>
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
    void headerEncoding_data();
    void headerEncoding();
    void plainMessageIsWellFormed();
    void headerInjectionIsRefused();
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
    QTest::newRow("attach not yet") << kBase + QStringList{QStringLiteral("--attach"),
                                                           QStringLiteral("/etc/hostname")};
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

void TestSendCommand::headerEncoding_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("ascii") << QStringLiteral("Hello");
    QTest::newRow("chinese") << QStringLiteral("你好，世界：关于附件的问题");
    QTest::newRow("emoji") << QStringLiteral("Party 🎉🎉🎉 tonight");
    QTest::newRow("long chinese") << QString(QStringLiteral("测试邮件主题")).repeated(20);
    QTest::newRow("looks encoded") << QStringLiteral("=?UTF-8?B?abc?=");
}

void TestSendCommand::headerEncoding()
{
    QFETCH(QString, value);
    const QByteArray encoded = PlainTextMessage::encodeHeaderValue(value, 7);
    // Every folded line stays within 76 octets, and decoding the encoded-words gives the value back.
    QString decoded;
    for (const QByteArray &line : encoded.split('\n')) {
        QVERIFY2(line.size() <= 77, line.constData());
        const QByteArray word = line.trimmed();
        if (word.startsWith("=?UTF-8?B?")) {
            QVERIFY(word.endsWith("?="));
            decoded += QString::fromUtf8(QByteArray::fromBase64(word.mid(10, word.size() - 12)));
        } else {
            decoded += QString::fromUtf8(word);
        }
    }
    QCOMPARE(decoded, value);
    if (value == QStringLiteral("=?UTF-8?B?abc?="))
        QVERIFY(encoded.startsWith("=?UTF-8?B?"));
}

void TestSendCommand::plainMessageIsWellFormed()
{
    PlainTextMessage message;
    message.from = QStringLiteral("tester@sendscope.test");
    message.to = {QStringLiteral("alice@sendscope.test")};
    message.subject = QStringLiteral("附件");
    message.body = QStringLiteral("第一行\n.dot line\n") + QString(1200, u'x');
    QString error;
    const QByteArray bytes = message.toBytes(&error);
    QVERIFY2(!bytes.isEmpty(), qPrintable(error));
    QVERIFY(bytes.contains("Subject: =?UTF-8?B?"));
    QVERIFY(bytes.contains("Content-Transfer-Encoding: quoted-printable"));
    QVERIFY(bytes.contains("\r\nMessage-ID: <"));
    QVERIFY(bytes.contains("@sendscope.test>\r\n"));
    for (const QByteArray &line : bytes.split('\n')) {
        QVERIFY2(line.size() <= 78, line.constData());
        QVERIFY(line.isEmpty() || line == bytes.split('\n').last() || line.endsWith('\r'));
    }
    // Nothing but ASCII on the wire: no SMTPUTF8 or 8BITMIME needed.
    for (const char c : bytes)
        QVERIFY(static_cast<unsigned char>(c) < 0x80);
}

void TestSendCommand::headerInjectionIsRefused()
{
    SendCommand command;
    QCOMPARE(command.parse(kBase + QStringList{QStringLiteral("--subject"),
                                               QStringLiteral("Hi\r\nBcc: victim@example.com")}),
             SendCommand::kExitUsage);
}

QTEST_GUILESS_MAIN(TestSendCommand)
#include "testsendcommand.moc"
