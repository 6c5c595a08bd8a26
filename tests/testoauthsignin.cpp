#include "accountstore.h"
#include "oauthtokens.h"
#include "secretstore.h"
#include "testserverenv.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTest>

// OAuth 2.0 sign-in as a person does it, against real components on loopback: oauth2-mock-server
// (authorization code with PKCE S256, refresh tokens, an invalid_grant on demand) and smtp-server, whose
// XOAUTH2 accepts a token only when it verifies against the mock's JWKS (tests/servers/oauth_servers.js).
// The browser is tests/servers/oauth-browser.sh set as $BROWSER: it follows the redirect to Sendscope's
// loopback listener with curl, or acts out a forged state or a changed PKCE challenge. The refresh token
// must be in the keychain (gnome-keyring in .ci/test.sh's D-Bus session) and nowhere else.
class TestOAuthSignIn : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void signInThenSendRefreshesAndRotates();
    void forgedStateIsRefused();
    void wrongVerifierErrorReachesThePerson();
    void invalidGrantAsksToSignInAgain();
    void refusedTokenIsRenewedOnceAndRetried();
    void refusedTwiceAsksToSignInAgain();
    void tokenExpiringWithinTenMinutesIsRefreshed();
    void unknownProviderAndMissingClientIdAreExplained();

private:
    struct Run
    {
        int exitCode = -1;
        QString err;
    };
    Run sendscope(const QStringList &arguments, const QString &browserMode = QStringLiteral("follow"));
    void addAndSignIn(const QString &name);
    QByteArray control(const QString &method, const QString &path);
    int stat(const char *key);
    QString keychainSecret(const QString &accountName, SecretStore::Status *status = nullptr);
    QStringList issuedTokens() const;

    TestServerEnv m_servers;
    QString m_fingerprint;
    QStringList m_accounts; // added by the current test, removed in cleanup()
    QStringList m_outputs;  // everything the commands printed, searched for tokens at the end of each test
    int m_sequence = 0;
};

void TestOAuthSignIn::initTestCase()
{
    // The same settings directory as the sendscope binary (~/.config/sendscope/).
    QCoreApplication::setOrganizationName(QString());
    QCoreApplication::setApplicationName(QStringLiteral("sendscope"));
    if (!m_servers.load())
        QSKIP("the test servers are not running (run through ctest)");
    if (m_servers.value("OAUTH_ISSUER").isEmpty())
        QFAIL("the OAuth test servers did not start: run tests/servers/install-test-deps.sh (npm ci)");
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        if (qEnvironmentVariableIntValue("SENDSCOPE_REQUIRE_KEYCHAIN") == 1)
            QFAIL("SENDSCOPE_REQUIRE_KEYCHAIN=1 but there is no D-Bus session (run through .ci/test.sh)");
        QSKIP("no D-Bus session: the sign-in keeps its refresh token in the keychain only");
    }
    const QList<QSslCertificate> certificate = QSslCertificate::fromPath(m_servers.value("SERVER_CERT"));
    QVERIFY(!certificate.isEmpty());
    m_fingerprint = QString::fromLatin1(certificate.first().digest(QCryptographicHash::Sha256).toHex());
}

void TestOAuthSignIn::cleanup()
{
    control(QStringLiteral("POST"), QStringLiteral("/reset"));
    for (const QString &name : std::as_const(m_accounts))
        sendscope({QStringLiteral("account"), QStringLiteral("remove"), name});
    m_accounts.clear();
    // No token in anything Sendscope printed or wrote (secret_scan checks the whole suite again).
    const QStringList tokens = issuedTokens();
    QDirIterator files(qEnvironmentVariable("XDG_CONFIG_HOME"), QDir::Files, QDirIterator::Subdirectories);
    QStringList written = m_outputs;
    while (files.hasNext()) {
        QFile file(files.next());
        if (file.open(QIODevice::ReadOnly))
            written << QString::fromUtf8(file.readAll());
    }
    for (const QString &token : tokens) {
        for (const QString &text : std::as_const(written))
            QVERIFY2(!text.contains(token), "an issued token appears in Sendscope's output or files");
    }
    m_outputs.clear();
}

