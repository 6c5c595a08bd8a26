#include "scriptedsmtpserver.h"

#include <sys/socket.h>

ScriptedSmtpServer::ScriptedSmtpServer(QObject *parent)
    : QTcpServer(parent)
{
    listen(QHostAddress::LocalHost, 0);
}

void ScriptedSmtpServer::setCertificate(const QSslCertificate &certificate, const QSslKey &key)
{
    m_certificate = certificate;
    m_key = key;
}

ScriptedSmtpServer &ScriptedSmtpServer::send(const QByteArray &bytes, int chunk)
{
    m_script.append({Step::Kind::Send, bytes, chunk});
    return *this;
}
ScriptedSmtpServer &ScriptedSmtpServer::expect(const QByteArray &prefix)
{
    m_script.append({Step::Kind::Expect, prefix});
    return *this;
}
ScriptedSmtpServer &ScriptedSmtpServer::receiveData()
{
    m_script.append({Step::Kind::ReceiveData, {}});
    return *this;
}
ScriptedSmtpServer &ScriptedSmtpServer::receiveBdat()
{
    m_script.append({Step::Kind::ReceiveBdat, {}});
    return *this;
}
ScriptedSmtpServer &ScriptedSmtpServer::startTls()
{
    m_script.append({Step::Kind::StartTls, {}});
    return *this;
}
ScriptedSmtpServer &ScriptedSmtpServer::resetConnection()
{
    m_script.append({Step::Kind::Reset, {}});
    return *this;
}

ScriptedSmtpServer &ScriptedSmtpServer::closeConnection()
{
    m_script.append({Step::Kind::Close, {}});
    return *this;
}
ScriptedSmtpServer &ScriptedSmtpServer::silent()
{
    m_script.append({Step::Kind::Silent, {}});
    return *this;
}
ScriptedSmtpServer &ScriptedSmtpServer::trickle(const QByteArray &bytes, int intervalMs)
{
    m_script.append({Step::Kind::Trickle, bytes, 1, intervalMs});
    return *this;
}

ScriptedSmtpServer &ScriptedSmtpServer::upToTls(const QByteArray &greeting, const QByteArray &ehlo)
{
    return send(greeting)
        .expect("EHLO")
        .send(ehlo)
        .expect("STARTTLS")
        .send("220 2.0.0 go ahead\r\n")
        .startTls();
}

ScriptedSmtpServer &ScriptedSmtpServer::upToData(const QByteArray &greeting, const QByteArray &ehlo)
{
    return send(greeting)
        .expect("EHLO")
        .send(ehlo)
        .expect("MAIL")
        .send("250 2.1.0 ok\r\n")
        .expect("RCPT")
        .send("250 2.1.5 ok\r\n")
        .expect("DATA")
        .send("354 go\r\n");
}

QList<QByteArray> ScriptedSmtpServer::lineTexts() const
{
    QList<QByteArray> out;
    for (const ReceivedLine &line : m_lines)
        out << line.line;
    return out;
}

int ScriptedSmtpServer::flightOf(const QByteArray &prefix) const
{
    for (const ReceivedLine &line : m_lines) {
        if (line.line.startsWith(prefix))
            return line.flight;
    }
    return -1;
}

void ScriptedSmtpServer::incomingConnection(qintptr descriptor)
{
    if (m_socket && (m_disconnected || m_socket->state() == QAbstractSocket::UnconnectedState)) {
        m_socket->deleteLater(); // the client comes back: the script goes on with this connection
        m_socket = nullptr;
        m_buffer.clear();
        m_disconnected = false;
        m_wroteSinceRead = true;
    }
    if (m_socket) {
        // One client at a time is all these tests need; a second connection is a bug in the test.
        QTcpSocket extra;
        extra.setSocketDescriptor(descriptor);
        extra.abort();
        return;
    }
    auto *socket = new QSslSocket(this);
    socket->setSocketDescriptor(descriptor);
    if (!m_certificate.isNull()) {
        socket->setLocalCertificate(m_certificate);
        socket->setPrivateKey(m_key);
    }
    socket->setPeerVerifyMode(QSslSocket::VerifyNone);
    m_socket = socket;
    connect(socket, &QSslSocket::readyRead, this, &ScriptedSmtpServer::onReadyRead);
    connect(socket, &QSslSocket::disconnected, this, [this] { m_disconnected = true; });
    if (m_implicitTls) {
        connect(socket, &QSslSocket::encrypted, this, &ScriptedSmtpServer::run, Qt::SingleShotConnection);
        socket->startServerEncryption();
        return;
    }
    run();
}

