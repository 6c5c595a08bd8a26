#include "mimemessage.h"

QList<MailAddress> MimeMessage::envelopeRecipients() const
{
    QList<MailAddress> all = to + cc + bcc;
    // The same address twice would be delivered twice by some servers.
    QList<MailAddress> unique;
    for (const MailAddress &address : std::as_const(all)) {
        const bool seen = std::any_of(unique.begin(), unique.end(), [&](const MailAddress &other) {
            return other.address().compare(address.address(), Qt::CaseInsensitive) == 0;
        });
        if (!seen)
            unique << address;
    }
    return unique;
}

bool MimeMessage::requiresSmtpUtf8() const
{
    QList<MailAddress> all = to + cc + bcc + replyTo;
    all << from;
    if (sender)
        all << *sender;
    return std::any_of(all.begin(), all.end(),
                       [](const MailAddress &address) { return address.needsSmtpUtf8(); });
}
