#pragma once

// An account on the test Postfix (submission port, STARTTLS, its certificate pinned), for the tests that
// send through it with the app's accounts. Header-only; needs sendscope_core.

#include "account.h"
#include "testserverenv.h"

#include <QCryptographicHash>
#include <QSslCertificate>

inline Account postfixAccount(const TestServerEnv &servers, const QString &displayName)
{
    Account account;
    account.name = QStringLiteral("Postfix");
    account.identities.append({displayName, servers.value("TEST_USER"), {}, {}});
    account.host = servers.value("SMTP_HOST");
    account.port = servers.value("POSTFIX_SUBMISSION_PORT").toUShort();
    account.setCurrentPins({QSslCertificate::fromPath(servers.value("SERVER_CERT"))
                                .value(0)
                                .digest(QCryptographicHash::Sha256)});
    return account;
}
