// libFuzzer target: the address parser, fed whatever a person could type or paste into To/Cc/Bcc.
// Invariants: no crash; an error comes with a position inside the text; every address it accepts has
// no CR, LF or NUL, a non-empty local part and domain, and parses again to itself.
#include "addressparser.h"
#include "headerencoder.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    const QString text =
        QString::fromUtf8(reinterpret_cast<const char *>(bytes), static_cast<qsizetype>(size));
    AddressParser::Error error;
    const QList<MailAddress> list = AddressParser::parseList(text, &error);
    if (error.code != AddressParser::ErrorCode::None && (error.position < 0 || error.position > text.size()))
        std::abort();
    for (const MailAddress &address : list) {
        if (address.localPart().isEmpty() || address.domain().isEmpty() ||
            HeaderEncoder::hasForbiddenCharacters(address.address()) ||
            HeaderEncoder::hasForbiddenCharacters(address.displayName()))
            std::abort();
        AddressParser::Error again;
        const MailAddress reparsed = AddressParser::parseMailbox(address.address(), &again);
        if (again.code != AddressParser::ErrorCode::None || reparsed.address() != address.address())
            std::abort();
        (void)address.toHeader(false);
        (void)address.encodedAddress(address.needsSmtpUtf8());
    }
    (void)AddressParser::parseMailbox(text, &error);
    return 0;
}
