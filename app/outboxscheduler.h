#pragma once

#include "draft.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <optional>

class DraftStore;

// Retries outbox messages whose last attempt failed temporarily (4xx replies such as greylisting, a lost
// connection, a timeout), with growing waits: 1, 5, 15, 30 and then 60 minutes, as mail servers
// themselves back off. A message the server refused permanently, or one that may already have been
// delivered, waits for the person instead: sending it again blindly could annoy a recipient twice.
class OutboxScheduler : public QObject
{
    Q_OBJECT
public:
    explicit OutboxScheduler(DraftStore *drafts, QObject *parent = nullptr);

    // The wait after the first, second, ... failed attempt; the last one repeats.
    void setDelays(QList<std::chrono::milliseconds> delays);
    QList<std::chrono::milliseconds> delays() const { return m_delays; }
    // After this many attempts the message waits for the person.
    void setMaxAttempts(int attempts);
    int maxAttempts() const { return m_maxAttempts; }

    // When the message will be tried again by itself; nothing when it waits for the person.
    std::optional<QDateTime> nextAttempt(const Draft &draft) const;

public slots:
    void reschedule();

signals:
    // Time to send this outbox message again. Emitted once per failed attempt.
    void retryDue(const QString &draftId);

private:
    DraftStore *m_drafts;
    QList<std::chrono::milliseconds> m_delays;
    int m_maxAttempts = 10;
    QTimer m_timer;
    QHash<QString, int> m_announced; // draft id -> attempts when retryDue was emitted
};
