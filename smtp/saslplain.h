#pragma once

#include "saslmechanism.h"

// RFC 4616: authzid NUL authcid NUL password, sent as the AUTH command's initial response.
class SaslPlain : public SaslMechanism
{
public:
    explicit SaslPlain(SaslCredentials credentials)
        : SaslMechanism(std::move(credentials))
    {
    }
    QByteArray name() const override { return QByteArrayLiteral("PLAIN"); }
    std::optional<QByteArray> initialResponse() override;
    Step respond(const QByteArray &challenge) override;
};
