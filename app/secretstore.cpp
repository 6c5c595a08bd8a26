#include "secretstore.h"

#include "keychainbackend.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibrary>
#include <QTimer>

#include <memory>
#include <optional>

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

struct LoadedBackend
{
    std::unique_ptr<KeychainBackend> backend;
    QString error; // why the module could not be loaded
};

// Loads the sendscope-keychain module once per process and keeps it loaded until exit. Looked for in
// $SENDSCOPE_MODULE_DIR (tests), beside a build tree's programs (build/modules), then where it is installed
// relative to the program (lib/sendscope from bin/ and from libexec/sendscope/).
LoadedBackend &loadedBackend()
{
    static LoadedBackend loaded = [] {
        LoadedBackend result;
        QStringList dirs;
        if (const QString fromEnvironment = qEnvironmentVariable("SENDSCOPE_MODULE_DIR");
            !fromEnvironment.isEmpty())
            dirs << fromEnvironment;
        const QString programDir = QCoreApplication::applicationDirPath();
        for (const char *relative :
             {"../modules", SENDSCOPE_MODULES_FROM_BINDIR, SENDSCOPE_MODULES_FROM_GUIDIR})
            dirs << QDir::cleanPath(programDir + u'/' + QString::fromUtf8(relative));
        dirs.removeDuplicates();
        QStringList failures;
        for (const QString &dir : std::as_const(dirs)) {
            if (QDir(dir).entryList({QStringLiteral("sendscope-keychain.*")}, QDir::Files).isEmpty())
                continue;
            QLibrary library(dir + QStringLiteral("/sendscope-keychain"));
            const auto create =
                reinterpret_cast<CreateKeychainBackend>(library.resolve(SENDSCOPE_KEYCHAIN_ENTRY_POINT));
            if (create) {
                result.backend.reset(create()); // the module stays loaded: ~QLibrary does not unload it
                return result;
            }
            failures << library.errorString();
        }
        result.error =
            failures.isEmpty()
                ? SecretStore::tr("the keychain module sendscope-keychain is not installed (looked in %1)")
                      .arg(dirs.join(QStringLiteral(", ")))
                : SecretStore::tr("the keychain module could not be loaded: %1")
                      .arg(failures.join(QStringLiteral("; ")));
        return result;
    }();
    return loaded;
}

// Asked before every keychain job: a reason the user can act on, instead of a D-Bus timeout.
std::optional<SecretStore::Result> missingKeychain()
{
    LoadedBackend &loaded = loadedBackend();
    if (!loaded.backend)
        return SecretStore::Result{
            SecretStore::Status::NoKeychain, noKeychainMessage(loaded.error), {}, false};
    switch (loaded.backend->missing()) {
    case KeychainBackend::Missing::None:
        return std::nullopt;
    case KeychainBackend::Missing::NoSession:
        return SecretStore::Result{SecretStore::Status::NoKeychain,
                                   noKeychainMessage(SecretStore::tr("there is no D-Bus session")),
                                   {},
                                   false};
    case KeychainBackend::Missing::NoService:
        break;
    }
    return SecretStore::Result{
        SecretStore::Status::NoKeychain,
        noKeychainMessage(SecretStore::tr("no Secret Service or KWallet on the D-Bus session")),
        {},
        false};
}

KeychainBackend &backend()
{
    return *loadedBackend().backend; // only after missingKeychain() said it is there
}

SecretStore::Result resultOf(const KeychainAnswer &answer)
{
    SecretStore::Result result;
    switch (answer.kind) {
    case KeychainAnswer::Kind::Ok:
        result.secret = answer.secret;
        return result;
    case KeychainAnswer::Kind::NotFound:
        result.status = SecretStore::Status::NotFound;
        result.message = SecretStore::tr("No password is stored in the keychain for this account.");
        break;
    case KeychainAnswer::Kind::NoBackend:
        result.status = SecretStore::Status::NoKeychain;
        result.message = noKeychainMessage(answer.detail);
        break;
    case KeychainAnswer::Kind::AccessDenied:
        result.status = SecretStore::Status::AccessDenied;
        result.message = SecretStore::tr("The keychain refused access (%1). It may be locked, or the "
                                         "request was declined; unlock it and try again.")
                             .arg(answer.detail);
        break;
    case KeychainAnswer::Kind::Failed:
        result.status = SecretStore::Status::Failed;
        result.message = SecretStore::tr("The keychain reported an error: %1").arg(answer.detail);
        break;
    }
    // libsecret reports a missing D-Bus session or Secret Service as OtherError with a D-Bus message.
    if (result.status == SecretStore::Status::Failed &&
        (answer.detail.contains(QLatin1String("org.freedesktop.DBus")) ||
         answer.detail.contains(QLatin1String("D-Bus"), Qt::CaseInsensitive) ||
         answer.detail.contains(QLatin1String("secrets"), Qt::CaseInsensitive))) {
        result.status = SecretStore::Status::NoKeychain;
        result.message = noKeychainMessage(answer.detail);
    }
    return result;
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
    backend().read(
        m_service, keyFor(accountId), this,
        [callback = std::move(callback)](const KeychainAnswer &answer) { callback(resultOf(answer)); });
}

void SecretStore::write(const QString &accountId, const QString &secret, Callback callback)
{
    if (std::optional<Result> missing = missingKeychain()) {
        answerLater(std::move(callback), *missing);
        return;
    }
    backend().write(m_service, keyFor(accountId), secret, this,
                    [this, accountId, callback = std::move(callback)](const KeychainAnswer &answer) {
                        const Result result = resultOf(answer);
                        if (result.ok())
                            m_memory.remove(accountId); // the keychain is now the one place
                        callback(result);
                    });
}

void SecretStore::remove(const QString &accountId, Callback callback)
{
    m_memory.remove(accountId);
    if (std::optional<Result> missing = missingKeychain()) {
        answerLater(std::move(callback), *missing);
        return;
    }
    backend().remove(m_service, keyFor(accountId), this,
                     [callback = std::move(callback)](const KeychainAnswer &answer) {
                         Result result = resultOf(answer);
                         if (result.status == Status::NotFound)
                             result = {}; // already gone is what the caller wanted
                         callback(result);
                     });
}

void SecretStore::keepInMemory(const QString &accountId, const QString &secret)
{
    m_memory.insert(accountId, secret);
}

void SecretStore::forgetInMemory(const QString &accountId)
{
    m_memory.remove(accountId);
}
