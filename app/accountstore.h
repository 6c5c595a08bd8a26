#pragma once

#include <QCoreApplication>

#include "account.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Non-secret account settings in an INI file at the platform's standard configuration place
// (~/.config/sendscope/accounts.conf on Linux). Secrets are never written here: see SecretStore.
class AccountStore
{
    Q_DECLARE_TR_FUNCTIONS(AccountStore)

public:
    enum class Status { Ok, NameTaken, Invalid, NotFound, WriteFailed };
    struct Result
    {
        Status status = Status::Ok;
        QString message; // for a person; empty when Ok
        bool ok() const { return status == Status::Ok; }
    };

    // An empty path means defaultPath().
    explicit AccountStore(QString filePath = {});

    static QString defaultPath();
    QString filePath() const { return m_path; }

    QList<Account> accounts() const; // in the order they were added
    std::optional<Account> findByName(const QString &name) const;
    std::optional<Account> findById(const QString &id) const;

    // Adds or updates (by id; a new account gets an id). Names are unique, case-insensitively.
    Result save(Account &account);
    Result remove(const QString &id);
    // Remembers the spelling dictionary chosen for a message from this account (Account::spellingLanguage).
    Result setSpellingLanguage(const QString &id, const QString &language);

    // The extension keywords (EHLO) the account's server offered the last time Sendscope spoke to it, to
    // tell before a send whether e.g. delivery receipts (DSN) can be asked for. Nothing when it never got
    // that far, or the account has moved to another server since.
    std::optional<QStringList> knownExtensions(const Account &account) const;
    // serverKey: Account::serverKey of the account's own host and port (not where the sandbox happens
    // to listen this time).
    void rememberExtensions(const QString &accountId, const QString &serverKey,
                            const QStringList &extensions);

    // The id of the account the compose window selects first; empty when none.
    QString defaultAccountId() const;
    void setDefaultAccountId(const QString &id);

private:
    QString m_path;
};
