#include "qtkeychainbackend.h"

#include <qt6keychain/keychain.h>

#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#endif

namespace {

KeychainAnswer answerOf(const QKeychain::Job *job)
{
    KeychainAnswer answer;
    switch (job->error()) {
    case QKeychain::NoError:
        return answer;
    case QKeychain::EntryNotFound:
        answer.kind = KeychainAnswer::Kind::NotFound;
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        answer.kind = KeychainAnswer::Kind::NoBackend;
        break;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        answer.kind = KeychainAnswer::Kind::AccessDenied;
        break;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        answer.kind = KeychainAnswer::Kind::Failed;
        break;
    }
    answer.detail = job->errorString();
    return answer;
}

template <typename JobType> JobType *makeJob(const QString &service, const QString &key, QObject *context)
{
    auto *job = new JobType(service, context); // deletes itself after finished() (autoDelete)
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain file
    job->setKey(key);
    return job;
}

} // namespace

KeychainBackend::Missing QtKeychainBackend::missing()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    // On Linux the keychain is a D-Bus service. Asking first gives a clear reason instead of libsecret's
    // "Could not connect: No such file or directory" and avoids libsecret trying to autolaunch a bus.
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return Missing::NoSession;
    const QStringList names = bus.interface()->registeredServiceNames().value();
    const QStringList activatable = bus.interface()->activatableServiceNames().value();
    for (const char *service :
         {"org.freedesktop.secrets", "org.kde.kwalletd5", "org.kde.kwalletd6", "org.kde.kwalletd"}) {
        const QString name = QString::fromLatin1(service);
        if (names.contains(name) || activatable.contains(name))
            return Missing::None;
    }
    return Missing::NoService;
#else
    return Missing::None;
#endif
}

void QtKeychainBackend::read(const QString &service, const QString &key, QObject *context, Callback callback)
{
    auto *job = makeJob<QKeychain::ReadPasswordJob>(service, key, context);
    QObject::connect(job, &QKeychain::Job::finished, context, [job, callback = std::move(callback)] {
        KeychainAnswer answer = answerOf(job);
        if (answer.kind == KeychainAnswer::Kind::Ok)
            answer.secret = job->textData();
        callback(answer);
    });
    job->start();
}

void QtKeychainBackend::write(const QString &service, const QString &key, const QString &secret,
                              QObject *context, Callback callback)
{
    auto *job = makeJob<QKeychain::WritePasswordJob>(service, key, context);
    job->setTextData(secret);
    QObject::connect(job, &QKeychain::Job::finished, context,
                     [job, callback = std::move(callback)] { callback(answerOf(job)); });
    job->start();
}

void QtKeychainBackend::remove(const QString &service, const QString &key, QObject *context,
                               Callback callback)
{
    auto *job = makeJob<QKeychain::DeletePasswordJob>(service, key, context);
    QObject::connect(job, &QKeychain::Job::finished, context,
                     [job, callback = std::move(callback)] { callback(answerOf(job)); });
    job->start();
}

extern "C" Q_DECL_EXPORT KeychainBackend *sendscope_create_keychain_backend_v1()
{
    return new QtKeychainBackend; // owned by the caller (SecretStore's module loader)
}
