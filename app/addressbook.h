#pragma once

#include "mailaddress.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

// Addresses the user has sent to, for completion in To/Cc/Bcc: remembered after each successful send,
// ranked by how often they were used, kept in ~/.local/share/sendscope/addresses.json (bounded).
class AddressBook
{
public:
    explicit AddressBook(QString filePath = {}); // empty: defaultPath()

    static QString defaultPath();
    static constexpr int kMaxEntries = 5000;

    // The same address with another name replaces the old name.
    void remember(const QList<MailAddress> &addresses);
    // After a send: the recipients the server took are remembered; those it refused are not, and those
    // it refused for good (5xx, such as 550 "no such user") are forgotten, so completion stops offering
    // an address that cannot receive mail.
    void recordSend(const QList<MailAddress> &recipients, const QStringList &refused,
                    const QStringList &refusedPermanently);
    void forget(const QStringList &addresses);
    // Entries whose name, address or any word of the name starts with prefix (case-insensitive), most
    // used first.
    QStringList completions(const QString &prefix, int limit = 10) const;
    bool save() const;

private:
    void load();

    struct Entry
    {
        QString display;
        int uses = 0;
    };
    QString m_path;
    QHash<QString, Entry> m_entries; // key: lower-case address
};
