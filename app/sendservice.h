#pragma once

#include "draft.h"
#include "mimemessage.h"
#include "outgoingmessage.h"
#include "sendjob.h"
#include "smtpserversettings.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <optional>

class AccountStore;
class DraftStore;
class OAuthTokens;
class SecretStore;
class SendBatch;
class SendLedger;

// The one way a message becomes an SMTP session. The compose window, outbox retries, `sendscope send`
// and bulk sending all ask here; nothing else creates an SmtpSession for a message, and only the jobs
// handed out here record that a message was sent.
//
// A stored message (a draft or an outbox entry) is sent by its id, and its state in the DraftStore is
// the durable truth: it gets its Message-ID when first queued, is marked Sending before the end of data
// leaves and Sent when the server accepts it, and is never sent again after that, by a retry, a second
// click or a restart. A message whose end-of-data reply was lost waits for the person's explicit choice.
class SendService : public QObject
{
    Q_OBJECT
public:
    struct DraftOptions
    {
        SendJob::SecretPrompt prompt; // none: unattended, nobody is asked anything
        bool resendUncertain = false; // the person chose to send a "may have been delivered" message again
        QString sectionTitle;         // shown in the transcript's header line
    };
    // A message that is not stored, for the command line: explicit settings, and the account it is sent
    // with, whose keychain entry holds the secret when settings has none (and the account needs one), and
    // whose server's extensions are remembered.
    struct MessageRequest
    {
        SmtpServerSettings settings;
        std::optional<Account> account;
        OutgoingMessage message;
        SendJob::SecretPrompt prompt;
        QStringList notes; // said in the transcript before the session: see requestNotes()
    };

    SendService(AccountStore *accounts, SecretStore *secrets, DraftStore *drafts, QObject *parent = nullptr);

    // Where the built-in sandbox listens this time (its account's settings are rewritten to it).
    void setSandboxPort(quint16 port) { m_sandboxPort = port; }
    SmtpServerSettings settingsFor(const Account &account) const;
    // The access tokens of signed-in accounts, shared by every send (one refresh per account at a time).
    OAuthTokens *tokens() const { return m_tokens; }

    // Sends the stored message draftId with its account. When a job for it is running already, that
    // job is returned: a second click joins the first send instead of starting another.
    SendJob *sendDraft(const QString &draftId, const DraftOptions &options);
    SendJob *sendDraft(const QString &draftId) { return sendDraft(draftId, DraftOptions{}); }
    SendJob *sendMessage(MessageRequest request);
    SendJob *jobFor(const QString &draftId) const;
    // One connection for many messages, fed one at a time and recorded in ledger (bulk sending). The
    // secret comes from account's keychain entry when settings has none.
    SendBatch *openBatch(const SmtpServerSettings &settings, const std::optional<Account> &account,
                         SendLedger *ledger, const SendJob::SecretPrompt &prompt = {});

    // At start-up: a message left Sending by a process that stopped may have been delivered. It goes to
    // the outbox marked so, and waits for the person. Returns how many.
    int recoverInterruptedSends();

    // The message as it is sent: the envelope and a streaming source. Nothing and error when it cannot
    // be written (an unreadable attachment, a header that would inject another).
    static std::optional<OutgoingMessage> outgoing(const MimeMessage &message, QString *error);
    // What message asks of its recipients (a read receipt, a priority), for the transcript.
    static QStringList requestNotes(const MimeMessage &message);

signals:
    void jobStarted(SendJob *job);
    void jobFinished(SendJob *job, const SendReport &report);

private:
    void track(SendJob *job);

    AccountStore *m_accounts;
    SecretStore *m_secrets;
    DraftStore *m_drafts;
    OAuthTokens *m_tokens = nullptr;
    quint16 m_sandboxPort = 0;
    QHash<QString, QPointer<SendJob>> m_running; // draft id -> its job
};
