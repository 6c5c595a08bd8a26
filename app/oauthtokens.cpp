#include "oauthtokens.h"

#include "secretstore.h"

#include <QTimer>

OAuthTokens::OAuthTokens(SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
    , m_client(new OAuthTokenClient(this))
{
}

void OAuthTokens::remember(const QString &accountId, const QString &accessToken, const QDateTime &expiresAt)
{
    m_cache.insert(accountId, {accessToken, expiresAt});
}

void OAuthTokens::forget(const QString &accountId)
{
    m_cache.remove(accountId);
}

void OAuthTokens::accessToken(const Account &account, bool forceRefresh, Callback callback)
{
    const QString id = account.id;
    const auto cached = m_cache.constFind(id);
    if (!forceRefresh && cached != m_cache.cend() &&
        QDateTime::currentDateTimeUtc().secsTo(cached->expiresAt) > kRefreshMarginSeconds) {
        const Result result{{}, cached->accessToken, {}};
        QTimer::singleShot(0, this, [callback = std::move(callback), result] { callback(result); });
        return;
    }
    if (forceRefresh)
        m_cache.remove(id);
    // One refresh in flight per account: a second request waits for the first one's answer.
    const bool underWay = m_waiting.contains(id);
    m_waiting[id].append(std::move(callback));
    if (underWay)
        return;
    const OAuthSettings settings = account.oauthSettings();
    if (!settings.isComplete()) {
        finish(id, {{OAuthError::Code::NotConfigured,
                     {},
                     tr("The sign-in settings of this account are incomplete (no client id or endpoints).")},
                    {},
                    {}});
        return;
    }
    m_secrets->read(id, [this, id, settings](const SecretStore::Result &stored) {
        if (stored.status == SecretStore::Status::NotFound || (stored.ok() && stored.secret.isEmpty())) {
            finish(id, {{OAuthError::Code::SignInRequired,
                         {},
                         tr("Nobody has signed in for this account yet, or the sign-in was removed.")},
                        {},
                        {}});
            return;
        }
        if (!stored.ok()) {
            finish(id, {{OAuthError::Code::Keychain, {}, stored.message}, {}, {}});
            return;
        }
        ++m_refreshes;
        m_client->refresh(settings, stored.secret, [this, id](const OAuthTokenClient::Tokens &tokens) {
            if (tokens.error.isError()) {
                finish(id, {tokens.error, {}, {}});
                return;
            }
            m_cache.insert(id, {tokens.accessToken, tokens.expiresAt});
            if (tokens.refreshToken.isEmpty()) {
                finish(id, {{}, tokens.accessToken, {}});
                return;
            }
            // Rotated: the old one may already be void, so the new one must be kept before anyone uses
            // the access token. A keychain that refuses still leaves this send working.
            m_secrets->write(
                id, tokens.refreshToken,
                [this, id, accessToken = tokens.accessToken](const SecretStore::Result &saved) {
                    Result result{{}, accessToken, {}};
                    if (!saved.ok())
                        result.warning =
                            tr("The provider issued a new refresh token, but the keychain did not "
                               "keep it (%1). You may have to sign in again next time.")
                                .arg(saved.message);
                    finish(id, result);
                });
        });
    });
}

void OAuthTokens::finish(const QString &accountId, const Result &result)
{
    const QList<Callback> callbacks = m_waiting.take(accountId);
    if (result.error.needsSignIn())
        emit signInRequired(accountId, result.error);
    for (const Callback &callback : callbacks)
        callback(result);
}
