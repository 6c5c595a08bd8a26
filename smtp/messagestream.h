#pragma once

#include <QByteArray>
#include <QFile>
#include <QIODevice>
#include <QList>
#include <QString>

#include <memory>

// A read-only, seekable device that generates a MIME message on demand from literal blocks (headers,
// boundaries, text parts) and files encoded as base64 in 76-character lines. Its size is exact before
// the first byte is read, and a 200 MB attachment is never held in memory: only one block of about 80 KB
// of encoded output is. A file that changes size or vanishes between composing and sending makes read()
// fail with an error naming it, never produce a silently different message.
class MessageStream : public QIODevice
{
    Q_OBJECT
public:
    static constexpr qint64 kInputLine = 57;  // 57 bytes -> 76 base64 characters
    static constexpr qint64 kOutputLine = 78; // 76 characters + CRLF
    static constexpr qint64 kLinesPerBlock = 1024;

    explicit MessageStream(QObject *parent = nullptr);
    ~MessageStream() override;

    void appendLiteral(const QByteArray &bytes);
    void appendBase64File(const QString &path, qint64 fileSize);
    static qint64 base64Size(qint64 inputSize);
    // Encodes input as base64 lines of 76 characters, each followed by CRLF; returns bytes written to out,
    // which must hold base64Size(size) bytes.
    static qint64 encodeBase64Lines(const char *input, qint64 size, char *out);

    bool isSequential() const override { return false; }
    qint64 size() const override { return m_total; }
    bool open(OpenMode mode) override;
    bool seek(qint64 position) override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    struct Segment
    {
        qint64 start = 0;
        qint64 length = 0;
        QByteArray literal;
        QString path; // empty for literals
        qint64 fileSize = 0;
    };
    bool loadBlock(qsizetype segmentIndex, qint64 block);

    QList<Segment> m_segments;
    qint64 m_total = 0;
    qsizetype m_current = 0; // segment of the last read, to avoid searching from the start
    std::unique_ptr<QFile> m_file;
    qsizetype m_fileSegment = -1;
    QByteArray m_input;
    QByteArray m_block;
    qsizetype m_blockSegment = -1;
    qint64 m_blockIndex = -1;
};
