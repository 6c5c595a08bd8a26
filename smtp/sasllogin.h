#pragma once

#include "saslmechanism.h"

// The obsolete but widespread LOGIN mechanism: the server asks "Username:" then "Password:".
class SaslLogin : public SaslMechanism
{
public:
    explicit SaslLogin(SaslCredentials credentials)
        : SaslMechanism(std::move(credentials))
    {
    }
    QByteArray name() const override { return QByteArrayLiteral("LOGIN"); }
    Step respond(const QByteArray &challenge) override;

private:
    int m_step = 0;
};
