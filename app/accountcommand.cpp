#include "accountcommand.h"

#include "addressparser.h"
#include "commandlinesecret.h"
#include "oauthsignin.h"
#include "secretstore.h"

#include <QCoreApplication>
#include <QProcess>

#include <cstdio>

AccountCommand::AccountCommand(QObject *parent)
    : QObject(parent)
    , m_out(stdout)
    , m_err(stderr)
{
    m_parser.setApplicationDescription(
        tr("Manage the accounts Sendscope sends with.\n\n"
           "  sendscope account add NAME --address ADDR --server HOST [options] (--password-stdin | "
           "--password-env VAR | --token-env VAR | --auth none)\n"
           "  sendscope account add NAME --address ADDR --oauth2 google|microsoft|custom [options]\n"
           "  sendscope account login NAME\n"
           "  sendscope account list\n"
           "  sendscope account remove NAME\n\n"
           "Settings go to %1; the password or the sign-in's refresh token goes to the system keychain only.")
            .arg(AccountStore::defaultPath()));
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.addHelpOption();
    m_parser.addPositionalArgument(QStringLiteral("account"),
                                   tr("add, list, remove or login, then the account name."));
    m_parser.addOptions({
        {QStringLiteral("address"), tr("add: the email address to send from (required)."), tr("ADDR")},
        {QStringLiteral("display-name"), tr("add: the name shown with the address."), tr("NAME")},
        {QStringLiteral("reply-to"), tr("add: Reply-To address for this identity."), tr("ADDR")},
        {QStringLiteral("identity"),
         tr("add: a further identity the account may send as, \"Name <addr>\"; may be repeated."), tr("ID")},
        {QStringLiteral("server"), tr("add: SMTP server host name or address (required)."), tr("HOST")},
        {QStringLiteral("port"), tr("add: port; default 587 for starttls, 465 for tls, 25 for none."),
         tr("N")},
        {QStringLiteral("security"), tr("add: none, starttls (default) or tls."), tr("MODE"),
         QStringLiteral("starttls")},
        {QStringLiteral("user"), tr("add: user name; default: the address."), tr("U")},
        {QStringLiteral("auth"),
         tr("add: automatic (default), plain, login, cram-md5, scram-sha-256, oauth2 or none."), tr("MECH"),
         QStringLiteral("automatic")},
        {QStringLiteral("allow-plaintext-auth"), tr("add: allow sending the password without encryption.")},
        {QStringLiteral("trust-fingerprint"),
         tr("add: always trust the server certificate with this SHA-256 fingerprint."), tr("SHA256")},
        {QStringLiteral("password-env"), tr("add: read the password from environment variable VAR."),
         tr("VAR")},
        {QStringLiteral("password-stdin"),
         tr("add: read the password from the first line of standard input.")},
        {QStringLiteral("token-env"), tr("add: read an OAuth 2.0 bearer token from VAR."), tr("VAR")},
        {QStringLiteral("oauth2"),
         tr("add: sign in with OAuth 2.0 instead of a password: google, microsoft or custom; then run "
            "'sendscope account login NAME'."),
         tr("PROVIDER")},
        {QStringLiteral("oauth2-authorize-url"),
         tr("add: the authorization endpoint (custom, or to override)."), tr("URL")},
        {QStringLiteral("oauth2-token-url"), tr("add: the token endpoint (custom, or to override)."),
         tr("URL")},
        {QStringLiteral("oauth2-client-id"), tr("add: the app's client id at the provider."), tr("ID")},
        {QStringLiteral("oauth2-scope"), tr("add: the scopes to ask for, separated by spaces."), tr("SCOPE")},
        {QStringLiteral("login-timeout"),
         tr("login: seconds to wait for the browser to come back (default 300)."), tr("S")},
        {QStringLiteral("no-browser"), tr("login: only print the address to open, do not start a browser.")},
    });
}

int AccountCommand::usageError(const QString &message)
{
    m_err << tr("sendscope account: %1").arg(message) << Qt::endl
          << tr("Run 'sendscope account --help' for the options.") << Qt::endl;
    return kExitUsage;
}

