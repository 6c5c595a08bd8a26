#pragma once

#include <QByteArray>
#include <QString>

// One mailbox: an optional display name and an address. The domain is kept as the user typed it (it
// may be an internationalised name); the encoders turn it into A-labels where SMTPUTF8 is not used.
class MailAddress
{
public:
    MailAddress() = default;
    MailAddress(QString displayName, QString localPart, QString domain);

    const QString &displayName() const { return m_displayName; }
    const QString &localPart() const { return m_localPart; }
    const QString &domain() const { return m_domain; }
    QString address() const { return m_localPart + u'@' + m_domain; }
    bool isNull() const { return m_localPart.isEmpty(); }

    // A non-ASCII local part can only travel with SMTPUTF8 (RFC 6531); a non-ASCII domain cannot be
    // written in A-labels then either if the local part forces RFC 6532 anyway.
    bool needsSmtpUtf8() const;
    // The domain in A-labels (xn--...), or as is when it is ASCII or cannot be converted.
    QByteArray asciiDomain() const;
    // For MAIL FROM / RCPT TO and headers: UTF-8 under SMTPUTF8, otherwise local@a-label-domain.
    QByteArray encodedAddress(bool smtpUtf8) const;
    // "Name <local@domain>" for a header, the name encoded as needed.
    QByteArray toHeader(bool smtpUtf8) const;
    // What a person reads: "Name <local@domain>" or just the address.
    QString toDisplayString() const;

    friend bool operator==(const MailAddress &, const MailAddress &) = default;

private:
    QString m_displayName;
    QString m_localPart;
    QString m_domain;
};
