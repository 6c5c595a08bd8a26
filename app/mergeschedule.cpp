#include "mergeschedule.h"

namespace {
constexpr qint64 kDay = 24 * 3600;
}

MergeSchedule::MergeSchedule(Limits limits)
    : m_limits(limits)
{
}

void MergeSchedule::record(const QDateTime &when, int recipients)
{
    while (!m_sent.empty() && m_sent.front().when.addSecs(kDay) <= when)
        m_sent.pop_front(); // out of every window from now on
    m_sent.push_back({when, recipients});
}

int MergeSchedule::used(const QDateTime &now) const
{
    int sum = 0;
    for (const Sent &sent : m_sent) {
        if (sent.when.addSecs(kDay) > now)
            sum += sent.recipients;
    }
    return sum;
}

QDateTime MergeSchedule::quotaFreesAt(const QDateTime &now, int recipients) const
{
    if (m_limits.perDay <= 0)
        return now;
    if (recipients > m_limits.perDay)
        return {};
    int sum = used(now);
    if (sum + recipients <= m_limits.perDay)
        return now;
    // Wait for the oldest messages in the window to leave it, one by one, until this one fits.
    for (const Sent &sent : m_sent) {
        if (sent.when.addSecs(kDay) <= now)
            continue;
        sum -= sent.recipients;
        if (sum + recipients <= m_limits.perDay)
            return sent.when.addSecs(kDay);
    }
    return {};
}

QDateTime MergeSchedule::estimateFinish(const QDateTime &now, const QDateTime &lastStart,
                                        const QList<int> &remaining) const
{
    MergeSchedule simulated = *this;
    QDateTime previous = lastStart;
    QDateTime at = now;
    for (const int recipients : remaining) {
        if (m_limits.perMinute > 0 && previous.isValid())
            at = std::max(at, previous.addMSecs(60'000 / m_limits.perMinute));
        at = simulated.quotaFreesAt(at, recipients);
        if (!at.isValid())
            return {};
        simulated.record(at, recipients);
        previous = at;
    }
    return at;
}
