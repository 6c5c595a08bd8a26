#include "sandboxserver.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSslConfiguration>
#include <QSslSocket>

namespace {
constexpr qsizetype kMaxLine = 4096;

// Hands out QSslSocket connections, so a plain connection can be upgraded by STARTTLS.
class SslCapableServer : public QTcpServer
{
public:
    using QTcpServer::QTcpServer;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        if (socket->setSocketDescriptor(descriptor))
            addPendingConnection(socket);
        else
            delete socket;
    }
};

QString between(const QByteArray &line, char open, char close)
{
    const qsizetype start = line.indexOf(open);
    const qsizetype end = line.indexOf(close, start + 1);
    return start >= 0 && end > start ? QString::fromUtf8(line.mid(start + 1, end - start - 1)) : QString();
}
} // namespace

SandboxServer::SandboxServer(QString storeDirectory, QObject *parent)
    : QObject(parent)
    , m_server(std::make_unique<SslCapableServer>())
    , m_store(std::move(storeDirectory))
{
    connect(m_server.get(), &QTcpServer::newConnection, this, &SandboxServer::onNewConnection);
}

void SandboxServer::setTls(const QSslCertificate &certificate, const QSslKey &key)
{
    m_certificate = certificate;
    m_key = key;
}

void SandboxServer::setCredentials(const QString &user, const QString &password)
{
    m_user = user;
    m_password = password;
}

SandboxServer::~SandboxServer() = default;

bool SandboxServer::start(quint16 port)
{
    if (!QDir().mkpath(m_store)) {
        m_error = tr("Cannot create the sandbox folder %1.").arg(m_store);
        return false;
    }
    if (!m_server->listen(QHostAddress::LocalHost, port)) {
        m_error =
            tr("The sandbox server cannot listen on port %1: %2").arg(port).arg(m_server->errorString());
        return false;
    }
    return true;
}

quint16 SandboxServer::port() const
{
    return m_server->serverPort();
}

void SandboxServer::onNewConnection()
{
    while (auto *socket = static_cast<QSslSocket *>(m_server->nextPendingConnection())) {
        socket->setParent(this);
        m_connections.insert(socket, Connection{});
        connect(socket, &QSslSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QSslSocket::encrypted, this, [this, socket] {
            auto it = m_connections.find(socket);
            if (it != m_connections.end())
                it->encrypted = true;
        });
        connect(socket, &QSslSocket::disconnected, this, [this, socket] {
            m_connections.remove(socket);
            socket->deleteLater();
            emit connectionClosed();
        });
        socket->write(
            "220 sandbox.sendscope.invalid ESMTP Sendscope local sandbox: nothing leaves this computer\r\n");
    }
}

void SandboxServer::onReadyRead(QSslSocket *socket)
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
        if (connection.authStep != AuthStep::None)
            handleAuthLine(socket, connection, line);
        else
            handleLine(socket, connection, line);
        if (socket->mode() == QSslSocket::SslServerMode && !connection.encrypted)
            return; // STARTTLS accepted: the rest arrives encrypted
    }
}

