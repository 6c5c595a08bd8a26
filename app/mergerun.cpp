#include "mergerun.h"

#include "addressparser.h"
#include "mimewriter.h"
#include "privatefiles.h"
#include "sendbatch.h"
#include "sendservice.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QSet>
#include <QStandardPaths>

#include <algorithm>

using namespace std::chrono_literals;

namespace {
// A deferred row this close to its time goes now: waiting again would cost more than it spares.
constexpr qint64 kEarly = 500;
} // namespace

MergeRun::MergeRun(MergeSpec spec, SendService *service, QObject *parent)
    : QObject(parent)
    , m_spec(std::move(spec))
    , m_service(service)
    , m_backoff{1min, 5min, 15min, 30min, 60min}
    , m_schedule(MergeSchedule::Limits{m_spec.ratePerMinute, m_spec.perDay})
{
    m_paceTimer.setSingleShot(true);
    m_resumeTimer.setSingleShot(true);
    // A coarse timer may fire a little early, and a row found "not yet due" would cost a connection.
    m_resumeTimer.setTimerType(Qt::PreciseTimer);
    m_paceTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_paceTimer, &QTimer::timeout, this, &MergeRun::feed);
    connect(&m_resumeTimer, &QTimer::timeout, this, [this] {
        m_waitingForQuota = false;
        m_waitingUntil = {};
        if (m_paused)
            return; // resume() goes on
        if (m_batch)
            feed();
        else
            openBatch();
    });
}

MergeRun::~MergeRun()
{
    if (m_batch)
        m_batch->cancel();
}

std::optional<MimeMessage> MergeRun::buildMessage(int row, QString *problem) const
{
    MimeMessage message;
    message.from = m_spec.from;
    message.replyTo = m_spec.replyTo;
    message.requestReadReceipt = m_spec.requestReadReceipt;
    message.priority = m_spec.priority;
    const struct
    {
        const MergeTemplate &source;
        QList<MailAddress> *list;
        QString name;
    } fields[] = {{m_spec.to, &message.to, tr("To")},
                  {m_spec.cc, &message.cc, tr("Cc")},
                  {m_spec.bcc, &message.bcc, tr("Bcc")}};
    for (const auto &field : fields) {
        const QString text = field.source.render(m_spec.table, row).trimmed();
        if (text.isEmpty())
            continue;
        AddressParser::Error error;
        *field.list = AddressParser::parseList(text, &error);
        if (error.code != AddressParser::ErrorCode::None) {
            *problem = tr("%1 \"%2\": %3").arg(field.name, text, error.message);
            return std::nullopt;
        }
    }
    if (message.envelopeRecipients().isEmpty()) {
        *problem = tr("no recipient: the To field is empty in this row.");
        return std::nullopt;
    }
    if (message.envelopeRecipients().size() > m_spec.maxRecipientsPerMessage) {
        *problem = tr("%1 recipients in one message; the limit for this server is %2.")
                       .arg(message.envelopeRecipients().size())
                       .arg(m_spec.maxRecipientsPerMessage);
        return std::nullopt;
    }
    if (m_spec.perDay > 0 && message.envelopeRecipients().size() > m_spec.perDay) {
        *problem = tr("%1 recipients in one message, more than the daily quota of %2 recipients.")
                       .arg(message.envelopeRecipients().size())
                       .arg(m_spec.perDay);
        return std::nullopt;
    }
    message.subject = m_spec.subject.render(m_spec.table, row);
    message.text = m_spec.text.render(m_spec.table, row);
    if (!m_spec.html.text().isEmpty())
        message.html = m_spec.html.renderHtml(m_spec.table, row);
    const QDir base = QFileInfo(m_spec.dataPath).absoluteDir();
    for (QString path : m_spec.attachments.render(m_spec.table, row).split(u';', Qt::SkipEmptyParts)) {
        path = path.trimmed();
        if (path.isEmpty())
            continue;
        const QFileInfo info(base.filePath(path));
        if (!info.isFile() || !info.isReadable()) {
            *problem = tr("the attachment %1 does not exist or cannot be read.").arg(info.filePath());
            return std::nullopt;
        }
        message.attachments << MimeAttachment{info.absoluteFilePath(), {}, {}, {}, -1};
    }
    message.userAgent = QStringLiteral("Sendscope/" SENDSCOPE_VERSION);
    if (const std::optional<MergeJournal::Row> recorded = m_journal.row(row + 1))
        message.messageId = recorded->messageId;
    return message;
}

