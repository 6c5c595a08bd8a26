#include "mailtouri.h"

#include <QTest>

// mailto: links as desktops and web pages hand them over (RFC 6068, its examples among the rows).
class TestMailtoUri : public QObject
{
    Q_OBJECT
private slots:
    void parse_data();
    void parse();
};

void TestMailtoUri::parse_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("cc");
    QTest::addColumn<QString>("bcc");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("body");
    QTest::newRow("simple") << "mailto:chris@example.com" << true << "chris@example.com"
                            << ""
                            << ""
                            << ""
                            << "";
    QTest::newRow("rfc6068 subject") << "mailto:infobot@example.com?subject=current-issue" << true
                                     << "infobot@example.com"
                                     << ""
                                     << ""
                                     << "current-issue"
                                     << "";
    QTest::newRow("rfc6068 body") << "mailto:infobot@example.com?body=send%20current-issue%0D%0Asend%20index"
                                  << true << "infobot@example.com"
                                  << ""
                                  << ""
                                  << ""
                                  << "send current-issue\nsend index";
    QTest::newRow("two recipients") << "mailto:joe@example.com?cc=bob@example.com&body=hello" << true
                                    << "joe@example.com"
                                    << "bob@example.com"
                                    << ""
                                    << ""
                                    << "hello";
    QTest::newRow("to in hfields joins")
        << "mailto:?to=joe@example.com&cc=bob@example.com&bcc=x@example.com" << true << "joe@example.com"
        << "bob@example.com"
        << "x@example.com"
        << ""
        << "";
    QTest::newRow("both to") << "mailto:a@example.com?to=b@example.com" << true
                             << "a@example.com, b@example.com"
                             << ""
                             << ""
                             << ""
                             << "";
    QTest::newRow("chinese subject") << "mailto:user@example.org?subject=%E4%BD%A0%E5%A5%BD" << true
                                     << "user@example.org"
                                     << ""
                                     << ""
                                     << "你好"
                                     << "";
    QTest::newRow("idn address") << "mailto:user@%E7%A4%BA%E4%BE%8B.%E4%B8%AD%E5%9B%BD" << true
                                 << "user@示例.中国"
                                 << ""
                                 << ""
                                 << ""
                                 << "";
    QTest::newRow("subject line break flattened")
        << "mailto:a@example.com?subject=one%0D%0ABcc:%20evil@x.com" << true << "a@example.com"
        << ""
        << ""
        << "one  Bcc: evil@x.com"
        << "";
    QTest::newRow("unknown header ignored")
        << "mailto:a@example.com?X-Evil=1&Received=forged" << true << "a@example.com"
        << ""
        << ""
        << ""
        << "";
    QTest::newRow("upper case scheme") << "MAILTO:a@example.com" << true << "a@example.com"
                                       << ""
                                       << ""
                                       << ""
                                       << "";
    QTest::newRow("not mailto") << "https://example.com" << false << ""
                                << ""
                                << ""
                                << ""
                                << "";
    QTest::newRow("bad utf-8") << "mailto:a@example.com?subject=%FF%FE" << false << ""
                               << ""
                               << ""
                               << ""
                               << "";
}

void TestMailtoUri::parse()
{
    QFETCH(QString, uri);
    QFETCH(bool, valid);
    QString error;
    const std::optional<MailtoUri> parsed = MailtoUri::parse(uri, &error);
    QCOMPARE(parsed.has_value(), valid);
    if (!valid) {
        QVERIFY(!error.isEmpty());
        return;
    }
    QTEST(parsed->to, "to");
    QTEST(parsed->cc, "cc");
    QTEST(parsed->bcc, "bcc");
    QTEST(parsed->subject, "subject");
    QTEST(parsed->body, "body");
}

QTEST_GUILESS_MAIN(TestMailtoUri)
#include "testmailtouri.moc"
