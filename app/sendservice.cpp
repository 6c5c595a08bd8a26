#include "sendservice.h"

#include "accountstore.h"
#include "draftmessage.h"
#include "draftstore.h"
#include "mimewriter.h"
#include "oauthtokens.h"
#include "secretstore.h"
#include "sendbatch.h"

#include <QLocale>
#include <QLoggingCategory>
#include <QTimer>

// QT_LOGGING_RULES="sendscope.send.info=true" shows each job and what became of it (tests read it).
Q_LOGGING_CATEGORY(lcSend, "sendscope.send", QtWarningMsg)

SendService::SendService(AccountStore *accounts, SecretStore *secrets, DraftStore *drafts, QObject *parent)
    : QObject(parent)
    , m_accounts(accounts)
    , m_secrets(secrets)
    , m_drafts(drafts)
{
    if (m_secrets)
        m_tokens = new OAuthTokens(m_secrets, this);
}

SmtpServerSettings SendService::settingsFor(const Account &account) const
{
    SmtpServerSettings settings = account.serverSettings();
    if (account.isSandbox) {
        // The sandbox listens where it was started this time.
        settings.host = QStringLiteral("127.0.0.1");
        settings.port = m_sandboxPort;
    }
    return settings;
}

SendJob *SendService::jobFor(const QString &draftId) const
{
    const QPointer<SendJob> job = m_running.value(draftId);
    return job && !job->isFinished() ? job.data() : nullptr;
}

void SendService::track(SendJob *job)
{
    if (!job->draftId().isEmpty())
        m_running.insert(job->draftId(), job);
    connect(job, &SendJob::finished, this, [this, job](const SendReport &report) {
        qCInfo(lcSend).noquote() << "finished"
                                 << (job->draftId().isEmpty() ? QStringLiteral("-") : job->draftId())
                                 << "outcome" << static_cast<int>(report.outcome) << report.queueId;
        if (m_running.value(job->draftId()) == job)
            m_running.remove(job->draftId());
        // Before anyone is told: a window asking right after sees what this server offers.
        if (report.serverExtensions && m_accounts && !job->m_accountId.isEmpty())
            m_accounts->rememberExtensions(job->m_accountId, job->m_accountServer, *report.serverExtensions);
        emit jobFinished(job, report);
        job->deleteLater();
    });
    emit jobStarted(job);
}

SendJob *SendService::sendDraft(const QString &draftId, const DraftOptions &options)
{
    if (SendJob *running = jobFor(draftId)) {
        qCInfo(lcSend).noquote() << "joining the send of" << draftId << "already under way";
        return running;
    }
    // The job claims the message before anything is saved: saving tells the outbox scheduler, which may
    // ask for this very message again from inside the save, and must then join this send.
    auto *job = new SendJob(draftId, m_drafts, m_secrets, this);
    job->m_tokens = m_tokens;
    track(job);
    const auto refused = [job, &draftId](SmtpErrorCategory category, const QString &summary,
                                         const QString &explanation) {
        qCInfo(lcSend).noquote() << "not sending" << draftId << ":" << summary;
        job->finishNow(SendReport::Outcome::NotAttempted,
                       {category, std::nullopt, std::nullopt, summary, explanation, false});
        return job;
    };
    const std::optional<Draft> stored = m_drafts ? m_drafts->load(draftId) : std::nullopt;
    if (!stored)
        return refused(SmtpErrorCategory::Input, tr("The message is no longer stored."),
                       tr("It may have been discarded in another window."));
    Draft draft = *stored;
    job->m_report.messageId = draft.messageId;
    if (draft.state == Draft::State::Sent)
        return refused(SmtpErrorCategory::Input,
                       tr("This message was already sent on %1; it is not sent again.")
                           .arg(QLocale().toString(draft.sentAt, QLocale::ShortFormat)),
                       tr("To send it once more, use Edit as new: that makes a new message with a Message-ID "
                          "of its own."));
    if (draft.state == Draft::State::Sending || (draft.deliveryUncertain && !options.resendUncertain))
        return refused(SmtpErrorCategory::Input, tr("This message may already have been delivered."),
                       tr("The whole message had been sent when the connection or Sendscope stopped, so the "
                          "server may have accepted it. Check with a recipient; send it again only if you "
                          "choose to."));
    const std::optional<Account> account = m_accounts->findById(draft.accountId);
    if (!account)
        return refused(SmtpErrorCategory::Input, tr("The account of this message no longer exists."),
                       tr("Open the message and choose another From."));
    DraftMessage::Problem problem;
    std::optional<MimeMessage> mime = DraftMessage::build(draft, account, {}, &problem);
    if (!mime)
        return refused(SmtpErrorCategory::Input, problem.message, tr("Open the message to correct it."));
    if (draft.messageId.isEmpty()) {
        // Its identity from the first time it is queued: every retry and edit keeps it.
        draft.messageId = MimeWriter::newMessageId(mime->from.asciiDomain(), QDateTime::currentDateTime());
        job->m_report.messageId = draft.messageId;
        if (!m_drafts->save(draft))
            return refused(SmtpErrorCategory::Input, tr("Not sent: the message could not be stored."),
                           m_drafts->errorString());
        mime->messageId = draft.messageId;
    }
    QString writeError;
    std::optional<OutgoingMessage> message = outgoing(*mime, &writeError);
    if (!message)
        return refused(SmtpErrorCategory::Input, writeError, tr("Open the message to correct it."));

    message->dsn = DraftMessage::deliveryReceipt(draft, mime->messageId);
    job->m_settings = settingsFor(*account);
    job->m_message = std::move(*message);
    job->m_subject = draft.subject;
    job->m_announceSections = true;
    job->m_requestNotes = requestNotes(*mime);
    job->m_accountId = account->id;
    job->m_accountServer = Account::serverKey(account->host, account->effectivePort());
    qCInfo(lcSend).noquote() << "sending" << draftId << draft.messageId;
    const SendJob::SecretPrompt prompt = options.prompt;
    QTimer::singleShot(0, job, [job, account, prompt] {
        if (account->needsSecret())
            job->readSecretThenStart(*account, prompt);
        else
            job->startSession();
    });
    return job;
}

