#include "sandboxcommand.h"

#include "commandlinesecret.h"
#include "sandboxcertificate.h"
#include "sandboxserver.h"
#include "transcriptentry.h"

#include <QCryptographicHash>
#include <QDir>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>

SandboxCommand::SandboxCommand(QObject *parent)
    : QObject(parent)
    , m_out(stdout)
    , m_err(stderr)
{
    m_parser.setApplicationDescription(
        tr("Run Sendscope's local sandbox SMTP server on 127.0.0.1. It accepts every message and keeps it as "
           "an .eml file; nothing is delivered anywhere."));
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.addHelpOption();
    m_parser.addPositionalArgument(QStringLiteral("sandbox"), tr("The command."));
    m_parser.addOptions({
        {QStringLiteral("port"), tr("Port to listen on (default %1; 0 picks a free one).").arg(kDefaultPort),
         tr("N")},
        {QStringLiteral("starttls"), tr("Offer STARTTLS with a self-signed certificate (made once with "
                                        "openssl and kept in the store) and "
                                        "refuse mail before it.")},
        {QStringLiteral("auth"),
         tr("Require AUTH PLAIN or LOGIN as USER before accepting mail. The password comes from "
            "--password-stdin or --password-env; without either, a random one is made and printed once."),
         tr("USER")},
        {QStringLiteral("password-env"),
         tr("With --auth: read the password from environment variable VAR (then removed from the "
            "environment)."),
         tr("VAR")},
        {QStringLiteral("password-stdin"),
         tr("With --auth: read the password from the first line of standard "
            "input.")},
        {QStringLiteral("store"), tr("Folder for the received messages (default %1).").arg(defaultStore()),
         tr("DIR")},
        {QStringLiteral("max-messages"), tr("Exit after this many messages (default: run until killed)."),
         tr("N")},
    });
}

QString SandboxCommand::defaultStore()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/sandbox");
}

int SandboxCommand::usageError(const QString &message)
{
    m_err << tr("sendscope sandbox: %1").arg(message) << Qt::endl
          << tr("Run 'sendscope sandbox --help' for the options.") << Qt::endl;
    return 2;
}

int SandboxCommand::parse(const QStringList &arguments)
{
    if (!m_parser.parse(arguments))
        return usageError(m_parser.errorText());
    if (m_parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(m_parser.helpText()), stdout);
        return 0;
    }
    if (m_parser.positionalArguments().size() > 1)
        return usageError(
            tr("unexpected arguments: %1").arg(m_parser.positionalArguments().mid(1).join(u' ')));
    if (m_parser.isSet(QStringLiteral("port"))) {
        bool ok = false;
        const uint port = m_parser.value(QStringLiteral("port")).toUInt(&ok);
        if (!ok || port > 65535)
            return usageError(tr("--port must be a number from 0 to 65535."));
        m_port = static_cast<quint16>(port);
    }
    CommandLineSecret secret;
    QString secretError;
    if (!CommandLineSecret::read(m_parser, m_stdin, &secret, &secretError))
        return usageError(secretError);
    if (m_parser.isSet(QStringLiteral("auth"))) {
        // A password in the arguments would be in the process list for every user of the computer.
        m_user = m_parser.value(QStringLiteral("auth"));
        if (m_user.isEmpty() || m_user.contains(u':'))
            return usageError(tr("--auth takes the user name only; give the password with --password-stdin "
                                 "or --password-env VAR."));
        if (secret.given && secret.secret.isEmpty())
            return usageError(tr("the password is empty."));
        m_password = secret.secret;
        m_generatedPassword = !secret.given;
        if (m_generatedPassword) {
            m_password = SandboxServer::randomPassword();
            CommandLineSecret::keepOutOfCoreDumps();
        }
    } else if (secret.given) {
        return usageError(tr("--password-stdin and --password-env need --auth USER."));
    }
    if (m_parser.isSet(QStringLiteral("max-messages"))) {
        bool ok = false;
        m_maxMessages = m_parser.value(QStringLiteral("max-messages")).toInt(&ok);
        if (!ok || m_maxMessages <= 0)
            return usageError(tr("--max-messages must be a positive number."));
    }
    m_startTls = m_parser.isSet(QStringLiteral("starttls"));
    m_store =
        m_parser.isSet(QStringLiteral("store")) ? m_parser.value(QStringLiteral("store")) : defaultStore();
    return -1;
}

void SandboxCommand::run()
{
    m_server = new SandboxServer(m_store, this);
    if (!m_user.isEmpty())
        m_server->setCredentials(m_user, m_password);
    connect(m_server, &SandboxServer::messageStored, this,
            [this](const QString &path, const QString &sender, const QStringList &recipients) {
                // The addresses are the client's words: escaped, or they could drive the terminal.
                m_out << tr("Stored %1 (from <%2> to %3)")
                             .arg(path, TranscriptEntry::visible(sender),
                                  TranscriptEntry::visible(
                                      QStringLiteral("<%1>").arg(recipients.join(QStringLiteral(">, <")))))
                      << Qt::endl;
                if (m_maxMessages > 0 && ++m_received >= m_maxMessages) {
                    // Let the client read the 250 and say QUIT before exiting (bounded by a few seconds).
                    connect(m_server, &SandboxServer::connectionClosed, this, [this] {
                        if (m_server->connectionCount() == 0)
                            emit finished(0);
                    });
                    QTimer::singleShot(5000, this, [this] { emit finished(0); });
                }
            });
    if (!m_startTls) {
        listen();
        return;
    }
    m_certificate = new SandboxCertificate(QDir(m_store).filePath(QStringLiteral("tls")), this);
    connect(m_certificate, &SandboxCertificate::failed, this, [this](const QString &message) {
        m_err << tr("sendscope sandbox: %1").arg(message) << Qt::endl;
        emit finished(1);
    });
    connect(m_certificate, &SandboxCertificate::ready, this, [this] {
        m_server->setTls(m_certificate->certificate(), m_certificate->key());
        listen();
    });
    m_certificate->ensure();
}

void SandboxCommand::listen()
{
    if (!m_server->start(m_port)) {
        m_err << tr("sendscope sandbox: %1").arg(m_server->errorString()) << Qt::endl;
        emit finished(1);
        return;
    }
    m_out << tr("Sandbox SMTP server listening on 127.0.0.1 port %1; messages are kept in %2")
                 .arg(m_server->port())
                 .arg(QDir(m_store).absolutePath())
          << Qt::endl;
    if (m_certificate) {
        m_out << tr("STARTTLS required; certificate %1, SHA-256 %2")
                     .arg(m_certificate->certificatePath(),
                          QString::fromLatin1(
                              m_certificate->certificate().digest(QCryptographicHash::Sha256).toHex()))
              << Qt::endl;
    }
    if (!m_user.isEmpty())
        m_out << tr("AUTH PLAIN or LOGIN required, as user %1").arg(m_user) << Qt::endl;
    if (m_generatedPassword) // shown once, here; it is not kept anywhere else
        m_out << tr("Password for this run: %1").arg(m_password) << Qt::endl;
}
