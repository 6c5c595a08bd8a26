#include "saslcrammd5.h"

#include <QCoreApplication>
#include <QMessageAuthenticationCode>

SaslMechanism::Step SaslCramMd5::respond(const QByteArray &challenge)
{
    if (m_answered || challenge.isEmpty())
        return {false,
                {},
                QCoreApplication::translate("SaslMechanism",
                                            "The server sent an unexpected CRAM-MD5 challenge.")};
    m_answered = true;
    const QByteArray digest =
        QMessageAuthenticationCode::hash(challenge, credentials().secret.toUtf8(), QCryptographicHash::Md5);
    return {true, credentials().username.toUtf8() + ' ' + digest.toHex(), {}};
}
