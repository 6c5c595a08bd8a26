#include "mergecommand.h"

#include "addressparser.h"
#include "pacingprofile.h"
#include "secretstore.h"
#include "sendservice.h"

#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSet>

#include <algorithm>
#include <utility>

#include <cstdio>

MergeCommand::MergeCommand(QObject *parent)
    : QObject(parent)
    , m_out(stdout)
    , m_err(stderr)
{
}

MergeCommand::~MergeCommand() = default;

int MergeCommand::usageError(const QString &message)
{
    m_err << tr("sendscope merge: %1").arg(message) << Qt::endl
          << tr("Run 'sendscope merge --help' for the options.") << Qt::endl;
    return SendCommand::kExitUsage;
}

QList<QCommandLineOption> MergeCommand::options()
{
    return {
        {QStringLiteral("data"),
         tr("The rows: a .csv file (UTF-8, with or without BOM, or GB18030/GBK as Excel and WPS save it) or "
            "an .xlsx workbook (Excel, WPS, LibreOffice); the first row names the columns, which the "
            "templates "
            "use as {{column}} or {{column|default}}."),
         tr("FILE")},
        {QStringLiteral("sheet"),
         tr("With an .xlsx workbook: the sheet to read (default: the first). Its first non-empty row names "
            "the columns."),
         tr("NAME")},
        {QStringLiteral("encoding"), tr("The data's encoding when detection is wrong: UTF-8 or GB18030."),
         tr("NAME")},
        {QStringLiteral("delimiter"), tr("The data's field separator when sniffing is wrong: , ; tab or |."),
         tr("C")},
        {QStringLiteral("to-column"),
         tr("The column with each row's address (default: a column named email, e-mail, mail, 邮箱 or "
            "电子邮件). --to, --cc and --bcc take templates instead."),
         tr("NAME")},
        {QStringLiteral("attach-column"),
         tr("The column with each row's attachment path(s), separated by ';', relative to the data file."),
         tr("NAME")},
        {QStringLiteral("journal"),
         tr("Where the run is recorded row by row (default: next to the data file). The same command with "
            "the same journal resumes and never sends an accepted row again."),
         tr("FILE")},
        {QStringLiteral("report"),
         tr("Write the rows with their state, server reply, time and Message-ID to this CSV file."),
         tr("FILE")},
        {QStringLiteral("rate"),
         tr("At most N messages a minute (default: the provider's pacing profile, chosen by the server and "
            "the sender's domain; 0: no pacing)."),
         tr("N/min")},
        {QStringLiteral("per-day"),
         tr("At most N recipients in any 24 hours (default: the provider's profile; 0: no daily quota). "
            "When it is used up the run stops and says when it can go on; the same command then continues."),
         tr("N")},
        {QStringLiteral("max-recipients"),
         tr("At most N recipients in one message (default: the provider's profile); a row with more blocks "
            "the run before anything is sent."),
         tr("N")},
        {QStringLiteral("wait-for-quota"),
         tr("When the daily quota is used up, wait until it frees instead of stopping.")},
        {QStringLiteral("max-per-connection"), tr("At most N messages over one connection (default 100)."),
         tr("N")},
        {QStringLiteral("dry-run"), tr("Check the data and templates and print the summary; send nothing.")},
        {QStringLiteral("preview"), tr("With --dry-run: print row N exactly as it would be sent."), tr("N")},
        {QStringLiteral("mark-delivered"),
         tr("Before the run (with --dry-run too): rows in doubt (the run stopped between a message's end "
            "of data and the server's reply) that you found delivered become accepted and are never sent. "
            "ROWS: 3, 3,7, 10-12 or unknown (every row in doubt)."),
         tr("ROWS")},
        {QStringLiteral("resend"),
         tr("Before the run (with --dry-run too): rows in doubt that you found not delivered are sent "
            "again, with the same Message-ID so that a duplicate can be recognised. ROWS as for "
            "--mark-delivered."),
         tr("ROWS")},
        {QStringLiteral("accept-changes"),
         tr("Resume although the data, templates or attachments changed since the run began.")},
    };
}

