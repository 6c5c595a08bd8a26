#include "smtpserversettings.h"

quint16 SmtpServerSettings::defaultPort(SmtpSecurity security)
{
    switch (security) {
    case SmtpSecurity::None:
        return 25;
    case SmtpSecurity::StartTls:
        return 587; // RFC 6409 message submission
    case SmtpSecurity::ImplicitTls:
        return 465; // RFC 8314
    }
    return 587;
}

quint16 SmtpServerSettings::effectivePort() const
{
    return port != 0 ? port : defaultPort(security);
}

QString SmtpServerSettings::securityName(SmtpSecurity security)
{
    switch (security) {
    case SmtpSecurity::None:
        return QStringLiteral("none");
    case SmtpSecurity::StartTls:
        return QStringLiteral("starttls");
    case SmtpSecurity::ImplicitTls:
        return QStringLiteral("tls");
    }
    return {};
}
