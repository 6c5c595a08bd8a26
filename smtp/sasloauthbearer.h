#pragma once

#include "saslmechanism.h"

// RFC 7628 OAUTHBEARER: a GS2 header with the user, then host, port and the bearer token as key=value
// pairs separated by ^A. A failure is a 334 with a JSON error, answered by a single ^A.
class SaslOAuthBearer : public SaslMechanism
{
public:
    explicit SaslOAuthBearer(SaslCredentials credentials)
        : SaslMechanism(std::move(credentials))
    {
    }
    QByteArray name() const override { return QByteArrayLiteral("OAUTHBEARER"); }
    std::optional<QByteArray> initialResponse() override;
    Step respond(const QByteArray &challenge) override;
    bool usesToken() const override { return true; }
    QByteArray serverError() const { return m_serverError; }

private:
    QByteArray m_serverError;
};
