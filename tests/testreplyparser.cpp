#include "replyparser.h"

#include <QTest>

class TestReplyParser : public QObject
{
    Q_OBJECT
private slots:
    void parses_data();
    void parses();
    void everyCutPointGivesTheSameReplies();
    void malformed_data();
    void malformed();
    void endlessLineStaysBounded();
    void tooManyLinesStopsEarly();
    void bufferedBytesRevealInjection();
    void wireFormatRoundTrip();
};

void TestReplyParser::parses_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QList<int>>("codes");
    QTest::addColumn<QList<int>>("lineCounts");
    QTest::addColumn<QString>("firstText");
    QTest::newRow("single") << QByteArray("250 OK\r\n") << QList<int>{250} << QList<int>{1}
                            << QStringLiteral("OK");
    QTest::newRow("bare code") << QByteArray("250\r\n") << QList<int>{250} << QList<int>{1} << QString();
    QTest::newRow("bare lf") << QByteArray("220 hi\n250 ok\n") << QList<int>{220, 250} << QList<int>{1, 1}
                             << QStringLiteral("hi");
    QTest::newRow("multi-line") << QByteArray("250-a\r\n250-b\r\n250 c\r\n") << QList<int>{250}
                                << QList<int>{3} << QStringLiteral("a\nb\nc");
    QTest::newRow("enhanced stripped") << QByteArray("550 5.1.1 <x@y>: unknown\r\n") << QList<int>{550}
                                       << QList<int>{1} << QStringLiteral("<x@y>: unknown");
    QTest::newRow("incomplete kept") << QByteArray("250 ok\r\n250-more\r\n250 par") << QList<int>{250}
                                     << QList<int>{1} << QStringLiteral("ok");
    QTest::newRow("utf8 text") << QByteArray("554 拒绝\r\n") << QList<int>{554} << QList<int>{1}
                               << QStringLiteral("拒绝");
}

void TestReplyParser::parses()
{
    QFETCH(QByteArray, input);
    QFETCH(QList<int>, codes);
    QFETCH(QList<int>, lineCounts);
    QFETCH(QString, firstText);
    ReplyParser parser;
    parser.feed(input);
    QCOMPARE(parser.error(), ReplyParser::Error::None);
    QCOMPARE(parser.pendingReplyCount(), codes.size());
    for (qsizetype i = 0; i < codes.size(); ++i) {
        const SmtpReply reply = parser.takeReply();
        QCOMPARE(reply.code(), codes.at(i));
        QCOMPARE(reply.lines().size(), lineCounts.at(i));
        if (i == 0)
            QCOMPARE(reply.text(), firstText);
    }
}

void TestReplyParser::everyCutPointGivesTheSameReplies()
{
    const QByteArray stream = "220 ready\r\n250-mail.example\r\n250-PIPELINING\r\n250 SIZE 1000\r\n"
                              "550 5.1.1 no such user\r\n354 go\r\n";
    for (qsizetype first = 0; first <= stream.size(); ++first) {
        for (qsizetype second = first; second <= stream.size(); second += 7) {
            ReplyParser parser;
            parser.feed(QByteArrayView(stream).first(first));
            parser.feed(QByteArrayView(stream).sliced(first, second - first));
            parser.feed(QByteArrayView(stream).sliced(second));
            QCOMPARE(parser.pendingReplyCount(), 4);
            QCOMPARE(parser.takeReply().code(), 220);
            const SmtpReply ehlo = parser.takeReply();
            QCOMPARE(ehlo.lines().size(), 3);
            QCOMPARE(ehlo.lines().at(2), QByteArray("SIZE 1000"));
            QCOMPARE(parser.takeReply().enhancedCode()->toString(), QStringLiteral("5.1.1"));
            QCOMPARE(parser.takeReply().code(), 354);
        }
    }
    ReplyParser bytewise;
    for (const char c : stream)
        bytewise.feed(QByteArrayView(&c, 1));
    QCOMPARE(bytewise.pendingReplyCount(), 4);
}

void TestReplyParser::malformed_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<ReplyParser::Error>("error");
    QTest::newRow("letters") << QByteArray("abc hello\r\n") << ReplyParser::Error::MalformedLine;
    QTest::newRow("two digits") << QByteArray("25 x\r\n") << ReplyParser::Error::MalformedLine;
    QTest::newRow("code 600") << QByteArray("600 x\r\n") << ReplyParser::Error::MalformedLine;
    QTest::newRow("code 199") << QByteArray("199 x\r\n") << ReplyParser::Error::MalformedLine;
    QTest::newRow("bad separator") << QByteArray("250_x\r\n") << ReplyParser::Error::MalformedLine;
    QTest::newRow("empty line") << QByteArray("\r\n") << ReplyParser::Error::MalformedLine;
    QTest::newRow("code mismatch") << QByteArray("250-a\r\n251 b\r\n") << ReplyParser::Error::CodeMismatch;
}

void TestReplyParser::malformed()
{
    QFETCH(QByteArray, input);
    QFETCH(ReplyParser::Error, error);
    ReplyParser parser;
    parser.feed(input);
    QCOMPARE(parser.error(), error);
    QVERIFY(!parser.errorString().isEmpty());
    parser.feed("250 ok\r\n"); // ignored after an error
    QVERIFY(!parser.hasReply());
    parser.reset();
    parser.feed("250 ok\r\n");
    QVERIFY(parser.hasReply());
}

void TestReplyParser::endlessLineStaysBounded()
{
    ReplyParser parser;
    const QByteArray chunk(64 * 1024, 'a');
    for (int i = 0; i < 160 && parser.error() == ReplyParser::Error::None; ++i) { // up to 10 MB
        parser.feed(i == 0 ? QByteArray("220 " + chunk) : chunk);
        QVERIFY(parser.bufferedBytes() <= ReplyParser::Limits{}.maxLineLength);
    }
    QCOMPARE(parser.error(), ReplyParser::Error::LineTooLong);
    QCOMPARE(parser.bufferedBytes(), 0);
}

void TestReplyParser::tooManyLinesStopsEarly()
{
    QByteArray input;
    for (int i = 0; i < 100000; ++i)
        input += "250-X" + QByteArray::number(i) + "\r\n";
    ReplyParser parser;
    QElapsedTimer timer;
    timer.start();
    parser.feed(input);
    QCOMPARE(parser.error(), ReplyParser::Error::TooManyLines);
    QVERIFY(parser.bufferedBytes() == 0);
    QVERIFY2(timer.elapsed() < 2000, "parsing must stop at the limit, not read everything");
}

void TestReplyParser::bufferedBytesRevealInjection()
{
    ReplyParser parser;
    parser.feed("220 2.0.0 Ready to start TLS\r\n");
    QCOMPARE(parser.bufferedBytes(), 0);
    QCOMPARE(parser.takeReply().code(), 220);
    parser.feed("220 go\r\n250-inj");
    parser.takeReply();
    QVERIFY(parser.bufferedBytes() > 0);
}

void TestReplyParser::wireFormatRoundTrip()
{
    const QByteArray wire = "250-mail.example.com\r\n250-PIPELINING\r\n250 CHUNKING";
    ReplyParser parser;
    parser.feed(wire + "\r\n");
    QCOMPARE(parser.takeReply().toWireFormat(), wire);
}

QTEST_GUILESS_MAIN(TestReplyParser)
#include "testreplyparser.moc"
