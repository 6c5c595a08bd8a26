#pragma once

#include <QCoreApplication>

#include "oauthprovider.h"
#include "smtpserversettings.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

#include <optional>

// One sender identity of an account: what goes into From, Reply-To and below the text.
struct Identity
{
    QString name;    // display name, may be empty
    QString address; // addr-spec
    QString replyTo; // optional address list
    QString signature;

    // "Name <address>" or the bare address, as the From selector shows it.
    QString displayString() const;
    friend bool operator==(const Identity &, const Identity &) = default;
};

// How the account logs in. Automatic picks the strongest mechanism the server offers.
enum class AccountAuth { Automatic, Plain, Login, CramMd5, ScramSha256, OAuth2Token, None };

// A mail account: server settings and identities. Never holds the password or token: that lives in the
// system keychain (SecretStore), keyed by id, so a settings file can be shared or backed up safely.
struct Account
{
    Q_DECLARE_TR_FUNCTIONS(Account)

public:
    // Which field a validation message belongs to, so the dialog can show it next to that field.
    enum class Field { Name, Address, ReplyTo, Identities, Host, Port, Username, Security, Auth };
    struct Problem
    {
        Field field;
        QString message;
    };

    QString id;   // stable, never shown; keys the keychain entry so renaming an account keeps its secret
    QString name; // unique, shown in the From selector and used by `sendscope send --account`
    QList<Identity> identities;

    QString host;
    quint16 port = 0; // 0: the default for the security
    SmtpSecurity security = SmtpSecurity::StartTls;
    AccountAuth auth = AccountAuth::Automatic;
    QString username; // empty: the first identity's address
    bool allowPlaintextAuth = false;
    // SHA-256 of leaf certificates the user chose to trust always, by server (serverKey()): a pin vouches
    // for the certificate of one host and port, so it must not follow the account to another server.
    QMap<QString, QList<QByteArray>> pinnedCertificates;
    // When each pin was made, by pinKey(); pins from before dates were kept have none.
    QMap<QString, QDateTime> pinnedAt;
    bool isSandbox = false; // the built-in local sandbox account
    // What a new message from this account asks for, until the person changes it for that message.
    bool requestDeliveryReceipt = false; // DSN, when the server offers it
    bool requestReadReceipt = false;     // MDN: Disposition-Notification-To
    // The spelling dictionary ("en_US") last chosen in a message from this account; empty: the default.
    QString spellingLanguage;

    // Signed in with OAuth 2.0 (auth is OAuth2Token): "google", "microsoft" or "custom"; empty for a
    // password or a bearer token given by hand. The fields below override the provider table's.
    QString oauthProvider;
    QString oauthAuthorizeUrl;
    QString oauthTokenUrl;
    QString oauthClientId;
    QString oauthScope;

    // Settings for SmtpSession, without the secret (the caller adds it from the keychain).
    SmtpServerSettings serverSettings() const;
    quint16 effectivePort() const { return port ? port : SmtpServerSettings::defaultPort(security); }
    // The pins for a server (the effective port, not 0), and for the account's own host and port.
    QList<QByteArray> pinsFor(const QString &server, quint16 serverPort) const;
    QList<QByteArray> currentPins() const { return pinsFor(host, effectivePort()); }
    void setCurrentPins(const QList<QByteArray> &pins); // an empty list forgets them
    // A certificate trusted always, as the account dialog lists it for review.
    struct CertificatePin
    {
        QString server;      // serverKey(): "host:port"
        QByteArray sha256;   // of the leaf certificate
        QDateTime trustedAt; // invalid when not known
    };
    QList<CertificatePin> certificatePins() const; // by server, then in the order they were made
    // Trusts exactly this certificate for server from now on, replacing the server's earlier pins (a
    // changed certificate replaces the old one rather than piling up pins).
    void pinCertificate(const QString &server, const QByteArray &sha256, const QDateTime &when);
    // Forgets one pin: the server's certificate is checked normally again, and asked about if it fails.
    void removeCertificatePin(const QString &server, const QByteArray &sha256);
    static QString pinKey(const QString &server, const QByteArray &sha256); // "host:port hex"
    static QString serverKey(const QString &server, quint16 serverPort);    // "host:port", host in lower case
    QString effectiveUsername() const;
    bool needsSecret() const { return auth != AccountAuth::None; }
    bool usesToken() const { return auth == AccountAuth::OAuth2Token; }
    // The token comes from a sign-in and is refreshed before each send (rather than typed in).
    bool usesSignIn() const { return usesToken() && !oauthProvider.isEmpty(); }
    OAuthSettings oauthSettings() const;
    Identity primaryIdentity() const { return identities.value(0); }

    // Every problem with the form as entered, in field order; empty when it can be saved.
    QList<Problem> validate() const;

    static QString newId();
    static QString authKey(AccountAuth auth); // stable settings key: "automatic", "plain", ...
    static std::optional<AccountAuth> authFromKey(const QString &key);
    // Accepts the CLI spellings too ("PLAIN", "CRAM-MD5", "XOAUTH2", "none").
    static std::optional<AccountAuth> authFromMechanism(const QString &mechanism);
    static std::optional<SmtpSecurity> securityFromName(const QString &name);
};
Q_DECLARE_METATYPE(Account)
