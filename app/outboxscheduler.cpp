#include "outboxscheduler.h"

#include "draftstore.h"

#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcOutbox, "sendscope.outbox")

using namespace std::chrono_literals;

OutboxScheduler::OutboxScheduler(DraftStore *drafts, QObject *parent)
    : QObject(parent)
    , m_drafts(drafts)
    , m_delays{1min, 5min, 15min, 30min, 60min}
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &OutboxScheduler::reschedule);
    connect(m_drafts, &DraftStore::changed, this, &OutboxScheduler::reschedule);
}

void OutboxScheduler::setDelays(QList<std::chrono::milliseconds> delays)
{
    if (!delays.isEmpty())
        m_delays = std::move(delays);
    reschedule();
}

void OutboxScheduler::setMaxAttempts(int attempts)
{
    m_maxAttempts = std::max(1, attempts);
    reschedule();
}

std::optional<QDateTime> OutboxScheduler::nextAttempt(const Draft &draft) const
{
    if (draft.state != Draft::State::Outbox || !draft.errorTemporary || draft.deliveryUncertain ||
        draft.attempts < 1 || draft.attempts >= m_maxAttempts || !draft.lastAttempt.isValid())
        return std::nullopt;
    const auto index = std::min<qsizetype>(draft.attempts - 1, m_delays.size() - 1);
    return draft.lastAttempt.addMSecs(m_delays.at(index).count());
}

void OutboxScheduler::reschedule()
{
    const QDateTime now = QDateTime::currentDateTime();
    std::optional<QDateTime> earliest;
    QHash<QString, int> announced;
    QStringList due;
    for (const Draft &draft : m_drafts->drafts(Draft::State::Outbox)) {
        const std::optional<QDateTime> next = nextAttempt(draft);
        if (!next)
            continue;
        if (m_announced.value(draft.id, -1) == draft.attempts) {
            announced.insert(draft.id, draft.attempts); // its retry is under way
        } else if (*next <= now) {
            announced.insert(draft.id, draft.attempts);
            due.append(draft.id);
            qCInfo(lcOutbox).noquote() << "retrying" << draft.id << "after attempt" << draft.attempts;
        } else if (!earliest || *next < *earliest) {
            earliest = next;
        }
    }
    // State first, signals last: a slot may save drafts, which calls reschedule() again.
    m_announced = announced;
    if (earliest)
        m_timer.start(std::max<qint64>(1, now.msecsTo(*earliest)));
    else
        m_timer.stop();
    for (const QString &id : std::as_const(due))
        emit retryDue(id);
}
