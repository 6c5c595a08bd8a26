#pragma once

#include "saslmechanism.h"

// Google's and Microsoft's XOAUTH2: "user=" U ^A "auth=Bearer " T ^A ^A. A failure comes as a 334
// challenge with a JSON error, answered by an empty response; the server then sends 535.
class SaslXOAuth2 : public SaslMechanism
{
public:
    explicit SaslXOAuth2(SaslCredentials credentials)
        : SaslMechanism(std::move(credentials))
    {
    }
    QByteArray name() const override { return QByteArrayLiteral("XOAUTH2"); }
    std::optional<QByteArray> initialResponse() override;
    Step respond(const QByteArray &challenge) override;
    bool usesToken() const override { return true; }
    QByteArray serverError() const { return m_serverError; }

private:
    QByteArray m_serverError;
};
