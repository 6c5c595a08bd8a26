#include "bccstrippingdevice.h"
#include "bodyencoder.h"
#include "messagesource.h"

#include <QBuffer>
#include <QRandomGenerator>
#include <QTemporaryFile>
#include <QTest>

class TestMessageSource : public QObject
{
    Q_OBJECT
private slots:
    void bccIsStrippedAcrossChunks();
    void scan_data();
    void scan();
    void scanMatchesTheDefinition();
    void scanCountsWhatTheEncoderWrites_data();
    void scanCountsWhatTheEncoderWrites();
    void fromFileReadsAndRewinds();
    void missingFileIsAClearError();
    void sequentialDeviceIsRefused();
};

void TestMessageSource::scan_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<qint64>("canonicalSize");
    QTest::addColumn<qint64>("longestLine");
    QTest::addColumn<bool>("eightBit");
    QTest::addColumn<bool>("headersNonAscii");
    QTest::addColumn<bool>("nul");

    QTest::newRow("crlf ascii") << QByteArray("Subject: a\r\n\r\nbody\r\n") << qint64(20) << qint64(10)
                                << false << false << false;
    QTest::newRow("lf becomes crlf") << QByteArray("Subject: a\n\nbody\n") << qint64(20) << qint64(10)
                                     << false << false << false;
    QTest::newRow("final crlf added")
        << QByteArray("Subject: a\r\n\r\nbody") << qint64(20) << qint64(10) << false << false << false;
    QTest::newRow("8bit body only") << QByteArray("Subject: a\r\n\r\n中文\r\n") << qint64(22) << qint64(10)
                                    << true << false << false;
    QTest::newRow("utf8 header") << QByteArray("Subject: 中文\r\n\r\nx\r\n") << qint64(22) << qint64(15)
                                 << true << true << false;
    QTest::newRow("nul") << QByteArray("a\r\n\r\nb\0c\r\n", 10) << qint64(10) << qint64(3) << false << false
                         << true;
    QTest::newRow("long line") << QByteArray(2000, 'x') << qint64(2002) << qint64(2000) << false << false
                               << false;
}

void TestMessageSource::scan()
{
    QFETCH(QByteArray, input);
    QFETCH(qint64, canonicalSize);
    QFETCH(qint64, longestLine);
    QFETCH(bool, eightBit);
    QFETCH(bool, headersNonAscii);
    QFETCH(bool, nul);
    const auto source = MessageSource::fromData(input);
    QVERIFY(source);
    QCOMPARE(source->size(), canonicalSize);
    QCOMPARE(source->scan().longestLine, longestLine);
    QCOMPARE(source->scan().hasEightBit, eightBit);
    QCOMPARE(source->scan().headersNonAscii, headersNonAscii);
    QCOMPARE(source->scan().hasNul, nul);
    QCOMPARE(source->device()->pos(), qint64(0));
}

namespace {
// The scan's definition, one octet at a time: every CR, and every LF not right after a CR, ends a line; a
// last line without an ending gets one; the header section ends at the first empty line.
MessageSource::Scan referenceScan(const QByteArray &input)
{
    MessageSource::Scan scan;
    qint64 line = 0;
    qint64 crs = 0;
    qint64 lfs = 0;
    qint64 crlfs = 0;
    bool inHeaders = true;
    bool lastWasLf = true;
    for (qsizetype i = 0; i < input.size(); ++i) {
        const auto byte = static_cast<unsigned char>(input.at(i));
        if (byte == '\n' || byte == '\r') {
            if (byte == '\n') {
                ++lfs;
                if (i > 0 && input.at(i - 1) == '\r')
                    ++crlfs;
                if (inHeaders && lastWasLf)
                    inHeaders = false;
                lastWasLf = true;
            } else {
                ++crs;
            }
            scan.longestLine = std::max(scan.longestLine, line);
            line = 0;
            continue;
        }
        lastWasLf = false;
        ++line;
        if (byte >= 0x80) {
            scan.hasEightBit = true;
            scan.headersNonAscii = scan.headersNonAscii || inHeaders;
        } else if (byte == 0) {
            scan.hasNul = true;
        }
    }
    scan.longestLine = std::max(scan.longestLine, line);
    const bool unterminated = !input.isEmpty() && input.back() != '\n' && input.back() != '\r';
    scan.lineCount = crs + lfs - crlfs + (unterminated ? 1 : 0);
    scan.canonicalSize = input.size() - crs - lfs + 2 * scan.lineCount;
    return scan;
}
} // namespace

void TestMessageSource::scanMatchesTheDefinition()
{
    // The scan counts sixteen octets at a time; random messages, with line endings, NULs and 8-bit octets
    // at every offset of a block and across the 256 KiB read chunks, must give what the definition gives.
    QRandomGenerator random(20261130);
    const QByteArray alphabet("ab .\r\n\r\n\0\xc3\xa4xyz", 14);
    for (int round = 0; round < 400; ++round) {
        const qsizetype length = round < 390 ? random.bounded(0, 700) : random.bounded(300000, 700000);
        QByteArray input(length, Qt::Uninitialized);
        const bool sparse = round % 3 == 0; // long runs without line endings, as in real text
        for (qsizetype i = 0; i < length; ++i) {
            input[i] = sparse && random.bounded(40) != 0 ? 'w' : alphabet.at(random.bounded(alphabet.size()));
        }
        if (round % 4 == 0)
            input.prepend("Subject: \xe4\r\n\r\n");
        const MessageSource::Scan expected = referenceScan(input);
        const auto source = MessageSource::fromData(input);
        QVERIFY(source);
        const MessageSource::Scan &scan = source->scan();
        const QByteArray where = "round " + QByteArray::number(round);
        QVERIFY2(scan.canonicalSize == expected.canonicalSize, where);
        QVERIFY2(scan.lineCount == expected.lineCount, where);
        QVERIFY2(scan.longestLine == expected.longestLine, where);
        QVERIFY2(scan.hasEightBit == expected.hasEightBit, where);
        QVERIFY2(scan.hasNul == expected.hasNul, where);
        QVERIFY2(scan.headersNonAscii == expected.headersNonAscii, where);
        QVERIFY2(scan.canonical == (expected.canonicalSize == input.size()), where);
    }
}

