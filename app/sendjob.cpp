#include "sendjob.h"

#include "draftstore.h"
#include "oauthtokens.h"
#include "secretstore.h"

#include <QLocale>
#include <QRegularExpression>
#include <QTimer>

// "250 2.0.0 Ok: queued as 4XyZ" (Postfix), "250 OK id=1qRs-000a-Bc" (Exim), "queued as <id>" (others).
void SendReport::takeRecipientsAndReply(const MessageResult &result)
{
    for (const RecipientResult &recipient : result.recipients) {
        (recipient.accepted ? accepted : refused) << recipient.address;
        if (!recipient.accepted && recipient.reply.isPermanentFailure())
            refusedPermanently << recipient.address;
    }
    if (!result.finalReply.isValid())
        return;
    static const QRegularExpression queued(
        QStringLiteral("(?:queued as|\\bid=)\\s*<?([A-Za-z0-9][A-Za-z0-9._@-]*)"),
        QRegularExpression::CaseInsensitiveOption);
    serverReply = QString::fromUtf8(result.finalReply.toWireFormat()).trimmed();
    queueId = queued.match(serverReply).captured(1);
}

bool SendReport::loginRefused() const
{
    return error.category == SmtpErrorCategory::Auth && error.command == SmtpCommand::Auth && error.reply &&
           error.reply->isPermanentFailure();
}