void ScriptedSmtpServer::onReadyRead()
{
    if (!m_socket)
        return;
    if (m_wroteSinceRead) {
        ++m_flight;
        m_wroteSinceRead = false;
    }
    m_buffer += m_socket->readAll();
    run();
}

bool ScriptedSmtpServer::takeLine(QByteArray *line)
{
    const qsizetype end = m_buffer.indexOf("\r\n");
    if (end < 0)
        return false;
    *line = m_buffer.left(end);
    m_buffer.remove(0, end + 2);
    m_lines.append({*line, m_flight});
    return true;
}

void ScriptedSmtpServer::write(const QByteArray &bytes)
{
    if (!m_socket)
        return;
    m_socket->write(bytes);
    m_wroteSinceRead = true;
}

void ScriptedSmtpServer::run()
{
    QSslSocket *const socket = m_socket.data();
    if (m_busy || !socket)
        return;
    while (m_step < m_script.size()) {
        Step &step = m_script[m_step];
        switch (step.kind) {
        case Step::Kind::Send:
            if (step.chunk <= 0 || step.bytes.size() <= step.chunk) {
                write(step.bytes);
                ++m_step;
                break;
            }
            // One piece now, the rest in later event-loop turns, so the client sees them in separate reads.
            write(step.bytes.left(step.chunk));
            socket->flush();
            step.bytes.remove(0, step.chunk);
            m_busy = true;
            QTimer::singleShot(step.intervalMs > 0 ? step.intervalMs : 2, this, [this] {
                m_busy = false;
                run();
            });
            return;
        case Step::Kind::Trickle:
            if (step.bytes.isEmpty()) {
                ++m_step;
                break;
            }
            write(step.bytes.left(1));
            step.bytes.remove(0, 1);
            m_busy = true;
            QTimer::singleShot(step.intervalMs, this, [this] {
                m_busy = false;
                run();
            });
            return;
        case Step::Kind::Expect: {
            QByteArray line;
            if (!takeLine(&line))
                return;
            if (!line.startsWith(step.bytes) && m_failure.isEmpty())
                m_failure = QStringLiteral("expected \"%1\", got \"%2\"")
                                .arg(QString::fromLatin1(step.bytes), QString::fromLatin1(line.left(200)));
            ++m_step;
            break;
        }
        case Step::Kind::ReceiveData: {
            QByteArray line;
            while (takeLine(&line)) {
                if (line == ".") {
                    m_bodies.append(m_currentBody);
                    m_currentBody.clear();
                    ++m_step;
                    break;
                }
                m_lines.removeLast(); // body lines are not commands
                m_currentBody += line + "\r\n";
            }
            if (m_step < m_script.size() && m_script[m_step].kind == Step::Kind::ReceiveData)
                return;
            break;
        }
        case Step::Kind::ReceiveBdat: {
            if (m_bdatRemaining < 0) {
                const QByteArray bdat = m_lines.isEmpty() ? QByteArray() : m_lines.last().line;
                m_bdatRemaining = bdat.split(' ').value(1).toLongLong();
            }
            const qint64 take = std::min<qint64>(m_bdatRemaining, m_buffer.size());
            m_currentBody += m_buffer.left(take);
            m_buffer.remove(0, take);
            m_bdatRemaining -= take;
            if (m_bdatRemaining > 0)
                return;
            m_bodies.append(m_currentBody);
            m_currentBody.clear();
            m_bdatRemaining = -1;
            ++m_step;
            break;
        }
        case Step::Kind::StartTls:
            ++m_step;
            m_buffer.clear();
            m_busy = true;
            connect(
                m_socket, &QSslSocket::encrypted, this,
                [this] {
                    m_busy = false;
                    run();
                },
                Qt::SingleShotConnection);
            socket->startServerEncryption();
            return;
        case Step::Kind::Close:
            ++m_step;
            socket->disconnectFromHost();
            return;
        case Step::Kind::Reset:
            ++m_step;
            // What was sent goes out first; the reset follows a moment later, when the client has surely
            // finished connecting (a reset during connect() makes Qt simply connect again).
            socket->flush();
            m_busy = true;
            QTimer::singleShot(50, this, [this] {
                m_busy = false;
                if (QSslSocket *const resetting = m_socket.data()) {
                    // SO_LINGER with a zero timeout makes close() send RST instead of FIN.
                    const linger immediate{1, 0};
                    ::setsockopt(static_cast<int>(resetting->socketDescriptor()), SOL_SOCKET, SO_LINGER,
                                 &immediate, sizeof immediate);
                    resetting->abort();
                }
            });
            return;
        case Step::Kind::Silent:
            // Read and ignore whatever comes; never answer.
            m_buffer.clear();
            return;
        }
    }
}
