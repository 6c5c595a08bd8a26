#include "accountsignin.h"

#include "providerreplies.h"
#include "secretstore.h"
#include "smtperror.h"

AccountSignIn::AccountSignIn(Account account, SecretStore *secrets, OAuthSignIn::BrowserOpener openBrowser,
                             QObject *parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_secrets(secrets)
    , m_openBrowser(std::move(openBrowser))
{
}

Account AccountSignIn::preparedFor(Account account, const OAuthProvider &provider)
{
    if (account.oauthProvider != provider.id) {
        // Overrides made for another provider would send this one to the wrong place.
        account.oauthAuthorizeUrl.clear();
        account.oauthTokenUrl.clear();
        account.oauthClientId.clear();
        account.oauthScope.clear();
    }
    account.oauthProvider = provider.id;
    account.auth = AccountAuth::OAuth2Token;
    if (account.host.isEmpty()) {
        account.host = provider.smtpHost;
        account.port = provider.smtpPort == SmtpServerSettings::defaultPort(provider.smtpSecurity)
                           ? 0
                           : provider.smtpPort;
        account.security = provider.smtpSecurity;
    }
    return account;
}

std::optional<OAuthProvider> AccountSignIn::providerFor(const QString &address, const QString &mxHost)
{
    if (std::optional<OAuthProvider> provider = OAuthProvider::forAddress(address))
        return provider;
    if (!mxHost.isEmpty())
        return OAuthProvider::forMxHost(mxHost);
    return std::nullopt;
}

bool AccountSignIn::canSignIn(const Account &account, const OAuthProvider &provider)
{
    return !preparedFor(account, provider).oauthSettings().clientId.isEmpty();
}

std::optional<OAuthProvider> AccountSignIn::offerFor(const SmtpError &error, const Account &account)
{
    if (!error.reply || error.category != SmtpErrorCategory::Auth)
        return std::nullopt;
    const ProviderReplies::Entry *entry = ProviderReplies::match(*error.reply);
    if (!entry)
        return std::nullopt;
    // Keyed on the table's rows, which match the enhanced code and the provider's own words. The tenant
    // and mailbox rows ("SmtpClientAuthentication is disabled") are left out on purpose: XOAUTH2 is SMTP
    // AUTH too, so only the administrator can help there.
    QString providerId;
    if (entry->id == QStringLiteral("microsoft-basic-auth-disabled"))
        providerId = QStringLiteral("microsoft");
    else if (entry->id == QStringLiteral("gmail-app-password-required"))
        providerId = QStringLiteral("google");
    else
        return std::nullopt;
    // Only for an account at that provider: by its sign-in, its address, or its server.
    std::optional<OAuthProvider> provider = OAuthProvider::find(providerId);
    if (!provider)
        return std::nullopt;
    const std::optional<OAuthProvider> byAddress =
        OAuthProvider::forAddress(account.primaryIdentity().address);
    const bool theirs = account.oauthProvider == providerId || (byAddress && byAddress->id == providerId) ||
                        account.host.compare(provider->smtpHost, Qt::CaseInsensitive) == 0;
    if (!theirs)
        return std::nullopt;
    return provider;
}

void AccountSignIn::start()
{
    if (m_running)
        return;
    m_running = true;
    // The keychain entry is keyed by the id, so a new account needs one before it signs in.
    if (m_account.id.isEmpty())
        m_account.id = Account::newId();
    m_signIn = new OAuthSignIn(m_account.oauthSettings(), m_openBrowser, this);
    m_signIn->setTimeout(m_timeoutMs);
    m_signIn->setLoginHint(m_account.primaryIdentity().address);
    connect(m_signIn, &OAuthSignIn::authorizationUrlReady, this, &AccountSignIn::authorizationUrlReady);
    connect(m_signIn, &OAuthSignIn::finished, this, &AccountSignIn::onSignedIn);
    m_signIn->start();
}

void AccountSignIn::cancel()
{
    if (m_signIn)
        m_signIn->cancel();
}

void AccountSignIn::onSignedIn(const OAuthTokenClient::Tokens &tokens)
{
    if (m_signIn)
        m_signIn->deleteLater();
    Result result;
    result.account = m_account;
    if (tokens.error.isError()) {
        result.error = tokens.error;
        finishWith(result);
        return;
    }
    if (tokens.refreshToken.isEmpty()) {
        result.noRefreshToken = true;
        result.error = {
            OAuthError::Code::Server,
            {},
            tr("The provider signed you in but gave no refresh token, so Sendscope could not send "
               "later without a browser. Check that the scope asks for offline access.")};
        finishWith(result);
        return;
    }
    m_secrets->write(m_account.id, tokens.refreshToken, [this, tokens](const SecretStore::Result &stored) {
        Result done;
        done.account = m_account;
        if (!stored.ok()) {
            done.error = {OAuthError::Code::Keychain,
                          {},
                          tr("Signed in, but the keychain could not keep the sign-in, so the account "
                             "cannot send unattended. %1")
                              .arg(stored.message)};
            finishWith(done);
            return;
        }
        // The SASL user name is the account that signed in, whatever the From address says.
        if (!tokens.signedInAddress.isEmpty())
            done.account.username = tokens.signedInAddress;
        done.account.auth = AccountAuth::OAuth2Token;
        const QString from = done.account.primaryIdentity().address;
        const QString user = done.account.effectiveUsername();
        if (!from.isEmpty() && user.compare(from, Qt::CaseInsensitive) != 0)
            done.fromWarning =
                tr("You signed in as %1 but the account sends from %2. The provider may refuse "
                   "or rewrite that From address unless %1 may send as %2.")
                    .arg(user, from);
        finishWith(done);
    });
}

void AccountSignIn::finishWith(const Result &result)
{
    m_running = false;
    emit finished(result);
}
