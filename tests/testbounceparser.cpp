#include "bounceparser.h"

#include <QDir>
#include <QFile>
#include <QTest>

// BounceParser in-process: every stored sample (tests/data/bounces/README.md says where each comes from)
// gives its recipients and the server's words; hostile input ends quickly without inventing failures.
class TestBounceParser : public QObject
{
    Q_OBJECT
private slots:
    void samples_data();
    void samples();
    void replyFromText_data();
    void replyFromText();
    void hostileInput_data();
    void hostileInput();
};

Q_DECLARE_METATYPE(SmtpCommand)

void TestBounceParser::samples_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("recipient");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("status");
    QTest::addColumn<bool>("quoted");
    QTest::addColumn<SmtpCommand>("step");
    QTest::addColumn<bool>("delayed");
    using C = SmtpCommand;
    QTest::newRow("postfix") << "postfix-message-too-big.eml"
                             << "big@sendscope.test" << 550 << "5.3.4" << false << C::RcptTo << false;
    QTest::newRow("gmail") << "gmail-dsn.eml"
                           << "nosuchuser@example.org" << 550 << "5.1.1" << true << C::RcptTo << false;
    QTest::newRow("exchange") << "exchange-online-ndr.eml"
                              << "someone@fabrikam.com" << 550 << "5.1.10" << true << C::RcptTo << false;
    QTest::newRow("exim") << "exim-delayed-content.eml"
                          << "friend@example.com" << 451 << "4.7.1" << true << C::DataEnd << true;
    QTest::newRow("qq") << "qq-tuixin.eml"
                        << "zhangsan@example.cn" << 550 << "5.1.1" << true << C::RcptTo << false;
    QTest::newRow("netease") << "netease-tuixin.eml"
                             << "lisi@163.com" << 554 << "" << true << C::RcptTo << false;
}

void TestBounceParser::samples()
{
    QFETCH(QString, file);
    QFETCH(QString, recipient);
    QFETCH(int, code);
    QFETCH(QString, status);
    QFETCH(bool, quoted);
    QFETCH(SmtpCommand, step);
    QFETCH(bool, delayed);
    QFile sample(QStringLiteral(SENDSCOPE_SOURCE_DIR "/tests/data/bounces/") + file);
    QVERIFY(sample.open(QIODevice::ReadOnly));
    const QByteArray content = sample.readAll();
    QVERIFY(BounceParser::looksLikeMessage(content));
    const QList<BounceParser::Failure> failures = BounceParser::parse(content);
    QCOMPARE(failures.size(), 1);
    const BounceParser::Failure &failure = failures.constFirst();
    QCOMPARE(failure.recipient, recipient);
    QCOMPARE(failure.reply.code(), code);
    QCOMPARE(failure.reply.enhancedCode() ? failure.reply.enhancedCode()->toString() : QString(), status);
    QCOMPARE(failure.replyQuoted, quoted);
    QCOMPARE(failure.step, step);
    QCOMPARE(failure.delayed, delayed);
    QVERIFY(!failure.diagnostic.isEmpty());
}

void TestBounceParser::replyFromText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("code");
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("plain") << "550 5.1.1 User unknown" << 550 << QByteArray("5.1.1 User unknown");
    QTest::newRow("gmail folded")
        << "550-5.1.1 The email account 550-5.1.1 that you tried 550 5.1.1 does not exist" << 550
        << QByteArray("5.1.1 The email account that you tried does not exist");
    QTest::newRow("no enhanced code") << "554 DT:SPM 163 smtp5" << 554 << QByteArray("DT:SPM 163 smtp5");
    QTest::newRow("after a timestamp")
        << "14:02:11.360 <- 452 4.5.3 Too many recipients" << 452 << QByteArray("4.5.3 Too many recipients");
}

void TestBounceParser::replyFromText()
{
    QFETCH(QString, text);
    QFETCH(int, code);
    QFETCH(QByteArray, line);
    const std::optional<SmtpReply> reply = BounceParser::replyFromText(text);
    QVERIFY(reply);
    QCOMPARE(reply->code(), code);
    QCOMPARE(reply->lines().constFirst(), line);
}

void TestBounceParser::hostileInput_data()
{
    QTest::addColumn<QByteArray>("input");
    QByteArray nested = "Content-Type: multipart/mixed; boundary=b\n\n--b\n";
    for (int i = 0; i < 200; ++i)
        nested += "Content-Type: multipart/mixed; boundary=b\n\n--b\n";
    QTest::newRow("nested multiparts") << nested;
    QTest::newRow("boundary never closed") << QByteArray(
        "Content-Type: multipart/report; boundary=x\n\n--x\nContent-Type: message/delivery-status\n\n"
        "Final-Recipient: rfc822; a@b.example\nAction: failed\n");
    QTest::newRow("empty boundary") << QByteArray(
        "Content-Type: multipart/report; boundary=\"\"\n\n--\n--\n");
    QTest::newRow("binary") << QByteArray(100000, '\xff');
    QTest::newRow("only success") << QByteArray("250 2.0.0 Ok\n221 2.0.0 Bye\n");
}

void TestBounceParser::hostileInput()
{
    QFETCH(QByteArray, input);
    const QList<BounceParser::Failure> failures = BounceParser::parse(input);
    for (const BounceParser::Failure &failure : failures)
        QVERIFY(failure.reply.isFailure());
    if (input.startsWith("250"))
        QVERIFY(failures.isEmpty());
}

QTEST_GUILESS_MAIN(TestBounceParser)
#include "testbounceparser.moc"
