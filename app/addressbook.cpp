#include "addressbook.h"

#include "privatefiles.h"

#include "addressparser.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

AddressBook::AddressBook(QString filePath)
    : m_path(filePath.isEmpty() ? defaultPath() : std::move(filePath))
{
    load();
}

QString AddressBook::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/addresses.json");
}

void AddressBook::load()
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > 16 * 1024 * 1024)
        return;
    for (const QJsonValue &value : QJsonDocument::fromJson(file.readAll()).array()) {
        const QJsonObject object = value.toObject();
        const QString display = object.value(QStringLiteral("display")).toString();
        AddressParser::Error error;
        const MailAddress parsed = AddressParser::parseMailbox(display, &error);
        if (!parsed.isNull() && m_entries.size() < kMaxEntries)
            m_entries.insert(parsed.address().toLower(),
                             {display, object.value(QStringLiteral("uses")).toInt()});
    }
}

void AddressBook::recordSend(const QList<MailAddress> &recipients, const QStringList &refused,
                             const QStringList &refusedPermanently)
{
    QList<MailAddress> received;
    for (const MailAddress &recipient : recipients) {
        if (!refused.contains(recipient.address(), Qt::CaseInsensitive) &&
            !refusedPermanently.contains(recipient.address(), Qt::CaseInsensitive))
            received << recipient;
    }
    remember(received);
    forget(refusedPermanently);
}

void AddressBook::forget(const QStringList &addresses)
{
    for (const QString &address : addresses)
        m_entries.remove(address.trimmed().toLower());
}

void AddressBook::remember(const QList<MailAddress> &addresses)
{
    for (const MailAddress &parsed : addresses) {
        if (parsed.isNull())
            continue;
        Entry &entry = m_entries[parsed.address().toLower()];
        // Quoted when the name holds a separator, so the completion can go straight into a list.
        QString name = parsed.displayName();
        static const QString specials = QStringLiteral(",;<>\"()@:[]\\");
        if (std::any_of(name.cbegin(), name.cend(), [](QChar c) { return specials.contains(c); }))
            name = u'"' + name.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\"")) +
                   u'"';
        entry.display =
            name.isEmpty() ? parsed.address() : QStringLiteral("%1 <%2>").arg(name, parsed.address());
        ++entry.uses;
    }
    if (m_entries.size() > kMaxEntries) {
        // Forget the least used.
        QList<QString> keys = m_entries.keys();
        std::sort(keys.begin(), keys.end(), [this](const QString &a, const QString &b) {
            return m_entries[a].uses < m_entries[b].uses;
        });
        for (qsizetype i = 0; i < keys.size() - kMaxEntries; ++i)
            m_entries.remove(keys.at(i));
    }
}

QStringList AddressBook::completions(const QString &prefix, int limit) const
{
    const QString needle = prefix.trimmed();
    if (needle.isEmpty())
        return {};
    QList<const Entry *> matches;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        bool match = it.key().startsWith(needle, Qt::CaseInsensitive);
        const QStringList words = it->display.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (const QString &word : words)
            match = match || word.startsWith(needle, Qt::CaseInsensitive) ||
                    word.mid(1).startsWith(needle, Qt::CaseInsensitive); // after a quote or '<'
        if (match)
            matches.append(&it.value());
    }
    std::sort(matches.begin(), matches.end(), [](const Entry *a, const Entry *b) {
        return a->uses != b->uses ? a->uses > b->uses : a->display < b->display;
    });
    QStringList result;
    for (qsizetype i = 0; i < matches.size() && i < limit; ++i)
        result << matches.at(i)->display;
    return result;
}

bool AddressBook::save() const
{
    QJsonArray array;
    for (const Entry &entry : m_entries)
        array.append(
            QJsonObject{{QStringLiteral("display"), entry.display}, {QStringLiteral("uses"), entry.uses}});
    PrivateFiles::makeFolder(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    return file.open(QIODevice::WriteOnly) &&
           file.write(QJsonDocument(array).toJson(QJsonDocument::Compact)) >= 0 && file.commit() &&
           PrivateFiles::restrictFile(m_path);
}
