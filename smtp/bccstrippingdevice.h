#pragma once

#include <QByteArray>
#include <QIODevice>

#include <memory>

// A prepared message (sendscope send --eml) read through this device loses its Bcc: and Resent-Bcc:
// header fields, with their folded continuation lines: the blind recipients are in the envelope, and
// every recipient would see them in the header. Streams in bounded chunks (nothing but the current
// field name is held back), and is seekable with an exact size, as MessageSource needs.
class BccStrippingDevice : public QIODevice
{
    Q_OBJECT
public:
    explicit BccStrippingDevice(std::unique_ptr<QIODevice> source, QObject *parent = nullptr);

    // Opens read-only; the source must be open, readable and seekable. Measures the size by reading the
    // header section.
    bool open(OpenMode mode) override;
    bool isSequential() const override { return false; }
    qint64 size() const override { return m_size; }
    bool seek(qint64 position) override;
    int strippedFields() const { return m_stripped; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    enum class State { LineStart, LineStartAfterCr, Name, Pass, Skip, Body };
    bool restart();
    // Filters the next chunk of the header section into m_pending; false at the end or on error.
    bool refill();
    void filter(char c);

    std::unique_ptr<QIODevice> m_source;
    State m_state = State::LineStart;
    QByteArray m_name;
    QByteArray m_pending;
    qsizetype m_pendingOffset = 0;
    qint64 m_size = 0;
    int m_stripped = 0;
    bool m_skipField = false; // the current field, and its continuation lines, are dropped
    bool m_failed = false;
};
