#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTcpServer>

class QTcpSocket;

// The built-in local sandbox: a small SMTP server on loopback that accepts every message and keeps it as an
// .eml file, so that a new user can compose, send and read a transcript within a minute, without a real
// account. It speaks PIPELINING, CHUNKING, 8BITMIME and SMTPUTF8 so the transcript shows them.
class SandboxServer : public QObject
{
    Q_OBJECT
public:
    explicit SandboxServer(QString storeDirectory, QObject *parent = nullptr);
    ~SandboxServer() override;

    // Listens on 127.0.0.1; port 0 picks a free one. Returns false with errorString() on failure.
    bool start(quint16 port = 0);
    quint16 port() const;
    QString errorString() const { return m_error; }
    QString storeDirectory() const { return m_store; }
    QStringList storedMessages() const { return m_stored; }

    static constexpr qint64 kSizeLimit = 100 * 1024 * 1024;

signals:
    void messageStored(const QString &path, const QString &sender, const QStringList &recipients);

private:
    struct Connection
    {
        QByteArray buffer;
        QString sender;
        QStringList recipients;
        bool inData = false;
        qint64 bdatRemaining = 0;
        bool bdatLast = false;
        QByteArray message;
    };
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void handleLine(QTcpSocket *socket, Connection &connection, const QByteArray &line);
    void store(QTcpSocket *socket, Connection &connection);

    QTcpServer m_server;
    QString m_store;
    QString m_error;
    QStringList m_stored;
    QHash<QTcpSocket *, Connection> m_connections;
    int m_counter = 0;
};