QString MergeCommand::description()
{
    return tr("Send one personalised message per row of a table (mail merge, 群发), over one connection, at "
              "the server's pace, recorded in a journal so that no row is ever sent twice.\n"
              "The message options (--subject, --body-file, --html-file, --to, --cc, --bcc, --attach) are "
              "templates with {{column}} fields.\n"
              "A row whose message may have been delivered when Sendscope stopped (in doubt) is never sent "
              "again by itself: check the recipient's mailbox or the server's log, then decide with "
              "--mark-delivered or --resend.");
}

QString MergeCommand::helpText()
{
    return m_send.mergeHelpText(options(), description());
}

bool MergeCommand::parseRows(const QString &option, const QStringList &values, int rowCount,
                             RowSelection *out, QString *problem)
{
    *out = {};
    out->given = true;
    QSet<int> rows;
    for (const QString &value : values) {
        const QStringList parts = value.split(u',');
        for (const QString &rawPart : parts) {
            const QString part = rawPart.trimmed();
            if (part.compare(QLatin1String("unknown"), Qt::CaseInsensitive) == 0) {
                out->allInDoubt = true;
                continue;
            }
            const QStringList ends = part.split(u'-');
            bool firstOk = false;
            bool lastOk = ends.size() == 1;
            const int first = ends.value(0).trimmed().toInt(&firstOk);
            const int last = ends.size() == 2 ? ends.at(1).trimmed().toInt(&lastOk) : first;
            if (!firstOk || !lastOk || ends.size() > 2) {
                *problem = tr("--%1: \"%2\" is not a row number; write rows as 3, 3,7, 10-12 or unknown.")
                               .arg(option, part);
                return false;
            }
            if (last < first) {
                *problem = tr("--%1: the range %2 ends before it begins.").arg(option, part);
                return false;
            }
            for (const int row : {first, last}) {
                if (row < 1 || row > rowCount) {
                    *problem = tr("--%1: there is no row %2; the data has rows 1 to %3.")
                                   .arg(option)
                                   .arg(row)
                                   .arg(rowCount);
                    return false;
                }
            }
            for (int row = first; row <= last; ++row)
                rows.insert(row);
        }
    }
    out->rows = rows.values();
    std::sort(out->rows.begin(), out->rows.end());
    return true;
}

