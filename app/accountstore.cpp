#include "accountstore.h"

#include "privatefiles.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace {

QString securityKey(SmtpSecurity security)
{
    return SmtpServerSettings::securityName(security);
}

Account readAccount(QSettings &settings, const QString &id)
{
    Account account;
    account.id = id;
    settings.beginGroup(id);
    account.name = settings.value(QStringLiteral("name")).toString();
    account.host = settings.value(QStringLiteral("host")).toString();
    account.port = static_cast<quint16>(settings.value(QStringLiteral("port"), 0).toUInt());
    account.security = Account::securityFromName(settings.value(QStringLiteral("security")).toString())
                           .value_or(SmtpSecurity::StartTls);
    account.auth = Account::authFromKey(settings.value(QStringLiteral("auth")).toString())
                       .value_or(AccountAuth::Automatic);
    account.username = settings.value(QStringLiteral("username")).toString();
    account.allowPlaintextAuth = settings.value(QStringLiteral("allowPlaintextAuth"), false).toBool();
    account.isSandbox = settings.value(QStringLiteral("sandbox"), false).toBool();
    account.requestDeliveryReceipt = settings.value(QStringLiteral("requestDeliveryReceipt"), false).toBool();
    account.requestReadReceipt = settings.value(QStringLiteral("requestReadReceipt"), false).toBool();
    account.spellingLanguage = settings.value(QStringLiteral("spellingLanguage")).toString();
    account.oauthProvider = settings.value(QStringLiteral("oauthProvider")).toString();
    account.oauthAuthorizeUrl = settings.value(QStringLiteral("oauthAuthorizeUrl")).toString();
    account.oauthTokenUrl = settings.value(QStringLiteral("oauthTokenUrl")).toString();
    account.oauthClientId = settings.value(QStringLiteral("oauthClientId")).toString();
    account.oauthScope = settings.value(QStringLiteral("oauthScope")).toString();
    // Each entry is "host:port hex" and, since they are kept, the time it was trusted (ISO 8601, UTC)
    // (an IPv6 host has colons too: the port follows the last one).
    for (const QString &entry : settings.value(QStringLiteral("pinnedCertificatesByServer")).toStringList()) {
        const QString server = entry.section(u' ', 0, 0);
        const QByteArray raw = QByteArray::fromHex(entry.section(u' ', 1, 1).toLatin1());
        const QDateTime when = QDateTime::fromString(entry.section(u' ', 2, 2), Qt::ISODate);
        const qsizetype colon = server.lastIndexOf(u':');
        bool ok = false;
        const uint port = server.mid(colon + 1).toUInt(&ok);
        if (colon > 0 && ok && port > 0 && port <= 65535 && raw.size() == 32) {
            const QString key = Account::serverKey(server.left(colon), quint16(port));
            account.pinnedCertificates[key] << raw;
            if (when.isValid())
                account.pinnedAt.insert(Account::pinKey(key, raw), when);
        }
    }
    // Pins from before they were kept by server were made for the host and port the account had then,
    // which are the ones stored with it.
    for (const QString &hex : settings.value(QStringLiteral("pinnedCertificates")).toStringList()) {
        const QByteArray raw = QByteArray::fromHex(hex.toLatin1());
        QList<QByteArray> &pins =
            account.pinnedCertificates[Account::serverKey(account.host, account.effectivePort())];
        if (raw.size() == 32 && !pins.contains(raw))
            pins << raw;
    }
    account.pinnedCertificates.removeIf([](const auto &pins) { return pins.value().isEmpty(); });
    const int count = settings.beginReadArray(QStringLiteral("identities"));
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        account.identities.append({settings.value(QStringLiteral("name")).toString(),
                                   settings.value(QStringLiteral("address")).toString(),
                                   settings.value(QStringLiteral("replyTo")).toString(),
                                   settings.value(QStringLiteral("signature")).toString()});
    }
    settings.endArray();
    settings.endGroup();
    return account;
}

