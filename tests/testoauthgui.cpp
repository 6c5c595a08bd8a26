#include "accountdialog.h"
#include "accountsignin.h"
#include "accountstore.h"
#include "composedesk.h"
#include "composewindow.h"
#include "draftstore.h"
#include "outboxscheduler.h"
#include "outboxwindow.h"
#include "secretstore.h"
#include "smtperror.h"
#include "testserverenv.h"
#include "widgettesting.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using WidgetTesting::type;

// The desktop's browser for these tests. The offscreen platform cannot open URLs itself, so this stands
// in for xdg-open behind QDesktopServices::openUrl: it runs $BROWSER (tests/servers/oauth-browser.sh,
// which follows the mock provider's redirect back to Sendscope with curl) and counts every URL it got.
class TestBrowser : public QObject
{
    Q_OBJECT
public:
    int opened = 0;

public slots:
    void open(const QUrl &url)
    {
        ++opened;
        QProcess::startDetached(qEnvironmentVariable("BROWSER"), {url.toString(QUrl::FullyEncoded)});
    }
};

// The sign-in half of the account dialog, the compose window and the outbox, on the offscreen platform,
// against oauth2-mock-server and its XOAUTH2 smtp-server (tests/servers/oauth_servers.js) and the real
// keychain: signing in keeps the refresh token in the keychain only and a send then works; a build
// without a client id says so and offers the app password; password-only providers name their code;
// a send that needs a sign-in offers "Sign in again", and an unattended retry never opens a browser.
class TestOAuthGui : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void signInKeepsTheRefreshTokenInTheKeychainThenComposeSends();
    void noClientIdSaysSoAndOffersAnAppPassword();
    void passwordOnlyProvidersNameTheirCode();
    void repliesOfferTheMatchingSignIn();
    void composeOffersSignInAgainAfterARefusedRefresh();
    void outboxRetryNeedingASignInOpensNoBrowser();

private:
    bool haveOAuthServers();
    Account mockAccount(const QString &name) const;
    QByteArray control(const QString &method, const QString &path);
    int stat(const char *key);
    SecretStore::Result readSecret(const QString &accountId);
    void writeSecret(const QString &accountId, const QString &secret);

    TestServerEnv m_servers;
    bool m_haveServers = false;
    bool m_haveKeychain = false;
    QTemporaryDir m_dir;
    TestBrowser m_browser;
    std::unique_ptr<AccountStore> m_store;
    std::unique_ptr<SecretStore> m_secrets;
    QStringList m_secretIds; // keychain entries the current test made
    QByteArray m_fingerprint;
};

void TestOAuthGui::initTestCase()
{
    WidgetTesting::applyDarkPaletteIfAsked();
    // Postfix's test password is not needed here: only the OAuth servers' half of the environment.
    m_servers.load();
    m_haveServers = !m_servers.value("OAUTH_ISSUER").isEmpty();
    m_haveKeychain = !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
    if (!m_haveKeychain && qEnvironmentVariableIntValue("SENDSCOPE_REQUIRE_KEYCHAIN") == 1)
        QFAIL("SENDSCOPE_REQUIRE_KEYCHAIN=1 but there is no D-Bus session (run through .ci/test.sh)");
    m_secrets = std::make_unique<SecretStore>(
        QStringLiteral("sendscope-test-%1").arg(QUuid::createUuid().toString(QUuid::Id128)));
    qputenv("BROWSER", SENDSCOPE_SOURCE_DIR "/tests/servers/oauth-browser.sh");
    QDesktopServices::setUrlHandler(QStringLiteral("http"), &m_browser, "open");
    QDesktopServices::setUrlHandler(QStringLiteral("https"), &m_browser, "open");
    if (m_haveServers) {
        const QList<QSslCertificate> certificate = QSslCertificate::fromPath(m_servers.value("SERVER_CERT"));
        if (!certificate.isEmpty())
            m_fingerprint = certificate.first().digest(QCryptographicHash::Sha256);
    }
}

