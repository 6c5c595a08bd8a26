#pragma once

#include "bodyencoder.h"
#include "outgoingmessage.h"
#include "replyparser.h"
#include "saslmechanism.h"
#include "smtpcommand.h"
#include "smtperror.h"
#include "smtpserversettings.h"
#include "transcriptentry.h"

#include <QAbstractSocket>
#include <QByteArrayList>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QSslError>
#include <QSslSocket>
#include <QStringList>
#include <QTimer>

#include <deque>
#include <map>
#include <memory>
#include <vector>

// What happened to one recipient of one message.
struct RecipientResult
{
    QString address;
    SmtpReply reply;
    bool accepted = false;
    bool deferred = false; // 452 "too many recipients": sent in a further transaction
};

struct MessageResult
{
    enum class Outcome { NotSent, Sent, PartiallySent, Failed };
    Outcome outcome = Outcome::NotSent;
    QList<RecipientResult> recipients; // final status per recipient (accepted or the refusing reply)
    SmtpReply finalReply;              // the reply to the end of data
    SmtpError error;                   // set when outcome is Failed (or the refused ones when Partially)
    qint64 bytesSent = 0;
    int transactions = 0; // > 1 when 452 split the recipients
    QStringList refusedAddresses() const;
};

// An asynchronous SMTP client session on QSslSocket: connect, (TLS), EHLO, (STARTTLS, EHLO), (AUTH), then
// one transaction per message, then QUIT. An explicit state machine: every reply is handled in
// handleReply(), every transition goes through setState() and is logged to the transcript.
//
// Usage: create, addMessage() zero or more times, start(). With no messages the session tests the
// connection (connect, TLS, EHLO, AUTH, QUIT). finished() is emitted exactly once; the session can be
// cancelled at any time, after which it emits finished() with category Cancelled and closes the socket.
class SmtpSession : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Idle,
        Connecting,
        TlsHandshake, // implicit TLS, before the greeting
        AwaitingGreeting,
        Ehlo,
        Helo,
        StartTls,
        StartTlsHandshake,
        Authenticating,
        MailTransaction, // MAIL FROM / RCPT TO / DATA or BDAT commands outstanding
        SendingBody,
        AwaitingDataEnd,
        AwaitingMessage, // connected and logged in, every message done; more may be added (bulk sending)
        Resetting,
        Quitting,
        Finished,
    };
    Q_ENUM(State)

    explicit SmtpSession(SmtpServerSettings settings, QObject *parent = nullptr);
    ~SmtpSession() override;

    // Before start() or, with more messages expected, while the session waits for one.
    void addMessage(OutgoingMessage message);
    // When on, the session does not QUIT after the last message but waits in AwaitingMessage and emits
    // messagesRanOut(), so a sender can feed messages one at a time over one connection (and pace them).
    // Turning it off while waiting ends the session with QUIT.
    void setMoreMessagesExpected(bool on);
    // After a session that ended before any message data left (a refused login): the messages back,
    // so that a caller can send them on a new session.
    std::vector<OutgoingMessage> takeMessages();
    void start();
    void cancel();

    State state() const { return m_state; }
    // Extensions from the last EHLO reply, keyword upper-cased -> parameters ("SIZE" -> "35882577").
    const std::map<QByteArray, QByteArray> &extensions() const { return m_extensions; }
    bool hasExtension(const QByteArray &keyword) const { return m_extensions.count(keyword) != 0; }
    // True once the server answered EHLO (or HELO) on the connection as it will be used (after STARTTLS
    // when the account asks for it): then extensions() is what the server offers, not just unknown.
    bool extensionsKnown() const { return m_extensionsKnown; }
    QByteArray authenticatedMechanism() const { return m_authMechanismName; }
    bool isEncrypted() const;
    const QList<MessageResult> &results() const { return m_results; }
    const SmtpError &error() const { return m_error; }
    const QList<TranscriptEntry> &transcript() const { return m_transcript; }
    int clientFlights() const { return m_flight; }
    // After a Certificate error: the chain the server presented and why it was not trusted, so the UI can
    // show it and offer to trust exactly that certificate.
    QList<QSslCertificate> rejectedCertificateChain() const { return m_rejectedChain; }
    QList<QSslError> rejectedCertificateErrors() const { return m_rejectedErrors; }
    // Whether a pinned fingerprint may accept a certificate despite these errors. A pin says "I know this
    // certificate", which answers an unknown issuer, a self-signature, a name or a date, but not a
    // revocation or Qt's blacklist of stolen certificates: those stay refused.
    static bool pinMayOverride(const QList<QSslError> &errors);

    // Upper bound of body bytes queued in the socket, so a 200 MB message is never buffered whole. The
    // chunk is what one read() and one TLS write pass handle. One 64 KiB chunk at a time: each transmit
    // pass of QSslSocket grows OpenSSL's memory BIO, a buffer it reads the records into and the TCP
    // socket's write buffer to the size of everything queued, and at 256 KiB those blocks were above
    // glibc's mmap threshold, so every pass got fresh zeroed pages from the kernel (perf: page faults
    // under QAbstractSocket::writeData and BUF_MEM_grow_clean). A 50 MB send, interleaved runs: minor
    // faults 16 300 -> 1 100, client CPU 107 -> 72 ms (curl 79), wall time 358 -> 309 ms (curl 352).
    static constexpr qint64 kSocketHighWater = 64 * 1024;
    static constexpr qint64 kReadChunk = 64 * 1024;

