#include "saslscramsha256.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QPasswordDigestor>
#include <QRandomGenerator>

namespace {

QByteArray hmac(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

// Parses "a=1,b=2" into attribute -> value; values may contain '='.
QHash<char, QByteArray> attributes(const QByteArray &message)
{
    QHash<char, QByteArray> out;
    for (const QByteArray &part : message.split(',')) {
        if (part.size() >= 2 && part.at(1) == '=')
            out.insert(part.at(0), part.mid(2));
    }
    return out;
}

bool isMappedToNothing(char32_t c)
{
    return c == 0x00AD || c == 0x034F || c == 0x1806 || (c >= 0x180B && c <= 0x180D) ||
           (c >= 0x200B && c <= 0x200D) || c == 0x2060 || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF;
}

bool isNonAsciiSpace(char32_t c)
{
    return c == 0x00A0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F ||
           c == 0x3000;
}

} // namespace

SaslScramSha256::SaslScramSha256(SaslCredentials credentials)
    : SaslMechanism(std::move(credentials))
{
    QByteArray random(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), random.size() / 4);
    m_clientNonce = random.toBase64(QByteArray::Base64Encoding | QByteArray::OmitTrailingEquals);
}

bool SaslScramSha256::saslPrep(const QString &input, QString *output)
{
    QString mapped;
    for (const char32_t c : input.toUcs4()) {
        if (isMappedToNothing(c))
            continue;
        if (isNonAsciiSpace(c)) {
            mapped += u' ';
            continue;
        }
        // Controls are prohibited output (RFC 4013 section 2.3).
        if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0))
            return false;
        mapped += QString::fromUcs4(&c, 1);
    }
    *output = mapped.normalized(QString::NormalizationForm_KC);
    return true;
}

QString SaslScramSha256::describeChallenge(const QByteArray &challenge) const
{
    const QHash<char, QByteArray> attrs = attributes(challenge);
    if (attrs.contains('e'))
        return QCoreApplication::translate("SaslMechanism", "[server error: %1]")
            .arg(QString::fromUtf8(attrs.value('e').left(100)));
    if (attrs.contains('v'))
        return QCoreApplication::translate("SaslMechanism", "[server signature]");
    if (attrs.contains('s') && attrs.contains('i'))
        return QCoreApplication::translate("SaslMechanism", "[server challenge: %1 iterations, %2-byte salt]")
            .arg(QString::fromLatin1(attrs.value('i').left(10)))
            .arg(QByteArray::fromBase64(attrs.value('s')).size());
    return QCoreApplication::translate("SaslMechanism", "[SCRAM message, %1 bytes]").arg(challenge.size());
}

SaslMechanism::Step SaslScramSha256::failure(const QString &reason)
{
    return {false, {}, reason};
}

std::optional<QByteArray> SaslScramSha256::initialResponse()
{
    QString user;
    if (!saslPrep(credentials().username, &user))
        user = credentials().username; // the server will refuse it; better than sending nothing
    QByteArray name = user.toUtf8();
    name.replace('=', "=3D").replace(',', "=2C");
    m_clientFirstBare = "n=" + name + ",r=" + m_clientNonce;
    m_stage = Stage::SentClientFirst;
    return "n,," + m_clientFirstBare;
}

SaslMechanism::Step SaslScramSha256::respond(const QByteArray &challenge)
{
    switch (m_stage) {
    case Stage::Start:
        // The server ignored the initial response and sent an empty challenge.
        return {true, *initialResponse(), {}};
    case Stage::SentClientFirst:
        return handleServerFirst(challenge);
    case Stage::SentClientFinal:
        return handleServerFinal(challenge);
    case Stage::Done:
        break;
    }
    return failure(
        QCoreApplication::translate("SaslMechanism", "The server sent an unexpected SCRAM message."));
}

SaslMechanism::Step SaslScramSha256::handleServerFirst(const QByteArray &message)
{
    const QHash<char, QByteArray> attrs = attributes(message);
    if (attrs.contains('m'))
        return failure(QCoreApplication::translate(
            "SaslMechanism", "The server requires a SCRAM extension that is not supported."));
    if (attrs.contains('e'))
        return failure(QCoreApplication::translate("SaslMechanism", "The server reported a SCRAM error: %1")
                           .arg(QString::fromUtf8(attrs.value('e').left(100))));
    const QByteArray nonce = attrs.value('r');
    const QByteArray salt = QByteArray::fromBase64(attrs.value('s'));
    bool ok = false;
    const int iterations = attrs.value('i').toInt(&ok);
    if (!nonce.startsWith(m_clientNonce) || nonce.size() <= m_clientNonce.size())
        return failure(
            QCoreApplication::translate("SaslMechanism", "The server's SCRAM nonce does not continue ours."));
    if (salt.isEmpty() || !ok || iterations < 1)
        return failure(
            QCoreApplication::translate("SaslMechanism", "The server's SCRAM parameters are invalid."));
    if (iterations > kMaxIterations)
        return failure(
            QCoreApplication::translate("SaslMechanism",
                                        "The server asked for %1 SCRAM iterations; at most %2 are accepted.")
                .arg(iterations)
                .arg(kMaxIterations));

    QString password;
    if (!saslPrep(credentials().secret, &password))
        return failure(QCoreApplication::translate(
            "SaslMechanism", "The password contains control characters that SCRAM does not allow."));
    const QByteArray salted = QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256,
                                                                 password.toUtf8(), salt, iterations, 32);
    const QByteArray clientKey = hmac(salted, "Client Key");
    const QByteArray storedKey = QCryptographicHash::hash(clientKey, QCryptographicHash::Sha256);
    const QByteArray withoutProof = "c=biws,r=" + nonce; // "biws" is base64 of the GS2 header "n,,"
    const QByteArray authMessage = m_clientFirstBare + ',' + message + ',' + withoutProof;
    const QByteArray clientSignature = hmac(storedKey, authMessage);
    QByteArray proof = clientKey;
    for (qsizetype i = 0; i < proof.size(); ++i)
        proof[i] = static_cast<char>(proof.at(i) ^ clientSignature.at(i));
    m_expectedServerSignature = hmac(hmac(salted, "Server Key"), authMessage);
    m_stage = Stage::SentClientFinal;
    return {true, withoutProof + ",p=" + proof.toBase64(), {}};
}

SaslMechanism::Step SaslScramSha256::handleServerFinal(const QByteArray &message)
{
    m_stage = Stage::Done;
    const QHash<char, QByteArray> attrs = attributes(message);
    if (attrs.contains('e'))
        return failure(QCoreApplication::translate("SaslMechanism", "The server rejected the login: %1")
                           .arg(QString::fromUtf8(attrs.value('e').left(100))));
    if (QByteArray::fromBase64(attrs.value('v')) != m_expectedServerSignature)
        return failure(QCoreApplication::translate(
            "SaslMechanism", "The server's SCRAM signature is wrong: it does not know the password."));
    m_serverVerified = true;
    return {true, QByteArray(), {}};
}
