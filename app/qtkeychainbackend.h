#pragma once

#include "keychainbackend.h"

// KeychainBackend on QtKeychain: the Secret Service or KWallet on Linux, Keychain on macOS, Credential
// Manager on Windows. Never falls back to a plain file. Lives in the sendscope-keychain module.
class QtKeychainBackend final : public KeychainBackend
{
public:
    Missing missing() override;
    void read(const QString &service, const QString &key, QObject *context, Callback callback) override;
    void write(const QString &service, const QString &key, const QString &secret, QObject *context,
               Callback callback) override;
    void remove(const QString &service, const QString &key, QObject *context, Callback callback) override;
};
