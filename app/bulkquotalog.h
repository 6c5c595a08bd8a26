#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <utility>

// What each sender sent in bulk, across runs. A provider counts a daily quota per mailbox (Gmail: 500
// recipients a day for a consumer account), not per data file: a second run from the same address on
// the same day must count what the first one sent. Each bulk run has its own journal; this log is
// shared by all of them and kept in Sendscope's data folder, one line per accepted (or possibly sent)
// message: when, how many recipients, the sender, and which journal sent it. It is advice for pacing,
// not a record of delivery: the journal is that, so a log that cannot be written stops nothing.
class BulkQuotaLog
{
public:
    // empty: defaultPath()
    explicit BulkQuotaLog(QString path = {});
    static QString defaultPath();
    QString path() const { return m_path; }

    bool record(const QString &sender, const QString &journal, const QDateTime &when, int recipients,
                QString *error = nullptr);
    // What journals other than this one sent from sender since `since` (when, recipients), oldest first.
    QList<std::pair<QDateTime, int>> sentByOthers(const QString &sender, const QString &journal,
                                                  const QDateTime &since) const;

private:
    struct Entry
    {
        QDateTime when;
        int recipients = 0;
        QString sender;
        QString journal;
    };
    static QByteArray lineFor(const Entry &entry);
    QList<Entry> read() const;
    void pruneIfLarge(const QDateTime &now);

    QString m_path;
};
