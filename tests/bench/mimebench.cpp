// Encoding throughput and memory of the MIME writer for a message with a 200 MB attachment: the message
// is generated and read in 64 KiB chunks exactly as SmtpSession reads it while sending.
//   build/release/tests/bench/mimebench [size-in-MiB]
#include "addressparser.h"
#include "mimewriter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <cstdio>

namespace {
long peakRssKib()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

long currentRssKib()
{
    QFile status(QStringLiteral("/proc/self/statm"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = status.readAll().split(' ');
    return fields.value(1).toLong() * 4; // resident pages of 4 KiB
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qint64 mebibytes = argc > 1 ? QByteArray(argv[1]).toLongLong() : 200;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("attachment.bin"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return 1;
        QByteArray chunk(1 << 20, Qt::Uninitialized);
        for (qint64 i = 0; i < mebibytes; ++i) {
            QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(chunk.data()),
                                                  chunk.size() / 4);
            file.write(chunk);
        }
    }
    AddressParser::Error addressError;
    MimeMessage message;
    message.from = AddressParser::parseMailbox(QStringLiteral("张三 <zhangsan@example.com>"), &addressError);
    message.to = AddressParser::parseList(QStringLiteral("李四 <lisi@example.com>"), &addressError);
    message.subject = QStringLiteral("基准测试：大附件");
    message.text = QStringLiteral("附件是一个很大的文件。\n");
    message.attachments << MimeAttachment{path, QStringLiteral("大文件.bin"), {}, {}, -1};

    const long baseline = currentRssKib();
    const long peakBefore = peakRssKib();
    QElapsedTimer timer;
    timer.start();
    MimeWriter::Error error;
    const std::unique_ptr<MessageStream> stream = MimeWriter::write(message, {}, &error);
    if (!stream) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message));
        return 1;
    }
    QByteArray chunk(64 * 1024, Qt::Uninitialized);
    qint64 total = 0;
    qint64 n = 0;
    while ((n = stream->read(chunk.data(), chunk.size())) > 0)
        total += n;
    const double seconds = timer.nsecsElapsed() / 1e9;
    if (n < 0 || total != stream->size()) {
        std::fprintf(stderr, "read failed or size mismatch: %lld of %lld\n", static_cast<long long>(total),
                     static_cast<long long>(stream->size()));
        return 1;
    }
    const double inputMb = mebibytes * 1048576.0 / 1e6;
    const double outputMb = total / 1e6;
    std::printf("MIME writer, %lld MiB attachment (file in page cache)\n", static_cast<long long>(mebibytes));
    std::printf("  encoded message      %.1f MB in %.3f s\n", outputMb, seconds);
    std::printf("  throughput           %.0f MB/s of output, %.0f MB/s of attachment input\n",
                outputMb / seconds, inputMb / seconds);
    std::printf("  RSS before encoding  %.1f MiB\n", baseline / 1024.0);
    std::printf("  peak RSS             %.1f MiB (growth %.1f MiB over the baseline; peak before %.1f MiB)\n",
                peakRssKib() / 1024.0, (peakRssKib() - baseline) / 1024.0, peakBefore / 1024.0);
    std::printf("  targets: >= 400 MB/s: %s; RSS growth < 32 MiB: %s\n",
                outputMb / seconds >= 400 ? "met" : "missed",
                (peakRssKib() - baseline) < 32 * 1024 ? "met" : "missed");
    return 0;
}