int MergeCommand::parse(const QStringList &arguments)
{
    const int status = m_send.parseForMerge(arguments, options(), description());
    if (status >= 0)
        return status;
    const QCommandLineParser &parser = m_send.parser();
    if (!parser.isSet(QStringLiteral("data")))
        return usageError(tr("--data FILE is required."));
    m_spec.dataPath = parser.value(QStringLiteral("data"));
    MergeData::Options dataOptions;
    dataOptions.encoding = parser.value(QStringLiteral("encoding"));
    dataOptions.sheet = parser.value(QStringLiteral("sheet"));
    if (!dataOptions.sheet.isEmpty() && !MergeData::isWorkbook(m_spec.dataPath))
        return usageError(tr("--sheet is for .xlsx workbooks; %1 is not one.").arg(m_spec.dataPath));
    if (parser.isSet(QStringLiteral("delimiter"))) {
        const QString delimiter = parser.value(QStringLiteral("delimiter"));
        dataOptions.delimiter = delimiter == QLatin1String("tab")
                                    ? QChar(u'\t')
                                    : (delimiter.isEmpty() ? QChar() : delimiter.front());
    }
    QString error;
    std::optional<MergeTable> table = MergeData::readFile(m_spec.dataPath, dataOptions, &error);
    if (!table)
        return usageError(error);
    m_spec.table = *table;

    auto column = [](const QString &name) { return QStringLiteral("{{%1}}").arg(name); };
    if (parser.isSet(QStringLiteral("to-column"))) {
        const QString name = parser.value(QStringLiteral("to-column"));
        if (m_spec.table.columnIndex(name) < 0)
            return usageError(tr("there is no column \"%1\"; the columns are: %2.")
                                  .arg(name, m_spec.table.columns.join(QStringLiteral(", "))));
        m_spec.to = MergeTemplate(column(name));
    } else if (parser.isSet(QStringLiteral("to"))) {
        m_spec.to = MergeTemplate(parser.values(QStringLiteral("to")).join(QStringLiteral(", ")));
    } else {
        const QString addressColumn = MergeRun::addressColumn(m_spec.table);
        if (!addressColumn.isEmpty())
            m_spec.to = MergeTemplate(column(addressColumn));
        else
            return usageError(
                tr("say which column holds the addresses with --to-column; the columns are: %1.")
                    .arg(m_spec.table.columns.join(QStringLiteral(", "))));
    }
    m_spec.cc = MergeTemplate(parser.values(QStringLiteral("cc")).join(QStringLiteral(", ")));
    m_spec.bcc = MergeTemplate(parser.values(QStringLiteral("bcc")).join(QStringLiteral(", ")));
    QStringList attachments = parser.values(QStringLiteral("attach"));
    if (parser.isSet(QStringLiteral("attach-column"))) {
        const QString name = parser.value(QStringLiteral("attach-column"));
        if (m_spec.table.columnIndex(name) < 0)
            return usageError(tr("there is no column \"%1\"; the columns are: %2.")
                                  .arg(name, m_spec.table.columns.join(QStringLiteral(", "))));
        attachments << column(name);
    }
    m_spec.attachments = MergeTemplate(attachments.join(u';'));
    m_spec.subject = MergeTemplate(parser.value(QStringLiteral("subject")));
    auto readTemplate = [&parser, &error](const QString &option, MergeTemplate *out,
                                          MergeTemplate::Syntax syntax = MergeTemplate::Syntax::Text) {
        if (!parser.isSet(option))
            return true;
        QFile file(parser.value(option));
        if (!file.open(QIODevice::ReadOnly)) {
            error = tr("cannot read --%1 %2: %3").arg(option, file.fileName(), file.errorString());
            return false;
        }
        const QByteArray bytes = file.readAll();
        const QString text = QString::fromUtf8(bytes);
        if (text.toUtf8() != bytes) {
            error = tr("--%1 %2 is not UTF-8 text.").arg(option, file.fileName());
            return false;
        }
        *out = MergeTemplate(text, syntax);
        return true;
    };
    if (!readTemplate(QStringLiteral("body-file"), &m_spec.text) ||
        !readTemplate(QStringLiteral("html-file"), &m_spec.html, MergeTemplate::Syntax::Html))
        return usageError(error);
    if (m_spec.text.text().isEmpty() && m_spec.html.text().isEmpty())
        return usageError(tr("--body-file (or --html-file) is required."));

    const Identity identity = m_send.account() ? m_send.account()->primaryIdentity() : Identity{};
    const QString fromText = parser.isSet(QStringLiteral("from")) ? parser.value(QStringLiteral("from"))
                                                                  : identity.displayString();
    if (fromText.isEmpty())
        return usageError(tr("--from is required."));
    AddressParser::Error addressError;
    m_spec.from = AddressParser::parseMailbox(fromText, &addressError);
    if (m_spec.from.isNull())
        return usageError(tr("--from: %1").arg(addressError.message));
    for (const QString &replyTo : parser.values(QStringLiteral("reply-to")))
        m_spec.replyTo += AddressParser::parseList(replyTo, &addressError);
    if (parser.isSet(QStringLiteral("dsn")))
        return usageError(
            tr("a bulk send cannot ask for delivery status notifications yet; leave out --dsn."));
    m_spec.requestReadReceipt = parser.isSet(QStringLiteral("read-receipt"));
    QString priorityError;
    const std::optional<MimeMessage::Priority> priority = m_send.priority(&priorityError);
    if (!priority)
        return usageError(priorityError);
    m_spec.priority = *priority;

    // The provider's limits by default (chosen by server and sender domain), each one changeable.
    m_profile = PacingProfile::forServer(m_send.settings().host, m_spec.from.address());
    m_spec.ratePerMinute = m_profile.perMinute;
    m_spec.perDay = m_profile.perDay;
    m_spec.maxRecipientsPerMessage = m_profile.maxRecipients;
    m_spec.stopWhenQuotaUsed = !parser.isSet(QStringLiteral("wait-for-quota"));
    bool ok = true;
    if (parser.isSet(QStringLiteral("rate"))) {
        QString rate = parser.value(QStringLiteral("rate"));
        rate.remove(QStringLiteral("/min"));
        m_spec.ratePerMinute = rate.toInt(&ok);
        if (!ok || m_spec.ratePerMinute < 0)
            return usageError(tr("--rate must be a number of messages a minute, such as 20/min."));
    }
    if (parser.isSet(QStringLiteral("per-day"))) {
        m_spec.perDay = parser.value(QStringLiteral("per-day")).toInt(&ok);
        if (!ok || m_spec.perDay < 0)
            return usageError(tr("--per-day must be a number of recipients (0: no daily quota)."));
    }
    if (parser.isSet(QStringLiteral("max-recipients"))) {
        m_spec.maxRecipientsPerMessage = parser.value(QStringLiteral("max-recipients")).toInt(&ok);
        if (!ok || m_spec.maxRecipientsPerMessage < 1)
            return usageError(tr("--max-recipients must be a positive number."));
    }
    if (parser.isSet(QStringLiteral("max-per-connection"))) {
        m_spec.maxPerConnection = parser.value(QStringLiteral("max-per-connection")).toInt(&ok);
        if (!ok || m_spec.maxPerConnection < 1)
            return usageError(tr("--max-per-connection must be a positive number."));
    }
    m_dryRun = parser.isSet(QStringLiteral("dry-run"));
    if (parser.isSet(QStringLiteral("preview"))) {
        m_previewRow = parser.value(QStringLiteral("preview")).toInt(&ok);
        if (!ok || m_previewRow < 1 || m_previewRow > m_spec.table.rows.size())
            return usageError(
                tr("--preview must be a row number from 1 to %1.").arg(m_spec.table.rows.size()));
    }
    for (const auto &[option, selection] : {std::pair{QStringLiteral("mark-delivered"), &m_markDelivered},
                                            std::pair{QStringLiteral("resend"), &m_resend}}) {
        if (parser.isSet(option) && !parseRows(option, parser.values(option),
                                               static_cast<int>(m_spec.table.rows.size()), selection, &error))
            return usageError(error);
    }
    m_spec.acceptChanges = parser.isSet(QStringLiteral("accept-changes"));
    m_reportPath = parser.value(QStringLiteral("report"));
    m_spec.journalPath = parser.isSet(QStringLiteral("journal"))
                             ? parser.value(QStringLiteral("journal"))
                             : MergeRun::defaultJournalPath(m_spec.dataPath);
    m_spec.quotaLogPath = BulkQuotaLog::defaultPath();
    m_spec.settings = m_send.settings();
    if (m_send.secretFromKeychain())
        m_spec.account = m_send.account();
    return -1;
}

