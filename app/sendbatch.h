#pragma once

#include "account.h"
#include "outgoingmessage.h"
#include "sendjob.h"
#include "smtperror.h"
#include "smtpserversettings.h"
#include "transcriptentry.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

class SecretStore;
class SendLedger;
class SmtpSession;

// Many messages over one connection, fed one at a time (bulk sending): handed out by SendService. Logs
// in once, then waits for messages; each one is recorded in the ledger as Sending before its end of
// data leaves and with its outcome after, so at most one message at a time can be in doubt.
class SendBatch : public QObject
{
    Q_OBJECT
public:
    ~SendBatch() override;

    // Queues a message under key; it goes once the ones before it are through.
    void add(const QString &key, OutgoingMessage message);
    // No more messages: QUIT after the last one.
    void close();
    void cancel();
    bool isWaiting() const { return m_waiting; }
    int messagesSent() const { return m_sentCount; }
    // The server's SIZE limit once logged in (0: none announced).
    qint64 sizeLimit() const { return m_sizeLimit; }

signals:
    void transcriptEntryAdded(const TranscriptEntry &entry);
    // Logged in and every message given so far is through: time for the next one.
    void waitingForMessage();
    void messageFinished(const QString &key, const SendReport &report);
    // The connection is over (after close(), a failure or a cancel). Every message given has had its
    // messageFinished() by then.
    void finished(const SmtpError &error);

private:
    friend class SendService;
    SendBatch(SmtpServerSettings settings, SendLedger *ledger, SecretStore *secrets, QObject *parent);

    void readSecretThenStart(const Account &account, const SendJob::SecretPrompt &prompt);
    void startSession();
    void onDataEndPrepared(int index);
    void onMessageFinished(int index, const MessageResult &result);

    SmtpServerSettings m_settings;
    SendLedger *m_ledger;
    SecretStore *m_secrets;
    QPointer<SmtpSession> m_session;
    QStringList m_keys;                    // by the session's message index
    std::vector<OutgoingMessage> m_queued; // given before the session started
    QHash<int, bool> m_dataEndSent;
    QHash<int, SmtpError> m_recordErrors;
    SmtpError m_error;
    bool m_waiting = false;
    bool m_closed = false;
    bool m_finished = false;
    int m_sentCount = 0;
    qint64 m_sizeLimit = 0;
};
