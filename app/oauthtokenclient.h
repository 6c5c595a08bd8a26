#pragma once

#include "oautherror.h"
#include "oauthprovider.h"

#include <QDateTime>
#include <QObject>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

// The token endpoint of RFC 6749 on QNetworkAccessManager: exchanging an authorization code (with its
// PKCE verifier) and refreshing. Error bodies ({"error":"invalid_grant","error_description":"AADSTS..."})
// come back as OAuthError with the server's words; Qt 6.4's QtNetworkAuth would drop them.
class OAuthTokenClient : public QObject
{
    Q_OBJECT
public:
    struct Tokens
    {
        OAuthError error;
        QString accessToken;
        QString refreshToken; // empty when the provider did not rotate it
        QDateTime expiresAt;
        QString signedInAddress; // from the ID token's email / preferred_username claim
    };
    using Callback = std::function<void(const Tokens &)>;

    explicit OAuthTokenClient(QObject *parent = nullptr);

    void exchangeCode(const OAuthSettings &settings, const QString &code, const QString &verifier,
                      const QUrl &redirectUri, Callback callback);
    void refresh(const OAuthSettings &settings, const QString &refreshToken, Callback callback);

    // Only https, but http to a loopback address (a local test or provider proxy) is allowed.
    static bool isAcceptableEndpoint(const QUrl &url);
    // A human explanation of an OAuth error code and description, with known AADSTS codes spelled out.
    static QString explain(const QString &error, const QString &description);

private:
    void post(const OAuthSettings &settings, const QList<std::pair<QString, QString>> &form,
              Callback callback);
    static Tokens parse(QNetworkReply *reply);

    QNetworkAccessManager *m_network;
};
