#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QString>

#include <memory>

// A complete RFC 5322 message to be sent, read from a seekable device in bounded chunks. On creation the
// source is scanned once, so that its exact size on the wire (with every line ending as CRLF, and a final
// CRLF) is known before sending: BDAT needs it, SIZE= and progress bars use it. Nothing is held in memory
// beyond the device itself.
class MessageSource
{
public:
    struct Scan
    {
        qint64 canonicalSize = 0; // bytes after line-ending normalisation, including the final CRLF
        qint64 lineCount = 0;
        qint64 longestLine = 0;       // octets, without CRLF
        bool hasEightBit = false;     // any octet >= 0x80 (needs 8BITMIME or SMTPUTF8)
        bool hasNul = false;          // NUL octets cannot be sent by DATA
        bool headersNonAscii = false; // non-ASCII in the header section: an RFC 6532 message (SMTPUTF8)
        bool canonical = false;       // already CRLF throughout with a final CRLF: BDAT sends it as it is
    };

    // Takes ownership of a readable, seekable device (QFile, QBuffer). Returns nullptr and sets error when
    // the device is not open for reading or not seekable.
    static std::unique_ptr<MessageSource> fromDevice(std::unique_ptr<QIODevice> device, QString *error);
    static std::unique_ptr<MessageSource> fromFile(const QString &path, QString *error);
    static std::unique_ptr<MessageSource> fromData(const QByteArray &data);
    // For a device whose output is already canonical (CRLF line endings, final CRLF) and whose properties
    // the producer knows, such as the MIME writer's generated stream: no scanning pass.
    static std::unique_ptr<MessageSource> fromCanonicalDevice(std::unique_ptr<QIODevice> device,
                                                              const Scan &scan);

    const Scan &scan() const { return m_scan; }
    qint64 size() const { return m_scan.canonicalSize; }
    QIODevice *device() const { return m_device.get(); }
    // Seeks back to the start; the session calls this before each transaction that sends the body.
    bool rewind();

private:
    static constexpr qint64 kScanChunk = 256 * 1024;

    explicit MessageSource(std::unique_ptr<QIODevice> device);
    bool scanDevice(QString *error);

    std::unique_ptr<QIODevice> m_device;
    Scan m_scan;
};
