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

// The built-in local sandbox: a small SMTP server on loopback that accepts every message and keeps it as an
// .eml file, so that a new user can compose, send and read a transcript within a minute, without a real
// account. It speaks PIPELINING, CHUNKING, 8BITMIME and SMTPUTF8 so the transcript shows them, and
// optionally STARTTLS and AUTH (PLAIN, LOGIN) so a user can rehearse them and see what each step does.
class SandboxServer : public QObject
{
    Q_OBJECT
public:
    explicit SandboxServer(QString storeDirectory, QObject *parent = nullptr);
    ~SandboxServer() override;

    // Listens on 127.0.0.1; port 0 picks a free one. Returns false with errorString() on failure.
    bool start(quint16 port = 0);

    // Offer STARTTLS with this identity (see SandboxCertificate); then mail is refused before TLS.
    void setTls(const QSslCertificate &certificate, const QSslKey &key);
    // Require AUTH PLAIN or LOGIN with these credentials before MAIL.
    void setCredentials(const QString &user, const QString &password);
    quint16 port() const;
    QString errorString() const { return m_error; }
    QString storeDirectory() const { return m_store; }
    QStringList storedMessages() const { return m_stored; }
    qsizetype connectionCount() const { return m_connections.size(); }

    static constexpr qint64 kSizeLimit = 100 * 1024 * 1024;

signals:
    void messageStored(const QString &path, const QString &sender, const QStringList &recipients);
    void connectionClosed();

private:
    enum class AuthStep { None, PlainResponse, LoginUser, LoginPassword };
    struct Connection
    {
        QByteArray buffer;
        bool encrypted = false;
        bool authenticated = false;
        AuthStep authStep = AuthStep::None;
        QString loginUser;
        QString sender;
        bool mailGiven = false;
        QStringList recipients;
        bool inData = false;
        qint64 bdatRemaining = 0;
        bool bdatLast = false;
        QByteArray message;
    };
    void onNewConnection();
    void onReadyRead(QSslSocket *socket);
    void handleLine(QSslSocket *socket, Connection &connection, const QByteArray &line);
    void handleAuthLine(QSslSocket *socket, Connection &connection, const QByteArray &line);
    void checkCredentials(QSslSocket *socket, Connection &connection, const QString &user,
                          const QByteArray &password);
    bool mailAllowed(QSslSocket *socket, const Connection &connection);
    void store(QSslSocket *socket, Connection &connection);

    std::unique_ptr<QTcpServer> m_server;
    QSslCertificate m_certificate;
    QSslKey m_key;
    QString m_user;
    QString m_password;
    QString m_store;
    QString m_error;
    QStringList m_stored;
    QHash<QSslSocket *, Connection> m_connections;
    int m_counter = 0;
};