void MergeCommand::run()
{
    if (m_send.secretFromKeychain())
        m_secrets = new SecretStore(SecretStore::defaultService(), this);
    m_service = new SendService(nullptr, m_secrets, nullptr, this);
    m_run = std::make_unique<MergeRun>(m_spec, m_service);
    const bool ready = m_run->prepare();
    for (const MergeRun::Problem &warning : m_run->warnings())
        m_err << tr("row %1: warning: %2").arg(warning.row).arg(warning.message) << Qt::endl;
    if (!ready) {
        for (const MergeRun::Problem &problem : m_run->problems())
            m_err << (problem.row > 0 ? tr("row %1: %2").arg(problem.row).arg(problem.message)
                                      : tr("sendscope merge: %1").arg(problem.message))
                  << Qt::endl;
        m_err << tr("Nothing was sent.") << Qt::endl;
        emit finished(SendCommand::kExitUsage);
        return;
    }
    if (!resolveInDoubt()) {
        m_err << tr("Nothing was changed and nothing was sent.") << Qt::endl;
        emit finished(SendCommand::kExitUsage);
        return;
    }
    const MergeRun::Summary summary = m_run->summary();
    if (m_spec.table.sheet.isEmpty())
        m_err << tr("%1 messages to %2 distinct addresses, %3 (encoding %4).")
                     .arg(summary.messages)
                     .arg(summary.distinctAddresses)
                     .arg(QLocale().formattedDataSize(summary.bytes), m_spec.table.encoding)
              << Qt::endl;
    else
        m_err << tr("%1 messages to %2 distinct addresses, %3 (sheet \"%4\").")
                     .arg(summary.messages)
                     .arg(summary.distinctAddresses)
                     .arg(QLocale().formattedDataSize(summary.bytes), m_spec.table.sheet)
              << Qt::endl;
    const MergeJournal &journal = m_run->journal();
    const int toSend =
        journal.count(MergeJournal::State::Pending) + journal.count(MergeJournal::State::Deferred);
    QStringList pace;
    pace << (m_spec.ratePerMinute > 0 ? tr("%1/min").arg(m_spec.ratePerMinute) : tr("no pacing"));
    if (m_spec.perDay > 0)
        pace << tr("%1 recipients a day").arg(m_spec.perDay);
    m_err << tr("Pacing for %1: %2, at most %3 recipients a message (change with --rate, --per-day, "
                "--max-recipients).")
                 .arg(m_profile.name(), pace.join(QStringLiteral(", ")))
                 .arg(m_spec.maxRecipientsPerMessage)
          << Qt::endl;
    if (toSend > 0) {
        const QDateTime finish = m_run->estimatedFinish();
        if (finish.isValid())
            m_err << MergeRun::describeEstimate(toSend, m_spec.ratePerMinute, m_spec.perDay, finish)
                  << Qt::endl;
    }
    if (journal.count(MergeJournal::State::Accepted) > 0)
        m_err << tr("Resuming: %1 rows were accepted before and are not sent again.")
                     .arg(journal.count(MergeJournal::State::Accepted))
              << Qt::endl;
    for (const MergeJournal::Row &row : journal.rows()) {
        if (row.state == MergeJournal::State::Unknown)
            m_err << tr("row %1: may have been delivered (%2); it is not sent again by itself. Check with %3 "
                        "(Message-ID %4), then run the same command with --mark-delivered %1 or --resend %1.")
                         .arg(row.row)
                         .arg(row.reply, row.recipients, QString::fromLatin1(row.messageId))
                  << Qt::endl;
    }
    if (m_dryRun) {
        if (m_previewRow > 0) {
            QString error;
            const QByteArray message = m_run->preview(m_previewRow - 1, &error);
            if (message.isEmpty())
                m_err << tr("row %1: %2").arg(m_previewRow).arg(error) << Qt::endl;
            m_out.flush();
            std::fwrite(message.constData(), 1, static_cast<size_t>(message.size()), stdout);
            std::fflush(stdout);
        }
        if (!m_reportPath.isEmpty()) {
            QString error;
            if (!m_run->writeReport(m_reportPath, &error))
                m_err << tr("sendscope merge: %1").arg(error) << Qt::endl;
        }
        m_err << tr("Dry run: nothing was sent.") << Qt::endl;
        emit finished(0);
        return;
    }
    connect(m_run.get(), &MergeRun::rowFinished, this,
            [this](int row, MergeJournal::State state, const QString &reply) {
                const std::optional<MergeJournal::Row> recorded = m_run->journal().row(row);
                m_out << row << '\t' << MergeJournal::stateName(state) << '\t'
                      << (recorded ? recorded->recipients : QString()) << '\t' << reply.simplified()
                      << Qt::endl;
            });
    connect(m_run.get(), &MergeRun::transcriptEntryAdded, this, [this](const TranscriptEntry &entry) {
        if (entry.kind == TranscriptEntry::Kind::Error)
            m_err << entry.toDisplayString() << Qt::endl;
    });
    connect(m_run.get(), &MergeRun::waiting, this, [this](const QDateTime &until, const QString &reason) {
        if (m_run->isWaitingForQuota())
            m_err << tr("Waiting until %1: %2")
                         .arg(QLocale().toString(until, QLocale::ShortFormat), reason.simplified())
                  << Qt::endl;
        else
            m_err << tr("Waiting until %1 (the server said: %2)")
                         .arg(QLocale().toString(until, QLocale::ShortFormat), reason.simplified())
                  << Qt::endl;
    });
    connect(m_run.get(), &MergeRun::finished, this, &MergeCommand::onFinished);
    m_run->start();
}

