#include "addressparser.h"

#include <QTest>

class TestAddressParser : public QObject
{
    Q_OBJECT
private slots:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
};

Q_DECLARE_METATYPE(AddressParser::ErrorCode)

void TestAddressParser::valid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QStringList>("addresses");
    QTest::newRow("bare") << QStringLiteral("alice@example.com") << QStringList{QString()}
                          << QStringList{QStringLiteral("alice@example.com")};
    QTest::newRow("name") << QStringLiteral("Alice Smith <alice@example.com>")
                          << QStringList{QStringLiteral("Alice Smith")}
                          << QStringList{QStringLiteral("alice@example.com")};
    QTest::newRow("quoted with comma")
        << QStringLiteral("\"Smith, Alice\" <alice@example.com>, bob@example.com")
        << QStringList{QStringLiteral("Smith, Alice"), QString()}
        << QStringList{QStringLiteral("alice@example.com"), QStringLiteral("bob@example.com")};
    QTest::newRow("semicolons") << QStringLiteral("a@x.org; b@y.org ;c@z.org")
                                << QStringList{QString(), QString(), QString()}
                                << QStringList{QStringLiteral("a@x.org"), QStringLiteral("b@y.org"),
                                               QStringLiteral("c@z.org")};
    QTest::newRow("comment") << QStringLiteral("alice@example.com (work)") << QStringList{QString()}
                             << QStringList{QStringLiteral("alice@example.com")};
    QTest::newRow("escaped quote") << QStringLiteral("\"Mac \\\"The Knife\\\"\" <mac@example.com>")
                                   << QStringList{QStringLiteral("Mac \"The Knife\"")}
                                   << QStringList{QStringLiteral("mac@example.com")};
    QTest::newRow("chinese") << QStringLiteral("张三 <zhangsan@例子.中国>")
                             << QStringList{QStringLiteral("张三")}
                             << QStringList{QStringLiteral("zhangsan@例子.中国")};
    QTest::newRow("utf8 local part") << QStringLiteral("用户@例子.广告") << QStringList{QString()}
                                     << QStringList{QStringLiteral("用户@例子.广告")};
    QTest::newRow("plus and dots") << QStringLiteral("first.last+tag@sub.example.co.uk")
                                   << QStringList{QString()}
                                   << QStringList{QStringLiteral("first.last+tag@sub.example.co.uk")};
    QTest::newRow("trailing comma") << QStringLiteral("a@x.org, ") << QStringList{QString()}
                                    << QStringList{QStringLiteral("a@x.org")};
    QTest::newRow("address literal") << QStringLiteral("root@[192.0.2.1]") << QStringList{QString()}
                                     << QStringList{QStringLiteral("root@[192.0.2.1]")};
}

void TestAddressParser::valid()
{
    QFETCH(QString, input);
    QFETCH(QStringList, names);
    QFETCH(QStringList, addresses);
    AddressParser::Error error;
    const QList<MailAddress> list = AddressParser::parseList(input, &error);
    QVERIFY2(error.code == AddressParser::ErrorCode::None, qPrintable(error.message));
    QCOMPARE(list.size(), addresses.size());
    for (qsizetype i = 0; i < list.size(); ++i) {
        QCOMPARE(list.at(i).displayName(), names.at(i));
        QCOMPARE(list.at(i).address(), addresses.at(i));
    }
}

void TestAddressParser::invalid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<AddressParser::ErrorCode>("code");
    QTest::addColumn<int>("position");
    using E = AddressParser::ErrorCode;
    QTest::newRow("empty") << QString() << E::Empty << 0;
    QTest::newRow("missing at") << QStringLiteral("alice.example.com") << E::MissingAt << 17;
    QTest::newRow("missing at second") << QStringLiteral("a@x.org, bob") << E::MissingAt << 12;
    QTest::newRow("empty local") << QStringLiteral("@example.com") << E::EmptyLocalPart << 0;
    QTest::newRow("empty domain") << QStringLiteral("alice@") << E::EmptyDomain << 6;
    QTest::newRow("space in address") << QStringLiteral("ali ce@example.com") << E::InvalidCharacter << 3;
    QTest::newRow("bad char") << QStringLiteral("ali[ce@example.com") << E::InvalidCharacter << 3;
    QTest::newRow("double dot") << QStringLiteral("a..b@example.com") << E::InvalidCharacter << 2;
    QTest::newRow("empty label") << QStringLiteral("a@example..com") << E::BadDomain << 10;
    QTest::newRow("hyphen label") << QStringLiteral("a@-example.com") << E::BadDomain << 2;
    QTest::newRow("bad domain char") << QStringLiteral("a@exa_mple.com") << E::InvalidCharacter << 5;
    QTest::newRow("unclosed angle") << QStringLiteral("Alice <alice@example.com") << E::UnterminatedAngle
                                    << 6;
    QTest::newRow("unclosed quote") << QStringLiteral("\"Alice <alice@example.com>") << E::UnterminatedQuote
                                    << 0;
    QTest::newRow("unclosed comment")
        << QStringLiteral("alice@example.com (work") << E::UnterminatedComment << 18;
    QTest::newRow("text after angle") << QStringLiteral("A <a@example.com> x") << E::InvalidCharacter << 18;
    QTest::newRow("local too long") << QString(65, u'a') + QStringLiteral("@example.com")
                                    << E::LocalPartTooLong << 0;
    QTest::newRow("header injection")
        << QStringLiteral("a@example.com\r\nBcc: x@y.z") << E::ForbiddenControl << 13;
    QTest::newRow("nul") << QStringLiteral("a@exa") + QChar(0) + QStringLiteral("mple.com")
                         << E::ForbiddenControl << 5;
}

void TestAddressParser::invalid()
{
    QFETCH(QString, input);
    QFETCH(AddressParser::ErrorCode, code);
    QFETCH(int, position);
    AddressParser::Error error;
    QVERIFY(AddressParser::parseList(input, &error).isEmpty());
    QCOMPARE(error.code, code);
    QCOMPARE(error.position, qsizetype(position));
    QVERIFY(!error.message.isEmpty());
}

QTEST_GUILESS_MAIN(TestAddressParser)
#include "testaddressparser.moc"
