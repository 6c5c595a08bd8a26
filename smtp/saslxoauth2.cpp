#include "saslxoauth2.h"

std::optional<QByteArray> SaslXOAuth2::initialResponse()
{
    return "user=" + credentials().username.toUtf8() + "\x01" + "auth=Bearer " +
           credentials().secret.toUtf8() + "\x01\x01";
}

SaslMechanism::Step SaslXOAuth2::respond(const QByteArray &challenge)
{
    // The challenge is the server's JSON error ({"status":"401","schemes":...,"scope":...}); it holds no
    // secret, and the empty answer lets the server finish with its 535.
    m_serverError = challenge.left(1024);
    return {true, QByteArray(), {}};
}
