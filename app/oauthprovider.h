#pragma once

#include "smtpserversettings.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

// Where and how an account signs in with OAuth 2.0, resolved from the provider table and the account's
// own overrides. Plain data; the client id and secret of an installed app are not secrets (RFC 8252 §8.5).
struct OAuthSettings
{
    QString providerId; // "google", "microsoft", "custom"
    QString providerName;
    QUrl authorizeUrl;
    QUrl tokenUrl;
    QString clientId;
    QString clientSecret; // Google's installed-app "secret", public by design; empty for most
    QString scope;
    QMap<QString, QString> extraAuthorizeParameters;

    bool isComplete() const { return authorizeUrl.isValid() && tokenUrl.isValid() && !clientId.isEmpty(); }
};

// The provider table (resources/oauth/providers.json, compiled in): the OAuth providers whose SMTP servers
// take a signed-in token, and the password-only providers that want a special code instead of the
// account password, each with the domains and MX hosts that identify it.
class OAuthProvider
{
    Q_DECLARE_TR_FUNCTIONS(OAuthProvider)

public:
    QString id;
    QString name;
    QUrl authorizeUrl;
    QUrl tokenUrl;
    QString scope;
    QMap<QString, QString> extraAuthorizeParameters;
    QString smtpHost;
    quint16 smtpPort = 0;
    SmtpSecurity smtpSecurity = SmtpSecurity::StartTls;
    QByteArray smtpMechanism;
    QStringList domains;
    QStringList mxHosts;
    QUrl appPasswordHelp;
    // The project's client id: from the build (-DSENDSCOPE_GOOGLE_CLIENT_ID=...) or an organisation's
    // sendscope/oauth.conf ([google] client_id=...). Empty: nobody configured one; sign-in is not offered.
    QString clientId;
    QString clientSecret;

    // A provider that takes only passwords, and the name of the code it wants in place of the password.
    struct PasswordHint
    {
        QString id;
        QString name;
        QString code; // "app password", "authorization code (授权码)", ...
        QUrl help;
        QStringList domains;
        QStringList mxHosts;
    };

    OAuthSettings settings() const;

    static QList<OAuthProvider> all();
    static std::optional<OAuthProvider> find(const QString &id);
    // By the address's domain ("me@gmail.com"), then by an MX host name ("aspmx.l.google.com").
    static std::optional<OAuthProvider> forAddress(const QString &address);
    static std::optional<OAuthProvider> forMxHost(const QString &mxHost);
    static std::optional<PasswordHint> passwordHintFor(const QString &address, const QString &mxHost = {});
    // One sentence for the account dialog: which code to use and where to make one.
    static QString passwordHintText(const PasswordHint &hint);
    // Why sign-in cannot be offered for this provider, for the dialog and the command line.
    static QString noClientIdText(const OAuthProvider &provider);
};
