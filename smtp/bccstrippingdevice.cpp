#include "bccstrippingdevice.h"

namespace {
constexpr qint64 kChunk = 64 * 1024;
// A field name is at most a line; a "name" longer than this is no header field worth looking at.
constexpr qsizetype kMaxName = 1000;

bool isBlindField(QByteArray name)
{
    name = name.trimmed().toLower();
    return name == "bcc" || name == "resent-bcc";
}
} // namespace

BccStrippingDevice::BccStrippingDevice(std::unique_ptr<QIODevice> source, QObject *parent)
    : QIODevice(parent)
    , m_source(std::move(source))
{
}

bool BccStrippingDevice::open(OpenMode mode)
{
    if (mode != ReadOnly || !m_source || !m_source->isOpen() || !m_source->isReadable() ||
        m_source->isSequential()) {
        setErrorString(tr("The message cannot be read."));
        return false;
    }
    if (!restart())
        return false;
    // The session announces the exact size (SIZE=, BDAT) before sending. Only the header section
    // changes; the body passes through as it is, so the size is what the filtered headers became plus
    // the rest of the source, and a 50 MB attachment is not read an extra time to measure it.
    qint64 size = 0;
    while (m_state != State::Body && refill()) {
        size += m_pending.size();
        m_pending.clear();
    }
    if (m_failed) {
        setErrorString(m_source->errorString());
        return false;
    }
    if (m_state == State::Body)
        size += m_source->size() - m_source->pos();
    m_size = size;
    const int stripped = m_stripped;
    // Unbuffered: the reader's buffer is the only one; QIODevice's own would be one more copy.
    if (!restart() || !QIODevice::open(mode | Unbuffered))
        return false;
    m_stripped = stripped;
    return true;
}

bool BccStrippingDevice::restart()
{
    m_state = State::LineStart;
    m_name.clear();
    m_pending.clear();
    m_pendingOffset = 0;
    m_stripped = 0;
    m_skipField = false;
    m_failed = false;
    return m_source->seek(0);
}

bool BccStrippingDevice::seek(qint64 position)
{
    if (position < 0 || position > m_size || !restart())
        return false;
    // Filtered output has no offsets of its own in the source: filter the headers again up to the
    // position; in the body, output and source offsets differ by a constant.
    qint64 skipped = 0;
    while (skipped < position) {
        if (m_pending.size() - m_pendingOffset == 0) {
            m_pending.clear();
            m_pendingOffset = 0;
            if (m_state == State::Body)
                return m_source->seek(m_source->pos() + (position - skipped)) && QIODevice::seek(position);
            if (!refill())
                return false;
        }
        const qint64 take = std::min<qint64>(position - skipped, m_pending.size() - m_pendingOffset);
        m_pendingOffset += take;
        skipped += take;
    }
    return QIODevice::seek(position);
}

qint64 BccStrippingDevice::readData(char *data, qint64 maxSize)
{
    qint64 done = 0;
    while (done < maxSize) {
        if (m_pendingOffset == m_pending.size()) {
            m_pending.clear();
            m_pendingOffset = 0;
            if (m_state == State::Body) {
                // The body is not filtered: straight from the source into the reader's buffer.
                const qint64 n = m_source->read(data + done, maxSize - done);
                if (n < 0) {
                    setErrorString(m_source->errorString());
                    return done > 0 ? done : -1;
                }
                return done + n;
            }
            if (!refill()) {
                if (m_failed) {
                    setErrorString(m_source->errorString());
                    return done > 0 ? done : -1;
                }
                break;
            }
            continue;
        }
        const qint64 take = std::min<qint64>(maxSize - done, m_pending.size() - m_pendingOffset);
        std::copy_n(m_pending.constData() + m_pendingOffset, take, data + done);
        m_pendingOffset += take;
        done += take;
    }
    return done;
}

qint64 BccStrippingDevice::writeData(const char *, qint64)
{
    return -1;
}

bool BccStrippingDevice::refill()
{
    Q_ASSERT(m_state != State::Body); // the body is read straight from the source
    QByteArray chunk(kChunk, Qt::Uninitialized);
    const qint64 n = m_source->read(chunk.data(), chunk.size());
    if (n < 0) {
        m_failed = true;
        return false;
    }
    if (n == 0) {
        // A last line without a line end that was still being looked at.
        if (m_state == State::Name)
            m_pending += m_name;
        m_name.clear();
        m_state = State::Body;
        return !m_pending.isEmpty();
    }
    for (qint64 i = 0; i < n; ++i) {
        if (m_state == State::Body) {
            m_pending.append(chunk.constData() + i, n - i);
            break;
        }
        filter(chunk.at(i));
    }
    return true;
}

void BccStrippingDevice::filter(char c)
{
    switch (m_state) {
    case State::LineStart:
    case State::LineStartAfterCr:
        if (c == '\n') {
            m_pending += c;
            m_state = State::Body; // the empty line that ends the header section
        } else if (c == '\r' && m_state == State::LineStart) {
            m_pending += c;
            m_state = State::LineStartAfterCr;
        } else if ((c == ' ' || c == '\t') && m_state == State::LineStart) {
            // A folded continuation belongs to the field before: dropped with it, or kept with it.
            if (m_skipField) {
                m_state = State::Skip;
            } else {
                m_pending += c;
                m_state = State::Pass;
            }
        } else {
            m_skipField = false;
            m_name = QByteArray(1, c);
            m_state = State::Name;
        }
        return;
    case State::Name:
        m_name += c;
        if (c == ':' && isBlindField(m_name.chopped(1))) {
            ++m_stripped;
            m_skipField = true;
            m_name.clear();
            m_state = State::Skip;
        } else if (c == ':' || c == '\n' || m_name.size() > kMaxName) {
            m_pending += m_name;
            m_name.clear();
            m_state = c == '\n' ? State::LineStart : State::Pass;
        }
        return;
    case State::Pass:
        m_pending += c;
        if (c == '\n')
            m_state = State::LineStart;
        return;
    case State::Skip:
        if (c == '\n')
            m_state = State::LineStart;
        return;
    case State::Body:
        m_pending += c;
        return;
    }
}