TestOAuthSignIn::Run TestOAuthSignIn::sendscope(const QStringList &arguments, const QString &browserMode)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("BROWSER"),
                       QStringLiteral(SENDSCOPE_SOURCE_DIR "/tests/servers/oauth-browser.sh"));
    environment.insert(QStringLiteral("OAUTH_BROWSER_MODE"), browserMode);
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(SENDSCOPE_BINARY), arguments);
    Run run;
    if (!process.waitForStarted(10000))
        return run;
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.err = QString::fromUtf8(process.readAllStandardError());
    m_outputs << QString::fromUtf8(process.readAllStandardOutput()) << run.err;
    return run;
}

QByteArray TestOAuthSignIn::control(const QString &method, const QString &path)
{
    QProcess curl;
    curl.start(QStringLiteral("curl"),
               {QStringLiteral("-sS"), QStringLiteral("-X"), method,
                QStringLiteral("http://127.0.0.1:%1%2").arg(m_servers.value("OAUTH_CONTROL_PORT"), path)});
    if (!curl.waitForFinished(10000))
        return {};
    return curl.readAllStandardOutput();
}

int TestOAuthSignIn::stat(const char *key)
{
    const QJsonObject stats =
        QJsonDocument::fromJson(control(QStringLiteral("GET"), QStringLiteral("/stats"))).object();
    return stats.value(QString::fromLatin1(key)).toInt(-1);
}

QStringList TestOAuthSignIn::issuedTokens() const
{
    QStringList tokens;
    QFile file(m_servers.value("OAUTH_ISSUED_TOKENS"));
    if (file.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : file.readAll().split('\n')) {
            const QByteArray token = line.mid(line.indexOf('\t') + 1);
            if (line.contains('\t') && !token.isEmpty())
                tokens << QString::fromUtf8(token);
        }
    }
    return tokens;
}

QString TestOAuthSignIn::keychainSecret(const QString &accountName, SecretStore::Status *status)
{
    const std::optional<Account> account = AccountStore().findByName(accountName);
    if (!account)
        return {};
    SecretStore secrets;
    SecretStore::Result result;
    bool answered = false;
    secrets.read(account->id, [&](const SecretStore::Result &r) {
        result = r;
        answered = true;
    });
    if (!QTest::qWaitFor([&] { return answered; }, 10000))
        return {};
    if (status)
        *status = result.status;
    return result.secret;
}

void TestOAuthSignIn::addAndSignIn(const QString &name)
{
    const Run added = sendscope({QStringLiteral("account"),
                                 QStringLiteral("add"),
                                 name,
                                 QStringLiteral("--address"),
                                 m_servers.value("OAUTH_EMAIL"),
                                 QStringLiteral("--oauth2"),
                                 QStringLiteral("custom"),
                                 QStringLiteral("--oauth2-authorize-url"),
                                 m_servers.value("OAUTH_AUTHORIZE_URL"),
                                 QStringLiteral("--oauth2-token-url"),
                                 m_servers.value("OAUTH_TOKEN_URL"),
                                 QStringLiteral("--oauth2-client-id"),
                                 QStringLiteral("sendscope-test"),
                                 QStringLiteral("--oauth2-scope"),
                                 QStringLiteral("openid email offline_access"),
                                 QStringLiteral("--server"),
                                 QStringLiteral("127.0.0.1"),
                                 QStringLiteral("--port"),
                                 m_servers.value("OAUTH_SMTP_PORT"),
                                 QStringLiteral("--security"),
                                 QStringLiteral("starttls"),
                                 QStringLiteral("--trust-fingerprint"),
                                 m_fingerprint});
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    m_accounts << name;
    QVERIFY2(added.err.contains(QStringLiteral("account login %1").arg(name)), qPrintable(added.err));
    const Run login = sendscope({QStringLiteral("account"), QStringLiteral("login"), name,
                                 QStringLiteral("--login-timeout"), QStringLiteral("30")});
    QVERIFY2(login.exitCode == 0, qPrintable(login.err));
    QVERIFY2(login.err.contains(m_servers.value("OAUTH_AUTHORIZE_URL") + u'?'), "the URL is always printed");
    QVERIFY2(login.err.contains(QStringLiteral("Signed in as %1").arg(m_servers.value("OAUTH_EMAIL"))),
             qPrintable(login.err));
}