int AccountCommand::parse(const QStringList &arguments)
{
    if (!m_parser.parse(arguments))
        return usageError(m_parser.errorText());
    if (m_parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(m_parser.helpText()), stdout);
        return 0;
    }
    const QStringList positional = m_parser.positionalArguments().mid(1); // after "account"
    const QString action = positional.value(0);
    if (action == QStringLiteral("add"))
        return parseAdd(positional);
    if (action == QStringLiteral("list")) {
        if (positional.size() > 1)
            return usageError(tr("list takes no further arguments."));
        return list();
    }
    if (action == QStringLiteral("remove"))
        return parseRemove(positional);
    if (action == QStringLiteral("login"))
        return parseLogin(positional);
    return usageError(action.isEmpty()
                          ? tr("say add, list, remove or login.")
                          : tr("unknown action \"%1\"; say add, list, remove or login.").arg(action));
}

int AccountCommand::parseAdd(const QStringList &positional)
{
    if (positional.size() != 2)
        return usageError(
            tr("add needs exactly one account name, for example: account add work --address ..."));
    m_account.name = positional.at(1);
    m_account.identities.append({m_parser.value(QStringLiteral("display-name")),
                                 m_parser.value(QStringLiteral("address")),
                                 m_parser.value(QStringLiteral("reply-to")),
                                 {}});
    for (const QString &value : m_parser.values(QStringLiteral("identity"))) {
        AddressParser::Error error;
        const MailAddress parsed = AddressParser::parseMailbox(value, &error);
        if (parsed.isNull())
            return usageError(tr("--identity \"%1\": %2").arg(value, error.message));
        m_account.identities.append({parsed.displayName(), parsed.address(), {}, {}});
    }
    m_account.host = m_parser.value(QStringLiteral("server"));
    if (m_parser.isSet(QStringLiteral("oauth2"))) {
        const int status = parseOAuth();
        if (status >= 0)
            return status;
    }
    const std::optional<SmtpSecurity> security =
        Account::securityFromName(m_parser.value(QStringLiteral("security")));
    if (!security)
        return usageError(tr("--security must be none, starttls or tls, not \"%1\".")
                              .arg(m_parser.value(QStringLiteral("security"))));
    if (m_account.oauthProvider.isEmpty() || m_parser.isSet(QStringLiteral("security")))
        m_account.security = *security;
    if (m_parser.isSet(QStringLiteral("port"))) {
        bool ok = false;
        const uint port = m_parser.value(QStringLiteral("port")).toUInt(&ok);
        if (!ok || port == 0 || port > 65535)
            return usageError(tr("--port must be a number from 1 to 65535."));
        m_account.port = static_cast<quint16>(port);
    }
    const std::optional<AccountAuth> auth =
        Account::authFromMechanism(m_parser.value(QStringLiteral("auth")));
    if (!auth)
        return usageError(tr("unknown --auth \"%1\".").arg(m_parser.value(QStringLiteral("auth"))));
    m_account.auth = m_account.oauthProvider.isEmpty() ? *auth : AccountAuth::OAuth2Token;
    m_account.username = m_parser.value(QStringLiteral("user"));
    m_account.allowPlaintextAuth = m_parser.isSet(QStringLiteral("allow-plaintext-auth"));
    for (const QString &value : m_parser.values(QStringLiteral("trust-fingerprint"))) {
        const QByteArray hex = value.toLatin1().replace(':', "").trimmed();
        const QByteArray raw = QByteArray::fromHex(hex);
        if (raw.size() != 32 || hex.size() != 64)
            return usageError(tr("--trust-fingerprint needs 64 hex digits, not \"%1\".").arg(value));
        m_account.pinnedCertificates[Account::serverKey(m_account.host, m_account.effectivePort())] << raw;
    }

    CommandLineSecret secret;
    QString error;
    if (!CommandLineSecret::read(m_parser, m_stdin, &secret, &error))
        return usageError(error);
    if (secret.isToken && m_account.auth == AccountAuth::Automatic)
        m_account.auth = AccountAuth::OAuth2Token;
    if (secret.given && m_account.auth == AccountAuth::None)
        return usageError(tr("--auth none takes no password."));
    if (secret.given && m_account.usesSignIn())
        return usageError(tr("--oauth2 takes no password or token: sign in with 'sendscope account login'."));
    if (!secret.given && m_account.auth != AccountAuth::None && !m_account.usesSignIn())
        return usageError(tr("give the password with --password-stdin or --password-env VAR (or a token with "
                             "--token-env VAR), or say --auth none."));
    if (secret.given && secret.secret.isEmpty())
        return usageError(tr("the password is empty."));

    const QList<Account::Problem> problems = m_account.validate();
    if (!problems.isEmpty()) {
        QStringList messages;
        for (const Account::Problem &problem : problems)
            messages << problem.message;
        return usageError(messages.join(u' '));
    }
    if (const std::optional<Account> existing = m_store.findByName(m_account.name))
        return usageError(
            tr("there is already an account named \"%1\"; remove it first.").arg(existing->name));
    m_account.id = Account::newId();
    m_secret = secret.secret;
    m_storeSecret = secret.given;
    m_action = Action::Add;
    return -1;
}