void SandboxServer::handleLine(QSslSocket *socket, Connection &connection, const QByteArray &line)
{
    // split(), not left(indexOf(' ')): in Qt 6 left(-1) is empty, which would lose "QUIT" and "DATA".
    const QByteArray verb = line.split(' ').value(0).toUpper();
    if (verb == "EHLO") {
        QByteArray reply = "250-sandbox.sendscope.invalid greets you\r\n250-PIPELINING\r\n250-SIZE " +
                           QByteArray::number(kSizeLimit) + "\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n";
        if (!m_certificate.isNull() && !connection.encrypted)
            reply += "250-STARTTLS\r\n";
        // Like real submission servers: no password is asked for in clear text when TLS is available.
        if (!m_user.isEmpty() && (connection.encrypted || m_certificate.isNull()))
            reply += "250-AUTH PLAIN LOGIN\r\n";
        socket->write(reply + "250-ENHANCEDSTATUSCODES\r\n250 CHUNKING\r\n");
    } else if (verb == "HELO") {
        socket->write("250 sandbox.sendscope.invalid\r\n");
    } else if (verb == "STARTTLS") {
        if (m_certificate.isNull() || connection.encrypted) {
            socket->write("502 5.5.1 STARTTLS not available\r\n");
            return;
        }
        // RFC 3207: anything the client pipelined behind STARTTLS is discarded, never run inside TLS.
        connection = Connection{};
        socket->write("220 2.0.0 Ready to start TLS\r\n");
        socket->setLocalCertificate(m_certificate);
        socket->setPrivateKey(m_key);
        socket->setPeerVerifyMode(QSslSocket::VerifyNone);
        socket->startServerEncryption();
    } else if (verb == "AUTH") {
        const QList<QByteArray> words = line.split(' ');
        const QByteArray mechanism = words.value(1).toUpper();
        if (m_user.isEmpty() || (!m_certificate.isNull() && !connection.encrypted)) {
            socket->write("503 5.5.1 AUTH not available now\r\n");
        } else if (connection.authenticated) {
            socket->write("503 5.5.1 Already authenticated\r\n");
        } else if (mechanism == "PLAIN" && words.size() > 2) {
            connection.authStep = AuthStep::PlainResponse;
            handleAuthLine(socket, connection, words.value(2));
        } else if (mechanism == "PLAIN") {
            connection.authStep = AuthStep::PlainResponse;
            socket->write("334 \r\n");
        } else if (mechanism == "LOGIN") {
            connection.authStep = AuthStep::LoginUser;
            if (words.size() > 2) {
                handleAuthLine(socket, connection, words.value(2));
            } else {
                socket->write("334 VXNlcm5hbWU6\r\n"); // "Username:"
            }
        } else {
            socket->write("504 5.5.4 Unrecognized authentication type\r\n");
        }
    } else if (verb == "MAIL") {
        if (!mailAllowed(socket, connection))
            return;
        connection.sender = between(line, '<', '>');
        connection.mailGiven = true;
        connection.recipients.clear();
        connection.message.clear();
        socket->write("250 2.1.0 Sender ok\r\n");
    } else if (verb == "RCPT") {
        if (!mailAllowed(socket, connection))
            return;
        if (!connection.mailGiven) {
            socket->write("503 5.5.1 MAIL first\r\n");
            return;
        }
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
        Connection reset;
        reset.buffer = connection.buffer;
        reset.encrypted = connection.encrypted;
        reset.authenticated = connection.authenticated;
        connection = reset;
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

bool SandboxServer::mailAllowed(QSslSocket *socket, const Connection &connection)
{
    if (!m_certificate.isNull() && !connection.encrypted) {
        socket->write("530 5.7.0 Must issue a STARTTLS command first\r\n");
        return false;
    }
    if (!m_user.isEmpty() && !connection.authenticated) {
        socket->write("530 5.7.0 Authentication required\r\n");
        return false;
    }
    return true;
}

void SandboxServer::handleAuthLine(QSslSocket *socket, Connection &connection, const QByteArray &line)
{
    if (line == "*") {
        connection.authStep = AuthStep::None;
        socket->write("501 5.7.0 Authentication cancelled\r\n");
        return;
    }
    const auto decoded = QByteArray::fromBase64Encoding(line, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        connection.authStep = AuthStep::None;
        socket->write("501 5.5.2 Cannot decode the response\r\n");
        return;
    }
    switch (connection.authStep) {
    case AuthStep::PlainResponse: {
        // authzid NUL authcid NUL password (RFC 4616)
        const QList<QByteArray> parts = decoded.decoded.split('\0');
        connection.authStep = AuthStep::None;
        if (parts.size() != 3) {
            socket->write("501 5.5.2 Malformed PLAIN response\r\n");
            return;
        }
        checkCredentials(socket, connection, QString::fromUtf8(parts.at(1)), parts.at(2));
        return;
    }
    case AuthStep::LoginUser:
        connection.loginUser = QString::fromUtf8(*decoded);
        connection.authStep = AuthStep::LoginPassword;
        socket->write("334 UGFzc3dvcmQ6\r\n"); // "Password:"
        return;
    case AuthStep::LoginPassword:
        connection.authStep = AuthStep::None;
        checkCredentials(socket, connection, connection.loginUser, *decoded);
        return;
    case AuthStep::None:
        return;
    }
}

void SandboxServer::checkCredentials(QSslSocket *socket, Connection &connection, const QString &user,
                                     const QByteArray &password)
{
    if (user == m_user && password == m_password.toUtf8()) {
        connection.authenticated = true;
        socket->write("235 2.7.0 Authentication successful\r\n");
    } else {
        socket->write("535 5.7.8 Authentication credentials invalid\r\n");
    }
}

void SandboxServer::store(QSslSocket *socket, Connection &connection)
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
    connection.mailGiven = false;
}
