#pragma once

#include "account.h"
#include "oautherror.h"
#include "oauthsignin.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

class SecretStore;
struct SmtpError;

// Signs one account in interactively and keeps the outcome, for the account dialog: runs OAuthSignIn,
// writes the refresh token to the keychain (only there), and sets the SASL user name to the address that
// signed in. The browser is whatever the caller opens (the GUI: QDesktopServices). A send never makes
// one of these: it only refreshes (OAuthTokens), so nothing unattended can open a browser.
class AccountSignIn : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        OAuthError error;
        Account account;     // as signed in: OAuth2Token, username = signed-in address, id set
        QString fromWarning; // the From address differs from the signed-in one; empty when it does not
        bool noRefreshToken = false; // signed in, but nothing was given to send with later
    };

    AccountSignIn(Account account, SecretStore *secrets, OAuthSignIn::BrowserOpener openBrowser,
                  QObject *parent = nullptr);

    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    int timeout() const { return m_timeoutMs; }
    void start();
    void cancel();
    bool isRunning() const { return m_running; }

    // The account set up to sign in with provider: the provider's server when none is entered, OAuth as
    // the authentication. Endpoints and a client id the account already overrides are kept.
    static Account preparedFor(Account account, const OAuthProvider &provider);
    // The sign-in provider for an address, or for the MX host "Find settings" saw (Google Workspace and
    // Microsoft 365 domains keep their own names).
    static std::optional<OAuthProvider> providerFor(const QString &address, const QString &mxHost = {});
    // Whether the account's provider has a client id (the account's own, the build's or the
    // organisation's); without one, sign-in cannot be offered and the app-password route is.
    static bool canSignIn(const Account &account, const OAuthProvider &provider);
    // A send or test refused in a way a sign-in fixes (Microsoft's "basic authentication is disabled",
    // Google's 534 5.7.9): the provider to sign in with, when the account is one of theirs. Nothing for
    // replies a sign-in does not fix, such as SMTP AUTH turned off by the organisation.
    static std::optional<OAuthProvider> offerFor(const SmtpError &error, const Account &account);

signals:
    void authorizationUrlReady(const QUrl &url, bool browserStarted);
    void finished(const AccountSignIn::Result &result);

private:
    void onSignedIn(const OAuthTokenClient::Tokens &tokens);
    void finishWith(const Result &result);

    Account m_account;
    SecretStore *m_secrets;
    OAuthSignIn::BrowserOpener m_openBrowser;
    QPointer<OAuthSignIn> m_signIn;
    int m_timeoutMs = 5 * 60 * 1000;
    bool m_running = false;
};
