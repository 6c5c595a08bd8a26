#include "sasloauthbearer.h"

std::optional<QByteArray> SaslOAuthBearer::initialResponse()
{
    // RFC 5801 section 4: ',' and '=' in the authzid are escaped as =2C and =3D.
    QByteArray user = credentials().username.toUtf8();
    user.replace('=', "=3D").replace(',', "=2C");
    QByteArray out = "n,a=" + user + ",\x01";
    if (!credentials().host.isEmpty())
        out += "host=" + credentials().host.toUtf8() + "\x01";
    if (credentials().port > 0)
        out += "port=" + QByteArray::number(credentials().port) + "\x01";
    out += "auth=Bearer " + credentials().secret.toUtf8() + "\x01\x01";
    return out;
}

SaslMechanism::Step SaslOAuthBearer::respond(const QByteArray &challenge)
{
    m_serverError = challenge.left(1024);
    return {true, QByteArray("\x01"), {}};
}
