#pragma once

#include "accountstore.h"
#include "oauthtokenclient.h"

#include <QCommandLineParser>
#include <QObject>
#include <QTextStream>

class QIODevice;
class SecretStore;

// `sendscope account add|list|remove`: the same accounts as the account dialog, for scripted set-ups.
// The password goes to the system keychain (never to a file, never as an argument).
class AccountCommand : public QObject
{
    Q_OBJECT
public:
    static constexpr int kExitUsage = 2;
    static constexpr int kExitKeychain = 4;
    static constexpr int kExitStore = 5;
    static constexpr int kExitSignIn = 6; // account login: the sign-in did not complete

    explicit AccountCommand(QObject *parent = nullptr);

    // arguments start with the program name, then "account". Returns -1 when run() must follow (it
    // needs the keychain, which answers asynchronously), otherwise the exit status.
    int parse(const QStringList &arguments);
    void run();
    QString helpText() const { return m_parser.helpText(); }

    void setStandardInput(QIODevice *input) { m_stdin = input; }
    void setStore(AccountStore store) { m_store = std::move(store); }

signals:
    void finished(int exitCode);

private:
    int usageError(const QString &message);
    int parseAdd(const QStringList &positional);
    int list();
    int parseRemove(const QStringList &positional);
    void finishAdd();
    void finishRemove();
    int parseOAuth(); // add --oauth2 PROVIDER
    int parseLogin(const QStringList &positional);
    void runLogin();
    void finishLogin(const OAuthTokenClient::Tokens &tokens);
    // Runs $BROWSER (its first entry; "%s" stands for the URL) or xdg-open; false when neither started.
    static bool openBrowser(const QUrl &url);

    QCommandLineParser m_parser;
    AccountStore m_store;
    SecretStore *m_secrets = nullptr;
    Account m_account;
    QString m_secret;
    bool m_storeSecret = false;
    enum class Action { None, Add, Remove, Login } m_action = Action::None;
    QTextStream m_out;
    QTextStream m_err;
    QIODevice *m_stdin = nullptr;
    int m_loginTimeoutMs = 5 * 60 * 1000;
    bool m_openBrowser = true;
};