bool MergeRun::check()
{
    m_problems.clear();
    m_warnings.clear();
    m_summary = {};
    m_plannedRows.clear();
    m_plannedFingerprint.clear();
    QStringList unknown;
    for (const MergeTemplate *source : {&m_spec.subject, &m_spec.text, &m_spec.html, &m_spec.to, &m_spec.cc,
                                        &m_spec.bcc, &m_spec.attachments}) {
        for (const QString &field : source->unknownFields(m_spec.table)) {
            if (!unknown.contains(field))
                unknown << field;
        }
    }
    if (!unknown.isEmpty())
        m_problems << Problem{
            0, tr("The templates use fields the data does not have: %1. The columns are: %2.")
                   .arg(unknown.join(QStringLiteral(", ")), m_spec.table.columns.join(QStringLiteral(", ")))};
    if (m_spec.to.text().trimmed().isEmpty())
        m_problems << Problem{0, tr("No recipient column: say which column holds the addresses.")};
    if (!m_problems.isEmpty())
        return false;

    // What the run is: every row's recipients, words and attachments (their sizes and times), so that a
    // resumed run can tell whether it would send something else than what it began with.
    QCryptographicHash fingerprint(QCryptographicHash::Sha256);
    QHash<QString, int> firstRowOf;
    QList<MergeJournal::Row> journalRows;
    m_recipientCounts.clear();
    for (int row = 0; row < m_spec.table.rows.size(); ++row) {
        QString problem;
        const std::optional<MimeMessage> message = buildMessage(row, &problem);
        if (!message) {
            m_problems << Problem{row + 1, problem};
            continue;
        }
        MimeWriter::Error writeError;
        const std::unique_ptr<MessageStream> stream = MimeWriter::write(*message, {}, &writeError);
        if (!stream) {
            m_problems << Problem{row + 1, writeError.message};
            continue;
        }
        if (m_spec.sizeLimit > 0 && stream->size() > m_spec.sizeLimit) {
            m_problems << Problem{row + 1, tr("the message is %1; the server takes at most %2.")
                                               .arg(QLocale().formattedDataSize(stream->size()),
                                                    QLocale().formattedDataSize(m_spec.sizeLimit))};
            continue;
        }
        ++m_summary.messages;
        m_summary.bytes += stream->size();
        m_recipientCounts.resize(row + 1, 1);
        m_recipientCounts[row] = static_cast<int>(message->envelopeRecipients().size());
        QStringList recipients;
        for (const MailAddress &address : message->envelopeRecipients()) {
            const QString key = address.address().toLower();
            recipients << address.address();
            const auto first = firstRowOf.constFind(key);
            if (first != firstRowOf.constEnd())
                m_warnings << Problem{row + 1, tr("%1 is also in row %2; it will get both messages.")
                                                   .arg(address.address())
                                                   .arg(*first)};
            else
                firstRowOf.insert(key, row + 1);
        }
        fingerprint.addData(recipients.join(u',').toUtf8());
        fingerprint.addData(message->subject.toUtf8());
        fingerprint.addData(message->text.toUtf8());
        fingerprint.addData(message->html.toUtf8());
        for (const MimeAttachment &attachment : message->attachments) {
            const QFileInfo info(attachment.path);
            fingerprint.addData(QStringLiteral("%1|%2|%3")
                                    .arg(attachment.path)
                                    .arg(info.size())
                                    .arg(info.lastModified().toMSecsSinceEpoch())
                                    .toUtf8());
        }
        journalRows << MergeJournal::Row{row + 1,
                                         MimeWriter::newMessageId(m_spec.from.asciiDomain(), now()),
                                         recipients.join(QStringLiteral(", ")),
                                         MergeJournal::State::Pending,
                                         {},
                                         0,
                                         {},
                                         {},
                                         {},
                                         {},
                                         {}};
    }
    m_summary.distinctAddresses = static_cast<int>(firstRowOf.size());
    m_plannedRows = journalRows;
    m_plannedFingerprint = QString::fromLatin1(fingerprint.result().toHex());
    // An estimate before the journal is opened (a window's checks): a run begun before counts only its
    // rows still to send, and what it sent against the quota. Read, never opened for the run: another
    // may be using it. Unreadable or of other data: prepare() says so; the estimate is then as if new.
    m_schedule = MergeSchedule(MergeSchedule::Limits{m_spec.ratePerMinute, m_spec.perDay});
    m_journalSeen.clear();
    if (!m_spec.journalPath.isEmpty()) {
        QString unused;
        const std::optional<QList<MergeJournal::Row>> seen = MergeJournal::peek(m_spec.journalPath, &unused);
        if (seen && seen->size() == m_spec.table.rows.size()) {
            m_journalSeen = *seen;
            // "sending" on disk: in flight for a run elsewhere, or in doubt once it is reopened; this run
            // sends it in neither case.
            for (MergeJournal::Row &row : m_journalSeen) {
                if (row.state == MergeJournal::State::Sending)
                    row.state = MergeJournal::State::Unknown;
            }
            recordHistory(m_journalSeen);
        }
    }
    return m_problems.isEmpty();
}

