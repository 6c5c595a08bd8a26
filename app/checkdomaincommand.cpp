#include "checkdomaincommand.h"

#include "smtperror.h"

#include <QRegularExpression>

#include <cstdio>

CheckDomainCommand::CheckDomainCommand(QObject *parent)
    : QObject(parent)
    , m_out(stdout)
    , m_err(stderr)
{
    m_parser.setApplicationDescription(
        tr("Check the DNS records receivers look at before they accept mail from a domain: MX, SPF, DMARC, "
           "DKIM at the usual selectors, MTA-STS and TLS-RPT, each with what Gmail, Yahoo, Microsoft and "
           "QQ do when it is missing. Exit status 0 when nothing is wrong, 15 when something will get mail "
           "refused, 10 when DNS could not be asked."));
    m_parser.addPositionalArgument(QStringLiteral("check-domain"), tr("The command."));
    m_parser.addPositionalArgument(QStringLiteral("DOMAIN"),
                                   tr("The domain you send from, e.g. example.com."));
    m_parser.addOption({QStringLiteral("nameserver"),
                        tr("Ask this DNS server (an IP address, port 53) instead of the system's."),
                        tr("ADDR")});
    m_parser.addHelpOption();
    connect(&m_check, &DomainCheck::finished, this, [this] {
        m_out << m_check.report() << Qt::flush;
        if (m_check.hasProblems())
            emit finished(SmtpError::exitCode(SmtpErrorCategory::Policy));
        else if (m_check.dnsFailed())
            emit finished(SmtpError::exitCode(SmtpErrorCategory::Dns));
        else
            emit finished(0);
    });
}

int CheckDomainCommand::parse(const QStringList &arguments)
{
    const int usage = SmtpError::exitCode(SmtpErrorCategory::Input);
    if (!m_parser.parse(arguments)) {
        m_err << tr("sendscope check-domain: %1").arg(m_parser.errorText()) << Qt::endl;
        return usage;
    }
    if (m_parser.isSet(QStringLiteral("help"))) {
        m_out << m_parser.helpText() << Qt::flush;
        return 0;
    }
    const QStringList positional = m_parser.positionalArguments();
    // An address is accepted too: what matters is the part after the @.
    m_domain = positional.value(1).section(u'@', -1).trimmed();
    static const QRegularExpression domain(QStringLiteral(
        "^(?=.{1,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z0-9-]{2,63}\\.?$"));
    if (positional.size() != 2 || !domain.match(m_domain).hasMatch()) {
        m_err << tr("sendscope check-domain: give one domain name, e.g. sendscope check-domain example.com.")
              << Qt::endl;
        return usage;
    }
    if (m_parser.isSet(QStringLiteral("nameserver"))) {
        const QHostAddress nameserver(m_parser.value(QStringLiteral("nameserver")));
        if (nameserver.isNull()) {
            m_err << tr("sendscope check-domain: --nameserver needs an IP address.") << Qt::endl;
            return usage;
        }
        m_check.setNameserver(nameserver);
    }
    return -1;
}

void CheckDomainCommand::run()
{
    m_check.start(m_domain);
}
