#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QStringList>
#include <QTcpServer>

#include <memory>

class QSslSocket;
class QTemporaryFile;
class QTimer;

// The built-in local sandbox: a small SMTP server on loopback that accepts every message and keeps it as an
// .eml file, so that a new user can compose, send and read a transcript within a minute, without a real
// account. It speaks PIPELINING, CHUNKING, 8BITMIME and SMTPUTF8 so the transcript shows them, and
// optionally STARTTLS and AUTH (PLAIN, LOGIN) so a user can rehearse them and see what each step does.
//
// It listens whenever the app runs, so anything on this computer can talk to it: other users, and web
// pages that make the browser POST to 127.0.0.1. Every resource a client can make it use is bounded
// (see Limits), messages are streamed to disk rather than held in memory, and HTTP is hung up on.
class SandboxServer : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kSizeLimit = 100 * 1024 * 1024;
    struct Limits
    {
        qint64 messageSize = kSizeLimit;  // the SIZE offered; DATA and BDAT are cut off beyond it
        qsizetype commandLine = 4096;     // RFC 5321 says 512; AUTH responses may be longer
        qsizetype dataLine = 1000 + 1000; // RFC 5321's 1000 octets, with slack for sloppy clients
        int recipients = 1000;
        int connections = 20;              // simultaneous; more get 421
        int idleTimeoutMs = 5 * 60 * 1000; // without a byte from the client
        int storedMessages = 1000;         // the quota of the store folder: more get 452 4.3.1
        qint64 storedBytes = 1024LL * 1024 * 1024;
        int authFailures = 3; // per connection, then it is closed
    };

    explicit SandboxServer(QString storeDirectory, QObject *parent = nullptr);
    ~SandboxServer() override;

    // Listens on 127.0.0.1; port 0 picks a free one. Returns false with errorString() on failure.
    bool start(quint16 port = 0);

    // Offer STARTTLS with this identity (see SandboxCertificate); then mail is refused before TLS.
    void setTls(const QSslCertificate &certificate, const QSslKey &key);
    // Require AUTH PLAIN or LOGIN with these credentials before MAIL.
    void setCredentials(const QString &user, const QString &password);
    QString user() const { return m_user; }
    QString password() const { return m_password; }
    void setLimits(const Limits &limits) { m_limits = limits; }
    Limits limits() const { return m_limits; }
    quint16 port() const;
    QString errorString() const { return m_error; }
    QString storeDirectory() const { return m_store; }
    QStringList storedMessages() const { return m_stored; }
    qsizetype connectionCount() const { return m_connections.size(); }

    // A password nobody can guess, for a sandbox that only this process may use.
    static QString randomPassword();

signals:
    void messageStored(const QString &path, const QString &sender, const QStringList &recipients);
    void connectionClosed();

private:
    enum class AuthStep { None, PlainResponse, LoginUser, LoginPassword };
    struct Connection
    {
        QByteArray buffer;
        bool closing = false; // hung up: nothing more it sent is acted on
        bool greeted = false;
        bool encrypted = false;
        bool authenticated = false;
        int authFailures = 0;
        AuthStep authStep = AuthStep::None;
        QString loginUser;
        QString sender;
        bool mailGiven = false;
        QStringList recipients;
        bool inData = false;
        qint64 bdatRemaining = 0;
        bool bdatLast = false;
        qint64 messageSize = 0;
        std::shared_ptr<QTemporaryFile> message; // the message being received, streamed to disk
        QTimer *idle = nullptr;
    };
    void onNewConnection();
    void onReadyRead(QSslSocket *socket);
    void process(QSslSocket *socket, Connection &connection);
    void hangUp(QSslSocket *socket, Connection &connection, const QByteArray &reply);
    void handleLine(QSslSocket *socket, Connection &connection, const QByteArray &line);
    void handleBdat(QSslSocket *socket, Connection &connection, const QByteArray &line);
    void handleAuthLine(QSslSocket *socket, Connection &connection, const QByteArray &line);
    void checkCredentials(QSslSocket *socket, Connection &connection, const QString &user,
                          const QByteArray &password);
    bool mailAllowed(QSslSocket *socket, const Connection &connection);
    bool quotaLeft(qint64 adding) const;
    bool beginMessage(QSslSocket *socket, Connection &connection);
    bool appendToMessage(QSslSocket *socket, Connection &connection, const QByteArray &bytes);
    void resetTransaction(Connection &connection);
    void store(QSslSocket *socket, Connection &connection);

    std::unique_ptr<QTcpServer> m_server;
    QSslCertificate m_certificate;
    QSslKey m_key;
    QString m_user;
    QString m_password;
    QString m_store;
    QString m_error;
    QStringList m_stored;
    Limits m_limits;
    QHash<QSslSocket *, Connection> m_connections;
    int m_counter = 0;
};
