#include "secretstore.h"

#include <QTimer>

#include <optional>
#include <qt6keychain/keychain.h>

#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#endif

namespace {

QString noKeychainMessage(const QString &reason)
{
    return SecretStore::tr(
               "No system keychain is available (%1). Sendscope never writes passwords to a file; "
               "you can type the password each time instead, and it is then kept in memory only "
               "until Sendscope quits. To keep it, start a keychain such as GNOME Keyring or "
               "KWallet.")
        .arg(reason);
}

// On Linux the keychain is a D-Bus service. Asking first gives a clear reason instead of libsecret's
// "Could not connect: No such file or directory" and avoids libsecret trying to autolaunch a bus.
std::optional<SecretStore::Result> missingKeychain()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        return SecretStore::Result{SecretStore::Status::NoKeychain,
                                   noKeychainMessage(SecretStore::tr("there is no D-Bus session")),
                                   {},
                                   false};
    }
    const QStringList names = bus.interface()->registeredServiceNames().value();
    const QStringList activatable = bus.interface()->activatableServiceNames().value();
    for (const char *service :
         {"org.freedesktop.secrets", "org.kde.kwalletd5", "org.kde.kwalletd6", "org.kde.kwalletd"}) {
        const QString name = QString::fromLatin1(service);
        if (names.contains(name) || activatable.contains(name))
            return std::nullopt;
    }
    return SecretStore::Result{
        SecretStore::Status::NoKeychain,
        noKeychainMessage(SecretStore::tr("no Secret Service or KWallet on the D-Bus session")),
        {},
        false};
#else
    return std::nullopt;
#endif
}

SecretStore::Result resultOf(const QKeychain::Job *job)
{
    SecretStore::Result result;
    switch (job->error()) {
    case QKeychain::NoError:
        return result;
    case QKeychain::EntryNotFound:
        result.status = SecretStore::Status::NotFound;
        result.message = SecretStore::tr("No password is stored in the keychain for this account.");
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        result.status = SecretStore::Status::NoKeychain;
        result.message = noKeychainMessage(job->errorString());
        break;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        result.status = SecretStore::Status::AccessDenied;
        result.message = SecretStore::tr("The keychain refused access (%1). It may be locked, or the "
                                         "request was declined; unlock it and try again.")
                             .arg(job->errorString());
        break;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        result.status = SecretStore::Status::Failed;
        result.message = SecretStore::tr("The keychain reported an error: %1").arg(job->errorString());
        break;
    }
    // libsecret reports a missing D-Bus session or Secret Service as OtherError with a D-Bus message.
    if (result.status == SecretStore::Status::Failed &&
        (job->errorString().contains(QLatin1String("org.freedesktop.DBus")) ||
         job->errorString().contains(QLatin1String("D-Bus"), Qt::CaseInsensitive) ||
         job->errorString().contains(QLatin1String("secrets"), Qt::CaseInsensitive))) {
        result.status = SecretStore::Status::NoKeychain;
        result.message = noKeychainMessage(job->errorString());
    }
    return result;
}

template <typename JobType> JobType *makeJob(const QString &service, const QString &key, QObject *parent)
{
    auto *job = new JobType(service, parent); // deletes itself after finished() (autoDelete)
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain file
    job->setKey(key);
    return job;
}

} // namespace

SecretStore::SecretStore(QString service, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
{
}

QString SecretStore::defaultService()
{
    return QStringLiteral("sendscope");
}

QString SecretStore::keyFor(const QString &accountId)
{
    return QStringLiteral("account/%1").arg(accountId);
}

void SecretStore::answerLater(Callback callback, Result result)
{
    QTimer::singleShot(0, this,
                       [callback = std::move(callback), result = std::move(result)] { callback(result); });
}

void SecretStore::read(const QString &accountId, Callback callback)
{
    if (m_memory.contains(accountId)) {
        Result result;
        result.secret = m_memory.value(accountId);
        result.fromMemory = true;
        answerLater(std::move(callback), result);
        return;
    }
    if (std::optional<Result> missing = missingKeychain()) {
        answerLater(std::move(callback), *missing);
        return;
    }
    auto *job = makeJob<QKeychain::ReadPasswordJob>(m_service, keyFor(accountId), this);
    connect(job, &QKeychain::Job::finished, this, [job, callback = std::move(callback)] {
        Result result = resultOf(job);
        if (result.ok())
            result.secret = job->textData();
        callback(result);
    });
    job->start();
}

void SecretStore::write(const QString &accountId, const QString &secret, Callback callback)
{
    if (std::optional<Result> missing = missingKeychain()) {
        answerLater(std::move(callback), *missing);
        return;
    }
    auto *job = makeJob<QKeychain::WritePasswordJob>(m_service, keyFor(accountId), this);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [this, job, accountId, callback = std::move(callback)] {
        const Result result = resultOf(job);
        if (result.ok())
            m_memory.remove(accountId); // the keychain is now the one place
        callback(result);
    });
    job->start();
}

void SecretStore::remove(const QString &accountId, Callback callback)
{
    m_memory.remove(accountId);
    if (std::optional<Result> missing = missingKeychain()) {
        answerLater(std::move(callback), *missing);
        return;
    }
    auto *job = makeJob<QKeychain::DeletePasswordJob>(m_service, keyFor(accountId), this);
    connect(job, &QKeychain::Job::finished, this, [job, callback = std::move(callback)] {
        Result result = resultOf(job);
        if (result.status == Status::NotFound)
            result = {}; // already gone is what the caller wanted
        callback(result);
    });
    job->start();
}

void SecretStore::keepInMemory(const QString &accountId, const QString &secret)
{
    m_memory.insert(accountId, secret);
}

void SecretStore::forgetInMemory(const QString &accountId)
{
    m_memory.remove(accountId);
}
