#include "manpage.h"

#include "accountcommand.h"
#include "checkdomaincommand.h"
#include "explaincommand.h"
#include "mergecommand.h"
#include "sandboxcommand.h"
#include "sendcommand.h"

#include <QRegularExpression>
#include <QStringList>

namespace {

QString escape(QString text)
{
    text.replace(u'\\', QStringLiteral("\\e"));
    text.replace(u'-', QStringLiteral("\\-"));
    // A line starting with . or ' would be a troff request.
    if (text.startsWith(u'.') || text.startsWith(u'\''))
        text.prepend(QStringLiteral("\\&"));
    return text;
}

// The "Options:" part of a help text as tagged paragraphs, one per option; descriptions that wrap onto
// continuation lines are joined.
QString options(const QString &help)
{
    QString out;
    const QStringList lines = help.split(u'\n');
    bool inOptions = false;
    static const QRegularExpression option(QStringLiteral("^  (-\\S.*?)(?:\\s{2,}(.*))?$"));
    static const QRegularExpression continuation(QStringLiteral("^\\s{4,}(\\S.*)$"));
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1String("Options:"))) {
            inOptions = true;
            continue;
        }
        if (!inOptions)
            continue;
        if (line.startsWith(QLatin1String("Arguments:")))
            break;
        const QRegularExpressionMatch match = option.match(line);
        if (match.hasMatch()) {
            out += QStringLiteral(".TP\n.B %1\n%2\n")
                       .arg(escape(match.captured(1).trimmed()), escape(match.captured(2)));
            continue;
        }
        const QRegularExpressionMatch more = continuation.match(line);
        if (more.hasMatch())
            out += escape(more.captured(1)) + u'\n';
    }
    return out;
}

QString description(const QString &help)
{
    // Between the usage line and "Options:".
    const qsizetype start = help.indexOf(u'\n') + 1;
    const qsizetype end = help.indexOf(QLatin1String("Options:"));
    QString text = help.mid(start, end - start).trimmed();
    QStringList paragraphs;
    for (const QString &line : text.split(u'\n'))
        paragraphs << (line.trimmed().isEmpty() ? QStringLiteral(".PP") : escape(line.trimmed()));
    return paragraphs.join(u'\n') + u'\n';
}

} // namespace

QString ManPage::troff()
{
    SendCommand send;
    AccountCommand account;
    SandboxCommand sandbox;
    ExplainCommand explain;
    CheckDomainCommand checkDomain;
    MergeCommand merge;
    const QString mergeHelp = merge.helpText();
    QString page;
    page +=
        QStringLiteral(".TH SENDSCOPE 1 \"2026\" \"Sendscope " SENDSCOPE_VERSION "\" \"User Commands\"\n");
    page += QStringLiteral(".SH NAME\nsendscope \\- mail composer that shows the SMTP conversation\n");
    page +=
        QStringLiteral(".SH SYNOPSIS\n"
                       ".B sendscope\n[\\fImailto:URI\\fR] [\\fB\\-\\-attach\\fR \\fIFILE\\fR]\n.br\n"
                       ".B sendscope send\n\\fIoptions\\fR\n.br\n"
                       ".B sendscope compose\n\\fIoptions\\fR \\fB\\-\\-output\\fR \\fIFILE.eml\\fR\n.br\n"
                       ".B sendscope merge\n\\fB\\-\\-data\\fR \\fIFILE\\fR \\fIoptions\\fR\n.br\n"
                       ".B sendscope account\nadd|list|remove ...\n.br\n"
                       ".B sendscope sandbox\n[\\fIoptions\\fR]\n.br\n"
                       ".B sendscope explain\n[\\fIFILE\\fR|\\-]\n.br\n"
                       ".B sendscope check\\-domain\n\\fIDOMAIN\\fR\n.br\n"
                       ".B sendscope \\-\\-version\n");
    page +=
        QStringLiteral(".SH DESCRIPTION\nWithout a command, Sendscope opens its compose window, with drafts "
                       "restored and the built\\-in local sandbox account ready. A \\fImailto:\\fR URI "
                       "(RFC 6068) opens a prefilled message.\n");
    page += QStringLiteral(".SH SENDSCOPE SEND\n") + description(send.helpText()) + options(send.helpText());
    page += QStringLiteral(".SH SENDSCOPE MERGE\n") + description(mergeHelp) + options(mergeHelp);
    page += QStringLiteral(
        ".SS Rows in doubt\n"
        "When Sendscope stops (a crash, a kill, a power cut) after a row's end of data left and before the "
        "server replied, the journal records that row as \\fIunknown\\fR: it may have been delivered, and no "
        "run sends it by itself. Every run names such rows with their recipients and Message\\-ID. Check the "
        "recipient's mailbox or the server's log, then run the same command with:\n"
        ".TP\n.B \\-\\-mark\\-delivered 7\n"
        "Row 7 arrived: it becomes accepted, noted as marked by you and when; it is never sent.\n"
        ".TP\n.B \\-\\-resend 7\n"
        "Row 7 did not arrive: it is sent again with its original Message\\-ID, so that a duplicate can be "
        "recognised.\n"
        ".PP\n"
        "ROWS may be 3, 3,7, 10\\-12 or \\fBunknown\\fR (every row in doubt). A row that is not in doubt, or "
        "out of range, is an error (exit status 2) and nothing is changed. With \\-\\-dry\\-run the decision "
        "is recorded without sending; the \\-\\-report file lists it.\n");
    page += QStringLiteral(".SH SENDSCOPE ACCOUNT\n") + description(account.helpText()) +
            options(account.helpText());
    page += QStringLiteral(".SH SENDSCOPE SANDBOX\n") + description(sandbox.helpText()) +
            options(sandbox.helpText());
    page += QStringLiteral(".SH SENDSCOPE EXPLAIN\n") + description(explain.helpText()) +
            options(explain.helpText());
    page += QStringLiteral(".SH SENDSCOPE CHECK-DOMAIN\n") + description(checkDomain.helpText()) +
            options(checkDomain.helpText());
    page += QStringLiteral(
        ".SH FILES\n.TP\n.I ~/.config/sendscope/accounts.conf\nAccount settings (never "
        "passwords: those are in the system keychain).\n.TP\n.I ~/.local/share/sendscope/drafts/\n"
        "Drafts and the outbox.\n.TP\n.I ~/.local/share/sendscope/sandbox/\nWhat the sandbox "
        "received.\n");
    page += QStringLiteral(".SH SEE ALSO\n.BR msmtp (1),\n.BR swaks (1),\n.BR curl (1)\n");
    return page;
}
