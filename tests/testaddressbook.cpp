#include "addressbook.h"
#include "addressparser.h"

#include <QTemporaryDir>
#include <QTest>

// Completion data: what was used is offered again, ranked by use, matched on name words and address,
// names with separators quoted so the completion can be inserted into a list as it is.
class TestAddressBook : public QObject
{
    Q_OBJECT
private slots:
    void completions_data();
    void completions();
    void persistsAndRanks();
    void refusedForGoodIsNotOffered_data();
    void refusedForGoodIsNotOffered();
};

void TestAddressBook::completions_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("address start") << "ali"
                                   << QStringList{QStringLiteral("Alice Liddell <alice@example.com>")};
    QTest::newRow("surname") << "lidd" << QStringList{QStringLiteral("Alice Liddell <alice@example.com>")};
    QTest::newRow("chinese name") << "张" << QStringList{QStringLiteral("张伟 <zhang@example.cn>")};
    QTest::newRow("quoted name") << "smith"
                                 << QStringList{QStringLiteral("\"Smith, John\" <john@example.org>")};
    QTest::newRow("case") << "BOB" << QStringList{QStringLiteral("bob@example.com")};
    QTest::newRow("none") << "zzz" << QStringList{};
    QTest::newRow("empty") << "  " << QStringList{};
}

void TestAddressBook::completions()
{
    QFETCH(QString, prefix);
    QFETCH(QStringList, expected);
    QTemporaryDir dir;
    AddressBook book(dir.filePath(QStringLiteral("addresses.json")));
    AddressParser::Error error;
    book.remember(AddressParser::parseList(
        QStringLiteral("Alice Liddell <alice@example.com>, bob@example.com; "
                       "张伟 <zhang@example.cn>, \"Smith, John\" <john@example.org>"),
        &error));
    QCOMPARE(book.completions(prefix), expected);
}

void TestAddressBook::persistsAndRanks()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("addresses.json"));
    {
        AddressBook book(path);
        AddressParser::Error error;
        book.remember(AddressParser::parseList(QStringLiteral("anna@example.com"), &error));
        book.remember(AddressParser::parseList(
            QStringLiteral("Andrew <andrew@example.com>, andrew@example.com"), &error));
        QVERIFY(book.save());
    }
    AddressBook reloaded(path);
    // Used twice first; the same address keeps one entry with the latest name.
    QCOMPARE(reloaded.completions(QStringLiteral("an")),
             (QStringList{QStringLiteral("andrew@example.com"), QStringLiteral("anna@example.com")}));
}

void TestAddressBook::refusedForGoodIsNotOffered_data()
{
    QTest::addColumn<QStringList>("refused");
    QTest::addColumn<QStringList>("refusedPermanently");
    QTest::addColumn<QStringList>("offered"); // for "a"
    const QString amy = QStringLiteral("amy@example.com");
    const QString ann = QStringLiteral("ann@example.com");
    const QString alex = QStringLiteral("Alex <alex@example.com>");
    QTest::newRow("all accepted") << QStringList{} << QStringList{} << QStringList{alex, amy, ann};
    // 550 user unknown: not remembered, and the earlier entry for it is gone too.
    QTest::newRow("550 for a known address")
        << QStringList{ann} << QStringList{ann} << QStringList{alex, amy};
    // 450 mailbox busy: not counted as used this time, but still offered.
    QTest::newRow("450 temporary") << QStringList{ann} << QStringList{} << QStringList{alex, amy, ann};
    QTest::newRow("case of the refusal")
        << QStringList{QStringLiteral("ANN@example.com")} << QStringList{QStringLiteral("ANN@example.com")}
        << QStringList{alex, amy};
}

void TestAddressBook::refusedForGoodIsNotOffered()
{
    QFETCH(QStringList, refused);
    QFETCH(QStringList, refusedPermanently);
    QFETCH(QStringList, offered);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("addresses.json"));
    AddressParser::Error error;
    {
        AddressBook book(path);
        book.remember(
            AddressParser::parseList(QStringLiteral("ann@example.com, Alex <alex@example.com>"), &error));
        book.recordSend(AddressParser::parseList(QStringLiteral("amy@example.com, ann@example.com, "
                                                                "Alex <alex@example.com>"),
                                                 &error),
                        refused, refusedPermanently);
        QVERIFY(book.save());
    }
    QStringList completions = AddressBook(path).completions(QStringLiteral("a"));
    completions.sort();
    QCOMPARE(completions, offered);
}

QTEST_GUILESS_MAIN(TestAddressBook)
#include "testaddressbook.moc"
