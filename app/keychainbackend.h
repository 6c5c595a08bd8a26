#pragma once

#include <QObject>
#include <QString>

#include <functional>

// The system keychain as SecretStore sees it. The implementation on QtKeychain is a module of its own
// (sendscope-keychain), loaded the first time a secret is read or written: QtKeychain brings Qt D-Bus,
// libdbus, libsystemd and libgcrypt with their dependencies (nine libraries, about 1.2 MiB resident)
// into every process that links it, and `sendscope send --password-env` never talks to a keychain.
// Everything shown to the user is worded by SecretStore; the module reports kinds and the keychain's
// own words.
struct KeychainAnswer
{
    enum class Kind { Ok, NotFound, NoBackend, AccessDenied, Failed };
    Kind kind = Kind::Ok;
    QString detail; // the keychain's error text, untranslated; empty when Ok
    QString secret; // for read()
};

class KeychainBackend
{
public:
    using Callback = std::function<void(const KeychainAnswer &)>;
    enum class Missing { None, NoSession, NoService };

    virtual ~KeychainBackend() = default;

    // Whether a keychain service can answer on this desktop (on Linux: a D-Bus session with a Secret
    // Service or KWallet); asked before every job so that the user gets a reason instead of a timeout.
    virtual Missing missing() = 0;

    // Each answers exactly once, asynchronously, unless context is destroyed first.
    virtual void read(const QString &service, const QString &key, QObject *context, Callback callback) = 0;
    virtual void write(const QString &service, const QString &key, const QString &secret, QObject *context,
                       Callback callback) = 0;
    virtual void remove(const QString &service, const QString &key, QObject *context, Callback callback) = 0;
};

// The module's one exported function. The version is in the name so that a module from another build
// of Sendscope is refused instead of called with a different layout.
using CreateKeychainBackend = KeychainBackend *(*)();
#define SENDSCOPE_KEYCHAIN_ENTRY_POINT "sendscope_create_keychain_backend_v1"
