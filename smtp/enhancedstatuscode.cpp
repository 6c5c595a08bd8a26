#include "enhancedstatuscode.h"

#include <QCoreApplication>

#include <array>

namespace {

struct Registered
{
    int subject;
    int detail;
    const char *meaning;
};

// The IANA "SMTP Enhanced Status Codes" registry (RFC 3463, RFC 3886, RFC 4468, RFC 4865, RFC 4954,
// RFC 5248, RFC 6710, RFC 7293, RFC 7372, RFC 7504, RFC 8689), keyed by subject.detail; the class (2, 4, 5)
// only says success, temporary or permanent.
constexpr std::array kRegistry{
    Registered{0, 0, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Other undefined status")},
    Registered{1, 0, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Other address status")},
    Registered{1, 1, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Bad destination mailbox address")},
    Registered{1, 2, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Bad destination system address")},
    Registered{1, 3, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Bad destination mailbox address syntax")},
    Registered{1, 4, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Destination mailbox address ambiguous")},
    Registered{1, 5, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Destination address valid")},
    Registered{
        1, 6,
        QT_TRANSLATE_NOOP("EnhancedStatusCode", "Destination mailbox has moved, no forwarding address")},
    Registered{1, 7, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Bad sender's mailbox address syntax")},
    Registered{1, 8, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Bad sender's system address")},
    Registered{1, 9, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Message relayed to non-compliant mailer")},
    Registered{1, 10, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Recipient address has null MX")},
    Registered{2, 0, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Other or undefined mailbox status")},
    Registered{2, 1, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Mailbox disabled, not accepting messages")},
    Registered{2, 2, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Mailbox full")},
    Registered{2, 3, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Message length exceeds administrative limit")},
    Registered{2, 4, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Mailing list expansion problem")},
    Registered{3, 0, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Other or undefined mail system status")},
    Registered{3, 1, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Mail system full")},
    Registered{3, 2, QT_TRANSLATE_NOOP("EnhancedStatusCode", "System not accepting network messages")},
    Registered{3, 3, QT_TRANSLATE_NOOP("EnhancedStatusCode", "System not capable of selected features")},
    Registered{3, 4, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Message too big for system")},
    Registered{3, 5, QT_TRANSLATE_NOOP("EnhancedStatusCode", "System incorrectly configured")},
    Registered{3, 6, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Requested priority was changed")},
    Registered{4, 0, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Other or undefined network or routing status")},
    Registered{4, 1, QT_TRANSLATE_NOOP("EnhancedStatusCode", "No answer from host")},
    Registered{4, 2, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Bad connection")},
    Registered{4, 3, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Directory server failure")},
    Registered{4, 4, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Unable to route")},
    Registered{4, 5, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Mail system congestion")},
    Registered{4, 6, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Routing loop detected")},
    Registered{4, 7, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Delivery time expired")},
    Registered{5, 0, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Other or undefined protocol status")},
    Registered{5, 1, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Invalid command")},
    Registered{5, 2, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Syntax error")},
    Registered{5, 3, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Too many recipients")},
    Registered{5, 4, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Invalid command arguments")},
    Registered{5, 5, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Wrong protocol version")},
    Registered{5, 6, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Authentication exchange line is too long")},
    Registered{6, 0, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Other or undefined media error")},
    Registered{6, 1, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Media not supported")},
    Registered{6, 2, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Conversion required and prohibited")},
    Registered{6, 3, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Conversion required but not supported")},
    Registered{6, 4, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Conversion with loss performed")},
    Registered{6, 5, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Conversion failed")},
    Registered{6, 6, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Message content not available")},
    Registered{6, 7,
               QT_TRANSLATE_NOOP("EnhancedStatusCode",
                                 "Non-ASCII addresses not permitted for that sender/recipient")},
    Registered{6, 8,
               QT_TRANSLATE_NOOP("EnhancedStatusCode",
                                 "UTF-8 string reply is required, but not permitted by the SMTP client")},
    Registered{6, 9,
               QT_TRANSLATE_NOOP("EnhancedStatusCode",
                                 "UTF-8 header message cannot be transferred to one or more recipients")},
    Registered{7, 0, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Other or undefined security status")},
    Registered{7, 1, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Delivery not authorized, message refused")},
    Registered{7, 2, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Mailing list expansion prohibited")},
    Registered{7, 3,
               QT_TRANSLATE_NOOP("EnhancedStatusCode", "Security conversion required but not possible")},
    Registered{7, 4, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Security features not supported")},
    Registered{7, 5, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Cryptographic failure")},
    Registered{7, 6, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Cryptographic algorithm not supported")},
    Registered{7, 7, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Message integrity failure")},
    Registered{7, 8, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Authentication credentials invalid")},
    Registered{7, 9, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Authentication mechanism is too weak")},
    Registered{7, 10, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Encryption needed")},
    Registered{7, 11,
               QT_TRANSLATE_NOOP("EnhancedStatusCode",
                                 "Encryption required for requested authentication mechanism")},
    Registered{7, 12, QT_TRANSLATE_NOOP("EnhancedStatusCode", "A password transition is needed")},
    Registered{7, 13, QT_TRANSLATE_NOOP("EnhancedStatusCode", "User account disabled")},
    Registered{7, 14, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Trust relationship required")},
    Registered{7, 15, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Priority level is too low")},
    Registered{7, 16,
               QT_TRANSLATE_NOOP("EnhancedStatusCode", "Message is too big for the specified priority")},
    Registered{7, 17, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Mailbox owner has changed")},
    Registered{7, 18, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Domain owner has changed")},
    Registered{7, 19, QT_TRANSLATE_NOOP("EnhancedStatusCode", "RRVS test cannot be completed")},
    Registered{7, 20, QT_TRANSLATE_NOOP("EnhancedStatusCode", "No passing DKIM signature found")},
    Registered{7, 21, QT_TRANSLATE_NOOP("EnhancedStatusCode", "No acceptable DKIM signature found")},
    Registered{7, 22,
               QT_TRANSLATE_NOOP("EnhancedStatusCode", "No valid author-matched DKIM signature found")},
    Registered{7, 23, QT_TRANSLATE_NOOP("EnhancedStatusCode", "SPF validation failed")},
    Registered{7, 24, QT_TRANSLATE_NOOP("EnhancedStatusCode", "SPF validation error")},
    Registered{7, 25, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Reverse DNS validation failed")},
    Registered{7, 26, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Multiple authentication checks failed")},
    Registered{7, 27, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Sender address has null MX")},
    Registered{7, 28, QT_TRANSLATE_NOOP("EnhancedStatusCode", "Mail flood detected")},
    Registered{7, 29, QT_TRANSLATE_NOOP("EnhancedStatusCode", "ARC validation failure")},
    Registered{7, 30, QT_TRANSLATE_NOOP("EnhancedStatusCode", "REQUIRETLS support required")},
};

constexpr std::array kSubjects{
    QT_TRANSLATE_NOOP("EnhancedStatusCode", "Other or undefined status"),
    QT_TRANSLATE_NOOP("EnhancedStatusCode", "Addressing status"),
    QT_TRANSLATE_NOOP("EnhancedStatusCode", "Mailbox status"),
    QT_TRANSLATE_NOOP("EnhancedStatusCode", "Mail system status"),
    QT_TRANSLATE_NOOP("EnhancedStatusCode", "Network and routing status"),
    QT_TRANSLATE_NOOP("EnhancedStatusCode", "Mail delivery protocol status"),
    QT_TRANSLATE_NOOP("EnhancedStatusCode", "Message content or media status"),
    QT_TRANSLATE_NOOP("EnhancedStatusCode", "Security or policy status"),
};

} // namespace

EnhancedStatusCode::EnhancedStatusCode(int klass, int subject, int detail)
    : m_class(klass)
    , m_subject(subject)
    , m_detail(detail)
{
}

std::optional<EnhancedStatusCode> EnhancedStatusCode::parse(QByteArrayView text, qsizetype *consumed)
{
    qsizetype i = 0;
    while (i < text.size() && text[i] == ' ')
        ++i;
    // class "." subject "." detail, subject and detail 1 to 3 digits (RFC 3463 section 2).
    int parts[3] = {0, 0, 0};
    for (int part = 0; part < 3; ++part) {
        const qsizetype begin = i;
        int value = 0;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9' && i - begin < 3) {
            value = value * 10 + (text[i] - '0');
            ++i;
        }
        if (i == begin || (part == 0 && i - begin != 1))
            return std::nullopt;
        parts[part] = value;
        if (part < 2) {
            if (i >= text.size() || text[i] != '.')
                return std::nullopt;
            ++i;
        }
    }
    // The code must end at a word boundary: "5.1.1x" or "5.1.1234" is something else.
    if (i < text.size() && text[i] != ' ' && text[i] != '\t')
        return std::nullopt;
    if (parts[0] != 2 && parts[0] != 4 && parts[0] != 5)
        return std::nullopt;
    if (consumed)
        *consumed = i;
    return EnhancedStatusCode(parts[0], parts[1], parts[2]);
}

QString EnhancedStatusCode::toString() const
{
    return QStringLiteral("%1.%2.%3").arg(m_class).arg(m_subject).arg(m_detail);
}

QString EnhancedStatusCode::description() const
{
    for (const Registered &entry : kRegistry) {
        if (entry.subject == m_subject && entry.detail == m_detail)
            return QCoreApplication::translate("EnhancedStatusCode", entry.meaning);
    }
    if (m_subject >= 0 && m_subject < static_cast<int>(kSubjects.size()))
        return QCoreApplication::translate("EnhancedStatusCode", kSubjects[static_cast<size_t>(m_subject)]);
    return QCoreApplication::translate("EnhancedStatusCode", kSubjects[0]);
}