int AccountCommand::list()
{
    const QList<Account> accounts = m_store.accounts();
    if (accounts.isEmpty()) {
        m_err << tr("No accounts. Add one with 'sendscope account add'.") << Qt::endl;
        return 0;
    }
    for (const Account &account : accounts) {
        const SmtpServerSettings settings = account.serverSettings();
        m_out << account.name << '\t' << account.primaryIdentity().displayString() << '\t' << settings.host
              << ':' << settings.effectivePort() << '\t' << SmtpServerSettings::securityName(account.security)
              << '\t' << tr("auth %1").arg(Account::authKey(account.auth));
        if (account.auth != AccountAuth::None)
            m_out << '\t' << tr("user %1").arg(account.effectiveUsername());
        m_out << Qt::endl;
        for (qsizetype i = 1; i < account.identities.size(); ++i)
            m_out << '\t' << tr("also as %1").arg(account.identities.at(i).displayString()) << Qt::endl;
    }
    return 0;
}

int AccountCommand::parseRemove(const QStringList &positional)
{
    if (positional.size() != 2)
        return usageError(tr("remove needs exactly one account name."));
    const std::optional<Account> account = m_store.findByName(positional.at(1));
    if (!account)
        return usageError(tr("there is no account \"%1\".").arg(positional.at(1)));
    m_account = *account;
    m_action = Action::Remove;
    return -1;
}

void AccountCommand::run()
{
    m_secrets = new SecretStore(SecretStore::defaultService(), this);
    if (m_action == Action::Add) {
        if (!m_storeSecret) {
            finishAdd();
            return;
        }
        // The secret first: an account whose password could not be stored is not saved half-way.
        m_secrets->write(m_account.id, m_secret, [this](const SecretStore::Result &result) {
            m_secret.fill(u'\0');
            if (!result.ok()) {
                m_err << tr("sendscope account: the password could not be stored, so the account was not "
                            "added.")
                      << Qt::endl
                      << result.message << Qt::endl;
                emit finished(kExitKeychain);
                return;
            }
            finishAdd();
        });
        return;
    }
    if (m_action == Action::Login) {
        runLogin();
        return;
    }
    if (m_action == Action::Remove) {
        m_secrets->remove(m_account.id, [this](const SecretStore::Result &result) {
            if (result.status == SecretStore::Status::NoKeychain && m_account.needsSecret()) {
                m_err << tr("Warning: the keychain could not be reached to delete this account's password "
                            "(entry \"%1\", key \"%2\"); delete it there by hand if it exists.")
                             .arg(SecretStore::defaultService(), SecretStore::keyFor(m_account.id))
                      << Qt::endl;
            } else if (!result.ok() && result.status != SecretStore::Status::NoKeychain) {
                m_err << tr("sendscope account: the password could not be deleted, so the account was kept.")
                      << Qt::endl
                      << result.message << Qt::endl;
                emit finished(kExitKeychain);
                return;
            }
            finishRemove();
        });
        return;
    }
    emit finished(0);
}

