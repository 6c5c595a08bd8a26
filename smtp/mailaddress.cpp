#include "mailaddress.h"

#include "headerencoder.h"

#include <QUrl>

namespace {
bool isAscii(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() >= 0x80)
            return false;
    }
    return true;
}
} // namespace

MailAddress::MailAddress(QString displayName, QString localPart, QString domain)
    : m_displayName(std::move(displayName))
    , m_localPart(std::move(localPart))
    , m_domain(std::move(domain))
{
}

bool MailAddress::needsSmtpUtf8() const
{
    return !isAscii(m_localPart);
}

QByteArray MailAddress::asciiDomain() const
{
    if (isAscii(m_domain))
        return m_domain.toLatin1();
    const QByteArray ace = QUrl::toAce(m_domain);
    return ace.isEmpty() ? m_domain.toUtf8() : ace;
}

QByteArray MailAddress::encodedAddress(bool smtpUtf8) const
{
    if (smtpUtf8)
        return address().toUtf8();
    return m_localPart.toUtf8() + '@' + asciiDomain();
}

QByteArray MailAddress::toHeader(bool smtpUtf8) const
{
    if (m_displayName.isEmpty())
        return encodedAddress(smtpUtf8);
    return HeaderEncoder::phrase(m_displayName, smtpUtf8) + " <" + encodedAddress(smtpUtf8) + '>';
}

QString MailAddress::toDisplayString() const
{
    return m_displayName.isEmpty() ? address() : m_displayName + QStringLiteral(" <") + address() + u'>';
}
