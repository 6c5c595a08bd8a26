#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QString>

#include <memory>
#include <optional>

struct SaslCredentials
{
    QString username;
    QString secret; // a password, or an OAuth 2.0 bearer token for XOAUTH2 / OAUTHBEARER
    QString host;   // server host name and port, used by OAUTHBEARER's GS2 header
    int port = 0;
};

// One SASL mechanism's client side (RFC 4422), driven by SmtpSession's AUTH exchange. Payloads here are
// raw bytes; the session does the base64 of RFC 4954. Implementations never log or expose the secret.
class SaslMechanism
{
public:
    struct Step
    {
        bool ok = true;
        QByteArray response; // raw bytes to send (empty is a valid, empty response)
        QString error;       // set when ok is false: why the exchange must be aborted ("*")
    };

    virtual ~SaslMechanism() = default;
    SaslMechanism(const SaslMechanism &) = delete;
    SaslMechanism &operator=(const SaslMechanism &) = delete;

    virtual QByteArray name() const = 0;
    // The response sent with the AUTH command itself (RFC 4954 initial response), if the mechanism has one.
    virtual std::optional<QByteArray> initialResponse() { return std::nullopt; }
    // Answers a server challenge (already base64-decoded).
    virtual Step respond(const QByteArray &challenge) = 0;
    // True when the mechanism has verified the server (SCRAM's server signature) or needs no verification.
    // The session refuses a 235 when this is false.
    virtual bool isServerVerified() const { return true; }
    // What the transcript shows for a server challenge (already base64-decoded) instead of the challenge
    // itself; empty to show it as it came.
    virtual QString describeChallenge(const QByteArray &challenge) const
    {
        Q_UNUSED(challenge);
        return {};
    }
    // True when the secret is an OAuth token rather than a password.
    virtual bool usesToken() const { return false; }

    // A description of the exchange for the transcript that never reveals the secret, e.g.
    // "user name: alice, password: ******** (14 characters, ends with a space)".
    QString redactedDescription() const;

    // Creates the mechanism by its IANA name (case-insensitive); nullptr for an unknown one.
    static std::unique_ptr<SaslMechanism> create(QByteArrayView name, const SaslCredentials &credentials);
    // Names this client implements, strongest first, for passwords and for tokens.
    static QByteArrayList supportedPasswordMechanisms(); // SCRAM-SHA-256, CRAM-MD5, PLAIN, LOGIN
    static QByteArrayList supportedTokenMechanisms();    // OAUTHBEARER, XOAUTH2
    // The mechanism automatic authentication uses among the server's offered ones, or empty. Inside TLS
    // the channel already hides the password, so the fewest round trips win: SCRAM-SHA-256 (it also
    // proves the server), then PLAIN with its initial response, then LOGIN; CRAM-MD5 costs one more round
    // trip and protects nothing more inside TLS, so it comes last, only for a server that offers nothing
    // else (failing there would help nobody). Outside TLS (only when plaintext authentication was allowed
    // explicitly) CRAM-MD5 still keeps the password itself off the wire, so it ranks before PLAIN.
    static QByteArray strongestOffered(const QByteArrayList &offered, bool secretIsToken, bool encrypted);
    // Describes a secret without revealing it: "******** (14 characters, ends with a space)".
    static QString describeSecret(const QString &secret);

protected:
    explicit SaslMechanism(SaslCredentials credentials)
        : m_credentials(std::move(credentials))
    {
    }
    const SaslCredentials &credentials() const { return m_credentials; }

private:
    SaslCredentials m_credentials;
};