void TestOAuthSignIn::signInThenSendRefreshesAndRotates()
{
    const int codeGrants = stat("codeGrants");
    addAndSignIn(QStringLiteral("oauth-happy"));
    QCOMPARE(stat("codeGrants"), codeGrants + 1);
    // The refresh token is in the keychain, and it is the one the provider issued last.
    const QString afterLogin = keychainSecret(QStringLiteral("oauth-happy"));
    QVERIFY(!afterLogin.isEmpty());
    QVERIFY2(afterLogin ==
                 QString::fromUtf8(control(QStringLiteral("GET"), QStringLiteral("/last-refresh-token"))),
             "the keychain holds the refresh token of the sign-in");
    // Not in the settings file: only where to sign in.
    QFile settings(AccountStore::defaultPath());
    QVERIFY(settings.open(QIODevice::ReadOnly));
    const QByteArray settingsText = settings.readAll();
    QVERIFY(!settingsText.contains(afterLogin.toUtf8()));
    QVERIFY(settingsText.contains("oauthTokenUrl"));

    // A new process has no access token in memory: the send refreshes first, then logs in with XOAUTH2.
    const int refreshes = stat("refreshGrants");
    const int messages = stat("messages");
    const QString subject = QStringLiteral("OAuth happy path %1").arg(++m_sequence);
    const Run sent =
        sendscope({QStringLiteral("send"), QStringLiteral("--account"), QStringLiteral("oauth-happy"),
                   QStringLiteral("--to"), QStringLiteral("alice@sendscope.test"),
                   QStringLiteral("--subject"), subject});
    QVERIFY2(sent.exitCode == 0, qPrintable(sent.err));
    QVERIFY(sent.err.contains(QStringLiteral("AUTH XOAUTH2 ********")));
    QVERIFY(sent.err.contains(QStringLiteral("Authenticated as %1").arg(m_servers.value("OAUTH_EMAIL"))));
    QCOMPARE(stat("refreshGrants"), refreshes + 1);
    QCOMPARE(stat("messages"), messages + 1);
    // The mock rotates refresh tokens: the newest one replaced the old one in the keychain.
    const QString afterSend = keychainSecret(QStringLiteral("oauth-happy"));
    QVERIFY2(afterSend != afterLogin, "the rotated refresh token was saved");
    QVERIFY(afterSend ==
            QString::fromUtf8(control(QStringLiteral("GET"), QStringLiteral("/last-refresh-token"))));
}

void TestOAuthSignIn::forgedStateIsRefused()
{
    const int codeGrants = stat("codeGrants");
    const Run added = sendscope(
        {QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("oauth-state"),
         QStringLiteral("--address"), m_servers.value("OAUTH_EMAIL"), QStringLiteral("--oauth2"),
         QStringLiteral("custom"), QStringLiteral("--oauth2-authorize-url"),
         m_servers.value("OAUTH_AUTHORIZE_URL"), QStringLiteral("--oauth2-token-url"),
         m_servers.value("OAUTH_TOKEN_URL"), QStringLiteral("--oauth2-client-id"),
         QStringLiteral("sendscope-test"), QStringLiteral("--server"), QStringLiteral("127.0.0.1")});
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    m_accounts << QStringLiteral("oauth-state");
    const Run login =
        sendscope({QStringLiteral("account"), QStringLiteral("login"), QStringLiteral("oauth-state"),
                   QStringLiteral("--login-timeout"), QStringLiteral("30")},
                  QStringLiteral("forge-state"));
    QCOMPARE(login.exitCode, 6);
    QVERIFY2(login.err.contains(QStringLiteral("state did not match")), qPrintable(login.err));
    QCOMPARE(stat("codeGrants"), codeGrants); // the forged code was never exchanged
    SecretStore::Status status = SecretStore::Status::Ok;
    QVERIFY(keychainSecret(QStringLiteral("oauth-state"), &status).isEmpty());
    QCOMPARE(status, SecretStore::Status::NotFound);
}