void AccountCommand::finishAdd()
{
    const AccountStore::Result saved = m_store.save(m_account);
    if (!saved.ok()) {
        m_err << tr("sendscope account: %1").arg(saved.message) << Qt::endl;
        if (m_storeSecret) // do not leave an orphaned secret behind
            m_secrets->remove(m_account.id,
                              [this](const SecretStore::Result &) { emit finished(kExitStore); });
        else
            emit finished(kExitStore);
        return;
    }
    m_err << tr("Added account \"%1\" (%2, %3:%4).")
                 .arg(m_account.name, m_account.primaryIdentity().address, m_account.host)
                 .arg(m_account.serverSettings().effectivePort())
          << Qt::endl;
    if (m_storeSecret)
        m_err << tr("The password is in the system keychain, not in %1.").arg(m_store.filePath()) << Qt::endl;
    if (m_account.usesSignIn())
        m_err << tr("Now sign in: sendscope account login %1").arg(m_account.name) << Qt::endl;
    emit finished(0);
}

void AccountCommand::finishRemove()
{
    const AccountStore::Result removed = m_store.remove(m_account.id);
    if (!removed.ok()) {
        m_err << tr("sendscope account: %1").arg(removed.message) << Qt::endl;
        emit finished(kExitStore);
        return;
    }
    m_err << tr("Removed account \"%1\" and its password.").arg(m_account.name) << Qt::endl;
    emit finished(0);
}

int AccountCommand::parseOAuth()
{
    const QString providerId = m_parser.value(QStringLiteral("oauth2")).toLower();
    m_account.oauthProvider = providerId;
    m_account.oauthAuthorizeUrl = m_parser.value(QStringLiteral("oauth2-authorize-url"));
    m_account.oauthTokenUrl = m_parser.value(QStringLiteral("oauth2-token-url"));
    m_account.oauthClientId = m_parser.value(QStringLiteral("oauth2-client-id"));
    m_account.oauthScope = m_parser.value(QStringLiteral("oauth2-scope"));
    if (providerId == QStringLiteral("custom")) {
        for (const char *option : {"oauth2-authorize-url", "oauth2-token-url", "oauth2-client-id"}) {
            if (!m_parser.isSet(QString::fromLatin1(option)))
                return usageError(tr("--oauth2 custom needs --%1.").arg(QString::fromLatin1(option)));
        }
        if (m_account.host.isEmpty())
            return usageError(tr("--oauth2 custom needs --server."));
    } else {
        const std::optional<OAuthProvider> provider = OAuthProvider::find(providerId);
        if (!provider)
            return usageError(
                tr("--oauth2 must be google, microsoft or custom, not \"%1\".").arg(providerId));
        if (m_account.host.isEmpty()) {
            m_account.host = provider->smtpHost;
            m_account.port = provider->smtpPort;
            m_account.security = provider->smtpSecurity;
        }
    }
    const OAuthSettings settings = m_account.oauthSettings();
    if (settings.clientId.isEmpty()) {
        // Never silently: say why sign-in cannot work and what does.
        const std::optional<OAuthProvider> provider = OAuthProvider::find(providerId);
        return usageError(provider ? OAuthProvider::noClientIdText(*provider)
                                   : tr("give the app's client id with --oauth2-client-id."));
    }
    for (const QUrl &url : {settings.authorizeUrl, settings.tokenUrl}) {
        if (!OAuthTokenClient::isAcceptableEndpoint(url))
            return usageError(
                tr("%1 is not an https address (only 127.0.0.1 may use http).").arg(url.toString()));
    }
    return -1;
}

int AccountCommand::parseLogin(const QStringList &positional)
{
    if (positional.size() != 2)
        return usageError(tr("login needs exactly one account name."));
    const std::optional<Account> account = m_store.findByName(positional.at(1));
    if (!account)
        return usageError(tr("there is no account \"%1\".").arg(positional.at(1)));
    if (!account->usesSignIn())
        return usageError(
            tr("account \"%1\" does not sign in with OAuth 2.0; add it with --oauth2.").arg(account->name));
    if (m_parser.isSet(QStringLiteral("login-timeout"))) {
        bool ok = false;
        const double seconds = m_parser.value(QStringLiteral("login-timeout")).toDouble(&ok);
        if (!ok || seconds <= 0 || seconds > 3600)
            return usageError(tr("--login-timeout must be a number of seconds up to 3600."));
        m_loginTimeoutMs = static_cast<int>(seconds * 1000);
    }
    m_openBrowser = !m_parser.isSet(QStringLiteral("no-browser"));
    m_account = *account;
    m_action = Action::Login;
    return -1;
}

