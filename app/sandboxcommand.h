#pragma once

#include <QCommandLineParser>
#include <QObject>
#include <QTextStream>

class QIODevice;

class SandboxCertificate;
class SandboxServer;

// `sendscope sandbox`: the built-in local SMTP server, headless, for scripts and for testing other mail
// software. Prints where it listens and where each message is stored; runs until killed, or until
// --max-messages messages have arrived.
class SandboxCommand : public QObject
{
    Q_OBJECT
public:
    static constexpr quint16 kDefaultPort = 2525;

    explicit SandboxCommand(QObject *parent = nullptr);

    int parse(const QStringList &arguments); // -1: run() must follow; otherwise the exit status
    void run();
    QString helpText() const { return m_parser.helpText(); }

    static QString defaultStore();
    // Replaces standard input for --password-stdin (tests).
    void setStandardInput(QIODevice *input) { m_stdin = input; }

signals:
    void finished(int exitCode);

private:
    int usageError(const QString &message);
    void listen();

    QCommandLineParser m_parser;
    quint16 m_port = kDefaultPort;
    QString m_store;
    QString m_user;
    QString m_password;
    bool m_generatedPassword = false;
    QIODevice *m_stdin = nullptr;
    bool m_startTls = false;
    int m_maxMessages = 0;
    int m_received = 0;
    SandboxServer *m_server = nullptr;
    SandboxCertificate *m_certificate = nullptr;
    QTextStream m_out;
    QTextStream m_err;
};
