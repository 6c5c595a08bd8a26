#include "messagestream.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>
#include <cstring>

namespace {
constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
}

MessageStream::MessageStream(QObject *parent)
    : QIODevice(parent)
{
}

MessageStream::~MessageStream() = default;

void MessageStream::appendLiteral(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    Segment segment;
    segment.start = m_total;
    segment.length = bytes.size();
    segment.literal = bytes;
    m_segments.append(segment);
    m_total += segment.length;
}

void MessageStream::appendBase64File(const QString &path, qint64 fileSize)
{
    Segment segment;
    segment.start = m_total;
    segment.length = base64Size(fileSize);
    segment.path = path;
    segment.fileSize = fileSize;
    m_segments.append(segment);
    m_total += segment.length;
}

qint64 MessageStream::base64Size(qint64 inputSize)
{
    const qint64 fullLines = inputSize / kInputLine;
    const qint64 rest = inputSize % kInputLine;
    return fullLines * kOutputLine + (rest ? (rest + 2) / 3 * 4 + 2 : 0);
}

qint64 MessageStream::encodeBase64Lines(const char *input, qint64 size, char *out)
{
    const auto *in = reinterpret_cast<const unsigned char *>(input);
    char *o = out;
    qint64 remaining = size;
    while (remaining > 0) {
        const qint64 line = std::min(remaining, kInputLine);
        const qint64 whole = line / 3 * 3;
        for (qint64 i = 0; i < whole; i += 3) {
            const unsigned v = (unsigned(in[i]) << 16) | (unsigned(in[i + 1]) << 8) | in[i + 2];
            o[0] = kAlphabet[(v >> 18) & 63];
            o[1] = kAlphabet[(v >> 12) & 63];
            o[2] = kAlphabet[(v >> 6) & 63];
            o[3] = kAlphabet[v & 63];
            o += 4;
        }
        if (line - whole == 1) {
            const unsigned v = unsigned(in[whole]) << 16;
            *o++ = kAlphabet[(v >> 18) & 63];
            *o++ = kAlphabet[(v >> 12) & 63];
            *o++ = '=';
            *o++ = '=';
        } else if (line - whole == 2) {
            const unsigned v = (unsigned(in[whole]) << 16) | (unsigned(in[whole + 1]) << 8);
            *o++ = kAlphabet[(v >> 18) & 63];
            *o++ = kAlphabet[(v >> 12) & 63];
            *o++ = kAlphabet[(v >> 6) & 63];
            *o++ = '=';
        }
        *o++ = '\r';
        *o++ = '\n';
        in += line;
        remaining -= line;
    }
    return o - out;
}

bool MessageStream::open(OpenMode mode)
{
    if (mode & WriteOnly)
        return false;
    m_blockIndex = -1;
    m_blockSegment = -1;
    return QIODevice::open(mode | ReadOnly);
}

bool MessageStream::seek(qint64 position)
{
    if (position < 0 || position > m_total)
        return false;
    return QIODevice::seek(position);
}

bool MessageStream::loadBlock(qsizetype segmentIndex, qint64 block)
{
    if (m_blockSegment == segmentIndex && m_blockIndex == block)
        return true;
    const Segment &segment = m_segments.at(segmentIndex);
    auto failWith = [this](const QString &message) {
        setErrorString(message);
        return false;
    };
    if (m_fileSegment != segmentIndex) {
        m_file = std::make_unique<QFile>(segment.path);
        m_fileSegment = segmentIndex;
        if (!m_file->open(QIODevice::ReadOnly))
            return failWith(
                QCoreApplication::translate("MessageStream", "The attachment %1 cannot be read any more: %2")
                    .arg(segment.path, m_file->errorString()));
        if (m_file->size() != segment.fileSize)
            return failWith(
                QCoreApplication::translate("MessageStream",
                                            "The attachment %1 changed size after it was added (%2 bytes, "
                                            "now %3); attach it again.")
                    .arg(segment.path)
                    .arg(segment.fileSize)
                    .arg(m_file->size()));
    }
    const qint64 inputOffset = block * kLinesPerBlock * kInputLine;
    const qint64 inputLength = std::min(kLinesPerBlock * kInputLine, segment.fileSize - inputOffset);
    m_input.resize(inputLength);
    if (!m_file->seek(inputOffset) || m_file->read(m_input.data(), inputLength) != inputLength)
        return failWith(QCoreApplication::translate("MessageStream",
                                                    "The attachment %1 changed or vanished while it was "
                                                    "being sent.")
                            .arg(segment.path));
    m_block.resize(base64Size(inputLength));
    encodeBase64Lines(m_input.constData(), inputLength, m_block.data());
    m_blockSegment = segmentIndex;
    m_blockIndex = block;
    return true;
}

qint64 MessageStream::readData(char *data, qint64 maxSize)
{
    qint64 position = pos();
    qint64 done = 0;
    if (m_current >= m_segments.size() || position < m_segments.value(m_current).start)
        m_current = 0;
    while (done < maxSize && position < m_total) {
        while (m_current < m_segments.size() &&
               position >= m_segments.at(m_current).start + m_segments.at(m_current).length)
            ++m_current;
        const Segment &segment = m_segments.at(m_current);
        const qint64 offset = position - segment.start;
        qint64 chunk = 0;
        if (segment.path.isEmpty()) {
            chunk = std::min(maxSize - done, segment.length - offset);
            std::memcpy(data + done, segment.literal.constData() + offset, static_cast<size_t>(chunk));
        } else {
            const qint64 blockBytes = kLinesPerBlock * kOutputLine;
            const qint64 block = offset / blockBytes;
            if (!loadBlock(m_current, block))
                return done > 0 ? done : -1;
            const qint64 inBlock = offset - block * blockBytes;
            chunk = std::min(maxSize - done, m_block.size() - inBlock);
            std::memcpy(data + done, m_block.constData() + inBlock, static_cast<size_t>(chunk));
        }
        done += chunk;
        position += chunk;
    }
    return done;
}
