#include "sendbatch.h"

#include "secretstore.h"
#include "sendledger.h"
#include "smtpsession.h"

#include <QTimer>

SendBatch::SendBatch(SmtpServerSettings settings, SendLedger *ledger, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_ledger(ledger)
    , m_secrets(secrets)
{
    qRegisterMetaType<SendReport>();
}

SendBatch::~SendBatch()
{
    if (m_session)
        m_session->cancel();
}

void SendBatch::readSecretThenStart(const Account &account, const SendJob::SecretPrompt &prompt)
{
    QPointer<SendBatch> guard(this);
    m_secrets->read(account.id, [guard, account, prompt](const SecretStore::Result &result) {
        if (!guard || guard->m_finished)
            return;
        auto failed = [guard](const QString &summary, const QString &explanation) {
            guard->m_finished = true;
            guard->m_error = {
                SmtpErrorCategory::Auth, std::nullopt, std::nullopt, summary, explanation, true};
            emit guard->finished(guard->m_error);
        };
        if (result.ok()) {
            guard->m_settings.secret = result.secret;
            guard->startSession();
        } else if (!prompt) {
            failed(tr("The password could not be read from the keychain."), result.message);
        } else {
            prompt(account, result.message, [guard, account, failed](const QString &secret) {
                if (!guard || guard->m_finished)
                    return;
                if (secret.isEmpty()) {
                    failed(tr("Not sent: no password."), {});
                    return;
                }
                guard->m_secrets->keepInMemory(account.id, secret);
                guard->m_settings.secret = secret;
                guard->startSession();
            });
        }
    });
}

void SendBatch::startSession()
{
    m_session = new SmtpSession(m_settings, this);
    m_session->setMoreMessagesExpected(!m_closed);
    connect(m_session, &SmtpSession::transcriptEntryAdded, this, &SendBatch::transcriptEntryAdded);
    connect(m_session, &SmtpSession::dataEndPrepared, this, &SendBatch::onDataEndPrepared);
    connect(m_session, &SmtpSession::messageFinished, this, &SendBatch::onMessageFinished);
    connect(m_session, &SmtpSession::messagesRanOut, this, [this] {
        m_waiting = true;
        if (m_session->hasExtension("SIZE"))
            m_sizeLimit = m_session->extensions().at("SIZE").toLongLong();
        emit waitingForMessage();
    });
    connect(m_session, &SmtpSession::finished, this, [this](const SmtpError &error) {
        m_waiting = false;
        m_finished = true;
        m_error = error;
        m_session->deleteLater();
        // The session's own reporting may have gone before the slot ran; finished() is always last.
        QTimer::singleShot(0, this, [this] { emit finished(m_error); });
    });
    for (OutgoingMessage &message : m_queued)
        m_session->addMessage(std::move(message));
    m_queued.clear();
    m_session->start();
}

void SendBatch::add(const QString &key, OutgoingMessage message)
{
    m_keys.append(key);
    m_waiting = false;
    if (m_session)
        m_session->addMessage(std::move(message));
    else
        m_queued.push_back(std::move(message));
}

void SendBatch::close()
{
    m_closed = true;
    if (m_session)
        m_session->setMoreMessagesExpected(false);
}

void SendBatch::cancel()
{
    if (m_session) {
        m_session->cancel();
    } else if (!m_finished) {
        m_finished = true;
        m_error = {SmtpErrorCategory::Cancelled, std::nullopt, std::nullopt,
                   tr("Sending was cancelled."), {},           false};
        QTimer::singleShot(0, this, [this] { emit finished(m_error); });
    }
}

void SendBatch::onDataEndPrepared(int index)
{
    QString error;
    if (m_ledger && !m_ledger->recordSending(m_keys.value(index), &error)) {
        m_recordErrors.insert(
            index, {SmtpErrorCategory::Input, std::nullopt, std::nullopt,
                    tr("Not sent: Sendscope could not record that the message is being sent."), error, true});
        m_session->cancel(); // before the end of data leaves: nothing is delivered
        return;
    }
    m_dataEndSent.insert(index, true);
}

void SendBatch::onMessageFinished(int index, const MessageResult &result)
{
    SendReport report;
    report.draftId = m_keys.value(index);
    report.finishedAt = QDateTime::currentDateTime();
    report.takeRecipientsAndReply(result);
    report.error = result.error;
    const bool silentAfterDataEnd = m_dataEndSent.value(index) && !result.error.reply.has_value();
    if (m_recordErrors.contains(index)) {
        report.outcome = SendReport::Outcome::Failed;
        report.error = m_recordErrors.value(index);
    } else if (result.outcome == MessageResult::Outcome::Sent) {
        report.outcome = SendReport::Outcome::Sent;
        ++m_sentCount;
    } else if (result.outcome == MessageResult::Outcome::PartiallySent) {
        report.outcome = SendReport::Outcome::PartiallySent;
        ++m_sentCount;
    } else if (result.error.deliveryUncertain || silentAfterDataEnd) {
        report.outcome = SendReport::Outcome::Uncertain;
        report.error.deliveryUncertain = true;
    } else if (result.error.category == SmtpErrorCategory::Cancelled) {
        report.outcome = SendReport::Outcome::Cancelled;
    } else {
        report.outcome = SendReport::Outcome::Failed;
    }
    QString error;
    if (m_ledger && !m_ledger->recordOutcome(report.draftId, report, &error)) {
        TranscriptEntry entry;
        entry.timestamp = QDateTime::currentDateTime();
        entry.kind = TranscriptEntry::Kind::Error;
        entry.text = error;
        emit transcriptEntryAdded(entry);
    }
    emit messageFinished(report.draftId, report);
}