void MergeRun::recordHistory(const QList<MergeJournal::Row> &rows)
{
    // The quota counts what this run had accepted in the last 24 hours, before it stopped or crashed
    // too; a row in doubt may have gone, so it counts as well.
    QList<std::pair<QDateTime, int>> sent;
    for (const MergeJournal::Row &row : rows) {
        if (row.state == MergeJournal::State::Accepted || row.state == MergeJournal::State::Unknown)
            sent.append({row.state == MergeJournal::State::Accepted
                             ? row.accepted
                             : (row.sent.isValid() ? row.sent : row.updated),
                         recipientsOf(row.row - 1)});
    }
    // And what other runs sent from the same address: the provider counts the mailbox, not the file.
    if (!m_spec.quotaLogPath.isEmpty()) {
        sent += BulkQuotaLog(m_spec.quotaLogPath)
                    .sentByOthers(m_spec.from.address(), m_spec.journalPath, now().addDays(-1));
    }
    std::sort(sent.begin(), sent.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &[when, recipients] : sent) {
        if (when.isValid())
            m_schedule.record(when, recipients);
    }
}

void MergeRun::recordInQuotaLog(int row)
{
    if (m_spec.quotaLogPath.isEmpty())
        return;
    // Advice for later runs' pacing; the journal already holds the row's outcome, so a log that cannot
    // be written stops nothing.
    BulkQuotaLog(m_spec.quotaLogPath)
        .record(m_spec.from.address(), m_spec.journalPath, now(), recipientsOf(row - 1));
}

bool MergeRun::prepare()
{
    if (!check())
        return false;
    const QList<MergeJournal::Row> &journalRows = m_plannedRows;
    QString error;
    if (!m_journal.open(m_spec.journalPath, &error)) {
        m_problems << Problem{0, error};
        return false;
    }
    const QString &print = m_plannedFingerprint;
    if (m_journal.isNew()) {
        if (!m_journal.prepare(print, journalRows, &error))
            m_problems << Problem{0, error};
    } else if (m_journal.rows().size() != m_spec.table.rows.size()) {
        m_problems << Problem{0,
                              tr("The journal %1 belongs to a run with %2 rows, the data has %3. Use a new "
                                 "journal for different data.")
                                  .arg(m_spec.journalPath)
                                  .arg(m_journal.rows().size())
                                  .arg(m_spec.table.rows.size())};
    } else if (m_journal.fingerprint() != print) {
        m_changedSinceBegun = !m_spec.acceptChanges;
        if (!m_spec.acceptChanges)
            m_problems << Problem{0,
                                  tr("The data, the templates or the attachments changed since this run "
                                     "began (journal %1). Rows already accepted are never sent again, but "
                                     "the others would now differ from what was sent. Check, then run again "
                                     "accepting the changes.")
                                      .arg(m_spec.journalPath)};
        else if (!m_journal.setFingerprint(print, &error))
            m_problems << Problem{0, error};
    }
    m_schedule = MergeSchedule(MergeSchedule::Limits{m_spec.ratePerMinute, m_spec.perDay});
    recordHistory(m_journal.rows());
    return m_problems.isEmpty();
}

