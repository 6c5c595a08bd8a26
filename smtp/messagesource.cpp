#include "messagesource.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>

#include <algorithm>
#include <bit>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

MessageSource::MessageSource(std::unique_ptr<QIODevice> device)
    : m_device(std::move(device))
{
}

std::unique_ptr<MessageSource> MessageSource::fromDevice(std::unique_ptr<QIODevice> device, QString *error)
{
    if (!device || !device->isOpen() || !device->isReadable()) {
        if (error)
            *error = QCoreApplication::translate("MessageSource", "The message cannot be read.");
        return nullptr;
    }
    if (device->isSequential()) {
        // The body may have to be sent twice (a 452 splits the recipients over two transactions), and its
        // exact size must be known before the first byte is sent.
        if (error)
            *error = QCoreApplication::translate("MessageSource",
                                                 "The message must come from a file, not a pipe or stream.");
        return nullptr;
    }
    std::unique_ptr<MessageSource> source(new MessageSource(std::move(device)));
    if (!source->scanDevice(error))
        return nullptr;
    return source;
}

std::unique_ptr<MessageSource> MessageSource::fromFile(const QString &path, QString *error)
{
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::ReadOnly)) {
        if (error)
            *error = QCoreApplication::translate("MessageSource", "Cannot open the message file %1: %2")
                         .arg(path, file->errorString());
        return nullptr;
    }
    return fromDevice(std::move(file), error);
}

std::unique_ptr<MessageSource> MessageSource::fromData(const QByteArray &data)
{
    auto buffer = std::make_unique<QBuffer>();
    buffer->setData(data);
    buffer->open(QIODevice::ReadOnly);
    return fromDevice(std::move(buffer), nullptr);
}

std::unique_ptr<MessageSource> MessageSource::fromCanonicalDevice(std::unique_ptr<QIODevice> device,
                                                                  const Scan &scan)
{
    if (!device || !device->isOpen() || !device->isReadable() || device->isSequential())
        return nullptr;
    std::unique_ptr<MessageSource> source(new MessageSource(std::move(device)));
    source->m_scan = scan;
    source->m_scan.canonical = true; // the producer's promise
    if (!source->rewind())
        return nullptr;
    return source;
}

bool MessageSource::rewind()
{
    return m_device->seek(0);
}

bool MessageSource::scanDevice(QString *error)
{
    if (!rewind()) {
        if (error)
            *error =
                QCoreApplication::translate("MessageSource", "The message cannot be read from the start.");
        return false;
    }
    // The wire size is counted, not produced: every CR and every LF not right after a CR ends a line,
    // which becomes CRLF, and a last line without an ending gets one (what BodyEncoder does in BDAT mode).
    // Running the encoder here only to measure its output was a second copy of the whole message.
    QByteArray chunk(kScanChunk, Qt::Uninitialized);
    qint64 currentLine = 0;
    qint64 inputSize = 0;
    qint64 crCount = 0;
    qint64 lfCount = 0;
    qint64 crlfCount = 0;
    char lastByte = '\n'; // the byte before the current chunk
    bool inHeaders = true;
    bool lastWasLf = true; // an empty first line would end the (empty) header section
    Scan scan;
    while (true) {
        const qint64 n = m_device->read(chunk.data(), chunk.size());
        if (n < 0) {
            if (error)
                *error = QCoreApplication::translate("MessageSource", "Reading the message failed: %1")
                             .arg(m_device->errorString());
            return false;
        }
        if (n == 0)
            break;
        inputSize += n;
        const QByteArrayView data(chunk.constData(), n);
        qsizetype i = 0;
        // The header section byte by byte (it is short, and where it ends decides what is a header)...
        for (; i < n && inHeaders; ++i) {
            const auto byte = static_cast<unsigned char>(data[i]);
            if (byte == '\n' || byte == '\r') {
                if (byte == '\n') {
                    if (lastWasLf)
                        inHeaders = false;
                    lastWasLf = true;
                    ++lfCount;
                    if ((i > 0 ? data[i - 1] : lastByte) == '\r')
                        ++crlfCount;
                } else {
                    ++crCount;
                }
                scan.longestLine = std::max(scan.longestLine, currentLine);
                currentLine = 0;
                continue;
            }
            lastWasLf = false;
            ++currentLine;
            if (byte >= 0x80) {
                scan.hasEightBit = true;
                scan.headersNonAscii = true;
            } else if (byte == 0) {
                scan.hasNul = true;
            }
        }
        // ...and the body in one pass, sixteen octets at a time where SSE2 is there: a block without a line
        // ending only adds to the line's length. The memchr()-per-line loop it replaces, with its own
        // passes for 8-bit octets and NULs, was 9 % of a 50 MB send (tests/bench/README.md).
        const char *p = data.data() + i;
        const char *const end = data.data() + n;
        // Counts the CR or LF at `at`; prev is the octet before it (in the previous chunk, maybe).
        const auto lineEnd = [&](const char *at, char prev) {
            scan.longestLine = std::max(scan.longestLine, currentLine);
            currentLine = 0;
            if (*at == '\n') {
                ++lfCount;
                if (prev == '\r')
                    ++crlfCount;
            } else {
                ++crCount;
            }
        };
        const auto byteBefore = [&](const char *at) { return at > data.data() ? at[-1] : lastByte; };
#if defined(__SSE2__)
        const __m128i lfs = _mm_set1_epi8('\n');
        const __m128i crs = _mm_set1_epi8('\r');
        const __m128i zeros = _mm_setzero_si128();
        unsigned eightBit = 0;
        unsigned nul = 0;
        for (; end - p >= 16; p += 16) {
            const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
            eightBit |= static_cast<unsigned>(_mm_movemask_epi8(block));
            nul |= static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, zeros)));
            auto ends = static_cast<unsigned>(
                _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(block, lfs), _mm_cmpeq_epi8(block, crs))));
            int from = 0;
            while (ends) {
                const int at = std::countr_zero(ends);
                currentLine += at - from;
                lineEnd(p + at, byteBefore(p + at));
                from = at + 1;
                ends &= ends - 1;
            }
            currentLine += 16 - from;
        }
        if (eightBit)
            scan.hasEightBit = true;
        if (nul)
            scan.hasNul = true;
#endif
        for (; p < end; ++p) {
            const auto byte = static_cast<unsigned char>(*p);
            if (byte == '\n' || byte == '\r') {
                lineEnd(p, byteBefore(p));
                continue;
            }
            ++currentLine;
            if (byte >= 0x80)
                scan.hasEightBit = true;
            else if (byte == 0)
                scan.hasNul = true;
        }
        lastByte = data[n - 1];
    }
    scan.longestLine = std::max(scan.longestLine, currentLine);
    const bool unterminated = inputSize > 0 && lastByte != '\n' && lastByte != '\r';
    const qint64 lineEnds = crCount + lfCount - crlfCount;
    scan.lineCount = lineEnds + (unterminated ? 1 : 0);
    scan.canonicalSize = (inputSize - crCount - lfCount) + 2 * scan.lineCount;
    // Every change to the wire form adds octets, so an equal size means the bytes are the wire form.
    scan.canonical = scan.canonicalSize == inputSize;
    m_scan = scan;
    return rewind();
}