void TestOAuthSignIn::wrongVerifierErrorReachesThePerson()
{
    const Run added = sendscope(
        {QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("oauth-pkce"),
         QStringLiteral("--address"), m_servers.value("OAUTH_EMAIL"), QStringLiteral("--oauth2"),
         QStringLiteral("custom"), QStringLiteral("--oauth2-authorize-url"),
         m_servers.value("OAUTH_AUTHORIZE_URL"), QStringLiteral("--oauth2-token-url"),
         m_servers.value("OAUTH_TOKEN_URL"), QStringLiteral("--oauth2-client-id"),
         QStringLiteral("sendscope-test"), QStringLiteral("--server"), QStringLiteral("127.0.0.1")});
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    m_accounts << QStringLiteral("oauth-pkce");
    const Run login =
        sendscope({QStringLiteral("account"), QStringLiteral("login"), QStringLiteral("oauth-pkce"),
                   QStringLiteral("--login-timeout"), QStringLiteral("30")},
                  QStringLiteral("wrong-challenge"));
    QCOMPARE(login.exitCode, 6);
    // The token endpoint's JSON error body, word for word.
    QVERIFY2(login.err.contains(QStringLiteral("code_verifier provided does not match code_challenge")),
             qPrintable(login.err));
    QVERIFY(login.err.contains(QStringLiteral("invalid_request")));
}

void TestOAuthSignIn::invalidGrantAsksToSignInAgain()
{
    addAndSignIn(QStringLiteral("oauth-revoked"));
    control(QStringLiteral("POST"), QStringLiteral("/invalid-grant-next"));
    const int messages = stat("messages");
    const Run sent =
        sendscope({QStringLiteral("send"), QStringLiteral("--account"), QStringLiteral("oauth-revoked"),
                   QStringLiteral("--to"), QStringLiteral("alice@sendscope.test"),
                   QStringLiteral("--subject"), QStringLiteral("never sent")});
    QCOMPARE(sent.exitCode, 14);
    QVERIFY2(sent.err.contains(QStringLiteral("AADSTS70008")), qPrintable(sent.err));
    QVERIFY(sent.err.contains(QStringLiteral("Sign in again")));
    QVERIFY(sent.err.contains(QStringLiteral("sendscope account login oauth-revoked")));
    QCOMPARE(stat("messages"), messages);
}

void TestOAuthSignIn::refusedTokenIsRenewedOnceAndRetried()
{
    addAndSignIn(QStringLiteral("oauth-retry"));
    control(QStringLiteral("POST"), QStringLiteral("/reject-next?count=1"));
    const int refreshes = stat("refreshGrants");
    const int rejected = stat("authRejected");
    const Run sent =
        sendscope({QStringLiteral("send"), QStringLiteral("--account"), QStringLiteral("oauth-retry"),
                   QStringLiteral("--to"), QStringLiteral("alice@sendscope.test"),
                   QStringLiteral("--subject"), QStringLiteral("retried once")});
    QVERIFY2(sent.exitCode == 0, qPrintable(sent.err));
    QCOMPARE(stat("authRejected"), rejected + 1);
    QCOMPARE(stat("refreshGrants"), refreshes + 2); // before the send, and after the refusal
    QCOMPARE(sent.err.count(QStringLiteral("~> AUTH XOAUTH2")), 2);
    QVERIFY(sent.err.contains(QStringLiteral("trying once more on a new connection")));
}

void TestOAuthSignIn::refusedTwiceAsksToSignInAgain()
{
    addAndSignIn(QStringLiteral("oauth-refused"));
    control(QStringLiteral("POST"), QStringLiteral("/reject-next?count=5"));
    const int rejected = stat("authRejected");
    const Run sent =
        sendscope({QStringLiteral("send"), QStringLiteral("--account"), QStringLiteral("oauth-refused"),
                   QStringLiteral("--to"), QStringLiteral("alice@sendscope.test"),
                   QStringLiteral("--subject"), QStringLiteral("refused twice")});
    QCOMPARE(sent.exitCode, 14);
    QCOMPARE(stat("authRejected"), rejected + 2); // exactly one retry
    QVERIFY2(sent.err.contains(QStringLiteral("Sign in again to send from oauth-refused")),
             qPrintable(sent.err));
}

