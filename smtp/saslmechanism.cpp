#include "saslmechanism.h"

#include "saslcrammd5.h"
#include "sasllogin.h"
#include "sasloauthbearer.h"
#include "saslplain.h"
#include "saslscramsha256.h"
#include "saslxoauth2.h"

#include <QCoreApplication>

QString SaslMechanism::redactedDescription() const
{
    if (usesToken())
        return QCoreApplication::translate("SaslMechanism", "user name: %1, token: %2")
            .arg(m_credentials.username, describeSecret(m_credentials.secret));
    return QCoreApplication::translate("SaslMechanism", "user name: %1, password: %2")
        .arg(m_credentials.username, describeSecret(m_credentials.secret));
}

std::unique_ptr<SaslMechanism> SaslMechanism::create(QByteArrayView name, const SaslCredentials &credentials)
{
    const QByteArray upper = name.toByteArray().toUpper();
    if (upper == "PLAIN")
        return std::make_unique<SaslPlain>(credentials);
    if (upper == "LOGIN")
        return std::make_unique<SaslLogin>(credentials);
    if (upper == "CRAM-MD5")
        return std::make_unique<SaslCramMd5>(credentials);
    if (upper == "SCRAM-SHA-256")
        return std::make_unique<SaslScramSha256>(credentials);
    if (upper == "XOAUTH2")
        return std::make_unique<SaslXOAuth2>(credentials);
    if (upper == "OAUTHBEARER")
        return std::make_unique<SaslOAuthBearer>(credentials);
    return nullptr;
}

QByteArrayList SaslMechanism::supportedPasswordMechanisms()
{
    // Strongest first: SCRAM never reveals the password and proves the server; CRAM-MD5 keeps it off the
    // wire; PLAIN and LOGIN send it (inside TLS).
    return {"SCRAM-SHA-256", "CRAM-MD5", "PLAIN", "LOGIN"};
}

QByteArrayList SaslMechanism::supportedTokenMechanisms()
{
    return {"OAUTHBEARER", "XOAUTH2"};
}

QByteArray SaslMechanism::strongestOffered(const QByteArrayList &offered, bool secretIsToken, bool encrypted)
{
    QByteArrayList upper;
    for (const QByteArray &name : offered)
        upper << name.trimmed().toUpper();
    const QByteArrayList preference = secretIsToken ? supportedTokenMechanisms()
                                      : encrypted
                                          ? QByteArrayList{"SCRAM-SHA-256", "PLAIN", "LOGIN", "CRAM-MD5"}
                                          : supportedPasswordMechanisms();
    for (const QByteArray &name : preference) {
        if (upper.contains(name))
            return name;
    }
    return {};
}

QString SaslMechanism::describeSecret(const QString &secret)
{
    if (secret.isEmpty())
        return QCoreApplication::translate("SaslMechanism", "(empty)");
    // Facts that reveal a bad paste, never the secret: its length and stray whitespace.
    QStringList facts;
    // A range, not the exact length: with a SCRAM or CRAM-MD5 exchange the length would narrow an offline
    // guess. Still enough to see a truncated or doubled paste.
    if (secret.size() < 8)
        facts << QCoreApplication::translate("SaslMechanism", "fewer than 8 characters");
    else if (secret.size() < 16)
        facts << QCoreApplication::translate("SaslMechanism", "8 to 15 characters");
    else if (secret.size() < 32)
        facts << QCoreApplication::translate("SaslMechanism", "16 to 31 characters");
    else
        facts << QCoreApplication::translate("SaslMechanism", "32 characters or more");
    auto isBlank = [](QChar c) { return c.isSpace() && c != u'\n' && c != u'\r'; };
    if (isBlank(secret.front()))
        facts << QCoreApplication::translate("SaslMechanism", "starts with a space");
    if (isBlank(secret.back()))
        facts << QCoreApplication::translate("SaslMechanism", "ends with a space");
    if (secret.contains(u'\n') || secret.contains(u'\r'))
        facts << QCoreApplication::translate("SaslMechanism", "contains a line break");
    for (const QChar c : secret) {
        if (c.unicode() >= 0x80) {
            facts << QCoreApplication::translate("SaslMechanism", "contains non-ASCII characters");
            break;
        }
    }
    return QStringLiteral("******** (") + facts.join(QStringLiteral(", ")) + u')';
}
