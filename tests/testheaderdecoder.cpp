#include "headerdecoder.h"
#include "headerencoder.h"

#include <QTest>

// Decoding what arrives: RFC 2047 encoded-words (B and Q, several charsets), folding, raw UTF-8, and
// broken input left readable rather than lost. Round trips through our own encoder too.
class TestHeaderDecoder : public QObject
{
    Q_OBJECT
private slots:
    void decode_data();
    void decode();
    void roundTrip_data();
    void roundTrip();
    void fields();
    void fieldsAreBounded();
};

void TestHeaderDecoder::decode_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << QByteArray("Hello world") << "Hello world";
    QTest::newRow("B utf-8") << QByteArray("=?UTF-8?B?5rWL6K+V?=") << "测试";
    QTest::newRow("Q utf-8") << QByteArray("=?utf-8?Q?caf=C3=A9_au_lait?=") << "café au lait";
    QTest::newRow("adjacent words join") << QByteArray("=?UTF-8?B?5rWL?= =?UTF-8?B?6K+V?=") << "测试";
    QTest::newRow("text between words stays")
        << QByteArray("=?UTF-8?B?5rWL?= and =?UTF-8?B?6K+V?=") << "测 and 试";
    QTest::newRow("latin1") << QByteArray("=?ISO-8859-1?Q?Andr=E9?=") << "André";
    QTest::newRow("gb2312") << QByteArray("=?GB2312?B?suLK1A==?=") << "测试";
    QTest::newRow("language suffix") << QByteArray("=?UTF-8*zh?B?5rWL6K+V?=") << "测试";
    QTest::newRow("unknown charset kept") << QByteArray("=?X-NOPE?B?5rWL?=") << "=?X-NOPE?B?5rWL?=";
    QTest::newRow("bad base64 kept") << QByteArray("=?UTF-8?B?***?=") << "=?UTF-8?B?***?=";
    QTest::newRow("raw utf-8") << QByteArray("直接的 UTF-8") << "直接的 UTF-8";
    QTest::newRow("truncated Q escape") << QByteArray("=?UTF-8?Q?a=4?=") << "a=4";
}

void TestHeaderDecoder::decode()
{
    QFETCH(QByteArray, raw);
    QFETCH(QString, expected);
    QCOMPARE(HeaderDecoder::decode(raw), expected);
}

void TestHeaderDecoder::roundTrip_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("chinese") << QStringLiteral("季度报告：请查收附件");
    QTest::newRow("emoji") << QStringLiteral("Party 🎉🎂 tonight");
    QTest::newRow("long mixed")
        << QStringLiteral("Ein sehr langer Betreff mit Umlauten äöü und 中文字符 ").repeated(4);
    QTest::newRow("rtl") << QStringLiteral("مرحبا بالعالم");
}

void TestHeaderDecoder::roundTrip()
{
    QFETCH(QString, value);
    const QByteArray encoded = HeaderEncoder::unstructured("Subject", value);
    const QList<HeaderDecoder::Field> fields = HeaderDecoder::fields(encoded + "\r\n\r\n");
    QCOMPARE(fields.size(), 1);
    QCOMPARE(fields.first().first, QByteArray("Subject"));
    QCOMPARE(fields.first().second, value);
}

void TestHeaderDecoder::fields()
{
    const QByteArray raw = "Received: from a\r\n\tby b; Sun, 22 Nov 2026\r\n"
                           "From: =?UTF-8?B?5rWL6K+V6ICF?= <t@example.com>\r\n"
                           "not a header line\r\n"
                           "Subject: one\r\n two\r\n"
                           "\r\n"
                           "Body: not a header\r\n";
    const QList<HeaderDecoder::Field> fields = HeaderDecoder::fields(raw);
    QCOMPARE(fields.size(), 3);
    QCOMPARE(fields.at(0).second, QStringLiteral("from a\tby b; Sun, 22 Nov 2026"));
    QCOMPARE(HeaderDecoder::value(fields, "from"), QStringLiteral("测试者 <t@example.com>"));
    QCOMPARE(HeaderDecoder::value(fields, "Subject"), QStringLiteral("one two"));
    QVERIFY(HeaderDecoder::value(fields, "Body").isEmpty());
}

void TestHeaderDecoder::fieldsAreBounded()
{
    QByteArray raw;
    for (int i = 0; i < 5000; ++i)
        raw += "X-Spam: " + QByteArray::number(i) + "\r\n";
    QCOMPARE(HeaderDecoder::fields(raw, 100).size(), 100);
    QCOMPARE(HeaderDecoder::fields(raw).size(), 1000);
}

QTEST_GUILESS_MAIN(TestHeaderDecoder)
#include "testheaderdecoder.moc"