void TestMessageSource::scanCountsWhatTheEncoderWrites_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("crlf") << QByteArray("a\r\n\r\nb\r\n");
    QTest::newRow("bare lf and cr") << QByteArray("a\nb\rc\r\n\n\r\r\n");
    QTest::newRow("ends with cr") << QByteArray("a\r\n\r\nb\r");
    QTest::newRow("no final newline") << QByteArray("a\r\n\r\nb");
    QTest::newRow("only line endings") << QByteArray("\r\r\n\n\r");
    // The scan reads 256 KiB at a time: a CRLF, a bare CR and a bare LF cut by a chunk boundary.
    const QByteArray line = QByteArray(76, 'x') + "\r\n";
    const QByteArray filler = line.repeated(3360) + QByteArray(262144 - 3360 * 78 - 1, 'y');
    QTest::newRow("crlf across chunks") << filler + "\r\nend\r\n";
    QTest::newRow("cr across chunks") << filler + "\rend\r\n";
    QTest::newRow("lf across chunks") << filler + "y\nend\n";
}

void TestMessageSource::scanCountsWhatTheEncoderWrites()
{
    QFETCH(QByteArray, input);
    BodyEncoder encoder(BodyEncoder::Mode::Bdat);
    QByteArray encoded;
    encoder.encode(input, encoded);
    encoder.finish(encoded);
    const auto source = MessageSource::fromData(input);
    QVERIFY(source);
    QCOMPARE(source->size(), encoded.size());
    QCOMPARE(source->scan().lineCount, encoder.inputLines());
    QCOMPARE(source->scan().canonical, encoded == input);
}

void TestMessageSource::fromFileReadsAndRewinds()
{
    QTemporaryFile file;
    QVERIFY(file.open());
    const QByteArray content = QByteArray("From: a@b.c\n\n").repeated(1) + QByteArray(200000, 'z');
    file.write(content);
    file.close();
    QString error;
    const auto source = MessageSource::fromFile(file.fileName(), &error);
    QVERIFY2(source, qPrintable(error));
    QCOMPARE(source->size(), content.size() + 2 + 2); // two LFs become CRLF, final CRLF added
    QCOMPARE(source->device()->readAll(), content);
    QVERIFY(source->rewind());
    QCOMPARE(source->device()->read(5), QByteArray("From:"));
}

void TestMessageSource::missingFileIsAClearError()
{
    QString error;
    const auto source = MessageSource::fromFile(QStringLiteral("/nonexistent/message.eml"), &error);
    QVERIFY(!source);
    QVERIFY2(error.contains(QStringLiteral("/nonexistent/message.eml")), qPrintable(error));
}

namespace {
class SequentialBuffer : public QBuffer
{
public:
    bool isSequential() const override { return true; }
};
} // namespace

void TestMessageSource::sequentialDeviceIsRefused()
{
    auto device = std::make_unique<SequentialBuffer>();
    device->setData("x");
    QVERIFY(device->open(QIODevice::ReadOnly));
    QString error;
    QVERIFY(!MessageSource::fromDevice(std::move(device), &error));
    QVERIFY(!error.isEmpty());
}

// The Bcc: filter streams in 64 KiB chunks: a field name, a folded line or the end of the header section
// that straddles two chunks, LF-only line endings, and seeking back all give the same bytes. The body is
// passed through without filtering: a body longer than a chunk, and seeking into it, give the same bytes.
void TestMessageSource::bccIsStrippedAcrossChunks()
{
    for (const int bodyLines : {0, 5000}) {
        QByteArray body = "Bcc: body@example.com\n";
        for (int line = 0; line < bodyLines; ++line)
            body += "line " + QByteArray::number(line) + " of a body longer than one chunk\n";
        for (const int pad : {65480, 65530, 65534, 65535, 65536}) {
            const QByteArray padding = "X-Pad: " + QByteArray(pad, 'p') + "\n";
            const QByteArray input = padding +
                                     "Bcc: one@example.com,\n two@example.com\nTo: b@example.com\n"
                                     "Resent-Bcc: three@example.com\n\n" +
                                     body;
            const QByteArray expected = padding + "To: b@example.com\n\n" + body;
            auto buffer = std::make_unique<QBuffer>();
            buffer->setData(input);
            QVERIFY(buffer->open(QIODevice::ReadOnly));
            auto device = std::make_unique<BccStrippingDevice>(std::move(buffer));
            QVERIFY(device->open(QIODevice::ReadOnly));
            QCOMPARE(device->strippedFields(), 2);
            QCOMPARE(device->size(), expected.size());
            QCOMPARE(device->readAll(), expected);
            QVERIFY(device->seek(pad));
            QCOMPARE(device->read(100), expected.mid(pad, 100));
            const qint64 inBody = expected.size() - 1000;
            QVERIFY(device->seek(inBody));
            QCOMPARE(device->readAll(), expected.mid(inBody));
            QVERIFY(device->seek(0));
            const std::unique_ptr<MessageSource> source =
                MessageSource::fromDevice(std::move(device), nullptr);
            QVERIFY(source);
            QCOMPARE(source->size(), expected.size() + expected.count('\n')); // every LF becomes CRLF
        }
    }
}

QTEST_GUILESS_MAIN(TestMessageSource)
#include "testmessagesource.moc"
