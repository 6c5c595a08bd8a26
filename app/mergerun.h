#pragma once

#include "account.h"
#include "bulkquotalog.h"
#include "mailaddress.h"
#include "mergedata.h"
#include "mergejournal.h"
#include "mergeschedule.h"
#include "mergetemplate.h"
#include "mimemessage.h"
#include "sendjob.h"
#include "smtpserversettings.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <deque>
#include <functional>
#include <optional>

class SendBatch;
class SendService;

// What a bulk run sends: the data, the templates, who it is from and how fast.
struct MergeSpec
{
    MergeTable table;
    QString dataPath; // relative attachment paths are taken from its folder
    MergeTemplate subject;
    MergeTemplate text;
    MergeTemplate html; // optional: a formatted version beside the text (values HTML-escaped)
    MergeTemplate to;
    MergeTemplate cc;
    MergeTemplate bcc;
    MergeTemplate attachments; // paths separated by ';'
    MailAddress from;
    QList<MailAddress> replyTo;
    bool requestReadReceipt = false; // Disposition-Notification-To in every message
    MimeMessage::Priority priority = MimeMessage::Priority::Normal;
    SmtpServerSettings settings;
    std::optional<Account> account; // whose keychain entry holds the secret, when settings has none
    // Pace and quotas: PacingProfile::forServer() gives a provider's values; each may be changed.
    int ratePerMinute = 30;     // conservative for an unknown server; 0: no pacing
    int perDay = 0;             // recipients in any 24 hours (To, Cc and Bcc each count); 0: none
    int maxPerConnection = 100; // then QUIT and a new connection
    int maxRecipientsPerMessage = 100;
    // When the daily quota is used up: stop (the command line: the same command continues later) rather
    // than wait until the 24-hour window frees.
    bool stopWhenQuotaUsed = false;
    QString journalPath;
    // The log every bulk run shares (BulkQuotaLog): the daily quota then counts what other runs sent from
    // the same address. Empty: this run's journal only.
    QString quotaLogPath;
    qint64 sizeLimit = 0;       // the server's SIZE when known: a larger row is a problem; 0: not known
    bool acceptChanges = false; // resume although the data or templates changed since the run began
};

// One bulk run (群发): one message per data row, through the send service's batches (one connection,
// many transactions), recorded row by row in a MergeJournal so that no row is ever accepted twice, at
// the pace the server allows. Checks everything before sending anything; a refused recipient marks its
// row and the run goes on; an account-wide refusal (authentication, quota, spam verdict, block list,
// sender) stops the run with the reason; a temporary refusal backs off and resumes by itself.
class MergeRun : public QObject
{
    Q_OBJECT
public:
    struct Problem
    {
        int row = 0; // 1-based data row; 0: the whole run
        QString message;
    };
    struct Summary
    {
        int messages = 0;
        int distinctAddresses = 0;
        qint64 bytes = 0;
    };

    MergeRun(MergeSpec spec, SendService *service, QObject *parent = nullptr);
    ~MergeRun() override;

    // Builds every row's message and checks it, without touching the journal (a dry run, the checks a
    // window shows before sending). False when anything blocks the run (see problems()); warnings() do
    // not block.
    bool check();
    // check(), then opens or creates the journal (resuming the run it records).
    bool prepare();
    QList<Problem> problems() const { return m_problems; }
    QList<Problem> warnings() const { return m_warnings; }
    Summary summary() const { return m_summary; }
    const MergeJournal &journal() const { return m_journal; }
    // prepare() refused because what would be sent differs from what the journal's run began with
    // (see MergeSpec::acceptChanges).
    bool changedSinceBegun() const { return m_changedSinceBegun; }
    // The row's message exactly as it will be sent (headers, text, attachments), for a preview.
    QByteArray preview(int row, QString *error) const;
    // The same message as a structure (0-based row), for a window to show its headers and attachments.
    std::optional<MimeMessage> message(int row, QString *problem) const;
    // The row's message to the sender alone, "[TEST]" before its subject, with a Message-ID of its own:
    // what it will look like, without a recipient seeing it and without touching the journal.
    std::optional<MimeMessage> testMessage(int row, const MailAddress &to, QString *problem) const;
    // After prepare(), before start(): rows in one of states are sent again (refused after a fix, or
    // deferred without waiting out the back-off). Never accepted or in-doubt rows.
    bool requeue(const QList<MergeJournal::State> &states, QString *error);
    // Rows in doubt (a run stopped after the row's end of data left and before the server's reply: it
    // may have been delivered), in row order, valid after prepare(). Each has its recipients, its
    // Message-ID, when it was sent (Row::sent) and why it is in doubt (Row::reply): what a person needs
    // to check the recipient's mailbox or the server's log before choosing resolveInDoubt()'s way. A run
    // never sends them by itself.
    QList<MergeJournal::Row> rowsInDoubt() const { return m_journal.unknownRows(); }
    // The person's decision about rows in doubt, all or none (MergeJournal::resolve()): marked as
    // delivered, they become accepted; sent again, they become pending with their Message-ID. After
    // prepare(): before start() they go with the other rows; while the run is going they join its
    // queue; after finished() the next run sends them. On disk when it returns true, and in the report.
    bool resolveInDoubt(const QList<int> &rows, MergeJournal::Resolution resolution,
                        MergeJournal::ResolveError *error);
    // The server's SIZE once the run has logged in (0: not announced, or not yet connected).
    qint64 serverSizeLimit() const { return m_serverSizeLimit; }

