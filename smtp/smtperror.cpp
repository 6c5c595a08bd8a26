#include "smtperror.h"

QString SmtpError::categoryName(SmtpErrorCategory category)
{
    switch (category) {
    case SmtpErrorCategory::None:
        return QStringLiteral("none");
    case SmtpErrorCategory::Input:
        return QStringLiteral("input");
    case SmtpErrorCategory::Dns:
        return QStringLiteral("dns");
    case SmtpErrorCategory::Connect:
        return QStringLiteral("connect");
    case SmtpErrorCategory::Tls:
        return QStringLiteral("tls");
    case SmtpErrorCategory::Certificate:
        return QStringLiteral("certificate");
    case SmtpErrorCategory::Auth:
        return QStringLiteral("auth");
    case SmtpErrorCategory::Policy:
        return QStringLiteral("policy");
    case SmtpErrorCategory::Recipient:
        return QStringLiteral("recipient");
    case SmtpErrorCategory::Size:
        return QStringLiteral("size");
    case SmtpErrorCategory::Timeout:
        return QStringLiteral("timeout");
    case SmtpErrorCategory::ServerUnavailable:
        return QStringLiteral("server-unavailable");
    case SmtpErrorCategory::Protocol:
        return QStringLiteral("protocol");
    case SmtpErrorCategory::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

int SmtpError::exitCode(SmtpErrorCategory category)
{
    // Stable numbers for scripts; 1 is left for crashes and generic failures, 3 for partial success.
    switch (category) {
    case SmtpErrorCategory::None:
        return 0;
    case SmtpErrorCategory::Input:
        return 2;
    case SmtpErrorCategory::Dns:
        return 10;
    case SmtpErrorCategory::Connect:
        return 11;
    case SmtpErrorCategory::Tls:
        return 12;
    case SmtpErrorCategory::Certificate:
        return 13;
    case SmtpErrorCategory::Auth:
        return 14;
    case SmtpErrorCategory::Policy:
        return 15;
    case SmtpErrorCategory::Recipient:
        return 16;
    case SmtpErrorCategory::Size:
        return 17;
    case SmtpErrorCategory::Timeout:
        return 18;
    case SmtpErrorCategory::ServerUnavailable:
        return 19;
    case SmtpErrorCategory::Protocol:
        return 20;
    case SmtpErrorCategory::Cancelled:
        return 21;
    }
    return 1;
}
