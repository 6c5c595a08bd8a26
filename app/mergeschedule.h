#pragma once

#include <QDateTime>
#include <QList>

#include <deque>

// When the messages of a bulk run may go: at most perMinute a minute, and at most perDay recipients in
// any 24 hours (a rolling window, as Gmail and Exchange Online count). Pure arithmetic over the times
// messages were accepted, so that the run, the command line's estimate and the tests agree.
class MergeSchedule
{
public:
    struct Limits
    {
        int perMinute = 0; // 0: no pacing
        int perDay = 0;    // recipients; 0: no quota
    };

    MergeSchedule() = default;
    explicit MergeSchedule(Limits limits);
    Limits limits() const { return m_limits; }

    // A message to `recipients` addresses was accepted at `when` (in time order).
    void record(const QDateTime &when, int recipients);
    // Recipients counted in the 24 hours up to now.
    int used(const QDateTime &now) const;
    // The earliest time from now on when a message to `recipients` addresses fits the daily quota: now
    // itself when it fits; invalid when it never can (more recipients than the whole quota).
    QDateTime quotaFreesAt(const QDateTime &now, int recipients) const;
    // When the last of the remaining messages (their recipient counts, in sending order) will go if each
    // goes as soon as pace and quota allow, from now on, the previous one having started at lastStart
    // (invalid: none yet). Invalid when one can never go.
    QDateTime estimateFinish(const QDateTime &now, const QDateTime &lastStart,
                             const QList<int> &remaining) const;

private:
    struct Sent
    {
        QDateTime when;
        int recipients;
    };
    Limits m_limits;
    std::deque<Sent> m_sent; // the last 24 hours' worth, oldest first
};