void writeAccount(QSettings &settings, const Account &account)
{
    settings.remove(account.id);
    settings.beginGroup(account.id);
    settings.setValue(QStringLiteral("name"), account.name);
    settings.setValue(QStringLiteral("host"), account.host);
    settings.setValue(QStringLiteral("port"), account.port);
    settings.setValue(QStringLiteral("security"), securityKey(account.security));
    settings.setValue(QStringLiteral("auth"), Account::authKey(account.auth));
    settings.setValue(QStringLiteral("username"), account.username);
    settings.setValue(QStringLiteral("allowPlaintextAuth"), account.allowPlaintextAuth);
    settings.setValue(QStringLiteral("sandbox"), account.isSandbox);
    settings.setValue(QStringLiteral("requestDeliveryReceipt"), account.requestDeliveryReceipt);
    settings.setValue(QStringLiteral("requestReadReceipt"), account.requestReadReceipt);
    if (!account.spellingLanguage.isEmpty())
        settings.setValue(QStringLiteral("spellingLanguage"), account.spellingLanguage);
    // Where to sign in, never a token: those live in the keychain (refresh) and in memory (access).
    for (const auto &[key, value] :
         {std::pair{"oauthProvider", &account.oauthProvider},
          std::pair{"oauthAuthorizeUrl", &account.oauthAuthorizeUrl},
          std::pair{"oauthTokenUrl", &account.oauthTokenUrl},
          std::pair{"oauthClientId", &account.oauthClientId}, std::pair{"oauthScope", &account.oauthScope}}) {
        if (!value->isEmpty())
            settings.setValue(QString::fromLatin1(key), *value);
    }
    QStringList pins;
    for (auto it = account.pinnedCertificates.cbegin(); it != account.pinnedCertificates.cend(); ++it) {
        for (const QByteArray &pin : it.value()) {
            const QString key = Account::pinKey(it.key(), pin);
            const QDateTime when = account.pinnedAt.value(key);
            pins << (when.isValid() ? key + u' ' + when.toUTC().toString(Qt::ISODate) : key);
        }
    }
    settings.setValue(QStringLiteral("pinnedCertificatesByServer"), pins);
    settings.beginWriteArray(QStringLiteral("identities"), static_cast<int>(account.identities.size()));
    for (int i = 0; i < account.identities.size(); ++i) {
        settings.setArrayIndex(i);
        const Identity &identity = account.identities.at(i);
        settings.setValue(QStringLiteral("name"), identity.name);
        settings.setValue(QStringLiteral("address"), identity.address);
        settings.setValue(QStringLiteral("replyTo"), identity.replyTo);
        settings.setValue(QStringLiteral("signature"), identity.signature);
    }
    settings.endArray();
    settings.endGroup();
}

} // namespace

AccountStore::AccountStore(QString filePath)
    : m_path(filePath.isEmpty() ? defaultPath() : std::move(filePath))
{
}

QString AccountStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) +
           QStringLiteral("/accounts.conf");
}

QList<Account> AccountStore::accounts() const
{
    QSettings settings(m_path, QSettings::IniFormat);
    QList<Account> result;
    settings.beginGroup(QStringLiteral("accounts"));
    for (const QString &id : settings.value(QStringLiteral("order")).toStringList()) {
        if (settings.childGroups().contains(id))
            result.append(readAccount(settings, id));
    }
    settings.endGroup();
    return result;
}

std::optional<Account> AccountStore::findByName(const QString &name) const
{
    for (const Account &account : accounts()) {
        if (account.name.compare(name, Qt::CaseInsensitive) == 0)
            return account;
    }
    return std::nullopt;
}

std::optional<Account> AccountStore::findById(const QString &id) const
{
    for (const Account &account : accounts()) {
        if (account.id == id)
            return account;
    }
    return std::nullopt;
}

