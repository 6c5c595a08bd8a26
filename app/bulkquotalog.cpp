#include "bulkquotalog.h"

#include "privatefiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUrl>

#include <algorithm>

namespace {

// The same mailbox whatever case it was typed in.
QString senderKey(const QString &sender)
{
    return sender.trimmed().toLower();
}

QString journalKey(const QString &journal)
{
    return QFileInfo(journal).absoluteFilePath();
}

// Entries older than this are of no use to a 24-hour quota; kept a little longer for clocks that jump.
constexpr qint64 kKeepSeconds = 48 * 60 * 60;
constexpr qint64 kPruneAboveBytes = 256 * 1024;

} // namespace

BulkQuotaLog::BulkQuotaLog(QString path)
    : m_path(path.isEmpty() ? defaultPath() : std::move(path))
{
}

QString BulkQuotaLog::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/bulk-quota.log");
}

bool BulkQuotaLog::record(const QString &sender, const QString &journal, const QDateTime &when,
                          int recipients, QString *error)
{
    if (!PrivateFiles::makeFolder(QFileInfo(m_path).absolutePath())) {
        if (error)
            *error = QStringLiteral("cannot create the folder of %1").arg(m_path);
        return false;
    }
    pruneIfLarge(when);
    QFile file(m_path);
    if (!file.open(QIODevice::Append | QIODevice::Text)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    PrivateFiles::restrictFile(m_path);
    const QByteArray line = lineFor({when, recipients, senderKey(sender), journalKey(journal)});
    if (file.write(line) != line.size() || !file.flush()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

QList<std::pair<QDateTime, int>> BulkQuotaLog::sentByOthers(const QString &sender, const QString &journal,
                                                            const QDateTime &since) const
{
    const QString wantedSender = senderKey(sender);
    const QString ownJournal = journalKey(journal);
    QList<std::pair<QDateTime, int>> sent;
    for (const Entry &entry : read()) {
        if (entry.sender == wantedSender && entry.journal != ownJournal && entry.when >= since)
            sent.append({entry.when, entry.recipients});
    }
    std::sort(sent.begin(), sent.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    return sent;
}

QByteArray BulkQuotaLog::lineFor(const Entry &entry)
{
    // Tab-separated; the sender and the path percent-encoded so that neither can break a line.
    return entry.when.toUTC().toString(Qt::ISODateWithMs).toLatin1() + '\t' +
           QByteArray::number(entry.recipients) + '\t' + QUrl::toPercentEncoding(entry.sender) + '\t' +
           QUrl::toPercentEncoding(entry.journal) + '\n';
}

QList<BulkQuotaLog::Entry> BulkQuotaLog::read() const
{
    QList<Entry> entries;
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return entries; // nothing sent yet, or unreadable: no other run is known
    while (!file.atEnd()) {
        const QList<QByteArray> fields = file.readLine().trimmed().split('\t');
        if (fields.size() != 4)
            continue; // a line cut short by a crash
        Entry entry;
        entry.when = QDateTime::fromString(QString::fromLatin1(fields.at(0)), Qt::ISODateWithMs);
        bool ok = false;
        entry.recipients = fields.at(1).toInt(&ok);
        entry.sender = QString::fromUtf8(QByteArray::fromPercentEncoding(fields.at(2)));
        entry.journal = QString::fromUtf8(QByteArray::fromPercentEncoding(fields.at(3)));
        if (entry.when.isValid() && ok && entry.recipients > 0)
            entries.append(entry);
    }
    return entries;
}

void BulkQuotaLog::pruneIfLarge(const QDateTime &now)
{
    if (QFileInfo(m_path).size() < kPruneAboveBytes)
        return;
    QList<Entry> kept = read();
    kept.erase(std::remove_if(kept.begin(), kept.end(),
                              [&now](const Entry &entry) { return entry.when.secsTo(now) > kKeepSeconds; }),
               kept.end());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return; // appending still works; the file is only larger than it needs to be
    for (const Entry &entry : kept)
        file.write(lineFor(entry));
    file.commit();
}