std::optional<MimeMessage> MergeRun::message(int row, QString *problem) const
{
    return buildMessage(row, problem);
}

std::optional<MimeMessage> MergeRun::testMessage(int row, const MailAddress &to, QString *problem) const
{
    std::optional<MimeMessage> message = buildMessage(row, problem);
    if (!message)
        return std::nullopt;
    message->to = {to};
    message->cc.clear();
    message->bcc.clear();
    message->subject = QStringLiteral("[TEST] ") + message->subject;
    // The real message keeps its Message-ID for the run; a test is another message.
    message->messageId = MimeWriter::newMessageId(m_spec.from.asciiDomain(), QDateTime::currentDateTime());
    return message;
}

bool MergeRun::requeue(const QList<MergeJournal::State> &states, QString *error)
{
    for (const MergeJournal::Row &row : m_journal.rows()) {
        if (states.contains(row.state) && row.state != MergeJournal::State::Accepted &&
            row.state != MergeJournal::State::Unknown && row.state != MergeJournal::State::Sending &&
            !m_journal.setState(row.row, MergeJournal::State::Pending, {}, {}, error))
            return false;
    }
    return true;
}

bool MergeRun::resolveInDoubt(const QList<int> &rows, MergeJournal::Resolution resolution,
                              MergeJournal::ResolveError *error)
{
    if (!m_journal.resolve(rows, resolution, error))
        return false;
    if (resolution == MergeJournal::Resolution::SendAgain && isRunning()) {
        for (const int row : rows)
            m_queue.push_back(row - 1);
        emit estimateChanged(estimatedFinish());
    }
    return true;
}

QString MergeRun::addressColumn(const MergeTable &table)
{
    for (const QString &name :
         {QStringLiteral("email"), QStringLiteral("e-mail"), QStringLiteral("mail"), QStringLiteral("邮箱"),
          QStringLiteral("电子邮件"), QStringLiteral("邮件地址"), QStringLiteral("电子邮箱")}) {
        const int index = table.columnIndex(name);
        if (index >= 0)
            return table.columns.at(index);
    }
    return {};
}

QString MergeRun::defaultJournalPath(const QString &dataPath)
{
    const QFileInfo data(dataPath);
    if (QFileInfo(data.absolutePath()).isWritable())
        return data.absoluteFilePath() + QStringLiteral(".journal.sqlite");
    // A read-only folder (a share, a CD): the app's data folder, one journal per data file path.
    const QString folder =
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/merge");
    PrivateFiles::makeFolder(folder); // names and addresses of people: not for other users
    const QByteArray key =
        QCryptographicHash::hash(data.absoluteFilePath().toUtf8(), QCryptographicHash::Sha256);
    return folder + u'/' + data.completeBaseName() + u'-' + QString::fromLatin1(key.toHex().left(12)) +
           QStringLiteral(".journal.sqlite");
}

QString MergeRun::describeWhen(const QDateTime &when, const QDateTime &now)
{
    // Hours and minutes: a quota frees to the second, but nobody plans by it (and the C locale's short
    // format would show seconds).
    const QString time = when.time().toString(QStringLiteral("HH:mm"));
    if (when.date() == now.date())
        return tr("today at %1").arg(time);
    if (when.date() == now.date().addDays(1))
        return tr("tomorrow at %1").arg(time);
    return QLocale().toString(when.date(), QLocale::ShortFormat) + u' ' + time;
}

QString MergeRun::describeEstimate(int rows, int perMinute, int perDay, const QDateTime &finish)
{
    QStringList pace;
    pace << (perMinute > 0 ? tr("%1/min").arg(perMinute) : tr("no pacing"));
    if (perDay > 0)
        pace << tr("%1 recipients a day").arg(perDay);
    // One fixed date form in both languages: to compare with a calendar, and for scripts reading it.
    const QString paceText = pace.join(tr(" and "));
    const QString finishText = finish.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    if (rows == 1)
        return tr("1 row at %1: finishes about %2.").arg(paceText, finishText);
    return tr("%1 rows at %2: finishes about %3.").arg(rows).arg(paceText, finishText);
}

void MergeRun::setClock(std::function<QDateTime()> clock)
{
    m_clock = clock;
    m_journal.setClock(std::move(clock));
}

