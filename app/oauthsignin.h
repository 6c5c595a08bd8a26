#pragma once

#include "oautherror.h"
#include "oauthprovider.h"
#include "oauthtokenclient.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class QTcpServer;
class QTcpSocket;

// One interactive sign-in (RFC 6749 authorization code + RFC 7636 PKCE S256 + RFC 8252 loopback
// redirect): a listener on 127.0.0.1 with a random port takes exactly one callback, whose state must be
// ours; the code is exchanged for tokens. The browser is opened by whoever provides openBrowser (the GUI
// uses QDesktopServices, the command line runs $BROWSER or xdg-open), so this stays Qt Core + Network.
class OAuthSignIn : public QObject
{
    Q_OBJECT
public:
    // Answers whether a browser was started; the URL is always shown to the person too.
    using BrowserOpener = std::function<bool(const QUrl &url)>;

    OAuthSignIn(OAuthSettings settings, BrowserOpener openBrowser, QObject *parent = nullptr);
    ~OAuthSignIn() override;

    void setTimeout(int milliseconds) { m_timeout.setInterval(milliseconds); }
    void setLoginHint(const QString &address) { m_loginHint = address; }
    // Starts listening and asks for the browser; authorizationUrlReady() and later finished() follow.
    void start();
    void cancel();

    // PKCE: 32 random bytes as base64url (43 characters), and its S256 challenge.
    static QString newCodeVerifier();
    static QString challengeFor(const QString &verifier);

signals:
    void authorizationUrlReady(const QUrl &url, bool browserStarted);
    void finished(const OAuthTokenClient::Tokens &tokens);

private:
    void onConnection();
    void onCallback(QTcpSocket *socket, const QByteArray &target);
    void respond(QTcpSocket *socket, int status, const QString &title, const QString &text);
    void fail(OAuthError::Code code, const QString &serverReply, const QString &explanation);
    void finishWith(const OAuthTokenClient::Tokens &tokens);
    void stopListening();

    OAuthSettings m_settings;
    BrowserOpener m_openBrowser;
    QString m_loginHint;
    QTcpServer *m_server;
    OAuthTokenClient *m_tokens;
    QTimer m_timeout;
    QString m_verifier;
    QString m_state;
    QUrl m_redirectUri;
    bool m_callbackTaken = false;
    bool m_finished = false;
};
