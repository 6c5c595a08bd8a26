#include "saslplain.h"

#include <QCoreApplication>

std::optional<QByteArray> SaslPlain::initialResponse()
{
    return '\0' + credentials().username.toUtf8() + '\0' + credentials().secret.toUtf8();
}

SaslMechanism::Step SaslPlain::respond(const QByteArray &challenge)
{
    // A server that did not take the initial response sends an empty challenge and expects it now.
    if (challenge.isEmpty())
        return {true, *initialResponse(), {}};
    return {false,
            {},
            QCoreApplication::translate("SaslMechanism", "The server sent an unexpected PLAIN challenge.")};
}
