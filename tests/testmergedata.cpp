#include "mergedata.h"
#include "mergetemplate.h"

#include <QStringEncoder>
#include <QTest>

// The data of a bulk run as Excel, WPS and LibreOffice save it, and the {{field}} templates over it.
class TestMergeData : public QObject
{
    Q_OBJECT
private slots:
    void readsWhatSpreadsheetsSave_data();
    void readsWhatSpreadsheetsSave();
    void badDataIsExplained_data();
    void badDataIsExplained();
    void templatesFillFieldsWithDefaults();
};

void TestMergeData::readsWhatSpreadsheetsSave_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QString>("delimiter");
    QTest::addColumn<QStringList>("columns");
    QTest::addColumn<QStringList>("lastRow");
    const QString text =
        QStringLiteral("工号,姓名,email\r\nE001,张伟,zhang@example.com\r\nE002,李娜,li@example.com\r\n");
    QStringEncoder gb18030("GB18030");
    const QStringList columns{QStringLiteral("工号"), QStringLiteral("姓名"), QStringLiteral("email")};
    const QStringList last{QStringLiteral("E002"), QStringLiteral("李娜"), QStringLiteral("li@example.com")};
    QTest::newRow("Excel CSV UTF-8 (BOM)") << ("\xEF\xBB\xBF" + text.toUtf8()) << "UTF-8"
                                           << "," << columns << last;
    QTest::newRow("UTF-8 without BOM") << text.toUtf8() << "UTF-8"
                                       << "," << columns << last;
    QTest::newRow("Excel/WPS in China: GB18030, no BOM") << QByteArray(gb18030.encode(text)) << "GB18030"
                                                         << "," << columns << last;
    QString semicolons = text;
    semicolons.replace(u',', u';');
    QTest::newRow("semicolons (European Excel)") << semicolons.toUtf8() << "UTF-8"
                                                 << ";" << columns << last;
    QString tabs = text;
    tabs.replace(u',', u'\t');
    QTest::newRow("tabs, LF only") << tabs.remove(u'\r').toUtf8() << "UTF-8"
                                   << "\t" << columns << last;
    QTest::newRow("quotes, doubled quotes, line break and delimiter inside")
        << QByteArray("name,email,note\n\"Wang, Fang\",wang@example.com,\"said \"\"hi\"\"\nthen left\"\n")
        << "UTF-8"
        << "," << QStringList{QStringLiteral("name"), QStringLiteral("email"), QStringLiteral("note")}
        << QStringList{QStringLiteral("Wang, Fang"), QStringLiteral("wang@example.com"),
                       QStringLiteral("said \"hi\"\nthen left")};
    QTest::newRow("trailing empty cells dropped by Excel, blank lines")
        << QByteArray("a,b,c\n\n1,2\n") << "UTF-8"
        << "," << QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}
        << QStringList{QStringLiteral("1"), QStringLiteral("2"), QString()};
}

void TestMergeData::readsWhatSpreadsheetsSave()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, encoding);
    QFETCH(QString, delimiter);
    QFETCH(QStringList, columns);
    QFETCH(QStringList, lastRow);
    QString error;
    const std::optional<MergeTable> table = MergeData::parseCsv(bytes, {}, &error);
    QVERIFY2(table, qPrintable(error));
    QCOMPARE(table->encoding, encoding);
    QCOMPARE(QString(table->delimiter), delimiter);
    QCOMPARE(table->columns, columns);
    QCOMPARE(table->rows.last(), lastRow);
}

void TestMergeData::badDataIsExplained_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QByteArray() << QString() << "no rows";
    QTest::newRow("unclosed quote") << QByteArray("a,b\n\"x,y\n") << QString() << "not closed";
    QTest::newRow("a column without a name") << QByteArray("a,,c\n1,2,3\n") << QString() << "has no name";
    QTest::newRow("a column twice") << QByteArray("email,Email\nx,y\n") << QString() << "appears twice";
    QTest::newRow("too many fields") << QByteArray("a,b\n1,2,3\n") << QString() << "has 3 fields";
    QTest::newRow("GB18030 read as UTF-8 on request")
        << QByteArray("\xd5\xc5\xce\xb0,x\n") << QStringLiteral("UTF-8") << "not valid UTF-8";
    QTest::newRow("unknown encoding")
        << QByteArray("a\n1\n") << QStringLiteral("EBCDIC-KLINGON") << "Unknown encoding";
}

void TestMergeData::badDataIsExplained()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, encoding);
    QFETCH(QString, expected);
    MergeData::Options options;
    options.encoding = encoding;
    QString error;
    QVERIFY(!MergeData::parseCsv(bytes, options, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
}

void TestMergeData::templatesFillFieldsWithDefaults()
{
    QString error;
    const std::optional<MergeTable> table = MergeData::parseCsv(
        QStringLiteral("工号,姓名,Email\nE001,张伟,zhang@example.com\nE002,,li@example.com\n").toUtf8(), {},
        &error);
    QVERIFY(table);
    const MergeTemplate greeting(
        QStringLiteral("{{姓名|客户}}，您好！工号 {{ 工号 }}，发往 {{email}}。{{部门}}"));
    QCOMPARE(greeting.fields(), (QStringList{QStringLiteral("姓名"), QStringLiteral("工号"),
                                             QStringLiteral("email"), QStringLiteral("部门")}));
    QCOMPARE(greeting.unknownFields(*table), QStringList{QStringLiteral("部门")});
    QCOMPARE(greeting.render(*table, 0), QStringLiteral("张伟，您好！工号 E001，发往 zhang@example.com。"));
    QCOMPARE(greeting.render(*table, 1), QStringLiteral("客户，您好！工号 E002，发往 li@example.com。"));
    QCOMPARE(MergeTemplate(QStringLiteral("no fields {here}")).render(*table, 0),
             QStringLiteral("no fields {here}"));
}

QTEST_GUILESS_MAIN(TestMergeData)
#include "testmergedata.moc"
