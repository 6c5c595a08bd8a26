#include "commandlinesecret.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

#include <cstdio>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <termios.h>
#include <unistd.h>

namespace {
// Turns the terminal's echo off while it lives, when standard input is a terminal.
class EchoOff
{
public:
    EchoOff()
    {
        if (!isatty(STDIN_FILENO) || tcgetattr(STDIN_FILENO, &m_saved) != 0)
            return;
        termios quiet = m_saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        m_active = tcsetattr(STDIN_FILENO, TCSANOW, &quiet) == 0; // keeps what was typed ahead
    }
    ~EchoOff()
    {
        if (!m_active)
            return;
        tcsetattr(STDIN_FILENO, TCSANOW, &m_saved);
        std::fputc('\n', stderr); // the Return the person typed was not echoed either
    }
    EchoOff(const EchoOff &) = delete;
    EchoOff &operator=(const EchoOff &) = delete;

private:
    termios m_saved{};
    bool m_active = false;
};
} // namespace

void CommandLineSecret::keepOutOfCoreDumps()
{
    const rlimit none{0, 0};
    setrlimit(RLIMIT_CORE, &none);
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

bool CommandLineSecret::read(const QCommandLineParser &parser, QIODevice *input, CommandLineSecret *out,
                             QString *error)
{
    // optionNames(), not isSet(): a command may define only some of these (sandbox has no --token-env).
    const QStringList given = parser.optionNames();
    const bool fromEnv = given.contains(QStringLiteral("password-env"));
    const bool fromStdin = given.contains(QStringLiteral("password-stdin"));
    const bool fromToken = given.contains(QStringLiteral("token-env"));
    *out = {};
    if (int(fromEnv) + int(fromStdin) + int(fromToken) > 1) {
        *error = QCoreApplication::translate(
            "CommandLineSecret", "give only one of --password-env, --password-stdin or --token-env.");
        return false;
    }
    if (!fromEnv && !fromStdin && !fromToken)
        return true;
    out->given = true;
    out->isToken = fromToken;
    if (fromEnv || fromToken) {
        const QString variable =
            parser.value(fromEnv ? QStringLiteral("password-env") : QStringLiteral("token-env"));
        const QByteArray name = variable.toLocal8Bit();
        if (!qEnvironmentVariableIsSet(name.constData())) {
            *error =
                QCoreApplication::translate("CommandLineSecret", "the environment variable %1 is not set.")
                    .arg(variable);
            return false;
        }
        keepOutOfCoreDumps();
        out->secret = qEnvironmentVariable(name.constData());
        // Not inherited by what this process starts (openssl, a browser), not left in /proc/PID/environ.
        qunsetenv(name.constData());
        return true;
    }
    QFile standardInput;
    std::unique_ptr<EchoOff> echoOff;
    if (!input) {
        if (!standardInput.open(stdin, QIODevice::ReadOnly)) {
            *error = QCoreApplication::translate("CommandLineSecret", "cannot read standard input.");
            return false;
        }
        input = &standardInput;
        echoOff = std::make_unique<EchoOff>();
    }
    keepOutOfCoreDumps();
    // Room for the longest secret, its line ending and one byte more, to tell "too long" from "just fits".
    QByteArray line = input->readLine(kMaxLength + 3);
    echoOff.reset();
    // Only the line ending goes: spaces may belong to the password.
    if (line.endsWith('\n'))
        line.chop(1);
    if (line.endsWith('\r'))
        line.chop(1);
    if (line.size() > kMaxLength) {
        line.fill('\0');
        *error = QCoreApplication::translate("CommandLineSecret",
                                             "the secret on standard input is longer than %1 KiB.")
                     .arg(kMaxLength / 1024);
        return false;
    }
    out->secret = QString::fromUtf8(line);
    line.fill('\0');
    return true;
}