SendJob *SendService::sendMessage(MessageRequest request)
{
    auto *job = new SendJob({}, nullptr, m_secrets, this);
    job->m_tokens = m_tokens;
    job->m_settings = std::move(request.settings);
    job->m_message = std::move(request.message);
    job->m_requestNotes = std::move(request.notes);
    if (request.account) {
        job->m_accountId = request.account->id;
        job->m_accountServer = Account::serverKey(request.account->host, request.account->effectivePort());
    }
    track(job);
    const std::optional<Account> account = request.account;
    const SendJob::SecretPrompt prompt = request.prompt;
    QTimer::singleShot(0, job, [job, account, prompt] {
        if (account && account->needsSecret() && job->m_settings.secret.isEmpty())
            job->readSecretThenStart(*account, prompt);
        else
            job->startSession();
    });
    return job;
}

SendBatch *SendService::openBatch(const SmtpServerSettings &settings, const std::optional<Account> &account,
                                  SendLedger *ledger, const SendJob::SecretPrompt &prompt)
{
    auto *batch = new SendBatch(settings, ledger, m_secrets, this);
    connect(batch, &SendBatch::finished, batch, &QObject::deleteLater);
    QTimer::singleShot(0, batch, [batch, account, prompt] {
        if (account && account->needsSecret() && batch->m_settings.secret.isEmpty())
            batch->readSecretThenStart(*account, prompt);
        else
            batch->startSession();
    });
    return batch;
}

int SendService::recoverInterruptedSends()
{
    if (!m_drafts)
        return 0;
    int recovered = 0;
    for (Draft draft : m_drafts->drafts(Draft::State::Sending)) {
        if (jobFor(draft.id))
            continue;
        draft.state = Draft::State::Outbox;
        draft.deliveryUncertain = true;
        draft.errorTemporary = false;
        draft.signInRequired = false;
        draft.errorCategory = SmtpError::categoryName(SmtpErrorCategory::Connect);
        draft.errorSummary = tr("Sendscope stopped while this message was being sent.");
        draft.errorExplanation = tr("The whole message had left, so the server may have accepted it. Check "
                                    "with a recipient before sending it again.");
        if (m_drafts->save(draft)) {
            ++recovered;
            qCInfo(lcSend).noquote() << "interrupted send of" << draft.id << "may have been delivered";
        }
    }
    return recovered;
}

std::optional<OutgoingMessage> SendService::outgoing(const MimeMessage &message, QString *error)
{
    MimeWriter::Error mimeError;
    std::unique_ptr<MessageSource> source = MimeWriter::source(message, {}, &mimeError);
    if (!source) {
        *error = mimeError.message;
        return std::nullopt;
    }
    OutgoingMessage outgoing;
    outgoing.from = message.from.address();
    for (const MailAddress &recipient : message.envelopeRecipients())
        outgoing.recipients << recipient.address();
    outgoing.requireSmtpUtf8 = message.requiresSmtpUtf8();
    outgoing.source = std::move(source);
    return outgoing;
}

QStringList SendService::requestNotes(const MimeMessage &message)
{
    // The delivery receipt is not here: whether it can be asked for is known after EHLO, and the session
    // says then which it asked for, or why none.
    QStringList notes;
    if (message.requestReadReceipt)
        notes << tr("Read receipt requested (Disposition-Notification-To: %1): the recipient's mail program "
                    "may ask them to send one, or not.")
                     .arg(message.from.address());
    switch (message.priority) {
    case MimeMessage::Priority::High:
        notes << tr("High priority (X-Priority: 1, Importance: high).");
        break;
    case MimeMessage::Priority::Low:
        notes << tr("Low priority (X-Priority: 5, Importance: low).");
        break;
    case MimeMessage::Priority::Normal:
        break;
    }
    return notes;
}