QList<MergeJournal::Row> MergeRun::estimatedRows() const
{
    if (!m_journal.rows().isEmpty())
        return m_journal.rows();
    return m_journalSeen.isEmpty() ? m_plannedRows : m_journalSeen;
}

namespace {
bool stillToSend(MergeJournal::State state)
{
    return state == MergeJournal::State::Pending || state == MergeJournal::State::Deferred ||
           state == MergeJournal::State::Sending;
}
} // namespace

int MergeRun::rowsToSend() const
{
    const QList<MergeJournal::Row> rows = estimatedRows();
    return int(std::count_if(rows.cbegin(), rows.cend(),
                             [](const MergeJournal::Row &row) { return stillToSend(row.state); }));
}

QDateTime MergeRun::estimatedFinish() const
{
    QList<int> remaining;
    for (const MergeJournal::Row &row : estimatedRows()) {
        if (stillToSend(row.state))
            remaining << recipientsOf(row.row - 1);
    }
    const QDateTime from = m_waitingUntil.isValid() ? std::max(now(), m_waitingUntil) : now();
    return m_schedule.estimateFinish(from, m_lastStart, remaining);
}

int MergeRun::quotaUsed() const
{
    return m_schedule.used(now());
}

bool MergeRun::holdForQuota()
{
    if (m_spec.perDay <= 0 || m_queue.empty())
        return false;
    const QDateTime current = now();
    const QDateTime frees = m_schedule.quotaFreesAt(current, recipientsOf(m_queue.front()));
    if (!frees.isValid() || frees <= current)
        return false; // fits (a row that never fits was refused by the checks)
    if (m_batch)
        m_batch->close(); // no idle connection for hours
    m_waitingForQuota = true;
    m_waitingUntil = frees;
    emit quotaExhausted(frees);
    const QString when = describeWhen(frees, current);
    if (m_spec.stopWhenQuotaUsed) {
        m_stopReason = tr("The daily quota of %1 recipients is used up (%2 in the last 24 hours). The run "
                          "continues %3: run the same command again then.")
                           .arg(m_spec.perDay)
                           .arg(m_schedule.used(current))
                           .arg(when);
        if (!m_batch)
            QTimer::singleShot(0, this, [this] { finish(m_stopReason); });
        return true;
    }
    emit estimateChanged(estimatedFinish());
    scheduleResume(
        frees, tr("the daily quota of %1 recipients is used up; it frees %2.").arg(m_spec.perDay).arg(when));
    return true;
}

QByteArray MergeRun::preview(int row, QString *error) const
{
    QString problem;
    const std::optional<MimeMessage> message = buildMessage(row, &problem);
    if (!message) {
        *error = problem;
        return {};
    }
    MimeWriter::Error writeError;
    std::unique_ptr<MessageSource> source = MimeWriter::source(*message, {}, &writeError);
    if (!source) {
        *error = writeError.message;
        return {};
    }
    return source->device()->readAll();
}

void MergeRun::start()
{
    m_started = true;
    for (const MergeJournal::Row &row : m_journal.rows()) {
        if (row.state == MergeJournal::State::Pending || row.state == MergeJournal::State::Deferred)
            m_queue.push_back(row.row - 1);
    }
    if (m_queue.empty()) {
        QTimer::singleShot(0, this, [this] { finish({}); });
        return;
    }
    emit estimateChanged(estimatedFinish());
    openOrWait();
}

void MergeRun::openOrWait()
{
    if (m_queue.empty()) {
        openBatch(); // nothing left: finishes
        return;
    }
    // Resumed while the daily quota is still used up: no connection until it frees.
    if (holdForQuota())
        return;
    // Resumed while the first row still waits out a back-off: no connection until then.
    const std::optional<MergeJournal::Row> first = m_journal.row(m_queue.front() + 1);
    if (first && first->state == MergeJournal::State::Deferred &&
        first->nextAttempt > now().addMSecs(kEarly)) {
        scheduleResume(first->nextAttempt, first->reply);
        return;
    }
    openBatch();
}

