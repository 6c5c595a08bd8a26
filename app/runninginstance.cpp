#include "runninginstance.h"

#include "privatefiles.h"

#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QPointer>
#include <QStandardPaths>
#include <QTimer>

#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcInstance, "sendscope.instance", QtWarningMsg)

namespace {
constexpr qsizetype kMaxMessage = 1024 * 1024; // a hand-over is a few arguments, not a flood
const QByteArray kAccepted = "ok\n";

// The uid of the process at the other end of a connected local socket (Linux SO_PEERCRED).
bool peerIs(qintptr descriptor, uint uid)
{
    ucred credentials{};
    socklen_t size = sizeof credentials;
    return getsockopt(static_cast<int>(descriptor), SOL_SOCKET, SO_PEERCRED, &credentials, &size) == 0 &&
           size == sizeof credentials && credentials.uid == uid;
}
} // namespace

QString RunningInstance::defaultName()
{
    const QByteArray settings = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation).toUtf8();
    const QString key =
        QString::fromLatin1(QCryptographicHash::hash(settings, QCryptographicHash::Sha256).toHex().left(16));
    // Qt makes sure the runtime directory is this user's and 0700. Without one, a private folder of our
    // own: in a shared /tmp another user could take the name first.
    QString directory = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (directory.isEmpty()) {
        directory =
            QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/run");
        PrivateFiles::makeFolder(directory);
    }
    return directory + QStringLiteral("/sendscope-") + key;
}

RunningInstance::RunningInstance(QString name, QObject *parent)
    : QObject(parent)
    , m_name(std::move(name))
    , m_uid(::getuid())
{
}

bool RunningInstance::socketIsOurs() const
{
    struct stat info
    {
    };
    return ::lstat(QFile::encodeName(m_name).constData(), &info) == 0 && S_ISSOCK(info.st_mode) &&
           info.st_uid == m_uid;
}

RunningInstance::~RunningInstance() = default;

bool RunningInstance::handOver(const QStringList &arguments, const QString &workingDirectory, int timeoutMs)
{
    if (!socketIsOurs())
        return false; // nobody runs, or the socket is someone else's: never hand them our arguments
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (socket.state() == QLocalSocket::UnconnectedState)
        return false; // nobody listens (or a socket file left by a crash)
    QJsonObject message{{QStringLiteral("arguments"), QJsonArray::fromStringList(arguments)},
                        {QStringLiteral("workingDirectory"), workingDirectory}};
    const QByteArray payload = QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n';

    // Asynchronous, with a bounded local event loop: the app has no window yet that could freeze.
    bool accepted = false;
    QByteArray answer;
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    auto send = [&] {
        if (peerIs(socket.socketDescriptor(), m_uid))
            socket.write(payload);
        else
            loop.quit(); // whoever listens there is not this user
    };
    connect(&socket, &QLocalSocket::connected, &loop, send);
    connect(&socket, &QLocalSocket::readyRead, &loop, [&] {
        answer += socket.readAll();
        if (answer.contains('\n')) {
            accepted = answer == kAccepted;
            loop.quit();
        }
    });
    connect(&socket, &QLocalSocket::errorOccurred, &loop, &QEventLoop::quit);
    connect(&socket, &QLocalSocket::disconnected, &loop, &QEventLoop::quit);
    if (socket.state() == QLocalSocket::ConnectedState)
        send();
    deadline.start(timeoutMs);
    loop.exec();
    socket.abort();
    return accepted;
}

bool RunningInstance::listen()
{
    if (m_server)
        return true;
    auto *server = new QLocalServer(this);
    server->setSocketOptions(QLocalServer::UserAccessOption); // only this user may hand arguments over
    if (!server->listen(m_name)) {
        // Left behind by an instance that crashed: handOver() found nobody answering, so take it over.
        // Only a socket file of this user's is removed.
        struct stat info
        {
        };
        if (::lstat(QFile::encodeName(m_name).constData(), &info) == 0 && info.st_uid == m_uid)
            QLocalServer::removeServer(m_name);
        if (!server->listen(m_name)) {
            qCWarning(lcInstance).noquote() << "cannot listen on" << m_name << server->errorString();
            delete server;
            return false;
        }
    }
    m_server = server;
    connect(m_server, &QLocalServer::newConnection, this, &RunningInstance::onNewConnection);
    return true;
}

void RunningInstance::onNewConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        if (!peerIs(socket->socketDescriptor(), m_uid)) {
            // The socket is 0700-protected already; this holds even if its folder were not.
            qCWarning(lcInstance) << "refused a hand-over from another user";
            socket->abort();
            continue;
        }
        QPointer<QLocalSocket> guard(socket);
        connect(socket, &QLocalSocket::readyRead, this, [this, guard] {
            if (!guard)
                return;
            if (guard->bytesAvailable() > kMaxMessage) {
                guard->abort();
                return;
            }
            if (!guard->canReadLine())
                return;
            const QJsonObject message = QJsonDocument::fromJson(guard->readLine()).object();
            QStringList arguments;
            for (const QJsonValue &value : message.value(QStringLiteral("arguments")).toArray())
                arguments << value.toString();
            guard->write(kAccepted);
            guard->disconnectFromServer();
            qCInfo(lcInstance).noquote() << "arguments from another launch:" << arguments.join(u' ');
            emit argumentsReceived(arguments, message.value(QStringLiteral("workingDirectory")).toString());
        });
    }
}
