#include "messagesource.h"

#include "bodyencoder.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>

#include <algorithm>

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
    BodyEncoder encoder(BodyEncoder::Mode::Bdat);
    QByteArray chunk;
    QByteArray encoded;
    qint64 currentLine = 0;
    bool inHeaders = true;
    bool lastWasLf = true; // an empty first line would end the (empty) header section
    Scan scan;
    while (true) {
        chunk.resize(64 * 1024);
        const qint64 n = m_device->read(chunk.data(), chunk.size());
        if (n < 0) {
            if (error)
                *error = QCoreApplication::translate("MessageSource", "Reading the message failed: %1")
                             .arg(m_device->errorString());
            return false;
        }
        if (n == 0)
            break;
        chunk.resize(n);
        encoded.clear();
        encoder.encode(chunk, encoded);
        scan.canonicalSize += encoded.size();
        for (const char c : std::as_const(chunk)) {
            const auto byte = static_cast<unsigned char>(c);
            if (byte == '\n' || byte == '\r') {
                if (byte == '\n') {
                    if (inHeaders && lastWasLf)
                        inHeaders = false;
                    lastWasLf = true;
                }
                scan.longestLine = std::max(scan.longestLine, currentLine);
                currentLine = 0;
                continue;
            }
            lastWasLf = false;
            ++currentLine;
            if (byte >= 0x80) {
                scan.hasEightBit = true;
                if (inHeaders)
                    scan.headersNonAscii = true;
            } else if (byte == 0) {
                scan.hasNul = true;
            }
        }
    }
    scan.longestLine = std::max(scan.longestLine, currentLine);
    encoded.clear();
    encoder.finish(encoded);
    scan.canonicalSize += encoded.size();
    scan.lineCount = encoder.inputLines();
    m_scan = scan;
    return rewind();
}