void TestOAuthGui::init()
{
    m_store = std::make_unique<AccountStore>(
        m_dir.filePath(QUuid::createUuid().toString(QUuid::Id128) + QStringLiteral(".conf")));
    m_browser.opened = 0;
    qputenv("BROWSER", SENDSCOPE_SOURCE_DIR "/tests/servers/oauth-browser.sh");
}

void TestOAuthGui::cleanup()
{
    if (m_haveServers)
        control(QStringLiteral("POST"), QStringLiteral("/reset"));
    for (const QString &id : std::as_const(m_secretIds)) {
        bool done = false;
        m_secrets->remove(id, [&done](const SecretStore::Result &) { done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    }
    m_secretIds.clear();
}

bool TestOAuthGui::haveOAuthServers()
{
    return m_haveServers && m_haveKeychain && !m_fingerprint.isEmpty();
}

Account TestOAuthGui::mockAccount(const QString &name) const
{
    // A Google account whose endpoints are the mock's: the provider table's Google, redirected to loopback.
    Account account;
    account.name = name;
    account.identities.append({QStringLiteral("Signed In"), m_servers.value("OAUTH_EMAIL"), {}, {}});
    account.host = QStringLiteral("127.0.0.1");
    account.port = m_servers.value("OAUTH_SMTP_PORT").toUShort();
    account.security = SmtpSecurity::StartTls;
    account.auth = AccountAuth::OAuth2Token;
    account.oauthProvider = QStringLiteral("google");
    account.oauthAuthorizeUrl = m_servers.value("OAUTH_AUTHORIZE_URL");
    account.oauthTokenUrl = m_servers.value("OAUTH_TOKEN_URL");
    account.oauthClientId = QStringLiteral("sendscope-test");
    account.oauthScope = QStringLiteral("openid email offline_access");
    account.setCurrentPins({m_fingerprint});
    return account;
}

QByteArray TestOAuthGui::control(const QString &method, const QString &path)
{
    QProcess curl;
    curl.start(QStringLiteral("curl"),
               {QStringLiteral("-sS"), QStringLiteral("-X"), method,
                QStringLiteral("http://127.0.0.1:%1%2").arg(m_servers.value("OAUTH_CONTROL_PORT"), path)});
    if (!curl.waitForFinished(10000))
        return {};
    return curl.readAllStandardOutput();
}

int TestOAuthGui::stat(const char *key)
{
    return QJsonDocument::fromJson(control(QStringLiteral("GET"), QStringLiteral("/stats")))
        .object()
        .value(QString::fromLatin1(key))
        .toInt(-1);
}

SecretStore::Result TestOAuthGui::readSecret(const QString &accountId)
{
    std::optional<SecretStore::Result> read;
    m_secrets->read(accountId, [&read](const SecretStore::Result &result) { read = result; });
    if (!QTest::qWaitFor([&read] { return read.has_value(); }, 10000))
        return {};
    return *read;
}

void TestOAuthGui::writeSecret(const QString &accountId, const QString &secret)
{
    std::optional<SecretStore::Result> written;
    m_secrets->write(accountId, secret, [&written](const SecretStore::Result &result) { written = result; });
    QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 10000);
    QVERIFY2(written->ok(), qPrintable(written->message));
    m_secretIds << accountId;
}

void TestOAuthGui::signInKeepsTheRefreshTokenInTheKeychainThenComposeSends()
{
    if (!haveOAuthServers())
        QSKIP("needs the OAuth test servers and a keychain (run through ctest in a D-Bus session)");
    AccountDialog dialog(mockAccount(QStringLiteral("Signed in")), m_store.get(), m_secrets.get());
    dialog.show();
    // Nothing to save before the sign-in, and the password field is not the way in.
    QCOMPARE(dialog.passwordProblem(), QStringLiteral("Sign in with Google first."));
    QVERIFY(!dialog.isComplete());
    QVERIFY(!dialog.passwordField()->isEnabled());
    QVERIFY(dialog.signInButton()->isVisible());
    QCOMPARE(dialog.signInButton()->text(), QStringLiteral("Sign in with Google"));

    const int codeGrants = stat("codeGrants");
    QSignalSpy signedIn(&dialog, &AccountDialog::signInFinished);
    QTest::mouseClick(dialog.signInButton(), Qt::LeftButton);
    QVERIFY(dialog.isSigningIn());
    QVERIFY(dialog.cancelSignInButton()->isVisible());
    QVERIFY(!dialog.saveButton()->isEnabled());
    QVERIFY(signedIn.wait(30000));
    QVERIFY2(signedIn.first().first().toBool(), qPrintable(dialog.signInStatus()));
    QCOMPARE(m_browser.opened, 1);
    QCOMPARE(stat("codeGrants"), codeGrants + 1);
    QVERIFY2(
        dialog.signInStatus().contains(QStringLiteral("Signed in as %1").arg(m_servers.value("OAUTH_EMAIL"))),
        qPrintable(dialog.signInStatus()));
    QVERIFY2(!dialog.signInStatus().contains(QStringLiteral("sends from")), "no From warning: same address");
    QCOMPARE(dialog.usernameField()->text(), m_servers.value("OAUTH_EMAIL"));
    QCOMPARE(AccountAuth(dialog.authField()->currentData().toInt()), AccountAuth::OAuth2Token);
    QVERIFY(dialog.passwordProblem().isEmpty());

    QSignalSpy saved(&dialog, &AccountDialog::saved);
    QVERIFY(dialog.saveButton()->isEnabled());
    QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 10000);
    const Account account = saved.first().first().value<Account>();
    m_secretIds << account.id;
    QVERIFY(account.usesSignIn());

    // The refresh token the provider issued is in the keychain, and not in the account file.
    const SecretStore::Result stored = readSecret(account.id);
    QVERIFY2(stored.ok(), qPrintable(stored.message));
    const QByteArray issued = control(QStringLiteral("GET"), QStringLiteral("/last-refresh-token"));
    QVERIFY(!issued.isEmpty());
    QCOMPARE(stored.secret.toUtf8(), issued);
    QFile file(m_store->filePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray settings = file.readAll();
    QVERIFY2(!settings.contains(issued), "the refresh token is in the account file");
    QVERIFY(settings.contains("oauthTokenUrl"));

    // The compose window sends with it: a refresh, then XOAUTH2 that the server verifies.
    const int messages = stat("messages");
    ComposeWindow window({}, {}, {});
    window.setConfirmations(false);
    window.setAccounts(m_store.get(), m_secrets.get(), 0);
    window.show();
    type(window.toField(), QStringLiteral("alice@sendscope.test"));
    type(window.subjectField(), QStringLiteral("Signed in from the dialog"));
    type(window.bodyEdit(), QStringLiteral("Hello."));
    QSignalSpy finished(&window, &ComposeWindow::sendFinished);
    window.send();
    QVERIFY(finished.wait(30000));
    const SmtpError error = finished.first().first().value<SmtpError>();
    QVERIFY2(!error.isError(), qPrintable(error.summary + u' ' + error.explanation));
    QCOMPARE(stat("messages"), messages + 1);
    QCOMPARE(m_browser.opened, 1); // the send did not open a browser
}

void TestOAuthGui::noClientIdSaysSoAndOffersAnAppPassword()
{
    const std::optional<OAuthProvider> microsoft = OAuthProvider::find(QStringLiteral("microsoft"));
    QVERIFY(microsoft);
    if (!microsoft->clientId.isEmpty())
        QSKIP("this build has a Microsoft client id");
    AccountDialog dialog(Account{}, m_store.get(), m_secrets.get());
    dialog.show();
    type(dialog.addressField(), QStringLiteral("someone@outlook.com"));
    emit dialog.addressField()->editingFinished(); // leaves the field
    QVERIFY(dialog.signInButton()->isVisible());
    QCOMPARE(dialog.signInButton()->text(), QStringLiteral("Sign in with Microsoft"));
    QSignalSpy finished(&dialog, &AccountDialog::signInFinished);
    QTest::mouseClick(dialog.signInButton(), Qt::LeftButton);
    QCOMPARE(finished.count(), 1); // at once: nothing to wait for
    QCOMPARE(finished.first().first().toBool(), false);
    QCOMPARE(m_browser.opened, 0);
    QVERIFY2(dialog.signInStatus().contains(QStringLiteral("no client id for Microsoft")),
             qPrintable(dialog.signInStatus()));
    // The help page for app passwords is a link.
    QVERIFY2(
        dialog.signInStatus().contains(
            QStringLiteral("<a href=\"%1\">").arg(microsoft->appPasswordHelp.toString().toHtmlEscaped())),
        qPrintable(dialog.signInStatus()));
    QVERIFY(dialog.appPasswordButton()->isVisible());

    // The app-password route: the provider's server, a password login, the password field to type in.
    QTest::mouseClick(dialog.appPasswordButton(), Qt::LeftButton);
    QCOMPARE(dialog.hostField()->text(), microsoft->smtpHost);
    QCOMPARE(dialog.portField()->value(), int(microsoft->smtpPort));
    QCOMPARE(AccountAuth(dialog.authField()->currentData().toInt()), AccountAuth::Automatic);
    QVERIFY(dialog.passwordField()->isEnabled());
    QCOMPARE(dialog.passwordProblem(), QStringLiteral("Enter the password."));
    QVERIFY(!dialog.appPasswordButton()->isVisible());
    QVERIFY(dialog.signInStatus().contains(QStringLiteral("app password")));
}

void TestOAuthGui::passwordOnlyProvidersNameTheirCode()
{
    AccountDialog dialog(Account{}, m_store.get(), m_secrets.get());
    dialog.show();
    type(dialog.addressField(), QStringLiteral("someone@qq.com"));
    emit dialog.addressField()->editingFinished(); // leaves the field
    QVERIFY2(dialog.passwordHint().contains(QStringLiteral("授权码")), qPrintable(dialog.passwordHint()));
    QVERIFY(dialog.passwordHint().contains(
        QStringLiteral("<a href=\"https://service.mail.qq.com/detail/0/75\">")));
    QVERIFY(!dialog.signInButton()->isVisible()); // QQ has no sign-in for mail programs

    dialog.addressField()->clear();
    type(dialog.addressField(), QStringLiteral("someone@163.com"));
    emit dialog.addressField()->editingFinished(); // leaves the field
    QVERIFY2(dialog.passwordHint().contains(QStringLiteral("客户端授权密码")),
             qPrintable(dialog.passwordHint()));

    dialog.addressField()->clear();
    type(dialog.addressField(), QStringLiteral("someone@icloud.com"));
    emit dialog.addressField()->editingFinished(); // leaves the field
    QVERIFY2(dialog.passwordHint().contains(QStringLiteral("app-specific password")),
             qPrintable(dialog.passwordHint()));

    // Other providers: no hint; Gmail is offered its sign-in instead.
    dialog.addressField()->clear();
    type(dialog.addressField(), QStringLiteral("someone@gmail.com"));
    emit dialog.addressField()->editingFinished(); // leaves the field
    QVERIFY(dialog.passwordHint().isEmpty());
    QVERIFY(dialog.signInButton()->isVisible());
    QCOMPARE(dialog.signInButton()->text(), QStringLiteral("Sign in with Google"));
}

void TestOAuthGui::repliesOfferTheMatchingSignIn()
{
    auto refused = [](int code, const QByteArray &text) {
        SmtpError error;
        error.category = SmtpErrorCategory::Auth;
        error.command = SmtpCommand::Auth;
        error.reply = SmtpReply(code, {text});
        return error;
    };
    Account outlook;
    outlook.identities.append({{}, QStringLiteral("me@outlook.com"), {}, {}});
    outlook.host = QStringLiteral("smtp.office365.com");
    Account workspace; // a domain of its own at Google: known by the server
    workspace.identities.append({{}, QStringLiteral("me@example.org"), {}, {}});
    workspace.host = QStringLiteral("smtp.gmail.com");
    Account yahoo;
    yahoo.identities.append({{}, QStringLiteral("me@yahoo.com"), {}, {}});
    yahoo.host = QStringLiteral("smtp.mail.yahoo.com");

    const SmtpError basicAuth = refused(
        535, "5.7.139 Authentication unsuccessful, basic authentication is disabled. [PN3PR01CA0001]");
    QCOMPARE(AccountSignIn::offerFor(basicAuth, outlook).value_or(OAuthProvider{}).id,
             QStringLiteral("microsoft"));
    QVERIFY(!AccountSignIn::offerFor(basicAuth, yahoo)); // not a Microsoft account: no offer
    // SMTP AUTH off for the tenant: XOAUTH2 is SMTP AUTH too, so a sign-in is not offered.
    QVERIFY(!AccountSignIn::offerFor(
        refused(535,
                "5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. "
                "Visit https://aka.ms/smtp_auth_disabled for more information."),
        outlook));
    const SmtpError appPassword =
        refused(534, "5.7.9 Application-specific password required. For more "
                     "information, go to https://support.google.com/mail/?p=InvalidSecondFactor");
    QCOMPARE(AccountSignIn::offerFor(appPassword, workspace).value_or(OAuthProvider{}).id,
             QStringLiteral("google"));
    QVERIFY(!AccountSignIn::offerFor(appPassword, outlook));
    QVERIFY(!AccountSignIn::offerFor(refused(535, "5.7.8 Username and Password not accepted"), outlook));
}

void TestOAuthGui::composeOffersSignInAgainAfterARefusedRefresh()
{
    if (!haveOAuthServers())
        QSKIP("needs the OAuth test servers and a keychain (run through ctest in a D-Bus session)");
    Account account = mockAccount(QStringLiteral("Needs sign-in"));
    QVERIFY(m_store->save(account).ok());
    writeSecret(account.id, QStringLiteral("a-refresh-token-the-provider-has-revoked"));
    control(QStringLiteral("POST"), QStringLiteral("/invalid-grant-next"));

    ComposeWindow window({}, {}, {});
    window.setConfirmations(false);
    window.setAccounts(m_store.get(), m_secrets.get(), 0);
    window.show();
    type(window.toField(), QStringLiteral("alice@sendscope.test"));
    type(window.subjectField(), QStringLiteral("Needs a new sign-in"));
    type(window.bodyEdit(), QStringLiteral("Hello."));
    QSignalSpy finished(&window, &ComposeWindow::sendFinished);
    window.send();
    QVERIFY(finished.wait(30000));
    QVERIFY(finished.first().first().value<SmtpError>().isError());
    QCOMPARE(m_browser.opened, 0); // a send never opens a browser by itself
    const QString status = window.statusLabel()->text();
    QVERIFY2(status.contains(QStringLiteral("<a href=\"sendscope:sign-in\">Sign in again…</a>")),
             qPrintable(status));

    // The link opens the account dialog, signing in; the browser comes back and the keychain is renewed.
    emit window.statusLabel()->linkActivated(QStringLiteral("sendscope:sign-in"));
    auto *dialog = window.findChild<AccountDialog *>();
    QVERIFY(dialog);
    QSignalSpy signedIn(dialog, &AccountDialog::signInFinished);
    QVERIFY(dialog->isSigningIn() || signedIn.count() == 1);
    QVERIFY(signedIn.count() == 1 || signedIn.wait(30000));
    QVERIFY2(signedIn.first().first().toBool(), qPrintable(dialog->signInStatus()));
    QCOMPARE(m_browser.opened, 1);
    const SecretStore::Result renewed = readSecret(account.id);
    QCOMPARE(renewed.secret.toUtf8(), control(QStringLiteral("GET"), QStringLiteral("/last-refresh-token")));
    dialog->reject(); // an existing account: its renewed sign-in stays in the keychain
    QCOMPARE(readSecret(account.id).secret, renewed.secret);
}

void TestOAuthGui::outboxRetryNeedingASignInOpensNoBrowser()
{
    if (!haveOAuthServers())
        QSKIP("needs the OAuth test servers and a keychain (run through ctest in a D-Bus session)");
    // Any browser started by any route (QDesktopServices or $BROWSER) would leave a mark.
    const QString marker = m_dir.filePath(QStringLiteral("browser-was-started"));
    const QString script = m_dir.filePath(QStringLiteral("marking-browser.sh"));
    {
        QFile file(script);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("#!/bin/sh\ntouch '%1'\n").arg(marker).toUtf8());
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    qputenv("BROWSER", script.toLocal8Bit());

    Account account = mockAccount(QStringLiteral("Outbox sign-in"));
    QVERIFY(m_store->save(account).ok());
    writeSecret(account.id, QStringLiteral("a-refresh-token-the-provider-has-revoked"));
    control(QStringLiteral("POST"), QStringLiteral("/invalid-grant-next"));

    DraftStore drafts(m_dir.filePath(QUuid::createUuid().toString(QUuid::Id128)));
    Draft draft;
    draft.state = Draft::State::Outbox;
    draft.accountId = account.id;
    draft.to = QStringLiteral("alice@sendscope.test");
    draft.subject = QStringLiteral("Retried unattended");
    draft.text = QStringLiteral("Hello.");
    draft.errorTemporary = true; // greylisted last time: due for a retry by itself
    draft.attempts = 1;
    draft.lastAttempt = QDateTime::currentDateTime().addSecs(-3600);
    QVERIFY(drafts.save(draft));
    const QString id = drafts.drafts(Draft::State::Outbox).value(0).id;
    QVERIFY(!id.isEmpty());

    // The desk's outbox scheduler finds the message due and retries it, with nobody watching.
    ComposeDesk desk(m_store.get(), m_secrets.get(), &drafts, nullptr, 0);
    QSignalSpy retried(&desk, &ComposeDesk::backgroundRetryFinished);
    QVERIFY(retried.wait(30000));
    const SmtpError error = retried.first().at(2).value<SmtpError>();
    QVERIFY(error.isError());
    QVERIFY2(error.summary.contains(QStringLiteral("Sign in again")), qPrintable(error.summary));

    const std::optional<Draft> waiting = drafts.load(id);
    QVERIFY(waiting);
    QCOMPARE(waiting->state, Draft::State::Outbox);
    QVERIFY(waiting->signInRequired);
    QVERIFY(!waiting->errorTemporary);
    QVERIFY(!desk.outboxScheduler()->nextAttempt(*waiting)); // waits for the person, not retried again
    QCOMPARE(m_browser.opened, 0);
    QTest::qWait(200); // a detached process would have had time to start
    QVERIFY2(!QFile::exists(marker), "an unattended retry started a browser");

    // The outbox offers the sign-in for it.
    desk.showOutbox();
    OutboxWindow *outbox = desk.outboxWindow();
    QVERIFY(outbox);
    QTRY_VERIFY(outbox->signInButton()->isVisible());
    QSignalSpy requested(outbox, &OutboxWindow::signInRequested);
    QTest::mouseClick(outbox->signInButton(), Qt::LeftButton);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.first().first().toString(), account.id);
    auto *dialog = outbox->findChild<AccountDialog *>();
    QVERIFY(dialog);
    dialog->cancelSignIn();
    QTRY_VERIFY(!dialog->isSigningIn());
    QVERIFY(dialog->signInStatus().contains(QStringLiteral("cancelled")));
}

QTEST_MAIN(TestOAuthGui)
#include "testoauthgui.moc"