void TestOAuthSignIn::tokenExpiringWithinTenMinutesIsRefreshed()
{
    // In-process, as the window and outbox retries use it: a cached token near its end is renewed before
    // it is handed out, one that lasts is reused, and concurrent requests share one refresh.
    addAndSignIn(QStringLiteral("oauth-expiry"));
    const std::optional<Account> account = AccountStore().findByName(QStringLiteral("oauth-expiry"));
    QVERIFY(account);
    SecretStore secrets;
    OAuthTokens tokens(&secrets);
    const auto ask = [&](bool force) {
        OAuthTokens::Result result;
        bool answered = false;
        tokens.accessToken(*account, force, [&](const OAuthTokens::Result &r) {
            result = r;
            answered = true;
        });
        [&] { QVERIFY(QTest::qWaitFor([&] { return answered; }, 20000)); }();
        return result;
    };
    tokens.remember(account->id, QStringLiteral("cached-token-valid-for-an-hour"),
                    QDateTime::currentDateTimeUtc().addSecs(3600));
    int refreshes = stat("refreshGrants");
    QCOMPARE(ask(false).accessToken, QStringLiteral("cached-token-valid-for-an-hour"));
    QCOMPARE(stat("refreshGrants"), refreshes);

    tokens.remember(account->id, QStringLiteral("cached-token-ending-in-five-minutes"),
                    QDateTime::currentDateTimeUtc().addSecs(300));
    const OAuthTokens::Result renewed = ask(false);
    QVERIFY(!renewed.error.isError());
    QVERIFY(renewed.accessToken != QStringLiteral("cached-token-ending-in-five-minutes"));
    QCOMPARE(stat("refreshGrants"), refreshes + 1);

    // Two sends at once, both forced: one refresh, the same token for both.
    refreshes = stat("refreshGrants");
    QStringList answers;
    for (int i = 0; i < 2; ++i)
        tokens.accessToken(*account, true, [&](const OAuthTokens::Result &r) { answers << r.accessToken; });
    QTRY_COMPARE_WITH_TIMEOUT(answers.size(), 2, 20000);
    QVERIFY(answers.at(0) == answers.at(1) && !answers.at(0).isEmpty());
    QCOMPARE(stat("refreshGrants"), refreshes + 1);
    QCOMPARE(tokens.refreshCount(), 2);
}

void TestOAuthSignIn::unknownProviderAndMissingClientIdAreExplained()
{
    const Run unknown = sendscope({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("x"),
                                   QStringLiteral("--address"), QStringLiteral("me@example.com"),
                                   QStringLiteral("--oauth2"), QStringLiteral("aol")});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY(unknown.err.contains(QStringLiteral("google, microsoft or custom")));
    // This build has no client id for Google (none is shipped): say so and name the app-password route.
    const Run google = sendscope({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("x"),
                                  QStringLiteral("--address"), QStringLiteral("me@gmail.com"),
                                  QStringLiteral("--oauth2"), QStringLiteral("google")});
    QCOMPARE(google.exitCode, 2);
    QVERIFY2(google.err.contains(QStringLiteral("no client id")), qPrintable(google.err));
    QVERIFY(google.err.contains(QStringLiteral("app password")));
    // http is refused for a provider that is not on loopback.
    const Run insecure =
        sendscope({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("x"),
                   QStringLiteral("--address"), QStringLiteral("me@example.com"), QStringLiteral("--oauth2"),
                   QStringLiteral("custom"), QStringLiteral("--oauth2-authorize-url"),
                   QStringLiteral("http://login.example.com/authorize"), QStringLiteral("--oauth2-token-url"),
                   QStringLiteral("http://login.example.com/token"), QStringLiteral("--oauth2-client-id"),
                   QStringLiteral("id"), QStringLiteral("--server"), QStringLiteral("smtp.example.com")});
    QCOMPARE(insecure.exitCode, 2);
    QVERIFY(insecure.err.contains(QStringLiteral("not an https address")));
}

QTEST_GUILESS_MAIN(TestOAuthSignIn)
#include "testoauthsignin.moc"
