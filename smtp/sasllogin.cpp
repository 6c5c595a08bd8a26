#include "sasllogin.h"

#include <QCoreApplication>

SaslMechanism::Step SaslLogin::respond(const QByteArray &challenge)
{
    // Servers word the prompts differently ("Username:", "User Name", localised text); trust the prompt
    // when it is clear, the order otherwise.
    const QByteArray prompt = challenge.toLower();
    bool wantsPassword = m_step > 0;
    if (prompt.contains("password"))
        wantsPassword = true;
    else if (prompt.contains("user"))
        wantsPassword = false;
    if (m_step >= 2)
        return {false,
                {},
                QCoreApplication::translate("SaslMechanism",
                                            "The server asked for more than a user name and password.")};
    ++m_step;
    return {true, wantsPassword ? credentials().secret.toUtf8() : credentials().username.toUtf8(), {}};
}