bool MergeCommand::resolveInDoubt()
{
    if (!m_markDelivered.given && !m_resend.given)
        return true;
    const MergeJournal &journal = m_run->journal();
    QList<int> inDoubt;
    for (const MergeJournal::Row &row : journal.unknownRows())
        inDoubt << row.row;
    auto rowsOf = [&inDoubt](const RowSelection &selection) {
        QList<int> rows = selection.rows;
        if (selection.allInDoubt) {
            for (const int row : inDoubt) {
                if (!rows.contains(row))
                    rows << row;
            }
            std::sort(rows.begin(), rows.end());
        }
        return rows;
    };
    const QList<int> markDelivered = rowsOf(m_markDelivered);
    const QList<int> resend = rowsOf(m_resend);
    for (const int row : markDelivered) {
        if (resend.contains(row)) {
            m_err << tr("sendscope merge: row %1 is given to both --mark-delivered and --resend.").arg(row)
                  << Qt::endl;
            return false;
        }
    }
    // Both checked before either is written: all or nothing.
    MergeJournal::ResolveError error;
    if (!journal.canResolve(markDelivered + resend, &error)) {
        m_err << tr("sendscope merge: %1").arg(error.message) << Qt::endl;
        return false;
    }
    if ((m_markDelivered.allInDoubt || m_resend.allInDoubt) && inDoubt.isEmpty())
        m_err << tr("No row is in doubt.") << Qt::endl;
    if (!m_run->resolveInDoubt(markDelivered, MergeJournal::Resolution::MarkDelivered, &error) ||
        !m_run->resolveInDoubt(resend, MergeJournal::Resolution::SendAgain, &error)) {
        m_err << tr("sendscope merge: %1").arg(error.message) << Qt::endl;
        return false;
    }
    for (const int row : markDelivered) {
        const MergeJournal::Row recorded = *journal.row(row);
        m_err << tr("row %1: marked as delivered (%2, Message-ID %3); it is never sent.")
                     .arg(row)
                     .arg(recorded.recipients, QString::fromLatin1(recorded.messageId))
              << Qt::endl;
    }
    for (const int row : resend) {
        const MergeJournal::Row recorded = *journal.row(row);
        m_err << tr("row %1: to be sent again (%2), with the same Message-ID %3.")
                     .arg(row)
                     .arg(recorded.recipients, QString::fromLatin1(recorded.messageId))
              << Qt::endl;
    }
    return true;
}

void MergeCommand::onFinished(const QString &stopReason)
{
    const MergeJournal &journal = m_run->journal();
    if (!m_reportPath.isEmpty()) {
        QString error;
        if (!m_run->writeReport(m_reportPath, &error))
            m_err << tr("sendscope merge: %1").arg(error) << Qt::endl;
    }
    const int accepted = journal.count(MergeJournal::State::Accepted);
    const int remaining =
        journal.count(MergeJournal::State::Pending) + journal.count(MergeJournal::State::Deferred);
    m_err << tr("Accepted %1, refused %2, in doubt %3, still to send %4.")
                 .arg(accepted)
                 .arg(journal.count(MergeJournal::State::Refused))
                 .arg(journal.count(MergeJournal::State::Unknown))
                 .arg(remaining)
          << Qt::endl;
    if (!stopReason.isEmpty())
        m_err << stopReason << Qt::endl;
    if (remaining > 0)
        emit finished(kExitStopped);
    else if (accepted < journal.rows().size())
        emit finished(kExitIncomplete);
    else
        emit finished(0);
}
