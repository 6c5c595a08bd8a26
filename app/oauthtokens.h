#pragma once

#include "account.h"
#include "oautherror.h"
#include "oauthtokenclient.h"

#include <QDateTime>
#include <QHash>
#include <QObject>

#include <functional>

class SecretStore;

// Access tokens of signed-in accounts, in memory only, refreshed from the refresh token in the keychain.
// A token that is missing or expires within ten minutes is refreshed before it is handed out, so a long
// message does not outlive its token; concurrent requests for one account share one refresh; the newest
// refresh token (Microsoft rotates them) is written back to the keychain after every refresh.
class OAuthTokens : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        OAuthError error;
        QString accessToken;
        QString warning; // the send can go on, but the person should know (a rotated token not kept)
    };
    using Callback = std::function<void(const Result &)>;

    static constexpr int kRefreshMarginSeconds = 10 * 60;

    explicit OAuthTokens(SecretStore *secrets, QObject *parent = nullptr);

    // forceRefresh: the server refused the token we had, so a cached one is not good enough.
    void accessToken(const Account &account, bool forceRefresh, Callback callback);
    // After an interactive sign-in: the access token for this run.
    void remember(const QString &accountId, const QString &accessToken, const QDateTime &expiresAt);
    void forget(const QString &accountId);
    int refreshCount() const { return m_refreshes; }

signals:
    // A refresh failed in a way only a new sign-in fixes (invalid_grant, revoked, never signed in).
    void signInRequired(const QString &accountId, const OAuthError &error);

private:
    struct Cached
    {
        QString accessToken;
        QDateTime expiresAt;
    };
    void finish(const QString &accountId, const Result &result);

    SecretStore *m_secrets;
    OAuthTokenClient *m_client;
    QHash<QString, Cached> m_cache;
    QHash<QString, QList<Callback>> m_waiting; // account id -> callers of the refresh under way
    int m_refreshes = 0;
};
