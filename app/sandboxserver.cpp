#include "sandboxserver.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTcpSocket>

namespace {
constexpr qsizetype kMaxLine = 4096;

QString between(const QByteArray &line, char open, char close)
{
    const qsizetype start = line.indexOf(open);
    const qsizetype end = line.indexOf(close, start + 1);
    return start >= 0 && end > start ? QString::fromUtf8(line.mid(start + 1, end - start - 1)) : QString();
}
} // namespace

SandboxServer::SandboxServer(QString storeDirectory, QObject *parent)
    : QObject(parent)
    , m_store(std::move(storeDirectory))
{
    connect(&m_server, &QTcpServer::newConnection, this, &SandboxServer::onNewConnection);
}

SandboxServer::~SandboxServer() = default;

bool SandboxServer::start(quint16 port)
{
    if (!QDir().mkpath(m_store)) {
        m_error = tr("Cannot create the sandbox folder %1.").arg(m_store);
        return false;
    }
    if (!m_server.listen(QHostAddress::LocalHost, port)) {
        m_error = tr("The sandbox server cannot listen on port %1: %2").arg(port).arg(m_server.errorString());
        return false;
    }
    return true;
}

quint16 SandboxServer::port() const
{
    return m_server.serverPort();
}

void SandboxServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        m_connections.insert(socket, Connection{});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_connections.remove(socket);
            socket->deleteLater();
        });
        socket->write(
            "220 sandbox.sendscope.invalid ESMTP Sendscope local sandbox: nothing leaves this computer\r\n");
    }
}

void SandboxServer::onReadyRead(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    Connection &connection = *it;
    connection.buffer += socket->readAll();
    while (true) {
        if (connection.bdatRemaining > 0) {
            const qint64 take = std::min<qint64>(connection.bdatRemaining, connection.buffer.size());
            connection.message += connection.buffer.left(take);
            connection.buffer.remove(0, take);
            connection.bdatRemaining -= take;
            if (connection.bdatRemaining > 0)
                return;
            if (connection.bdatLast)
                store(socket, connection);
            else
                socket->write("250 2.0.0 Chunk received\r\n");
            continue;
        }
        const qsizetype end = connection.buffer.indexOf("\r\n");
        if (end < 0) {
            if (connection.buffer.size() > kMaxLine && !connection.inData) {
                socket->write("500 5.5.6 Line too long\r\n");
                socket->disconnectFromHost();
            }
            return;
        }
        const QByteArray line = connection.buffer.left(end);
        connection.buffer.remove(0, end + 2);
        if (connection.inData) {
            if (line == ".") {
                connection.inData = false;
                store(socket, connection);
            } else {
                connection.message += (line.startsWith('.') ? line.mid(1) : line) + "\r\n";
                if (connection.message.size() > kSizeLimit) {
                    socket->write("552 5.3.4 Message too big for the sandbox\r\n");
                    socket->disconnectFromHost();
                    return;
                }
            }
            continue;
        }
        handleLine(socket, connection, line);
    }
}

void SandboxServer::handleLine(QTcpSocket *socket, Connection &connection, const QByteArray &line)
{
    // split(), not left(indexOf(' ')): in Qt 6 left(-1) is empty, which would lose "QUIT" and "DATA".
    const QByteArray verb = line.split(' ').value(0).toUpper();
    if (verb == "EHLO") {
        socket->write("250-sandbox.sendscope.invalid greets you\r\n250-PIPELINING\r\n250-SIZE " +
                      QByteArray::number(kSizeLimit) + "\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n" +
                      "250-ENHANCEDSTATUSCODES\r\n250 CHUNKING\r\n");
    } else if (verb == "HELO") {
        socket->write("250 sandbox.sendscope.invalid\r\n");
    } else if (verb == "MAIL") {
        connection.sender = between(line, '<', '>');
        connection.recipients.clear();
        connection.message.clear();
        socket->write("250 2.1.0 Sender ok\r\n");
    } else if (verb == "RCPT") {
        connection.recipients << between(line, '<', '>');
        socket->write("250 2.1.5 Recipient ok\r\n");
    } else if (verb == "DATA") {
        if (connection.recipients.isEmpty()) {
            socket->write("503 5.5.1 No recipients\r\n");
            return;
        }
        connection.inData = true;
        socket->write("354 End data with <CR><LF>.<CR><LF>\r\n");
    } else if (verb == "BDAT") {
        const QList<QByteArray> words = line.split(' ');
        connection.bdatRemaining = words.value(1).toLongLong();
        connection.bdatLast = words.value(2).toUpper() == "LAST";
        if (connection.bdatRemaining == 0 && connection.bdatLast)
            store(socket, connection);
    } else if (verb == "RSET") {
        const QByteArray pending = connection.buffer;
        connection = Connection{};
        connection.buffer = pending;
        socket->write("250 2.0.0 Ok\r\n");
    } else if (verb == "NOOP") {
        socket->write("250 2.0.0 Ok\r\n");
    } else if (verb == "QUIT") {
        socket->write("221 2.0.0 Bye\r\n");
        socket->disconnectFromHost();
    } else {
        socket->write("502 5.5.2 Command not recognised\r\n");
    }
}

void SandboxServer::store(QTcpSocket *socket, Connection &connection)
{
    if (connection.recipients.isEmpty()) {
        socket->write("554 5.5.1 No valid recipients\r\n");
        connection.message.clear();
        return;
    }
    const QString path = QDir(m_store).filePath(
        QStringLiteral("%1-%2.eml")
            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")))
            .arg(++m_counter));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(connection.message) != connection.message.size()) {
        socket->write("451 4.3.0 Cannot store the message: " + file.errorString().toUtf8() + "\r\n");
        return;
    }
    file.close();
    m_stored << path;
    socket->write("250 2.0.0 Stored as " + QFileInfo(path).fileName().toUtf8() + "\r\n");
    emit messageStored(path, connection.sender, connection.recipients);
    connection.message.clear();
    connection.recipients.clear();
}
