#include "mergedata.h"
#include "mergetemplate.h"
#include "xlsxreader.h"

#include <QFile>

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
    void readsWorkbooks_data();
    void readsWorkbooks();
    void badWorkbooksAreExplained_data();
    void badWorkbooksAreExplained();
    void workbookLimits();
    void numbersShowAsInTheSpreadsheet_data();
    void numbersShowAsInTheSpreadsheet();
};

namespace {
QString fixture(const char *name)
{
    return QStringLiteral(SENDSCOPE_SOURCE_DIR "/tests/data/merge/") + QString::fromUtf8(name);
}

QStringList texts(std::initializer_list<const char *> items)
{
    QStringList list;
    for (const char *item : items)
        list << QString::fromUtf8(item);
    return list;
}
} // namespace

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

    // A rich editor writes a column named "R&D <x>" escaped inside the placeholder; the HTML template
    // still finds the column, and the value goes in escaped.
    const std::optional<MergeTable> escaped =
        MergeData::parseCsv(QStringLiteral("\"R&D <x>\",姓名\n<b>A&B</b>,张伟\n").toUtf8(), {}, &error);
    QVERIFY2(escaped, qPrintable(error));
    const MergeTemplate html(QStringLiteral("<p>{{R&amp;D &lt;x&gt;}} {{姓名}}</p>"),
                             MergeTemplate::Syntax::Html);
    QCOMPARE(html.fields(), (QStringList{QStringLiteral("R&D <x>"), QStringLiteral("姓名")}));
    QVERIFY(html.unknownFields(*escaped).isEmpty());
    QCOMPARE(html.renderHtml(*escaped, 0), QStringLiteral("<p>&lt;b&gt;A&amp;B&lt;/b&gt; 张伟</p>"));
    // In a plain text template the same characters are the name as written.
    QCOMPARE(MergeTemplate(QStringLiteral("{{R&amp;D}}")).fields(), QStringList{QStringLiteral("R&amp;D")});
}

void TestMergeData::readsWorkbooks_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("sheet");
    QTest::addColumn<QString>("expectedSheet");
    QTest::addColumn<QStringList>("columns");
    QTest::addColumn<QList<QStringList>>("rows");
    const QStringList columns{QStringLiteral("工号"),     QStringLiteral("姓名"), QStringLiteral("email"),
                              QStringLiteral("入职日期"), QStringLiteral("工资"), QStringLiteral("在职")};
    QTest::newRow("LibreOffice: text IDs, dates, numbers, booleans")
        << fixture("libreoffice.xlsx") << QString() << "libreoffice" << columns
        << QList<QStringList>{
               texts({"00123", "张伟", "zhang@example.com", "2024-11-30", "8500", "TRUE"}),
               texts({"00456", "李娜", "li@example.com", "2023-01-05", "1234.5", "FALSE"}),
               texts({"00789", "王芳", "wang@example.com", "2019-07-15", "12000.75", "TRUE"}),
           };
    QTest::newRow("LibreOffice, sheet by name")
        << fixture("libreoffice.xlsx") << "libreoffice"
        << "libreoffice" << columns
        << QList<QStringList>{
               texts({"00123", "张伟", "zhang@example.com", "2024-11-30", "8500", "TRUE"}),
               texts({"00456", "李娜", "li@example.com", "2023-01-05", "1234.5", "FALSE"}),
               texts({"00789", "王芳", "wang@example.com", "2019-07-15", "12000.75", "TRUE"}),
           };
    // The first visible sheet; the table starts at B3, row 5 is empty, row 6's cells have no r="".
    QTest::newRow("Excel layout: shared, rich and inline strings, gaps, formats")
        << fixture("excel-style.xlsx") << QString() << "名单" << (columns + texts({"备注"}))
        << QList<QStringList>{
               texts(
                   {"00123", "张伟", "zhang@example.com", "2024-11-30", "8500", "TRUE", "第一行\r\n第二行"}),
               texts({"00042", "李娜", "li@example.com", "2023-01-05", "1234.5", "FALSE", "离职"}),
               texts({"7", "王芳", "wang@example.com", "2024-01-01 12:00", "0.3", "", ""}),
           };
    QTest::newRow("another sheet by name, part named by an absolute target")
        << fixture("excel-style.xlsx") << "notes"
        << "Notes" << texts({"项目"}) << QList<QStringList>{texts({"说明在此"})};
}

void TestMergeData::readsWorkbooks()
{
    QFETCH(QString, path);
    QFETCH(QString, sheet);
    QFETCH(QString, expectedSheet);
    QFETCH(QStringList, columns);
    QFETCH(QList<QStringList>, rows);
    MergeData::Options options;
    options.sheet = sheet;
    QString error;
    const std::optional<MergeTable> table = MergeData::readFile(path, options, &error);
    QVERIFY2(table, qPrintable(error));
    QCOMPARE(table->sheet, expectedSheet);
    QCOMPARE(table->columns, columns);
    QCOMPARE(table->rows, rows);
}

