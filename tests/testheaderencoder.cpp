#include "headerencoder.h"

#include <QTest>

// Encoded headers must fold within 78 octets and decode to exactly the input; the decoding here is a
// small RFC 2047 reader, the full proof against Python's email package is in testmimewriter.
class TestHeaderEncoder : public QObject
{
    Q_OBJECT
private slots:
    void unstructured_data();
    void unstructured();
    void phrase_data();
    void phrase();
    void parameter_data();
    void parameter();
};

namespace {
QString decodeWords(const QByteArray &folded)
{
    QString out;
    const QByteArray unfolded = QByteArray(folded).replace("\r\n ", " ");
    bool previousEncoded = false;
    for (const QByteArray &word : unfolded.split(' ')) {
        if (word.startsWith("=?UTF-8?") && word.endsWith("?=")) {
            const QByteArray payload = word.mid(10, word.size() - 12);
            QByteArray bytes;
            if (word.at(8) == 'B') {
                bytes = QByteArray::fromBase64(payload);
            } else {
                for (qsizetype i = 0; i < payload.size(); ++i) {
                    if (payload.at(i) == '_')
                        bytes += ' ';
                    else if (payload.at(i) == '=')
                        bytes += QByteArray::fromHex(payload.mid(++i, 2)), ++i;
                    else
                        bytes += payload.at(i);
                }
            }
            out += QString::fromUtf8(bytes); // adjacent encoded-words join without the space
            previousEncoded = true;
        } else {
            if (!out.isEmpty() || previousEncoded)
                out += u' ';
            out += QString::fromUtf8(word);
            previousEncoded = false;
        }
    }
    return out;
}
} // namespace

void TestHeaderEncoder::unstructured_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("encoded");
    QTest::newRow("ascii") << QStringLiteral("Quarterly report") << false;
    QTest::newRow("long ascii folds") << QStringLiteral("word ").repeated(40).trimmed() << false;
    QTest::newRow("chinese") << QStringLiteral(
                                    "关于下周会议安排和附件的说明，请各位查收并回复确认，谢谢大家的配合")
                             << true;
    QTest::newRow("emoji zwj") << QStringLiteral("👨‍👩‍👧‍👦 family 🏳️‍🌈") << true;
    QTest::newRow("latin accents") << QStringLiteral("Café déjà vu, naïve résumé") << true;
    QTest::newRow("looks like encoded word") << QStringLiteral("=?UTF-8?B?abc?=") << true;
    QTest::newRow("arabic") << QStringLiteral("مرحبا بالعالم").repeated(5) << true;
}

void TestHeaderEncoder::unstructured()
{
    QFETCH(QString, value);
    QFETCH(bool, encoded);
    const QByteArray header = HeaderEncoder::unstructured("Subject", value);
    QVERIFY(header.startsWith("Subject:"));
    for (const QByteArray &line : header.split('\n')) {
        QVERIFY2(line.size() <= 79, line.constData()); // 78 + the CR
        for (const char c : line)
            QVERIFY(static_cast<unsigned char>(c) < 0x80);
    }
    QCOMPARE(header.contains("=?UTF-8?"), encoded);
    QCOMPARE(decodeWords(header.mid(9)), value);
    for (const QByteArray &line : header.split('\n')) {
        for (const QByteArray &word : line.trimmed().split(' '))
            QVERIFY(!word.startsWith("=?") || word.size() <= 75);
    }
}

void TestHeaderEncoder::phrase_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("atom") << QStringLiteral("Alice Smith") << QByteArray("Alice Smith");
    QTest::newRow("comma quoted") << QStringLiteral("Smith, Alice") << QByteArray("\"Smith, Alice\"");
    QTest::newRow("quote escaped") << QStringLiteral("Mac \"Knife\"") << QByteArray("\"Mac \\\"Knife\\\"\"");
    QTest::newRow("dot quoted") << QStringLiteral("J. Doe") << QByteArray("\"J. Doe\"");
    QTest::newRow("chinese") << QStringLiteral("张三") << QByteArray("=?UTF-8?B?5byg5LiJ?=");
}

void TestHeaderEncoder::phrase()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, expected);
    QCOMPARE(HeaderEncoder::phrase(name), expected);
}

void TestHeaderEncoder::parameter_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << QStringLiteral("report.pdf") << QByteArray(";\r\n filename=\"report.pdf\"");
    QTest::newRow("chinese") << QStringLiteral("报告.pdf")
                             << QByteArray(";\r\n filename*=utf-8''%E6%8A%A5%E5%91%8A.pdf");
    QTest::newRow("space") << QStringLiteral("my report.pdf")
                           << QByteArray(";\r\n filename=\"my report.pdf\"");
}

void TestHeaderEncoder::parameter()
{
    QFETCH(QString, value);
    QFETCH(QByteArray, expected);
    QCOMPARE(HeaderEncoder::parameter("filename", value), expected);
    // A 200-character name is split into numbered sections that keep each line short.
    const QByteArray longName = HeaderEncoder::parameter("filename", QString(200, QChar(0x6587)));
    QVERIFY(longName.contains("filename*0*=utf-8''"));
    QVERIFY(longName.contains("filename*1*="));
    for (const QByteArray &line : longName.split('\n'))
        QVERIFY(line.size() <= 79);
}

QTEST_GUILESS_MAIN(TestHeaderEncoder)
#include "testheaderencoder.moc"
