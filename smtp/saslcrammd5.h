#pragma once

#include "saslmechanism.h"

// RFC 2195: the reply is the user name and the hex HMAC-MD5 of the server's challenge keyed by the password.
class SaslCramMd5 : public SaslMechanism
{
public:
    explicit SaslCramMd5(SaslCredentials credentials)
        : SaslMechanism(std::move(credentials))
    {
    }
    QByteArray name() const override { return QByteArrayLiteral("CRAM-MD5"); }
    Step respond(const QByteArray &challenge) override;

private:
    bool m_answered = false;
};