signals:
    void transcriptEntryAdded(const TranscriptEntry &entry);
    void stateChanged(SmtpSession::State state);
    void bytesSent(qint64 sent, qint64 total); // body bytes of the current message
    void messageFinished(int index, const MessageResult &result);
    // The end of the message's data is about to be written: once it leaves, the server may deliver the
    // message even if its reply never arrives. Emitted synchronously, before any byte of it is written,
    // so a slot can record that the message is being sent; cancel() from the slot stops it from leaving.
    void dataEndPrepared(int index);
    // Every message added so far is through and more are expected (setMoreMessagesExpected).
    void messagesRanOut();
    // Emitted once. error.category == None when every message was sent (some recipients may be refused:
    // see results()).
    void finished(const SmtpError &error);

private:
    struct PendingCommand
    {
        SmtpCommand command;
        int recipientIndex = -1;
    };
    // A command of the mail transaction not yet written (without PIPELINING they go one at a time).
    struct TransactionCommand
    {
        SmtpCommand command;
        QByteArray line;
        int recipientIndex = -1;
    };

    // Socket events
    void onConnected();
    void onEncrypted();
    void onReadyRead();
    void onSocketError(QAbstractSocket::SocketError error);
    void onSslErrors(const QList<QSslError> &errors);
    void onDisconnected();
    void onBytesWritten();

    // The one place that handles each reply
    void handleReply(const SmtpReply &reply);
    void handleGreeting(const SmtpReply &reply);
    void handleEhlo(const SmtpReply &reply);
    void handleHelo(const SmtpReply &reply);
    void handleStartTls(const SmtpReply &reply);
    void handleAuth(const SmtpReply &reply);
    void handleMailFrom(const SmtpReply &reply);
    void handleRcptTo(const SmtpReply &reply, int recipientIndex);
    void handleData(const SmtpReply &reply);
    void handleDataEnd(const SmtpReply &reply);
    void handleRset(const SmtpReply &reply);
    void handleQuit(const SmtpReply &reply);

    // Steps
    void setState(State state);
    void acknowledgeNow();
    void sendEhlo();
    void afterEhlo();
    void startAuthentication();
    void startNextTransaction();
    void beginTransaction();
    void sendNextTransactionCommands();
    bool validateMessage(const OutgoingMessage &message, SmtpError *error) const;
    QByteArray encodeAddress(const QString &address, bool smtpUtf8) const;
    bool messageNeedsSmtpUtf8(const OutgoingMessage &message) const;
    void failCurrentMessage(const SmtpError &error);
    void startBody();
    void pumpBody();
    QByteArray &freeBodyBuffer();
    void finishMessage(MessageResult::Outcome outcome, const SmtpError &error = {});
    void finishTransaction(const SmtpReply &reply);
    void advance();
    void teardown(bool polite);
    void sendQuit();
    void finishSession(const SmtpError &error);
    void fail(const SmtpError &error);
    void failWithReply(SmtpCommand command, const SmtpReply &reply);
    void failProtocol(const QString &summary, const QString &explanation);
    static bool replyAllowed(SmtpCommand command, const SmtpReply &reply);
    void failUnexpectedReply(SmtpCommand command, const SmtpReply &reply);

    // Writing
    void queueCommand(SmtpCommand command, const QByteArray &line, const QString &shownAs = {},
                      int recipientIndex = -1);
    void flush();
    void writeRaw(const QByteArray &data);

    // Transcript
    void log(TranscriptEntry::Kind kind, const QString &text);
    void logReply(const SmtpReply &reply);
    void logTlsDetails();
    QString ehloName() const;
    QByteArray mailFromParameters(const OutgoingMessage &message) const;
    QByteArray rcptToParameters(const OutgoingMessage &message, const QString &recipient) const;
    static QByteArray xtext(const QByteArray &value);
    static QByteArray dsnMailParameters(const DsnOptions &dsn); // " RET=HDRS ENVID=..."
    static QByteArray dsnNotify(const DsnOptions &dsn);         // " NOTIFY=SUCCESS,FAILURE"

    void armReplyTimer();
    void stopTimers();

    SmtpServerSettings m_settings;
    QSslSocket *m_socket = nullptr;
    QTimer m_replyTimer;
    QTimer m_sessionTimer;
    QTimer m_connectTimer;
    ReplyParser m_parser;
    State m_state = State::Idle;
    QList<QSslCertificate> m_rejectedChain;
    QElapsedTimer m_flightTimer; // since the first command of the flight still waiting for replies
    QList<QSslError> m_rejectedErrors;
    SmtpError m_error;
    bool m_finished = false;

    std::deque<PendingCommand> m_pending; // commands sent, reply not yet received, in order
    QByteArray m_outBuffer;               // commands of the current flight, written by flush()
    int m_flight = 0;
    bool m_flightOpen = false;

    std::map<QByteArray, QByteArray> m_extensions;
    bool m_ehloAfterTls = false;
    bool m_extensionsKnown = false;
    std::unique_ptr<SaslMechanism> m_sasl;
    QByteArray m_authMechanismName;
    QByteArrayList m_triedMechanisms;

    std::vector<OutgoingMessage> m_messages;
    QList<MessageResult> m_results;
    int m_current = -1;
    QList<int> m_transactionRecipients; // indices into the current message's recipients
    QList<int> m_deferredRecipients;
    std::deque<TransactionCommand> m_txQueue;
    int m_acceptedInTransaction = 0;
    bool m_transactionOpen = false; // MAIL FROM accepted and the transaction not yet ended
    bool m_needRset = false;
    bool m_mailRejected = false;
    bool m_pipelining = false;
    SmtpError m_transactionError; // the first refusal in the current transaction
    bool m_useBdat = false;
    bool m_bodyPipelined = false; // BDAT: body written right behind the command
    std::unique_ptr<BodyEncoder> m_encoder;
    std::deque<QByteArray> m_bodyBuffers; // chunks shared with the socket, reused once it lets go
    QByteArray m_readChunk;               // what the encoder reads from (not with pass-through)
    qint64 m_bodyWritten = 0;             // encoded bytes handed to the socket
    qint64 m_bodyTotal = 0;
    bool m_bodyDone = false;
    bool m_dataEndAnnounced = false;
    bool m_moreExpected = false;

    QList<TranscriptEntry> m_transcript;
    QElapsedTimer m_clock;
};
