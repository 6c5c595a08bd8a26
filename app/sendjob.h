#pragma once

#include "account.h"
#include "draft.h"
#include "smtperror.h"
#include "smtpsession.h"
#include "transcriptentry.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslError>
#include <QStringList>

#include <functional>
#include <optional>

class DraftStore;
class OAuthTokens;
struct OAuthError;
class SecretStore;

// What became of one message: the only word on whether it was sent.
struct SendReport
{
    enum class Outcome {
        Sent,          // the server accepted the end of data for every recipient
        PartiallySent, // accepted, but some recipients were refused (they are in refused)
        Failed,        // not sent: nothing was delivered
        Uncertain,     // the end of data left but its reply did not come: it may have been delivered
        Cancelled,     // stopped before the end of data: nothing was delivered
        NotAttempted,  // refused before connecting (already sent, being sent, bad input)
    };
    Outcome outcome = Outcome::Failed;
    SmtpError error; // why, for every outcome but Sent; the refusals for PartiallySent
    QStringList accepted;
    QStringList refused;
    QString serverReply; // the reply to the end of data
    QString queueId;     // the server's queue id, when its reply names one
    QDateTime finishedAt;
    qint64 elapsedMs = 0;
    QByteArray messageId;
    QString draftId;
    bool secretUnavailable = false; // the keychain could not give the password and nobody was asked
    bool signInRequired = false;    // a signed-in account's token could not be renewed: sign in again
    // The extension keywords the server offered (EHLO, after STARTTLS when used), when it got that far:
    // whether a delivery receipt could be asked for, and what to expect the next time.
    std::optional<QStringList> serverExtensions;
    // Of refused, those the server refused for good (5xx, such as 550 "no such user").
    QStringList refusedPermanently;

    bool delivered() const { return outcome == Outcome::Sent || outcome == Outcome::PartiallySent; }
    // The server refused the login itself (535 and the like after AUTH): the password is wrong or has
    // been changed, and typing it again is the fix.
    bool loginRefused() const;
    // Who has the message, the reply to the end of data and the queue id it names, from the session's
    // result: the same for one message (SendJob) and many over one connection (SendBatch).
    void takeRecipientsAndReply(const MessageResult &result);
};
Q_DECLARE_METATYPE(SendReport)

// One message on its way through one SMTP session, handed out by SendService (which alone makes them):
// reads the secret, runs the session, and records the outcome in the outbox before anyone is told.
// Emits finished() exactly once, never from inside the call that created it.
class SendJob : public QObject
{
    Q_OBJECT
public:
    // Asked when the keychain cannot give the password: answer with the secret, or an empty string to
    // give up. Unattended sends (outbox retries) pass none, and then nobody is asked.
    using SecretPrompt = std::function<void(const Account &account, const QString &problem,
                                            std::function<void(const QString &secret)> answer)>;

    ~SendJob() override;

    QString draftId() const { return m_draftId; }
    QByteArray messageId() const { return m_report.messageId; }
    bool isFinished() const { return m_finished; }
    const SendReport &report() const { return m_report; }
    QList<TranscriptEntry> transcript() const { return m_transcript; }
    // After a certificate error: the chain and the reasons, so the window can ask about them.
    QList<QSslCertificate> rejectedCertificateChain() const { return m_rejectedChain; }
    QList<QSslError> rejectedCertificateErrors() const { return m_rejectedErrors; }

    // Stops the session. Once the end of data has left, the message may still arrive (Uncertain).
    void cancel();

signals:
    void transcriptEntryAdded(const TranscriptEntry &entry);
    void statusChanged(const QString &status);
    void progressed(qint64 sent, qint64 total);
    void finished(const SendReport &report);

private:
    friend class SendService;
    SendJob(QString draftId, DraftStore *drafts, SecretStore *secrets, QObject *parent);

    void readSecretThenStart(const Account &account, const SecretPrompt &prompt);
    void readTokenThenStart(const Account &account, bool forceRefresh);
    void failSignIn(const OAuthError &error);
    bool retryWithNewToken(const SmtpError &error);
    void startSession();
    void markSending();
    void onSessionFinished(const SmtpError &error);
    void record();
    void finish(); // emits finished() later, once
    void finishNow(SendReport::Outcome outcome, const SmtpError &error);
    void log(TranscriptEntry::Kind kind, const QString &text);

    QString m_draftId; // empty: nothing durable (the command line)
    DraftStore *m_drafts;
    SecretStore *m_secrets;
    OAuthTokens *m_tokens = nullptr;          // for signed-in accounts
    std::optional<Account> m_signedInAccount; // set when the secret is a token from a sign-in
    bool m_retriedWithNewToken = false;
    SmtpServerSettings m_settings;
    OutgoingMessage m_message;
    QString m_subject;
    QPointer<SmtpSession> m_session;
    SendReport m_report;
    QList<TranscriptEntry> m_transcript;
    QList<QSslCertificate> m_rejectedChain;
    QList<QSslError> m_rejectedErrors;
    QElapsedTimer m_clock;
    bool m_dataEndSent = false;
    bool m_cancelled = false;
    bool m_finished = false;
    bool m_announceSections = false; // a header and footer line around the session, for windows
    QStringList m_requestNotes;      // what the message asks of its recipients, said at the start
    QString m_accountId;             // whose server's extensions to remember
    QString m_accountServer;         // Account::serverKey of that account
};