bool AccountCommand::openBrowser(const QUrl &url)
{
    const QString address = url.toString(QUrl::FullyEncoded);
    // $BROWSER is a list of commands separated by colons; the first one is tried, like xdg-open does.
    const QString browser = qEnvironmentVariable("BROWSER").section(u':', 0, 0).trimmed();
    QStringList command =
        browser.isEmpty() ? QStringList{QStringLiteral("xdg-open")} : QProcess::splitCommand(browser);
    if (command.isEmpty())
        return false;
    bool substituted = false;
    for (QString &part : command) {
        if (part.contains(QStringLiteral("%s"))) {
            part.replace(QStringLiteral("%s"), address);
            substituted = true;
        }
    }
    if (!substituted)
        command << address;
    // Detached: the browser lives on after the sign-in.
    return QProcess::startDetached(command.takeFirst(), command);
}

void AccountCommand::runLogin()
{
    const OAuthSettings settings = m_account.oauthSettings();
    auto *signIn = new OAuthSignIn(settings, m_openBrowser ? &AccountCommand::openBrowser : nullptr, this);
    signIn->setTimeout(m_loginTimeoutMs);
    signIn->setLoginHint(m_account.primaryIdentity().address);
    connect(
        signIn, &OAuthSignIn::authorizationUrlReady, this, [this, settings](const QUrl &url, bool started) {
            m_err << (started
                          ? tr("Sign in with %1 in the browser that opened. If none did, open this address:")
                          : tr("Open this address in a browser to sign in with %1:"))
                         .arg(settings.providerName)
                  << Qt::endl
                  << url.toString(QUrl::FullyEncoded) << Qt::endl
                  << tr("Waiting for the browser to come back…") << Qt::endl;
        });
    connect(signIn, &OAuthSignIn::finished, this, &AccountCommand::finishLogin);
    signIn->start();
}

void AccountCommand::finishLogin(const OAuthTokenClient::Tokens &tokens)
{
    if (tokens.error.isError()) {
        m_err << tr("sendscope account: not signed in. %1").arg(tokens.error.explanation) << Qt::endl;
        if (!tokens.error.serverReply.isEmpty())
            m_err << tr("The sign-in server answered: %1").arg(tokens.error.serverReply) << Qt::endl;
        emit finished(kExitSignIn);
        return;
    }
    if (tokens.refreshToken.isEmpty()) {
        m_err << tr("sendscope account: the provider signed you in but gave no refresh token, so Sendscope "
                    "could "
                    "not send later without a browser. Check that the scope asks for offline access.")
              << Qt::endl;
        emit finished(kExitSignIn);
        return;
    }
    m_secrets->write(m_account.id, tokens.refreshToken, [this, tokens](const SecretStore::Result &result) {
        if (!result.ok()) {
            m_err << tr("sendscope account: signed in, but the keychain could not keep the sign-in, so the "
                        "account cannot send unattended.")
                  << Qt::endl
                  << result.message << Qt::endl;
            emit finished(kExitKeychain);
            return;
        }
        // The SASL user name is the account that signed in, whatever the From address says.
        const QString from = m_account.primaryIdentity().address;
        if (!tokens.signedInAddress.isEmpty())
            m_account.username = tokens.signedInAddress;
        const AccountStore::Result saved = m_store.save(m_account);
        if (!saved.ok()) {
            m_err << tr("sendscope account: %1").arg(saved.message) << Qt::endl;
            emit finished(kExitStore);
            return;
        }
        m_err << tr("Signed in as %1. The sign-in is kept in the system keychain; nothing secret is in %2.")
                     .arg(m_account.effectiveUsername(), m_store.filePath())
              << Qt::endl;
        if (m_account.effectiveUsername().compare(from, Qt::CaseInsensitive) != 0)
            m_err << tr("Warning: you signed in as %1 but the account sends from %2. The provider may refuse "
                        "or rewrite that From address unless %1 may send as %2.")
                         .arg(m_account.effectiveUsername(), from)
                  << Qt::endl;
        emit finished(0);
    });
}
