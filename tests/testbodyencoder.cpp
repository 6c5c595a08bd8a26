#include "bodyencoder.h"

#include <QTest>

// BodyEncoder must give the same bytes however the input is cut into chunks, because the session feeds it
// whatever a 64 KiB read returns.
class TestBodyEncoder : public QObject
{
    Q_OBJECT
private slots:
    void encode_data();
    void encode();
    void everySplitPointGivesTheSameOutput_data();
    void everySplitPointGivesTheSameOutput();
    void largeInputIsLinear();
};

namespace {
QByteArray encodeWhole(BodyEncoder::Mode mode, const QByteArray &input)
{
    BodyEncoder encoder(mode);
    QByteArray out;
    encoder.encode(input, out);
    encoder.finish(out);
    return out;
}
} // namespace

void TestBodyEncoder::encode_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<qint64>("lines");
    const int data = static_cast<int>(BodyEncoder::Mode::Data);
    const int bdat = static_cast<int>(BodyEncoder::Mode::Bdat);

    QTest::newRow("empty data") << data << QByteArray() << QByteArray(".\r\n") << qint64(0);
    QTest::newRow("empty bdat") << bdat << QByteArray() << QByteArray() << qint64(0);
    QTest::newRow("crlf kept") << data << QByteArray("a\r\nb\r\n") << QByteArray("a\r\nb\r\n.\r\n")
                               << qint64(2);
    QTest::newRow("bare lf") << data << QByteArray("a\nb\n") << QByteArray("a\r\nb\r\n.\r\n") << qint64(2);
    QTest::newRow("bare cr") << data << QByteArray("a\rb\r") << QByteArray("a\r\nb\r\n.\r\n") << qint64(2);
    QTest::newRow("no final newline") << data << QByteArray("a") << QByteArray("a\r\n.\r\n") << qint64(1);
    QTest::newRow("dot at start") << data << QByteArray(".hidden\r\n") << QByteArray("..hidden\r\n.\r\n")
                                  << qint64(1);
    QTest::newRow("lone dot line") << data << QByteArray("a\r\n.\r\nb\r\n")
                                   << QByteArray("a\r\n..\r\nb\r\n.\r\n") << qint64(3);
    QTest::newRow("dot mid line untouched")
        << data << QByteArray("a.b\r\n") << QByteArray("a.b\r\n.\r\n") << qint64(1);
    QTest::newRow("dots after lf") << data << QByteArray("x\n..\n") << QByteArray("x\r\n...\r\n.\r\n")
                                   << qint64(2);
    QTest::newRow("bdat no stuffing")
        << bdat << QByteArray(".a\n.\n") << QByteArray(".a\r\n.\r\n") << qint64(2);
    QTest::newRow("empty lines") << data << QByteArray("\n\n") << QByteArray("\r\n\r\n.\r\n") << qint64(2);
    QTest::newRow("utf8 untouched") << data << QByteArray("附件\r\n") << QByteArray("附件\r\n.\r\n")
                                    << qint64(1);
}

void TestBodyEncoder::encode()
{
    QFETCH(int, mode);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QFETCH(qint64, lines);
    BodyEncoder encoder(static_cast<BodyEncoder::Mode>(mode));
    QByteArray out;
    encoder.encode(input, out);
    encoder.finish(out);
    QCOMPARE(out, expected);
    QCOMPARE(encoder.inputLines(), lines);
}

void TestBodyEncoder::everySplitPointGivesTheSameOutput_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("mixed endings and dots") << QByteArray(".a\r\n.\r\rb\n\r\n..c\r.d\n.");
    QTest::newRow("crlf at every cut") << QByteArray("\r\n.\r\n.\r\n\r\n");
    QTest::newRow("long line") << QByteArray(300, 'x') + "\r\n." + QByteArray(10, 'y');
}

void TestBodyEncoder::everySplitPointGivesTheSameOutput()
{
    QFETCH(QByteArray, input);
    for (const auto mode : {BodyEncoder::Mode::Data, BodyEncoder::Mode::Bdat}) {
        const QByteArray expected = encodeWhole(mode, input);
        for (qsizetype cut = 0; cut <= input.size(); ++cut) {
            BodyEncoder encoder(mode);
            QByteArray out;
            encoder.encode(QByteArrayView(input).first(cut), out);
            encoder.encode(QByteArrayView(input).sliced(cut), out);
            encoder.finish(out);
            QVERIFY2(out == expected, qPrintable(QStringLiteral("cut at %1").arg(cut)));
        }
        // One byte at a time is the extreme case of a split.
        BodyEncoder encoder(mode);
        QByteArray out;
        for (const char c : std::as_const(input))
            encoder.encode(QByteArrayView(&c, 1), out);
        encoder.finish(out);
        QCOMPARE(out, expected);
    }
}

void TestBodyEncoder::largeInputIsLinear()
{
    // 8 MiB of short lines, many starting with a dot: the output must be exact, and its size predictable.
    QByteArray line(".0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789\r\n");
    QByteArray input;
    input.reserve(8 * 1024 * 1024);
    while (input.size() + line.size() <= 8 * 1024 * 1024)
        input += line;
    const qsizetype lineCount = input.size() / line.size();
    BodyEncoder encoder(BodyEncoder::Mode::Data);
    QByteArray out;
    for (qsizetype offset = 0; offset < input.size(); offset += 65536)
        encoder.encode(
            QByteArrayView(input).sliced(offset, std::min<qsizetype>(65536, input.size() - offset)), out);
    encoder.finish(out);
    QCOMPARE(out.size(), input.size() + lineCount + 3);
    QCOMPARE(encoder.inputLines(), qint64(lineCount));
}

QTEST_GUILESS_MAIN(TestBodyEncoder)
#include "testbodyencoder.moc"
