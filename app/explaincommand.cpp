#include "explaincommand.h"

#include "replyexplainer.h"
#include "smtperror.h"

#include <QFile>

#include <cstdio>

ExplainCommand::ExplainCommand(QObject *parent)
    : QObject(parent)
    , m_out(stdout)
    , m_err(stderr)
{
    m_parser.setApplicationDescription(
        tr("Explain why mail failed: paste the server's reply (one or more lines) or give a whole bounce "
           "message (.eml). For each failed recipient it prints what the server said, then what it means "
           "and what to do. The exit status is that of 'sendscope send' for the first failure."));
    m_parser.addPositionalArgument(QStringLiteral("explain"), tr("The command."));
    m_parser.addPositionalArgument(QStringLiteral("FILE"),
                                   tr("The reply or bounce; - or nothing for standard input."),
                                   QStringLiteral("[FILE|-]"));
    m_parser.addHelpOption();
}

int ExplainCommand::parse(const QStringList &arguments)
{
    if (!m_parser.parse(arguments)) {
        m_err << tr("sendscope explain: %1").arg(m_parser.errorText()) << Qt::endl;
        return SmtpError::exitCode(SmtpErrorCategory::Input);
    }
    if (m_parser.isSet(QStringLiteral("help"))) {
        m_out << m_parser.helpText() << Qt::flush;
        return 0;
    }
    const QStringList positional = m_parser.positionalArguments();
    if (positional.size() > 2) {
        m_err << tr("sendscope explain: give one file, or none to read standard input.") << Qt::endl;
        return SmtpError::exitCode(SmtpErrorCategory::Input);
    }
    m_path = positional.value(1);
    return -1;
}

void ExplainCommand::run()
{
    QByteArray input;
    if (m_path.isEmpty() || m_path == QLatin1String("-")) {
        QFile in;
        QIODevice *device = m_stdin;
        if (!device) {
            if (!in.open(stdin, QIODevice::ReadOnly)) {
                emit finished(SmtpError::exitCode(SmtpErrorCategory::Input));
                return;
            }
            device = &in;
        }
        input = device->read(16 * 1024 * 1024); // a bounce is small; a runaway pipe must not eat memory
    } else {
        QFile file(m_path);
        if (!file.open(QIODevice::ReadOnly)) {
            m_err << tr("sendscope explain: cannot read %1: %2").arg(m_path, file.errorString()) << Qt::endl;
            emit finished(SmtpError::exitCode(SmtpErrorCategory::Input));
            return;
        }
        input = file.read(16 * 1024 * 1024);
    }
    const QList<BounceParser::Failure> failures = BounceParser::parse(input);
    if (failures.isEmpty()) {
        m_err << tr("sendscope explain: no SMTP reply (like \"550 5.1.1 ...\") and no bounce found in the "
                    "input.")
              << Qt::endl;
        emit finished(SmtpError::exitCode(SmtpErrorCategory::Input));
        return;
    }
    m_out << report(failures) << Qt::flush;
    emit finished(exitCode(failures));
}

QString ExplainCommand::report(const QList<BounceParser::Failure> &failures)
{
    QString out;
    for (const BounceParser::Failure &failure : failures) {
        const ReplyExplainer::Advice advice = ReplyExplainer::advise(failure.step, failure.reply);
        if (!out.isEmpty())
            out += u'\n';
        if (!failure.recipient.isEmpty())
            out += (failure.delayed ? tr("Delayed, still being retried: %1") : tr("Failed recipient: %1"))
                       .arg(failure.recipient) +
                   u'\n';
        if (!failure.remoteServer.isEmpty())
            out += tr("Remote server: %1").arg(failure.remoteServer) + u'\n';
        if (!failure.reportingHost.isEmpty() && failure.reportingHost != failure.remoteServer)
            out += tr("Reported by: %1").arg(failure.reportingHost) + u'\n';
        // The server's words exactly as the bounce quotes them, apart from everything Sendscope adds.
        out += tr("Server said: \"%1\"").arg(failure.diagnostic) + u'\n';
        // The registry's meaning only when no provider row explains it: Microsoft's 5.1.10 is "recipient
        // not found", not the registry's "null MX".
        const std::optional<EnhancedStatusCode> enhanced = failure.reply.enhancedCode();
        if (enhanced && !advice.entry)
            out += tr("Status %1: %2").arg(enhanced->toString(), enhanced->description()) + u'\n';
        out += tr("Sendscope: %1").arg(advice.summary) + u'\n';
        out += tr("What to do: %1").arg(advice.whatToDo) + u'\n';
        out +=
            QStringLiteral("  ") + ReplyExplainer::notes(advice, failure.reply, failure.replyQuoted) + u'\n';
    }
    return out;
}

int ExplainCommand::exitCode(const QList<BounceParser::Failure> &failures)
{
    if (failures.isEmpty())
        return SmtpError::exitCode(SmtpErrorCategory::Input);
    const BounceParser::Failure &first = failures.constFirst();
    return SmtpError::exitCode(ReplyExplainer::advise(first.step, first.reply).category);
}
