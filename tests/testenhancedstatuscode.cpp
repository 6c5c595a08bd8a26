#include "enhancedstatuscode.h"
#include "smtpreply.h"

#include <QTest>

class TestEnhancedStatusCode : public QObject
{
    Q_OBJECT
private slots:
    void parse_data();
    void parse();
    void description_data();
    void description();
    void replyKeepsOnlyMatchingClass();
};

void TestEnhancedStatusCode::parse_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected"); // empty: no code
    QTest::newRow("simple") << QByteArray("5.1.1 unknown") << QStringLiteral("5.1.1");
    QTest::newRow("leading space") << QByteArray("  4.7.0 try later") << QStringLiteral("4.7.0");
    QTest::newRow("three-digit detail") << QByteArray("5.7.123 x") << QStringLiteral("5.7.123");
    QTest::newRow("alone") << QByteArray("2.0.0") << QStringLiteral("2.0.0");
    QTest::newRow("class 3") << QByteArray("3.1.1 x") << QString();
    QTest::newRow("four-digit detail") << QByteArray("5.1.1234 x") << QString();
    QTest::newRow("text") << QByteArray("Ok queued") << QString();
    QTest::newRow("missing part") << QByteArray("5.1 x") << QString();
    QTest::newRow("glued") << QByteArray("5.1.1x") << QString();
    QTest::newRow("ip-like") << QByteArray("10.1.1.1 blocked") << QString();
}

void TestEnhancedStatusCode::parse()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    const std::optional<EnhancedStatusCode> code = EnhancedStatusCode::parse(text);
    QCOMPARE(code.has_value(), !expected.isEmpty());
    if (code)
        QCOMPARE(code->toString(), expected);
}

void TestEnhancedStatusCode::description_data()
{
    QTest::addColumn<int>("klass");
    QTest::addColumn<int>("subject");
    QTest::addColumn<int>("detail");
    QTest::addColumn<QString>("meaning");
    QTest::newRow("5.1.1") << 5 << 1 << 1 << QStringLiteral("Bad destination mailbox address");
    QTest::newRow("5.7.8") << 5 << 7 << 8 << QStringLiteral("Authentication credentials invalid");
    QTest::newRow("4.5.3") << 4 << 5 << 3 << QStringLiteral("Too many recipients");
    QTest::newRow("5.3.4") << 5 << 3 << 4 << QStringLiteral("Message too big for system");
    QTest::newRow("5.7.26") << 5 << 7 << 26 << QStringLiteral("Multiple authentication checks failed");
    QTest::newRow("unregistered detail") << 5 << 2 << 99 << QStringLiteral("Mailbox status");
    QTest::newRow("unknown subject") << 5 << 9 << 9 << QStringLiteral("Other or undefined status");
}

void TestEnhancedStatusCode::description()
{
    QFETCH(int, klass);
    QFETCH(int, subject);
    QFETCH(int, detail);
    QFETCH(QString, meaning);
    QCOMPARE(EnhancedStatusCode(klass, subject, detail).description(), meaning);
}

void TestEnhancedStatusCode::replyKeepsOnlyMatchingClass()
{
    // "250 2.0.0" is a code; "550 2.0.0" contradicts itself and is treated as text.
    QVERIFY(SmtpReply(250, {"2.0.0 Ok"}).enhancedCode().has_value());
    QVERIFY(!SmtpReply(550, {"2.0.0 Ok"}).enhancedCode().has_value());
    QCOMPARE(SmtpReply(550, {"5.1.1 nope", "5.1.1 really"}).text(), QStringLiteral("nope\nreally"));
}

QTEST_GUILESS_MAIN(TestEnhancedStatusCode)
#include "testenhancedstatuscode.moc"