void TestMergeData::badWorkbooksAreExplained_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("sheet");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("expected");
    QFile excel(fixture("excel-style.xlsx"));
    QVERIFY(excel.open(QIODevice::ReadOnly));
    const QByteArray workbook = excel.readAll();
    QFile bomb(fixture("bomb.xlsx"));
    QVERIFY(bomb.open(QIODevice::ReadOnly));
    const QByteArray ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
    QTest::newRow("a CSV named .xlsx")
        << QByteArray("工号,姓名\n1,2\n") << QString() << int(XlsxReader::ErrorCode::NotZip) << "not a zip";
    QTest::newRow("password-protected (OLE with EncryptedPackage)")
        << (ole + QByteArray(500, '\0') + QByteArray("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32))
        << QString() << int(XlsxReader::ErrorCode::Encrypted) << "password";
    QTest::newRow("old .xls") << (ole + QByteArray(500, '\0')) << QString()
                              << int(XlsxReader::ErrorCode::NotZip) << ".xls";
    QTest::newRow("no such sheet, the others listed")
        << workbook << "Sheet9" << int(XlsxReader::ErrorCode::NoSuchSheet)
        << "no sheet \"Sheet9\"; its sheets are: Hidden, 名单, Notes, 空白, 无名列.";
    QTest::newRow("empty sheet") << workbook << "空白" << int(XlsxReader::ErrorCode::EmptySheet)
                                 << "is empty";
    QTest::newRow("zip bomb: 65 MiB from 64 KB")
        << bomb.readAll() << QString() << int(XlsxReader::ErrorCode::TooLarge) << "more than 64 MB";
}

void TestMergeData::badWorkbooksAreExplained()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, sheet);
    QFETCH(int, code);
    QFETCH(QString, expected);
    XlsxReader reader;
    XlsxReader::Error error;
    if (reader.open(bytes, &error))
        QVERIFY(!reader.readSheet(sheet, &error));
    QCOMPARE(int(error.code), code);
    QVERIFY2(error.message.contains(expected), qPrintable(error.message));
    // Through MergeData as well: an error, never a table.
    MergeData::Options options;
    options.sheet = sheet;
    QString message;
    QVERIFY(!MergeData::parseXlsx(bytes, options, &message));
    QCOMPARE(message, error.message);
}

void TestMergeData::workbookLimits()
{
    QFile file(fixture("excel-style.xlsx"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    XlsxReader reader;
    reader.setLimits({1024 * 1024, 5});
    XlsxReader::Error error;
    QVERIFY(reader.open(bytes, &error));
    QCOMPARE(reader.sheetNames(), texts({"Hidden", "名单", "Notes", "空白", "无名列"}));
    QVERIFY(!reader.readSheet(QString(), &error));
    QCOMPARE(error.code, XlsxReader::ErrorCode::TooLarge);
    QVERIFY2(error.message.contains(QStringLiteral("more than 5")), qPrintable(error.message));

    XlsxReader small;
    QVERIFY(small.open(bytes, &error));
    small.setLimits({200, 1000}); // the sheet part is larger
    QVERIFY(!small.readSheet(QStringLiteral("名单"), &error));
    QCOMPARE(error.code, XlsxReader::ErrorCode::TooLarge);

    QString message;
    MergeData::Options options;
    options.sheet = QStringLiteral("无名列");
    QVERIFY(!MergeData::parseXlsx(bytes, options, &message));
    QVERIFY2(message.contains(QStringLiteral("B2")) && message.contains(QStringLiteral("无名")),
             qPrintable(message));
    QCOMPARE(*MergeData::sheetNames(fixture("libreoffice.xlsx"), &message), texts({"libreoffice"}));
    // Which the workbook hides, for a window to list them after the others.
    const std::optional<QList<MergeData::Sheet>> sheets =
        MergeData::sheets(fixture("excel-style.xlsx"), &message);
    QVERIFY2(sheets, qPrintable(message));
    QCOMPARE(sheets->size(), 5);
    for (const MergeData::Sheet &sheet : *sheets)
        QCOMPARE(sheet.hidden, sheet.name == QStringLiteral("Hidden"));
}

void TestMergeData::numbersShowAsInTheSpreadsheet_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("format");
    QTest::addColumn<bool>("date1904");
    QTest::addColumn<QString>("expected");
    QTest::newRow("integer without .0") << 8500.0 << QString() << false << "8500";
    QTest::newRow("phone number") << 13800138000.0 << "General" << false << "13800138000";
    QTest::newRow("binary fraction") << 0.30000000000000004 << QString() << false << "0.3";
    QTest::newRow("negative") << -12.25 << QString() << false << "-12.25";
    QTest::newRow("zero-padded ID") << 123.0 << "00000" << false << "00123";
    QTest::newRow("amount") << 1234.5 << "#,##0.00" << false << "1,234.50";
    QTest::newRow("percent") << 0.125 << "0.0%" << false << "12.5%";
    QTest::newRow("ISO date") << 45626.0 << "yyyy\\-mm\\-dd" << false << "2024-11-30";
    QTest::newRow("Chinese date") << 44931.0 << "yyyy\"年\"m\"月\"d\"日\";@" << false << "2023-01-05";
    QTest::newRow("locale date") << 45292.0 << "[$-F800]dddd, mmmm dd, yyyy" << false << "2024-01-01";
    QTest::newRow("date and time") << 45292.75 << "m/d/yy h:mm" << false << "2024-01-01 18:00";
    QTest::newRow("time only") << 0.5208333333333334 << "h:mm:ss" << false << "12:30:00";
    QTest::newRow("before 1900-03-01 (Lotus bug)") << 59.0 << "yyyy-mm-dd" << false << "1900-02-28";
    QTest::newRow("1904 date system") << 0.0 << "yyyy-mm-dd" << true << "1904-01-01";
    QTest::newRow("colour and quoted text is no date") << 5.0 << "[Red]0\" days\"" << false << "5";
}

void TestMergeData::numbersShowAsInTheSpreadsheet()
{
    QFETCH(double, value);
    QFETCH(QString, format);
    QFETCH(bool, date1904);
    QFETCH(QString, expected);
    QCOMPARE(XlsxReader::formatNumber(value, format, date1904), expected);
}

QTEST_GUILESS_MAIN(TestMergeData)
#include "testmergedata.moc"
