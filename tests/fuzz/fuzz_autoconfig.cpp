// libFuzzer target: the autoconfig parser (SettingsFinder::parseAutoconfig), fed the file a web server
// answers for "Find settings". Invariants: no crash; either a proposal or a reason in words; a proposal
// has a host and a port from 1 to 65535 (never a number cut to 16 bits), never the address as a separate
// user name, a reason when it is not encrypted; the same file always gives the same answer.
#include "settingsfinder.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    const QByteArray xml(reinterpret_cast<const char *>(bytes), static_cast<qsizetype>(size));
    const QString address = QStringLiteral("zhang@example.com");
    QString error;
    const std::optional<SettingsFinder::Proposal> proposal =
        SettingsFinder::parseAutoconfig(xml, address, &error);
    if (!proposal) {
        if (error.isEmpty())
            std::abort();
        return 0;
    }
    if (proposal->host.isEmpty() || proposal->port == 0 || proposal->username == address)
        std::abort();
    if (proposal->security == SmtpSecurity::None && proposal->reason.isEmpty())
        std::abort();
    QString again;
    const std::optional<SettingsFinder::Proposal> second =
        SettingsFinder::parseAutoconfig(xml, address, &again);
    if (!second || second->host != proposal->host || second->port != proposal->port ||
        second->security != proposal->security || second->username != proposal->username)
        std::abort();
    return 0;
}