void MergeRun::openBatch()
{
    if (m_finished || m_batch)
        return;
    if (m_cancelled || !m_stopReason.isEmpty() || m_queue.empty()) {
        finish(m_stopReason);
        return;
    }
    m_batch = m_service->openBatch(m_spec.settings, m_spec.account, &m_journal, m_prompt);
    connect(m_batch, &SendBatch::transcriptEntryAdded, this, &MergeRun::transcriptEntryAdded);
    connect(m_batch, &SendBatch::waitingForMessage, this, [this] {
        if (m_batch && m_batch->sizeLimit() > 0)
            m_serverSizeLimit = m_batch->sizeLimit();
    });
    connect(m_batch, &SendBatch::waitingForMessage, this, &MergeRun::feed);
    connect(m_batch, &SendBatch::messageFinished, this, &MergeRun::onMessageFinished);
    connect(m_batch, &SendBatch::finished, this, &MergeRun::onBatchFinished);
}

void MergeRun::feed()
{
    if (!m_batch || m_inFlight >= 0 || !m_batch->isWaiting() || m_resumeTimer.isActive())
        return;
    if (m_cancelled || m_paused || !m_stopReason.isEmpty() || m_queue.empty() ||
        (m_spec.maxPerConnection > 0 && m_batch->messagesSent() >= m_spec.maxPerConnection)) {
        m_batch->close(); // QUIT; onBatchFinished() opens a new connection if rows remain
        return;
    }
    const QDateTime now = this->now();
    if (m_spec.ratePerMinute > 0 && m_lastStart.isValid()) {
        const QDateTime due = m_lastStart.addMSecs(60'000 / m_spec.ratePerMinute);
        if (due > now) {
            m_paceTimer.start(static_cast<int>(now.msecsTo(due)));
            return;
        }
    }
    if (holdForQuota())
        return;
    const int row = m_queue.front();
    const std::optional<MergeJournal::Row> recorded = m_journal.row(row + 1);
    if (recorded && recorded->state == MergeJournal::State::Deferred &&
        recorded->nextAttempt > now.addMSecs(kEarly)) {
        m_batch->close();
        scheduleResume(recorded->nextAttempt, recorded->reply);
        return;
    }
    m_queue.pop_front();
    QString problem;
    std::optional<MimeMessage> message = buildMessage(row, &problem);
    std::optional<OutgoingMessage> outgoing =
        message ? SendService::outgoing(*message, &problem) : std::optional<OutgoingMessage>();
    if (!outgoing) {
        // Changed on disk since the checks (an attachment gone): this row cannot go as it is.
        QString error;
        m_journal.setState(row + 1, MergeJournal::State::Refused, problem, {}, &error);
        emit rowFinished(row + 1, MergeJournal::State::Refused, problem);
        QTimer::singleShot(0, this, &MergeRun::feed);
        return;
    }
    m_inFlight = row;
    m_lastStart = now;
    emit rowStarted(row + 1);
    m_batch->add(QString::number(row + 1), std::move(*outgoing));
}

MergeRun::Verdict MergeRun::classify(const SmtpError &error) const
{
    // Replies that speak of the account or the sending machine, not of this message or recipient:
    // quotas, rate limits, spam verdicts, block lists. Several providers send them with 5xx codes.
    static const QStringList accountWide{QStringLiteral("5.4.5"),
                                         QStringLiteral("quota"),
                                         QStringLiteral("limit"),
                                         QStringLiteral("dt:spm"),
                                         QStringLiteral("spam"),
                                         QStringLiteral("block"),
                                         QStringLiteral("blacklist"),
                                         QStringLiteral("spamhaus"),
                                         QStringLiteral("spamcop"),
                                         QStringLiteral("frequency"),
                                         QStringLiteral("mi:dmc"),
                                         QStringLiteral("too many"),
                                         QStringLiteral("rate"),
                                         QStringLiteral("suspend"),
                                         QStringLiteral("5.7.139"),
                                         QStringLiteral("5.7.708"),
                                         QStringLiteral("not accepted from this ip")};
    const QString text =
        (error.reply ? QString::fromUtf8(error.reply->toWireFormat()) : QString()).toLower() + u' ' +
        error.summary.toLower();
    const bool temporary =
        (error.reply && error.reply->isTransientFailure()) || (!error.reply && error.temporary);
    const bool permanentReply = error.reply && error.reply->isPermanentFailure();
    const bool mentionsAccount = std::any_of(accountWide.cbegin(), accountWide.cend(),
                                             [&text](const QString &word) { return text.contains(word); });
    // A 5xx about the account stops the run even when the provider lifts it by itself (a daily quota):
    // retrying row after row would only deepen the block.
    if (permanentReply && mentionsAccount && error.category != SmtpErrorCategory::Input &&
        error.category != SmtpErrorCategory::Size)
        return Verdict::StopRun;
    switch (error.category) {
    case SmtpErrorCategory::Input:
    case SmtpErrorCategory::Size:
        return Verdict::Refused;
    case SmtpErrorCategory::Auth:
    case SmtpErrorCategory::Tls:
    case SmtpErrorCategory::Certificate:
    case SmtpErrorCategory::Dns:
    case SmtpErrorCategory::Protocol:
    case SmtpErrorCategory::Cancelled:
        return Verdict::StopRun;
    case SmtpErrorCategory::Connect:
    case SmtpErrorCategory::Timeout:
    case SmtpErrorCategory::ServerUnavailable:
        return Verdict::Deferred;
    case SmtpErrorCategory::None:
    case SmtpErrorCategory::Policy:
    case SmtpErrorCategory::Recipient:
        break;
    }
    if (temporary)
        return Verdict::Deferred;
    if (mentionsAccount)
        return Verdict::StopRun;
    if (error.command == SmtpCommand::MailFrom)
        return Verdict::StopRun; // the sender itself was refused: every row would be
    return Verdict::Refused;
}

QDateTime MergeRun::nextAttemptAfter(int attempts) const
{
    const auto index = std::clamp<qsizetype>(attempts - 1, 0, m_backoff.size() - 1);
    const qint64 base = m_backoff.at(index).count();
    // Up to 20 % of jitter, so runs that were stopped together do not come back together.
    const qint64 jitter = base > 0 ? QRandomGenerator::global()->bounded(base / 5 + 1) : 0;
    return now().addMSecs(base + jitter);
}

void MergeRun::scheduleResume(const QDateTime &when, const QString &reason)
{
    m_waitingUntil = when;
    emit waiting(when, reason);
    m_resumeTimer.start(static_cast<int>(std::max<qint64>(0, now().msecsTo(when))));
}

void MergeRun::onMessageFinished(const QString &key, const SendReport &report)
{
    const int row = key.toInt();
    m_inFlight = -1;
    QString error;
    switch (report.outcome) {
    case SendReport::Outcome::Sent:
    case SendReport::Outcome::PartiallySent:
        m_schedule.record(now(), recipientsOf(row - 1));
        recordInQuotaLog(row);
        emit rowFinished(row, MergeJournal::State::Accepted, report.serverReply);
        emit estimateChanged(estimatedFinish());
        break;
    case SendReport::Outcome::Uncertain:
        m_schedule.record(now(), recipientsOf(row - 1)); // it may have gone: it may count
        recordInQuotaLog(row);
        emit rowFinished(row, MergeJournal::State::Unknown, report.error.summary);
        break;
    case SendReport::Outcome::Cancelled:
        m_queue.push_front(row - 1); // not sent; a resumed run sends it
        break;
    case SendReport::Outcome::Failed:
    case SendReport::Outcome::NotAttempted: {
        const SmtpError &failure = report.error;
        const QString reply =
            failure.reply ? QString::fromUtf8(failure.reply->toWireFormat()).trimmed() : failure.summary;
        switch (classify(failure)) {
        case Verdict::Refused:
            m_journal.setState(row, MergeJournal::State::Refused, reply, {}, &error);
            emit rowFinished(row, MergeJournal::State::Refused, reply);
            break;
        case Verdict::Deferred: {
            const int attempts = m_journal.row(row) ? m_journal.row(row)->attempts : 1;
            const QDateTime next = nextAttemptAfter(std::max(1, attempts));
            m_journal.setState(row, MergeJournal::State::Deferred, reply, next, &error);
            emit rowFinished(row, MergeJournal::State::Deferred, reply);
            m_queue.push_front(row - 1);
            if (m_batch)
                m_batch->close();
            scheduleResume(next, reply);
            return;
        }
        case Verdict::StopRun:
            m_journal.setState(row, MergeJournal::State::Pending, reply, {}, &error);
            m_queue.push_front(row - 1);
            m_stopReason = tr("Stopped at row %1: %2 %3 No further message was sent; resume the run once "
                              "this is resolved.")
                               .arg(row)
                               .arg(failure.summary, failure.explanation);
            break;
        }
        break;
    }
    }
    QTimer::singleShot(0, this, &MergeRun::feed);
}

void MergeRun::onBatchFinished(const SmtpError &error)
{
    m_batch = nullptr;
    if (m_finished)
        return;
    if (m_inFlight >= 0)
        m_inFlight = -1; // its messageFinished() came first and put it back if needed
    if (m_cancelled) {
        finish(tr("Cancelled. The rows not yet accepted are sent when the run is resumed."));
        return;
    }
    if (!m_stopReason.isEmpty() || m_queue.empty()) {
        finish(m_stopReason);
        return;
    }
    if (m_paused) {
        emit paused();
        return;
    }
    if (m_resumeTimer.isActive())
        return; // a back-off is under way; it opens the next connection
    if (error.isError() && error.category != SmtpErrorCategory::Cancelled) {
        // The connection failed before a message was given (login, TLS, a lost idle connection).
        if (classify(error) == Verdict::StopRun) {
            m_stopReason = tr("Stopped: %1 %2").arg(error.summary, error.explanation);
            finish(m_stopReason);
            return;
        }
        scheduleResume(nextAttemptAfter(1), error.summary);
        return;
    }
    openBatch(); // the per-connection limit: the next rows go over a new connection
}

void MergeRun::cancel()
{
    m_cancelled = true;
    m_paceTimer.stop();
    m_resumeTimer.stop();
    if (!m_batch) {
        if (!m_finished)
            finish(tr("Cancelled. The rows not yet accepted are sent when the run is resumed."));
        return;
    }
    if (m_inFlight < 0)
        m_batch->close();
}

void MergeRun::pause()
{
    if (!m_started || m_finished || m_paused || m_cancelled)
        return;
    m_paused = true;
    m_paceTimer.stop();
    m_resumeTimer.stop();
    if (!m_batch) {
        QTimer::singleShot(0, this, [this] {
            if (m_paused && !m_batch && !m_finished)
                emit paused();
        });
        return;
    }
    if (m_inFlight < 0)
        m_batch->close();
}

void MergeRun::resume()
{
    if (!m_paused || m_finished)
        return;
    m_paused = false;
    if (m_batch)
        feed(); // still hanging up: onBatchFinished() opens the next connection
    else
        openOrWait();
}

void MergeRun::finish(const QString &reason)
{
    if (m_finished)
        return;
    m_finished = true;
    m_paceTimer.stop();
    m_resumeTimer.stop();
    emit finished(reason);
}

bool MergeRun::writeReport(const QString &path, QString *error) const
{
    auto field = [](QString value) {
        if (value.contains(u',') || value.contains(u'"') || value.contains(u'\n') || value.contains(u'\r'))
            value = u'"' + value.replace(QStringLiteral("\""), QStringLiteral("\"\"")) + u'"';
        return value;
    };
    QStringList lines;
    QStringList header;
    for (const QString &column : m_spec.table.columns)
        header << field(column);
    header << tr("state") << tr("server reply") << tr("time") << QStringLiteral("Message-ID")
           << tr("decision");
    lines << header.join(u',');
    for (int row = 0; row < m_spec.table.rows.size(); ++row) {
        QStringList line;
        for (const QString &value : m_spec.table.rows.at(row))
            line << field(value);
        const std::optional<MergeJournal::Row> recorded = m_journal.row(row + 1);
        line << (recorded ? MergeJournal::stateName(recorded->state) : QString())
             << field(recorded ? recorded->reply : QString())
             << (recorded ? recorded->updated.toString(Qt::ISODate) : QString())
             << (recorded ? QString::fromLatin1(recorded->messageId) : QString())
             << field(recorded ? recorded->decision : QString());
        lines << line.join(u',');
    }
    QSaveFile file(path);
    // With a BOM: Excel opens UTF-8 CSV with Chinese names correctly only then.
    if (!file.open(QIODevice::WriteOnly) ||
        file.write("\xEF\xBB\xBF" + lines.join(QStringLiteral("\r\n")).toUtf8() + "\r\n") < 0 ||
        !file.commit()) {
        *error = tr("Cannot write the report %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}