    // The column that holds the addresses, by its name (email, e-mail, mail, 邮箱, 电子邮件); empty
    // when none is named so.
    static QString addressColumn(const MergeTable &table);
    // Next to the data file (the command line's default too), or in the app's data folder when the data's
    // folder cannot be written.
    static QString defaultJournalPath(const QString &dataPath);
    // "today at 10:40", "tomorrow at 08:05" or a date and time: when a wait ends, seen from now.
    static QString describeWhen(const QDateTime &when, const QDateTime &now);
    // "3 rows at 20/min and 500 recipients a day: finishes about 2026-12-02 10:40.", for estimatedFinish(),
    // as the command line and the window say it.
    static QString describeEstimate(int rows, int perMinute, int perDay, const QDateTime &finish);

    // Sends the rows not yet accepted, refused or in doubt. finished() follows.
    void start();
    // Stops after the message in flight; resuming later continues with the rows not yet accepted.
    void cancel();
    // Stops after the message in flight and hangs up; paused() follows. resume() goes on.
    void pause();
    void resume();
    bool isPaused() const { return m_paused; }
    bool isRunning() const { return m_started && !m_finished; }
    bool hasStarted() const { return m_started; }
    // Waits after a temporary refusal: 1, 5, 15, 30, 60 minutes; tests make them short.
    void setBackoff(QList<std::chrono::milliseconds> delays) { m_backoff = std::move(delays); }
    // Asked for the password when the keychain has none (a window); without one, nobody is asked.
    void setSecretPrompt(SendJob::SecretPrompt prompt) { m_prompt = std::move(prompt); }
    // Writes the original columns with state, server reply, time, Message-ID and the person's decision
    // about a row that was in doubt.
    bool writeReport(const QString &path, QString *error) const;

    // Time comes from this clock (tests give a fixed one): pacing, the daily quota and the journal's
    // time stamps. The system clock by default.
    void setClock(std::function<QDateTime()> clock);
    // When the rows still to send will all have gone at the pace and within the daily quota (counting the
    // rows accepted in the last 24 hours); invalid when a row can never go. Valid after prepare(); after
    // check() alone, from the journal at spec.journalPath as it is on disk (read, not opened for the
    // run), or as if every row were still to send and nothing had gone yet when there is none.
    QDateTime estimatedFinish() const;
    // The rows estimatedFinish() counts: pending, deferred or being sent (not accepted, refused or in
    // doubt).
    int rowsToSend() const;
    // Recipients of this run accepted in the last 24 hours, against spec.perDay.
    int quotaUsed() const;
    // Waiting until the daily quota's window frees (waitingUntil()), or stopped for it.
    bool isWaitingForQuota() const { return m_waitingForQuota; }
    // Until when the run waits (a back-off or the quota); invalid when it is not waiting.
    QDateTime waitingUntil() const { return m_waitingUntil; }

signals:
    // The row's message goes to the server now (1-based row).
    void rowStarted(int row);
    void paused();
    void rowFinished(int row, MergeJournal::State state, const QString &reply);
    void transcriptEntryAdded(const TranscriptEntry &entry);
    void waiting(const QDateTime &until, const QString &reason);
    // The daily quota is used up; the next row fits at freesAt (the run waits, or stops when the spec
    // says so).
    void quotaExhausted(const QDateTime &freesAt);
    // After each row and each wait: when the run will be done (see estimatedFinish()).
    void estimateChanged(const QDateTime &finish);
    // stopReason is empty when every row went through (accepted or refused).
    void finished(const QString &stopReason);

private:
    enum class Verdict { Refused, Deferred, StopRun };
    std::optional<MimeMessage> buildMessage(int row, QString *problem) const;
    QString fingerprint() const;
    void openOrWait();
    void openBatch();
    void feed();
    void onMessageFinished(const QString &key, const SendReport &report);
    void onBatchFinished(const SmtpError &error);
    Verdict classify(const SmtpError &error) const;
    QDateTime nextAttemptAfter(int attempts) const;
    void scheduleResume(const QDateTime &when, const QString &reason);
    void finish(const QString &reason);
    QDateTime now() const { return m_clock(); }
    int recipientsOf(int row) const { return m_recipientCounts.value(row, 1); }
    bool holdForQuota();
    void recordHistory(const QList<MergeJournal::Row> &rows);
    void recordInQuotaLog(int row);
    QList<MergeJournal::Row> estimatedRows() const;

    MergeSpec m_spec;
    SendService *m_service;
    MergeJournal m_journal;
    QList<Problem> m_problems;
    QList<Problem> m_warnings;
    Summary m_summary;
    std::deque<int> m_queue; // 0-based data rows still to send
    QPointer<SendBatch> m_batch;
    int m_inFlight = -1;
    QDateTime m_lastStart;
    QTimer m_paceTimer;
    QTimer m_resumeTimer;
    QString m_stopReason;
    bool m_cancelled = false;
    bool m_finished = false;
    bool m_started = false;
    bool m_paused = false;
    bool m_changedSinceBegun = false;
    qint64 m_serverSizeLimit = 0;
    QList<MergeJournal::Row> m_plannedRows; // check()'s, for a new journal
    QList<MergeJournal::Row> m_journalSeen; // check()'s look at a journal begun before, for the estimate
    QString m_plannedFingerprint;
    QList<std::chrono::milliseconds> m_backoff;
    SendJob::SecretPrompt m_prompt;
    std::function<QDateTime()> m_clock = [] { return QDateTime::currentDateTime(); };
    MergeSchedule m_schedule;
    QList<int> m_recipientCounts; // per 0-based row
    bool m_waitingForQuota = false;
    QDateTime m_waitingUntil;
};
