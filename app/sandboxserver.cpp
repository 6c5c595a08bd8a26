#include "sandboxserver.h"

#include "privatefiles.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTemporaryFile>
#include <QTimer>

namespace {
// What is read from a socket at a time, and what Qt may buffer for it: a client that sends faster than
// the sandbox writes to disk is slowed down by TCP instead of filling memory.
constexpr qint64 kReadChunk = 64 * 1024;
// Replies waiting for a client that does not read them: input is not processed beyond this.
constexpr qint64 kMaxUnreadReplies = 64 * 1024;

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

// A browser can be made to POST to 127.0.0.1:port by any web page; its request lines must never be run
// as SMTP commands (the cross-protocol attack Postfix also hangs up on).
bool looksLikeHttp(const QByteArray &line)
{
    for (const char *start : {"GET ", "POST ", "CONNECT ", "HEAD ", "PUT "}) {
        if (line.startsWith(start))
            return true;
    }
    return line.toLower().startsWith("host:");
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

QString SandboxServer::randomPassword()
{
    QByteArray random(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), random.size() / 4);
    return QString::fromLatin1(
        random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool SandboxServer::start(quint16 port)
{
    if (!PrivateFiles::makeFolder(m_store)) {
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
        socket->setReadBufferSize(kReadChunk);
        if (m_connections.size() >= m_limits.connections) {
            connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
            socket->write("421 4.7.0 sandbox.sendscope.invalid Too many connections, try again later\r\n");
            socket->disconnectFromHost();
            QTimer::singleShot(m_limits.idleTimeoutMs, socket, &QAbstractSocket::abort);
            continue;
        }
        Connection connection;
        connection.idle = new QTimer(socket);
        connection.idle->setSingleShot(true);
        connection.idle->setInterval(m_limits.idleTimeoutMs);
        connect(connection.idle, &QTimer::timeout, this, [this, socket] {
            auto it = m_connections.find(socket);
            if (it == m_connections.end())
                return;
            if (it->closing)
                socket->abort(); // hung up earlier, but the client does not even read the last reply
            else
                hangUp(socket, *it, "421 4.4.2 sandbox.sendscope.invalid Idle for too long, closing\r\n");
        });
        connection.idle->start();
        m_connections.insert(socket, connection);
        connect(socket, &QSslSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        // Input waits while the client does not read its replies; it goes on once they are written.
        connect(socket, &QSslSocket::bytesWritten, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QSslSocket::encryptedBytesWritten, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QSslSocket::encrypted, this, [this, socket] {
            auto it = m_connections.find(socket);
            if (it != m_connections.end())
                it->encrypted = true;
        });
        connect(socket, &QSslSocket::disconnected, this, [this, socket] {
            m_connections.remove(socket); // the unfinished message's temporary file goes with it
            socket->deleteLater();
            emit connectionClosed();
        });
        socket->write(
            "220 sandbox.sendscope.invalid ESMTP Sendscope local sandbox: nothing leaves this computer\r\n");
    }
}

void SandboxServer::hangUp(QSslSocket *socket, Connection &connection, const QByteArray &reply)
{
    connection.closing = true;
    connection.buffer.clear();
    connection.message.reset();
    if (!reply.isEmpty())
        socket->write(reply);
    // Later, not now: with nothing left to write, disconnectFromHost() emits disconnected() at once, which
    // would remove the connection its caller is still working on.
    QMetaObject::invokeMethod(socket, &QAbstractSocket::disconnectFromHost, Qt::QueuedConnection);
    connection.idle->start(); // bounds how long a client that does not read can keep it half-closed
}

void SandboxServer::onReadyRead(QSslSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    if (it->closing) {
        socket->readAll(); // discarded: nothing after a hang-up is acted on
        return;
    }
    if (socket->bytesAvailable() > 0)
        it->idle->start();
    while (socket->bytesAvailable() > 0 && socket->bytesToWrite() <= kMaxUnreadReplies) {
        it = m_connections.find(socket);
        if (it == m_connections.end() || it->closing)
            return;
        it->buffer += socket->read(kReadChunk);
        process(socket, *it);
        if (socket->mode() == QSslSocket::SslServerMode && !it->encrypted)
            return; // STARTTLS accepted: the rest arrives encrypted
    }
}

void SandboxServer::process(QSslSocket *socket, Connection &connection)
{
    while (!connection.closing) {
        if (connection.bdatRemaining > 0) {
            const qint64 take = std::min<qint64>(connection.bdatRemaining, connection.buffer.size());
            if (take == 0)
                return;
            if (!appendToMessage(socket, connection, connection.buffer.left(take)))
                return;
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
        const qsizetype cap = connection.inData ? m_limits.dataLine : m_limits.commandLine;
        if (end < 0 ? connection.buffer.size() > cap : end + 2 > cap) {
            hangUp(socket, connection, "500 5.5.6 Line too long\r\n");
            return;
        }
        if (end < 0)
            return;
        const QByteArray line = connection.buffer.left(end);
        connection.buffer.remove(0, end + 2);
        if (connection.inData) {
            if (line == ".") {
                connection.inData = false;
                store(socket, connection);
            } else if (!appendToMessage(socket, connection,
                                        (line.startsWith('.') ? line.mid(1) : line) + "\r\n")) {
                return;
            }
            continue;
        }
        if (looksLikeHttp(line)) {
            hangUp(socket, connection, {});
            return;
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
                           QByteArray::number(m_limits.messageSize) + "\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n";
        if (!m_certificate.isNull() && !connection.encrypted)
            reply += "250-STARTTLS\r\n";
        // Like real submission servers: no password is asked for in clear text when TLS is available.
        if (!m_user.isEmpty() && (connection.encrypted || m_certificate.isNull()))
            reply += "250-AUTH PLAIN LOGIN\r\n";
        connection.greeted = true;
        resetTransaction(connection);
        socket->write(reply + "250-ENHANCEDSTATUSCODES\r\n250 CHUNKING\r\n");
    } else if (verb == "HELO") {
        connection.greeted = true;
        resetTransaction(connection);
        socket->write("250 sandbox.sendscope.invalid\r\n");
    } else if (verb == "STARTTLS") {
        if (m_certificate.isNull() || connection.encrypted) {
            socket->write("502 5.5.1 STARTTLS not available\r\n");
            return;
        }
        // RFC 3207: anything the client pipelined behind STARTTLS is discarded, never run inside TLS.
        QTimer *idle = connection.idle;
        connection = Connection{};
        connection.idle = idle;
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
        if (!quotaLeft(0)) {
            socket->write("452 4.3.1 The sandbox mailbox is full: delete some messages\r\n");
            return;
        }
        resetTransaction(connection);
        connection.sender = between(line, '<', '>');
        connection.mailGiven = true;
        socket->write("250 2.1.0 Sender ok\r\n");
    } else if (verb == "RCPT") {
        if (!mailAllowed(socket, connection))
            return;
        if (!connection.mailGiven) {
            socket->write("503 5.5.1 MAIL first\r\n");
            return;
        }
        if (connection.recipients.size() >= m_limits.recipients) {
            socket->write("452 4.5.3 Too many recipients\r\n");
            return;
        }
        connection.recipients << between(line, '<', '>');
        socket->write("250 2.1.5 Recipient ok\r\n");
    } else if (verb == "DATA") {
        if (!connection.mailGiven || connection.recipients.isEmpty()) {
            socket->write("503 5.5.1 No recipients\r\n");
            return;
        }
        if (connection.message) {
            socket->write("503 5.5.1 BDAT already started\r\n");
            return;
        }
        if (!beginMessage(socket, connection))
            return;
        connection.inData = true;
        socket->write("354 End data with <CR><LF>.<CR><LF>\r\n");
    } else if (verb == "BDAT") {
        handleBdat(socket, connection, line);
    } else if (verb == "RSET") {
        resetTransaction(connection);
        socket->write("250 2.0.0 Ok\r\n");
    } else if (verb == "NOOP") {
        socket->write("250 2.0.0 Ok\r\n");
    } else if (verb == "QUIT") {
        hangUp(socket, connection, "221 2.0.0 Bye\r\n");
    } else {
        socket->write("502 5.5.2 Command not recognised\r\n");
    }
}

void SandboxServer::handleBdat(QSslSocket *socket, Connection &connection, const QByteArray &line)
{
    // The chunk follows the command without waiting for a reply, so after any refusal the server cannot
    // tell data from commands: every refusal here hangs up (RFC 3030 leaves no other safe choice).
    const QList<QByteArray> words = line.split(' ');
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,18}$"));
    const QByteArray size = words.value(1);
    const bool last = words.size() == 3 && words.at(2).toUpper() == "LAST";
    if (!digits.match(QString::fromLatin1(size)).hasMatch() || (words.size() != 2 && !last)) {
        hangUp(socket, connection, "501 5.5.4 Syntax: BDAT size [LAST]\r\n");
        return;
    }
    if (!connection.greeted || !connection.mailGiven || connection.recipients.isEmpty() ||
        connection.inData) {
        hangUp(socket, connection, "503 5.5.1 EHLO, MAIL and RCPT first\r\n");
        return;
    }
    const qint64 chunk = size.toLongLong();
    // Checked before a byte of the chunk is read: nothing beyond the limit is ever taken in.
    if (chunk > m_limits.messageSize - connection.messageSize) {
        hangUp(socket, connection, "552 5.3.4 Message too big for the sandbox\r\n");
        return;
    }
    if (!quotaLeft(connection.messageSize + chunk)) {
        hangUp(socket, connection, "452 4.3.1 The sandbox mailbox is full: delete some messages\r\n");
        return;
    }
    if (!connection.message && !beginMessage(socket, connection)) {
        hangUp(socket, connection, {});
        return;
    }
    connection.bdatRemaining = chunk;
    connection.bdatLast = last;
    if (chunk == 0) {
        if (last)
            store(socket, connection);
        else
            socket->write("250 2.0.0 Chunk received\r\n");
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

bool SandboxServer::quotaLeft(qint64 adding) const
{
    // Counted from the folder each time: the mailbox window deletes messages, and other runs added some.
    const QFileInfoList files = QDir(m_store).entryInfoList({QStringLiteral("*.eml")}, QDir::Files);
    qint64 bytes = adding;
    for (const QFileInfo &info : files)
        bytes += info.size();
    return files.size() < m_limits.storedMessages && bytes <= m_limits.storedBytes;
}

bool SandboxServer::beginMessage(QSslSocket *socket, Connection &connection)
{
    // Not an .eml until it is complete, so the mailbox never shows half a message. 0600, like every file
    // Sendscope writes.
    auto file = std::make_shared<QTemporaryFile>(QDir(m_store).filePath(QStringLiteral(".incoming-XXXXXX")));
    if (!PrivateFiles::makeFolder(m_store) || !file->open()) {
        socket->write("451 4.3.0 Cannot store the message: " + file->errorString().toUtf8() + "\r\n");
        return false;
    }
    connection.message = file;
    connection.messageSize = 0;
    return true;
}

bool SandboxServer::appendToMessage(QSslSocket *socket, Connection &connection, const QByteArray &bytes)
{
    connection.messageSize += bytes.size();
    if (connection.messageSize > m_limits.messageSize) {
        hangUp(socket, connection, "552 5.3.4 Message too big for the sandbox\r\n");
        return false;
    }
    if (connection.message && connection.message->write(bytes) != bytes.size()) {
        hangUp(socket, connection, "451 4.3.0 Cannot store the message\r\n");
        return false;
    }
    return true;
}

void SandboxServer::resetTransaction(Connection &connection)
{
    connection.sender.clear();
    connection.mailGiven = false;
    connection.recipients.clear();
    connection.inData = false;
    connection.bdatRemaining = 0;
    connection.bdatLast = false;
    connection.messageSize = 0;
    connection.message.reset();
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
    } else if (++connection.authFailures >= m_limits.authFailures) {
        hangUp(socket, connection, "421 4.7.0 Too many failed logins, closing\r\n");
    } else {
        socket->write("535 5.7.8 Authentication credentials invalid\r\n");
    }
}

void SandboxServer::store(QSslSocket *socket, Connection &connection)
{
    if (connection.recipients.isEmpty() || !connection.message) {
        socket->write("554 5.5.1 No valid recipients\r\n");
        resetTransaction(connection);
        return;
    }
    if (!quotaLeft(connection.messageSize)) {
        socket->write("452 4.3.1 The sandbox mailbox is full: delete some messages\r\n");
        resetTransaction(connection);
        return;
    }
    const QString path = QDir(m_store).filePath(
        QStringLiteral("%1-%2.eml")
            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")))
            .arg(++m_counter));
    QTemporaryFile &file = *connection.message;
    if (!file.flush() || !file.rename(path)) {
        socket->write("451 4.3.0 Cannot store the message: " + file.errorString().toUtf8() + "\r\n");
        resetTransaction(connection);
        return;
    }
    file.setAutoRemove(false);
    file.close();
    m_stored << path;
    socket->write("250 2.0.0 Stored as " + QFileInfo(path).fileName().toUtf8() + "\r\n");
    const QString sender = connection.sender;
    const QStringList recipients = connection.recipients;
    resetTransaction(connection);
    emit messageStored(path, sender, recipients);
}
