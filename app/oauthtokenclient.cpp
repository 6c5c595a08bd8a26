#include "oauthtokenclient.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>

namespace {

// The claims of a JWT without checking its signature: the ID token came straight from the token
// endpoint over TLS, which OpenID Connect Core §3.1.3.7 accepts for learning who signed in.
QJsonObject jwtClaims(const QString &token)
{
    const QStringList parts = token.split(u'.');
    if (parts.size() != 3)
        return {};
    const QByteArray payload = QByteArray::fromBase64(
        parts.at(1).toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    return QJsonDocument::fromJson(payload).object();
}

} // namespace

OAuthTokenClient::OAuthTokenClient(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
}

bool OAuthTokenClient::isAcceptableEndpoint(const QUrl &url)
{
    if (!url.isValid())
        return false;
    if (url.scheme() == QStringLiteral("https"))
        return true;
    const QHostAddress address(url.host());
    return url.scheme() == QStringLiteral("http") && (address.isLoopback() || url.host() == u"localhost");
}

QString OAuthTokenClient::explain(const QString &error, const QString &description)
{
    static const QRegularExpression aadsts(QStringLiteral("AADSTS(\\d+)"));
    const QString code = aadsts.match(description).captured(1);
    QString advice;
    if (code == QStringLiteral("50076") || code == QStringLiteral("50079"))
        advice = tr("Your organisation requires multi-factor authentication: sign in again and complete it.");
    else if (code == QStringLiteral("65001") || code == QStringLiteral("90094"))
        advice = tr("Sendscope has not been allowed to send mail for this account. Your organisation's "
                    "administrator may need to grant consent to the app.");
    else if (code == QStringLiteral("700016") || error == QStringLiteral("invalid_client") ||
             error == QStringLiteral("unauthorized_client"))
        advice = tr("The provider does not know this app's client id. Check the client id configured for "
                    "the account or the organisation.");
    else if (code == QStringLiteral("50173") || code == QStringLiteral("70008") ||
             code == QStringLiteral("70000") || error == QStringLiteral("invalid_grant"))
        advice = tr("The sign-in has expired or was revoked (for example after a password change). Sign in "
                    "again.");
    else if (error == QStringLiteral("access_denied"))
        advice = tr("The sign-in was declined in the browser.");
    else if (error == QStringLiteral("invalid_scope"))
        advice = tr("The provider refused the requested permissions (scope).");
    else
        advice = tr("The provider refused the request.");
    return description.isEmpty() ? tr("%1 (%2)").arg(advice, error)
                                 : tr("%1 The provider said: %2 (%3)").arg(advice, description, error);
}

void OAuthTokenClient::exchangeCode(const OAuthSettings &settings, const QString &code,
                                    const QString &verifier, const QUrl &redirectUri, Callback callback)
{
    post(settings,
         {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
          {QStringLiteral("code"), code},
          {QStringLiteral("code_verifier"), verifier},
          {QStringLiteral("redirect_uri"), redirectUri.toString(QUrl::FullyEncoded)}},
         std::move(callback));
}

void OAuthTokenClient::refresh(const OAuthSettings &settings, const QString &refreshToken, Callback callback)
{
    post(settings,
         {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
          {QStringLiteral("refresh_token"), refreshToken},
          {QStringLiteral("scope"), settings.scope}},
         std::move(callback));
}

void OAuthTokenClient::post(const OAuthSettings &settings, const QList<std::pair<QString, QString>> &form,
                            Callback callback)
{
    if (!isAcceptableEndpoint(settings.tokenUrl)) {
        Tokens tokens;
        tokens.error = {OAuthError::Code::Insecure, settings.tokenUrl.toString(),
                        tr("The token endpoint %1 is not an https address; Sendscope does not send sign-in "
                           "codes or tokens over an unencrypted connection.")
                            .arg(settings.tokenUrl.toString())};
        callback(tokens);
        return;
    }
    // Built by hand: QUrlQuery leaves '+' alone, which a form decoder reads as a space.
    QList<std::pair<QString, QString>> fields = form;
    fields.append({QStringLiteral("client_id"), settings.clientId});
    fields.append({QStringLiteral("client_secret"), settings.clientSecret});
    QByteArrayList pairs;
    for (const auto &[key, value] : fields) {
        if (!value.isEmpty())
            pairs << key.toLatin1() + '=' + QUrl::toPercentEncoding(value);
    }
    QNetworkRequest request(settings.tokenUrl);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(60'000);
    QNetworkReply *reply = m_network->post(request, pairs.join('&'));
    connect(reply, &QNetworkReply::finished, this, [reply, callback = std::move(callback)] {
        reply->deleteLater();
        callback(parse(reply));
    });
}

OAuthTokenClient::Tokens OAuthTokenClient::parse(QNetworkReply *reply)
{
    Tokens tokens;
    const QByteArray body = reply->readAll();
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString error = json.value(QStringLiteral("error")).toString();
    if (!error.isEmpty()) {
        const QString description = json.value(QStringLiteral("error_description")).toString();
        tokens.error = {error == QStringLiteral("invalid_grant") ? OAuthError::Code::InvalidGrant
                                                                 : OAuthError::Code::Server,
                        QString::fromUtf8(body.left(2048)).trimmed(), explain(error, description)};
        return tokens;
    }
    if (status == 0 || (reply->error() != QNetworkReply::NoError && status < 400)) {
        tokens.error = {OAuthError::Code::Network, reply->errorString(),
                        tr("The sign-in server could not be reached: %1").arg(reply->errorString())};
        return tokens;
    }
    tokens.accessToken = json.value(QStringLiteral("access_token")).toString();
    if (status != 200 || tokens.accessToken.isEmpty()) {
        tokens.error = {OAuthError::Code::Server, QString::fromUtf8(body.left(2048)).trimmed(),
                        tr("The sign-in server gave no access token (HTTP %1).").arg(status)};
        tokens.accessToken.clear();
        return tokens;
    }
    tokens.refreshToken = json.value(QStringLiteral("refresh_token")).toString();
    const int expiresIn = json.value(QStringLiteral("expires_in")).toVariant().toInt();
    // No lifetime given: assume a short one, so that the next send refreshes rather than fails.
    tokens.expiresAt = QDateTime::currentDateTimeUtc().addSecs(expiresIn > 0 ? expiresIn : 300);
    const QJsonObject claims = jwtClaims(json.value(QStringLiteral("id_token")).toString());
    for (const char *claim : {"email", "preferred_username", "upn"}) {
        const QString value = claims.value(QString::fromLatin1(claim)).toString();
        if (value.contains(u'@')) {
            tokens.signedInAddress = value;
            break;
        }
    }
    return tokens;
}