SendJob::SendJob(QString draftId, DraftStore *drafts, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_draftId(std::move(draftId))
    , m_drafts(drafts)
    , m_secrets(secrets)
{
    qRegisterMetaType<SendReport>();
    m_report.draftId = m_draftId;
    m_clock.start();
}

SendJob::~SendJob()
{
    if (m_session)
        m_session->cancel();
}

void SendJob::readSecretThenStart(const Account &account, const SecretPrompt &prompt)
{
    if (account.usesSignIn() && m_tokens) {
        // Never a prompt or a browser here: an unattended send must not open one. It fails with "sign
        // in again" and waits in the outbox.
        readTokenThenStart(account, false);
        return;
    }
    emit statusChanged(tr("Reading the password from the keychain…"));
    QPointer<SendJob> guard(this);
    m_secrets->read(account.id, [guard, account, prompt](const SecretStore::Result &result) {
        if (!guard || guard->m_finished)
            return;
        if (result.ok()) {
            guard->m_settings.secret = result.secret;
            guard->startSession();
            return;
        }
        if (!prompt) {
            // Nobody is watching: never ask. The attempt counts, and the outbox tries again later.
            guard->m_report.secretUnavailable = true;
            guard->finishNow(SendReport::Outcome::Failed,
                             {SmtpErrorCategory::Auth, std::nullopt, std::nullopt,
                              tr("The password could not be read from the keychain."), result.message, true});
            return;
        }
        prompt(account, result.message, [guard, account](const QString &secret) {
            if (!guard || guard->m_finished)
                return;
            if (secret.isEmpty()) {
                guard->finishNow(SendReport::Outcome::Cancelled,
                                 {SmtpErrorCategory::Cancelled, std::nullopt, std::nullopt,
                                  tr("Not sent: no password."), tr("The message is still here."), false});
                return;
            }
            guard->m_secrets->keepInMemory(account.id, secret);
            guard->m_settings.secret = secret;
            guard->startSession();
        });
    });
}

void SendJob::readTokenThenStart(const Account &account, bool forceRefresh)
{
    m_signedInAccount = account;
    emit statusChanged(tr("Renewing the sign-in…"));
    QPointer<SendJob> guard(this);
    m_tokens->accessToken(account, forceRefresh, [guard](const OAuthTokens::Result &result) {
        if (!guard || guard->m_finished)
            return;
        if (result.error.isError()) {
            guard->failSignIn(result.error);
            return;
        }
        if (!result.warning.isEmpty())
            guard->log(TranscriptEntry::Kind::Error, result.warning);
        guard->m_settings.secret = result.accessToken;
        guard->m_settings.secretIsToken = true;
        guard->startSession();
    });
}

void SendJob::failSignIn(const OAuthError &error)
{
    const QString provider = m_signedInAccount->oauthSettings().providerName;
    if (!error.serverReply.isEmpty())
        log(TranscriptEntry::Kind::Error, tr("The sign-in server answered: %1").arg(error.serverReply));
    if (error.needsSignIn() || error.code == OAuthError::Code::NotConfigured) {
        m_report.signInRequired = true;
        finishNow(SendReport::Outcome::Failed,
                  {SmtpErrorCategory::Auth, std::nullopt, std::nullopt,
                   tr("Sign in again to send from %1.").arg(m_signedInAccount->name),
                   tr("%1 Sign in with %2 again (Sign in again in the window, or 'sendscope account login "
                      "%3'); nothing is sent for this account until then.")
                       .arg(error.explanation, provider, m_signedInAccount->name),
                   false});
        return;
    }
    // The provider or the network did not answer: that may pass, like a server that is down.
    const bool temporary = error.code == OAuthError::Code::Network || error.code == OAuthError::Code::Server;
    finishNow(SendReport::Outcome::Failed,
              {temporary ? SmtpErrorCategory::ServerUnavailable : SmtpErrorCategory::Auth, std::nullopt,
               std::nullopt, tr("The sign-in could not be renewed."), error.explanation, temporary});
}

bool SendJob::retryWithNewToken(const SmtpError &error)
{
    // A refused XOAUTH2/OAUTHBEARER login (334 with a JSON error, then 535): the token may have been
    // revoked or expired early. Once per send: a fresh token and a new connection, then give up.
    if (!m_signedInAccount || m_retriedWithNewToken || m_cancelled || m_dataEndSent ||
        error.category != SmtpErrorCategory::Auth || error.command != SmtpCommand::Auth || !error.reply ||
        !m_session)
        return false;
    std::vector<OutgoingMessage> messages = m_session->takeMessages();
    if (messages.size() != 1 || !messages.front().source || !messages.front().source->rewind())
        return false;
    m_retriedWithNewToken = true;
    m_message = std::move(messages.front());
    m_session->deleteLater();
    m_session = nullptr;
    log(TranscriptEntry::Kind::Info,
        tr("The server refused the access token; renewing it and trying once more on a new connection."));
    readTokenThenStart(*m_signedInAccount, true);
    return true;
}

void SendJob::startSession()
{
    if (m_finished)
        return;
    if (m_cancelled) {
        finishNow(SendReport::Outcome::Cancelled, {SmtpErrorCategory::Cancelled,
                                                   std::nullopt,
                                                   std::nullopt,
                                                   tr("Sending was cancelled."),
                                                   {},
                                                   false});
        return;
    }
    m_session = new SmtpSession(m_settings, this);
    connect(m_session, &SmtpSession::transcriptEntryAdded, this, [this](const TranscriptEntry &entry) {
        m_transcript.append(entry);
        emit transcriptEntryAdded(entry);
    });
    connect(m_session, &SmtpSession::bytesSent, this, &SendJob::progressed);
    connect(m_session, &SmtpSession::dataEndPrepared, this, &SendJob::markSending);
    connect(m_session, &SmtpSession::finished, this, &SendJob::onSessionFinished);
    if (m_announceSections) {
        // Each send is one section of the transcript: what, to whom, through which server; then the outcome.
        log(TranscriptEntry::Kind::Info,
            tr("──── Sending \"%1\" to %2 via %3 port %4 ────")
                .arg(m_subject.trimmed().isEmpty() ? tr("(no subject)") : m_subject.trimmed())
                .arg(m_message.recipients.join(QStringLiteral(", ")), m_settings.host)
                .arg(m_settings.effectivePort()));
    }
    for (const QString &note : std::as_const(m_requestNotes))
        log(TranscriptEntry::Kind::Info, note);
    emit statusChanged(tr("Sending…"));
    m_session->addMessage(std::move(m_message));
    m_session->start();
}

void SendJob::markSending()
{
    // Before the end of data leaves: from now on a crash must not lead to a second copy.
    if (m_drafts && !m_draftId.isEmpty()) {
        std::optional<Draft> draft = m_drafts->load(m_draftId);
        if (draft) {
            draft->state = Draft::State::Sending;
            draft->lastAttempt = QDateTime::currentDateTime();
        }
        if (!draft || !m_drafts->save(*draft)) {
            m_report.error = {SmtpErrorCategory::Input,
                              std::nullopt,
                              std::nullopt,
                              tr("Not sent: Sendscope could not record that the message is being sent."),
                              draft ? m_drafts->errorString()
                                    : tr("The message is no longer stored. Without that record a crash "
                                         "now could lead to sending it twice, so the end of the message was "
                                         "held back and nothing was delivered."),
                              true};
            m_session->cancel();
            return;
        }
    }
    m_dataEndSent = true;
}

void SendJob::onSessionFinished(const SmtpError &error)
{
    if (retryWithNewToken(error))
        return;
    SmtpSession *session = m_session;
    const MessageResult result = session ? session->results().value(0) : MessageResult{};
    if (session) {
        m_rejectedChain = session->rejectedCertificateChain();
        m_rejectedErrors = session->rejectedCertificateErrors();
        if (session->extensionsKnown()) {
            QStringList keywords;
            for (const auto &extension : session->extensions())
                keywords << QString::fromLatin1(extension.first);
            m_report.serverExtensions = keywords;
        }
        session->deleteLater();
    }
    m_session = nullptr;
    m_report.takeRecipientsAndReply(result);
    if (m_report.error.isError()) { // could not record Sending: held back before the end of data
        finishNow(SendReport::Outcome::Failed, m_report.error);
        return;
    }
    // Once the end of data may have left, only a word from the server (a refusal of the recipients, of
    // the data) says "not delivered"; silence (a lost connection, a timeout, a cancel) does not.
    const bool silentAfterDataEnd = m_dataEndSent && !error.reply.has_value();
    // The message's own result first: a session that fails after the server accepted the end of data
    // (a lost connection before 221) has still delivered it.
    if (result.outcome == MessageResult::Outcome::Sent) {
        finishNow(SendReport::Outcome::Sent, {});
    } else if (result.outcome == MessageResult::Outcome::PartiallySent) {
        finishNow(SendReport::Outcome::PartiallySent, result.error.isError() ? result.error : error);
    } else if (!error.isError()) {
        finishNow(SendReport::Outcome::Failed, result.error); // not reached: a message that is not sent fails
    } else if (error.deliveryUncertain || silentAfterDataEnd) {
        SmtpError uncertain = error;
        uncertain.deliveryUncertain = true;
        finishNow(SendReport::Outcome::Uncertain, uncertain);
    } else if (error.category == SmtpErrorCategory::Cancelled) {
        finishNow(SendReport::Outcome::Cancelled, error);
    } else if (m_retriedWithNewToken && error.category == SmtpErrorCategory::Auth &&
               error.command == SmtpCommand::Auth) {
        // A brand-new token was refused too: only a new sign-in (or the administrator) can help.
        m_report.signInRequired = true;
        SmtpError signIn = error;
        signIn.summary = tr("Sign in again to send from %1.").arg(m_signedInAccount->name);
        signIn.explanation =
            tr("The server refused a freshly renewed access token. %1").arg(error.explanation);
        finishNow(SendReport::Outcome::Failed, signIn);
    } else {
        finishNow(SendReport::Outcome::Failed, error);
    }
}

void SendJob::cancel()
{
    m_cancelled = true;
    if (m_session) {
        m_session->cancel();
        return;
    }
    if (!m_finished)
        finishNow(SendReport::Outcome::Cancelled, {SmtpErrorCategory::Cancelled,
                                                   std::nullopt,
                                                   std::nullopt,
                                                   tr("Sending was cancelled."),
                                                   {},
                                                   false});
}

void SendJob::finishNow(SendReport::Outcome outcome, const SmtpError &error)
{
    if (m_finished)
        return;
    m_report.outcome = outcome;
    m_report.error = error;
    m_report.finishedAt = QDateTime::currentDateTime();
    m_report.elapsedMs = m_clock.elapsed();
    record();
    finish();
}

void SendJob::record()
{
    if (!m_drafts || m_draftId.isEmpty())
        return;
    std::optional<Draft> draft = m_drafts->load(m_draftId);
    if (!draft)
        return;
    const SmtpError &error = m_report.error;
    switch (m_report.outcome) {
    case SendReport::Outcome::NotAttempted:
        return; // nothing happened to the message
    case SendReport::Outcome::Cancelled:
        if (draft->state != Draft::State::Sending)
            return; // the person stopped it before the end; it stays what it was
        break;
    case SendReport::Outcome::Sent:
    case SendReport::Outcome::PartiallySent:
        draft->state = Draft::State::Sent;
        draft->sentAt = m_report.finishedAt;
        draft->serverReply = m_report.serverReply;
        draft->queueId = m_report.queueId;
        draft->acceptedRecipients = m_report.accepted;
        draft->refusedRecipients = m_report.refused;
        draft->refusedExplanation = m_report.refused.isEmpty() ? QString() : error.explanation;
        draft->errorCategory.clear();
        draft->errorSummary.clear();
        draft->errorExplanation.clear();
        draft->errorTemporary = false;
        draft->deliveryUncertain = false;
        draft->signInRequired = false;
        draft->attempts += 1;
        draft->lastAttempt = m_report.finishedAt;
        if (!m_drafts->save(*draft))
            log(TranscriptEntry::Kind::Error, m_drafts->errorString());
        return;
    case SendReport::Outcome::Failed:
    case SendReport::Outcome::Uncertain:
        break;
    }
    // Nothing is lost: the message waits in the outbox with its error, to be retried or edited.
    draft->state = Draft::State::Outbox;
    draft->errorCategory = SmtpError::categoryName(error.category);
    draft->errorSummary = error.summary;
    draft->errorExplanation = error.explanation;
    draft->errorTemporary = error.temporary && m_report.outcome != SendReport::Outcome::Uncertain;
    draft->deliveryUncertain = m_report.outcome == SendReport::Outcome::Uncertain ||
                               m_report.outcome == SendReport::Outcome::Cancelled;
    draft->signInRequired = m_report.signInRequired;
    draft->attempts += 1;
    draft->lastAttempt = m_report.finishedAt;
    if (!m_drafts->save(*draft))
        log(TranscriptEntry::Kind::Error, m_drafts->errorString());
}

void SendJob::finish()
{
    m_finished = true;
    if (m_announceSections) {
        const QString seconds = QLocale().toString(m_report.elapsedMs / 1000.0, 'f', 1);
        switch (m_report.outcome) {
        case SendReport::Outcome::Sent:
            log(TranscriptEntry::Kind::Info, tr("──── Sent in %1 s ────").arg(seconds));
            break;
        case SendReport::Outcome::PartiallySent:
            log(TranscriptEntry::Kind::Info, tr("──── Partly refused, after %1 s ────").arg(seconds));
            break;
        default:
            log(TranscriptEntry::Kind::Error,
                tr("──── Failed after %1 s: %2 ────").arg(seconds, m_report.error.summary));
            break;
        }
    }
    // Never from inside the call that made the job: its caller connects first.
    QTimer::singleShot(0, this, [this] { emit finished(m_report); });
}

void SendJob::log(TranscriptEntry::Kind kind, const QString &text)
{
    TranscriptEntry entry;
    entry.timestamp = QDateTime::currentDateTime();
    entry.kind = kind;
    entry.text = text;
    m_transcript.append(entry);
    emit transcriptEntryAdded(entry);
}
