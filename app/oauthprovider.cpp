#include "oauthprovider.h"

#include "account.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QStandardPaths>

#ifndef SENDSCOPE_GOOGLE_CLIENT_ID
#define SENDSCOPE_GOOGLE_CLIENT_ID ""
#endif
#ifndef SENDSCOPE_GOOGLE_CLIENT_SECRET
#define SENDSCOPE_GOOGLE_CLIENT_SECRET ""
#endif
#ifndef SENDSCOPE_MICROSOFT_CLIENT_ID
#define SENDSCOPE_MICROSOFT_CLIENT_ID ""
#endif

namespace {

struct Table
{
    QList<OAuthProvider> providers;
    QList<OAuthProvider::PasswordHint> hints;
};

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list << item.toString().toLower();
    return list;
}

// An organisation sets its own registered app for everyone: the first sendscope/oauth.conf found in the
// configuration directories ($XDG_CONFIG_HOME, then $XDG_CONFIG_DIRS such as /etc/xdg) wins.
void applyOrganisationSettings(OAuthProvider &provider)
{
    const QString path =
        QStandardPaths::locate(QStandardPaths::GenericConfigLocation, QStringLiteral("sendscope/oauth.conf"));
    if (path.isEmpty())
        return;
    QSettings settings(path, QSettings::IniFormat);
    settings.beginGroup(provider.id);
    provider.clientId = settings.value(QStringLiteral("client_id"), provider.clientId).toString();
    provider.clientSecret = settings.value(QStringLiteral("client_secret"), provider.clientSecret).toString();
    settings.endGroup();
}

Table loadTable()
{
    Table table;
    QFile file(QStringLiteral(":/oauth/providers.json"));
    if (!file.open(QIODevice::ReadOnly))
        return table; // not linked in: no provider is recognised, everything still works by password
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    for (const QJsonValue &value : root.value(QStringLiteral("oauth")).toArray()) {
        const QJsonObject object = value.toObject();
        OAuthProvider provider;
        provider.id = object.value(QStringLiteral("id")).toString();
        provider.name = object.value(QStringLiteral("name")).toString();
        provider.authorizeUrl = QUrl(object.value(QStringLiteral("authorizeUrl")).toString());
        provider.tokenUrl = QUrl(object.value(QStringLiteral("tokenUrl")).toString());
        provider.scope = object.value(QStringLiteral("scope")).toString();
        const QJsonObject extra = object.value(QStringLiteral("extraAuthorizeParameters")).toObject();
        for (auto it = extra.begin(); it != extra.end(); ++it)
            provider.extraAuthorizeParameters.insert(it.key(), it.value().toString());
        const QJsonObject smtp = object.value(QStringLiteral("smtp")).toObject();
        provider.smtpHost = smtp.value(QStringLiteral("host")).toString();
        provider.smtpPort = static_cast<quint16>(smtp.value(QStringLiteral("port")).toInt());
        provider.smtpSecurity = Account::securityFromName(smtp.value(QStringLiteral("security")).toString())
                                    .value_or(SmtpSecurity::StartTls);
        provider.smtpMechanism = smtp.value(QStringLiteral("mechanism")).toString().toLatin1();
        provider.domains = strings(object.value(QStringLiteral("domains")));
        provider.mxHosts = strings(object.value(QStringLiteral("mxHosts")));
        provider.appPasswordHelp = QUrl(object.value(QStringLiteral("appPasswordHelp")).toString());
        if (provider.id == QStringLiteral("google")) {
            provider.clientId = QStringLiteral(SENDSCOPE_GOOGLE_CLIENT_ID);
            provider.clientSecret = QStringLiteral(SENDSCOPE_GOOGLE_CLIENT_SECRET);
        } else if (provider.id == QStringLiteral("microsoft")) {
            provider.clientId = QStringLiteral(SENDSCOPE_MICROSOFT_CLIENT_ID);
        }
        applyOrganisationSettings(provider);
        table.providers << provider;
    }
    for (const QJsonValue &value : root.value(QStringLiteral("passwordOnly")).toArray()) {
        const QJsonObject object = value.toObject();
        table.hints << OAuthProvider::PasswordHint{object.value(QStringLiteral("id")).toString(),
                                                   object.value(QStringLiteral("name")).toString(),
                                                   object.value(QStringLiteral("code")).toString(),
                                                   QUrl(object.value(QStringLiteral("help")).toString()),
                                                   strings(object.value(QStringLiteral("domains"))),
                                                   strings(object.value(QStringLiteral("mxHosts")))};
    }
    return table;
}

QString domainOf(const QString &address)
{
    return address.section(u'@', -1).trimmed().toLower();
}

// "aspmx.l.google.com" belongs to "google.com"; a bare suffix match would let "evilgoogle.com" in.
bool hostIsUnder(const QString &host, const QStringList &suffixes)
{
    QString name = host.trimmed().toLower();
    if (name.endsWith(u'.'))
        name.chop(1);
    for (const QString &suffix : suffixes) {
        if (name == suffix || name.endsWith(u'.' + suffix))
            return true;
    }
    return false;
}

} // namespace

OAuthSettings OAuthProvider::settings() const
{
    OAuthSettings settings;
    settings.providerId = id;
    settings.providerName = name;
    settings.authorizeUrl = authorizeUrl;
    settings.tokenUrl = tokenUrl;
    settings.clientId = clientId;
    settings.clientSecret = clientSecret;
    settings.scope = scope;
    settings.extraAuthorizeParameters = extraAuthorizeParameters;
    return settings;
}

QList<OAuthProvider> OAuthProvider::all()
{
    return loadTable().providers;
}

std::optional<OAuthProvider> OAuthProvider::find(const QString &id)
{
    for (const OAuthProvider &provider : all()) {
        if (provider.id == id)
            return provider;
    }
    return std::nullopt;
}

std::optional<OAuthProvider> OAuthProvider::forAddress(const QString &address)
{
    const QString domain = domainOf(address);
    for (const OAuthProvider &provider : all()) {
        if (provider.domains.contains(domain))
            return provider;
    }
    return std::nullopt;
}

std::optional<OAuthProvider> OAuthProvider::forMxHost(const QString &mxHost)
{
    for (const OAuthProvider &provider : all()) {
        if (hostIsUnder(mxHost, provider.mxHosts))
            return provider;
    }
    return std::nullopt;
}

std::optional<OAuthProvider::PasswordHint> OAuthProvider::passwordHintFor(const QString &address,
                                                                          const QString &mxHost)
{
    const QString domain = domainOf(address);
    for (const PasswordHint &hint : loadTable().hints) {
        if (hint.domains.contains(domain) || (!mxHost.isEmpty() && hostIsUnder(mxHost, hint.mxHosts)))
            return hint;
    }
    return std::nullopt;
}

QString OAuthProvider::passwordHintText(const PasswordHint &hint)
{
    return tr("%1 does not take your account password here: enter its %2 instead (%3).")
        .arg(hint.name, hint.code, hint.help.toString());
}

QString OAuthProvider::noClientIdText(const OAuthProvider &provider)
{
    return tr("Sign-in with %1 is not set up in this build of Sendscope: it has no client id for %1 "
              "(see README, \"OAuth accounts\"). Use an app password instead (%2), or ask your "
              "administrator for an organisation settings file with a client id.")
        .arg(provider.name, provider.appPasswordHelp.toString());
}