AccountStore::Result AccountStore::save(Account &account)
{
    const QList<Account::Problem> problems = account.validate();
    if (!problems.isEmpty())
        return {Status::Invalid, problems.first().message};
    for (const Account &other : accounts()) {
        if (other.id != account.id && other.name.compare(account.name, Qt::CaseInsensitive) == 0)
            return {Status::NameTaken,
                    AccountStore::tr("There is already an account named \"%1\".").arg(other.name)};
    }
    if (account.id.isEmpty())
        account.id = Account::newId();

    PrivateFiles::prepareFile(m_path); // 0600 in a 0700 folder, before QSettings writes it
    QSettings settings(m_path, QSettings::IniFormat);
    settings.beginGroup(QStringLiteral("accounts"));
    QStringList order = settings.value(QStringLiteral("order")).toStringList();
    if (!order.contains(account.id))
        order.append(account.id);
    settings.setValue(QStringLiteral("order"), order);
    writeAccount(settings, account);
    settings.endGroup();
    settings.sync();
    if (settings.status() != QSettings::NoError)
        return {Status::WriteFailed,
                AccountStore::tr("The account settings could not be written to %1.").arg(m_path)};
    return {};
}

AccountStore::Result AccountStore::remove(const QString &id)
{
    QSettings settings(m_path, QSettings::IniFormat);
    settings.beginGroup(QStringLiteral("accounts"));
    QStringList order = settings.value(QStringLiteral("order")).toStringList();
    if (!order.removeOne(id))
        return {Status::NotFound, AccountStore::tr("There is no such account.")};
    settings.setValue(QStringLiteral("order"), order);
    settings.remove(id);
    if (settings.value(QStringLiteral("default")).toString() == id)
        settings.remove(QStringLiteral("default"));
    settings.endGroup();
    settings.remove(QStringLiteral("serverExtensions/") + id);
    settings.sync();
    if (settings.status() != QSettings::NoError)
        return {Status::WriteFailed,
                AccountStore::tr("The account settings could not be written to %1.").arg(m_path)};
    return {};
}

AccountStore::Result AccountStore::setSpellingLanguage(const QString &id, const QString &language)
{
    // Only this key: the rest of the account may be open in an account dialog at the same time.
    PrivateFiles::prepareFile(m_path);
    QSettings settings(m_path, QSettings::IniFormat);
    settings.beginGroup(QStringLiteral("accounts"));
    if (!settings.value(QStringLiteral("order")).toStringList().contains(id))
        return {Status::NotFound, AccountStore::tr("There is no such account.")};
    settings.setValue(id + QStringLiteral("/spellingLanguage"), language);
    settings.endGroup();
    settings.sync();
    if (settings.status() != QSettings::NoError)
        return {Status::WriteFailed,
                AccountStore::tr("The account settings could not be written to %1.").arg(m_path)};
    return {};
}

QString AccountStore::defaultAccountId() const
{
    QSettings settings(m_path, QSettings::IniFormat);
    const QString id = settings.value(QStringLiteral("accounts/default")).toString();
    if (!id.isEmpty() && findById(id))
        return id;
    const QList<Account> all = accounts();
    return all.isEmpty() ? QString() : all.first().id;
}

void AccountStore::setDefaultAccountId(const QString &id)
{
    PrivateFiles::prepareFile(m_path);
    QSettings settings(m_path, QSettings::IniFormat);
    settings.setValue(QStringLiteral("accounts/default"), id);
}

std::optional<QStringList> AccountStore::knownExtensions(const Account &account) const
{
    QSettings settings(m_path, QSettings::IniFormat);
    settings.beginGroup(QStringLiteral("serverExtensions/") + account.id);
    // Only for the server the account has now: another server may offer other things.
    if (account.id.isEmpty() || !settings.contains(QStringLiteral("server")) ||
        settings.value(QStringLiteral("server")).toString() !=
            Account::serverKey(account.host, account.effectivePort()))
        return std::nullopt;
    return settings.value(QStringLiteral("extensions")).toStringList();
}

void AccountStore::rememberExtensions(const QString &accountId, const QString &serverKey,
                                      const QStringList &extensions)
{
    if (accountId.isEmpty() || !findById(accountId))
        return;
    PrivateFiles::prepareFile(m_path);
    QSettings settings(m_path, QSettings::IniFormat);
    settings.beginGroup(QStringLiteral("serverExtensions/") + accountId);
    settings.setValue(QStringLiteral("server"), serverKey);
    settings.setValue(QStringLiteral("extensions"), extensions);
}
