#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

// Passwords and OAuth tokens in the system keychain through QtKeychain (Secret Service or KWallet on
// Linux, Keychain on macOS, Credential Manager on Windows), one entry per account id, so two accounts
// never collide and renaming an account keeps its secret. Never falls back to a file: when no keychain
// answers, the caller is told (Status::NoKeychain) and may keep the secret in memory for this run only.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    enum class Status { Ok, NotFound, NoKeychain, AccessDenied, Failed };
    Q_ENUM(Status)
    struct Result
    {
        Status status = Status::Ok;
        QString message; // what happened and what the user can do; empty when Ok
        QString secret;  // for read()
        bool fromMemory = false;
        bool ok() const { return status == Status::Ok; }
    };
    using Callback = std::function<void(const Result &)>;

    // service names the keychain entries ("sendscope"); tests use their own.
    explicit SecretStore(QString service = defaultService(), QObject *parent = nullptr);

    static QString defaultService();

    // Each call answers exactly once through callback, asynchronously (also for the in-memory case).
    void read(const QString &accountId, Callback callback);
    void write(const QString &accountId, const QString &secret, Callback callback);
    void remove(const QString &accountId, Callback callback);

    // "Ask for the password each time": the secret stays in this process's memory only.
    void keepInMemory(const QString &accountId, const QString &secret);
    void forgetInMemory(const QString &accountId);
    bool hasInMemory(const QString &accountId) const { return m_memory.contains(accountId); }

    static QString keyFor(const QString &accountId);

private:
    void answerLater(Callback callback, Result result);

    QString m_service;
    QHash<QString, QString> m_memory;
};
