#include "account.h"

#include "addressparser.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>
#include <QUuid>

#include <array>
#include <utility>

namespace {

constexpr std::array kAuthKeys{
    std::pair{AccountAuth::Automatic, "automatic"},
    std::pair{AccountAuth::Plain, "plain"},
    std::pair{AccountAuth::Login, "login"},
    std::pair{AccountAuth::CramMd5, "cram-md5"},
    std::pair{AccountAuth::ScramSha256, "scram-sha-256"},
    std::pair{AccountAuth::OAuth2Token, "oauth2"},
    std::pair{AccountAuth::None, "none"},
};

// A host name (IDN allowed: it is converted to A-labels first) or an IP address, as typed in the form.
bool isValidHost(const QString &host)
{
    if (host.isEmpty() || host.size() > 253)
        return false;
    if (host.contains(u':')) // IPv6 literal
        return QUrl(QStringLiteral("smtp://[%1]").arg(host)).isValid();
    const QByteArray ace = QUrl::toAce(host);
    if (ace.isEmpty())
        return false;
    static const QRegularExpression label(QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$"));
    const QStringList labels = QString::fromLatin1(ace).split(u'.');
    for (const QString &part : labels) {
        if (!label.match(part).hasMatch())
            return false;
    }
    return true;
}

} // namespace

QString Identity::displayString() const
{
    return name.isEmpty() ? address : QStringLiteral("%1 <%2>").arg(name, address);
}

SmtpServerSettings Account::serverSettings() const
{
    SmtpServerSettings settings;
    settings.host = host;
    settings.port = port;
    settings.security = security;
    settings.allowPlaintextAuth = allowPlaintextAuth;
    settings.trustedFingerprints = currentPins();
    switch (auth) {
    case AccountAuth::Automatic:
    case AccountAuth::OAuth2Token:
        break; // the strongest offered of the password (or token) mechanisms
    case AccountAuth::Plain:
        settings.authMechanism = "PLAIN";
        break;
    case AccountAuth::Login:
        settings.authMechanism = "LOGIN";
        break;
    case AccountAuth::CramMd5:
        settings.authMechanism = "CRAM-MD5";
        break;
    case AccountAuth::ScramSha256:
        settings.authMechanism = "SCRAM-SHA-256";
        break;
    case AccountAuth::None:
        settings.authMechanism = "NONE";
        break;
    }
    if (auth != AccountAuth::None)
        settings.username = effectiveUsername();
    settings.secretIsToken = usesToken();
    return settings;
}

OAuthSettings Account::oauthSettings() const
{
    OAuthSettings settings;
    if (const std::optional<OAuthProvider> provider = OAuthProvider::find(oauthProvider))
        settings = provider->settings();
    settings.providerId = oauthProvider;
    if (settings.providerName.isEmpty())
        settings.providerName = QUrl(oauthAuthorizeUrl).host();
    if (!oauthAuthorizeUrl.isEmpty())
        settings.authorizeUrl = QUrl(oauthAuthorizeUrl);
    if (!oauthTokenUrl.isEmpty())
        settings.tokenUrl = QUrl(oauthTokenUrl);
    if (!oauthClientId.isEmpty())
        settings.clientId = oauthClientId;
    if (!oauthScope.isEmpty())
        settings.scope = oauthScope;
    return settings;
}

QList<QByteArray> Account::pinsFor(const QString &server, quint16 serverPort) const
{
    return pinnedCertificates.value(serverKey(server, serverPort));
}

void Account::setCurrentPins(const QList<QByteArray> &pins)
{
    if (pins.isEmpty())
        pinnedCertificates.remove(serverKey(host, effectivePort()));
    else
        pinnedCertificates.insert(serverKey(host, effectivePort()), pins);
}

QList<Account::CertificatePin> Account::certificatePins() const
{
    QList<CertificatePin> pins;
    for (auto it = pinnedCertificates.cbegin(); it != pinnedCertificates.cend(); ++it) {
        for (const QByteArray &sha256 : it.value())
            pins.append({it.key(), sha256, pinnedAt.value(pinKey(it.key(), sha256))});
    }
    return pins;
}

void Account::pinCertificate(const QString &server, const QByteArray &sha256, const QDateTime &when)
{
    for (const QByteArray &old : pinnedCertificates.value(server))
        pinnedAt.remove(pinKey(server, old));
    pinnedCertificates.insert(server, {sha256});
    pinnedAt.insert(pinKey(server, sha256), when.toUTC());
}

void Account::removeCertificatePin(const QString &server, const QByteArray &sha256)
{
    const auto it = pinnedCertificates.find(server);
    if (it == pinnedCertificates.end())
        return;
    it.value().removeAll(sha256);
    if (it.value().isEmpty())
        pinnedCertificates.erase(it);
    pinnedAt.remove(pinKey(server, sha256));
}

QString Account::pinKey(const QString &server, const QByteArray &sha256)
{
    return server + u' ' + QString::fromLatin1(sha256.toHex());
}

QString Account::serverKey(const QString &server, quint16 serverPort)
{
    return QStringLiteral("%1:%2").arg(server.trimmed().toLower()).arg(serverPort);
}

QString Account::effectiveUsername() const
{
    return username.isEmpty() ? primaryIdentity().address : username;
}

QList<Account::Problem> Account::validate() const
{
    QList<Problem> problems;
    if (name.trimmed().isEmpty())
        problems.append({Field::Name, Account::tr("Give the account a name.")});
    else if (name.contains(u'\n') || name.contains(u'\r') || name.contains(u'/') || name.contains(u'\\'))
        problems.append({Field::Name, Account::tr("The name cannot contain line breaks or slashes.")});

    const QString address = primaryIdentity().address.trimmed();
    if (address.isEmpty()) {
        problems.append({Field::Address, Account::tr("Enter the email address to send from.")});
    } else {
        AddressParser::Error error;
        const MailAddress parsed = AddressParser::parseMailbox(address, &error);
        if (parsed.isNull())
            problems.append({Field::Address, error.message});
        else if (!parsed.displayName().isEmpty())
            problems.append(
                {Field::Address, Account::tr("Enter only the address here; the name has its own field.")});
    }

    for (qsizetype i = 0; i < identities.size(); ++i) {
        const Identity &identity = identities.at(i);
        // Names and signatures go into headers and the text: a line break in a name would inject a header.
        if (identity.name.contains(u'\n') || identity.name.contains(u'\r') ||
            identity.name.contains(QChar(0))) {
            problems.append(
                {i == 0 ? Field::Address : Field::Identities,
                 Account::tr("The name \"%1\" cannot contain line breaks.").arg(identity.name.simplified())});
        }
        if (!identity.replyTo.trimmed().isEmpty()) {
            AddressParser::Error error;
            if (AddressParser::parseList(identity.replyTo, &error).isEmpty() ||
                error.code != AddressParser::ErrorCode::None)
                problems.append({i == 0 ? Field::ReplyTo : Field::Identities,
                                 Account::tr("Reply-To \"%1\": %2").arg(identity.replyTo, error.message)});
        }
        if (i == 0)
            continue;
        AddressParser::Error error;
        const MailAddress parsed = AddressParser::parseMailbox(identity.address.trimmed(), &error);
        if (parsed.isNull())
            problems.append(
                {Field::Identities,
                 Account::tr("Identity %1 (\"%2\"): %3").arg(i + 1).arg(identity.address, error.message)});
    }

    if (host.trimmed().isEmpty())
        problems.append(
            {Field::Host, Account::tr("Enter the outgoing (SMTP) server, for example smtp.example.com.")});
    else if (!isValidHost(host.trimmed()))
        problems.append(
            {Field::Host, Account::tr("\"%1\" is not a valid host name or address.").arg(host.trimmed())});

    if (security == SmtpSecurity::None && auth != AccountAuth::None && !allowPlaintextAuth)
        problems.append(
            {Field::Security, Account::tr("Without encryption the password would cross the network in "
                                          "clear text. Choose STARTTLS or SSL/TLS, or no authentication.")});
    // An empty user name follows the address, whose own problem is already reported.
    if (auth != AccountAuth::None && effectiveUsername().trimmed().isEmpty() && !address.isEmpty())
        problems.append({Field::Username, Account::tr("Enter the user name for the server.")});
    return problems;
}

QString Account::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString Account::authKey(AccountAuth auth)
{
    for (const auto &[value, key] : kAuthKeys) {
        if (value == auth)
            return QString::fromLatin1(key);
    }
    return QStringLiteral("automatic");
}

std::optional<AccountAuth> Account::authFromKey(const QString &key)
{
    for (const auto &[value, name] : kAuthKeys) {
        if (key == QLatin1String(name))
            return value;
    }
    return std::nullopt;
}

std::optional<AccountAuth> Account::authFromMechanism(const QString &mechanism)
{
    const QString lower = mechanism.toLower();
    if (lower.isEmpty() || lower == QStringLiteral("auto"))
        return AccountAuth::Automatic;
    if (lower == QStringLiteral("xoauth2") || lower == QStringLiteral("oauthbearer") ||
        lower == QStringLiteral("oauth2") || lower == QStringLiteral("token"))
        return AccountAuth::OAuth2Token;
    return authFromKey(lower);
}

std::optional<SmtpSecurity> Account::securityFromName(const QString &name)
{
    const QString lower = name.toLower();
    if (lower == QStringLiteral("none"))
        return SmtpSecurity::None;
    if (lower == QStringLiteral("starttls"))
        return SmtpSecurity::StartTls;
    if (lower == QStringLiteral("tls") || lower == QStringLiteral("ssl"))
        return SmtpSecurity::ImplicitTls;
    return std::nullopt;
}
