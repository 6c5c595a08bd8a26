#include "commandlinesecret.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

#include <cstdio>

bool CommandLineSecret::read(const QCommandLineParser &parser, QIODevice *input, CommandLineSecret *out,
                             QString *error)
{
    const bool fromEnv = parser.isSet(QStringLiteral("password-env"));
    const bool fromStdin = parser.isSet(QStringLiteral("password-stdin"));
    const bool fromToken = parser.isSet(QStringLiteral("token-env"));
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
        if (!qEnvironmentVariableIsSet(variable.toLocal8Bit().constData())) {
            *error =
                QCoreApplication::translate("CommandLineSecret", "the environment variable %1 is not set.")
                    .arg(variable);
            return false;
        }
        out->secret = qEnvironmentVariable(variable.toLocal8Bit().constData());
        return true;
    }
    QFile standardInput;
    if (!input) {
        if (!standardInput.open(stdin, QIODevice::ReadOnly)) {
            *error = QCoreApplication::translate("CommandLineSecret", "cannot read standard input.");
            return false;
        }
        input = &standardInput;
    }
    QByteArray line = input->readLine(64 * 1024);
    // Only the line ending goes: spaces may belong to the password.
    if (line.endsWith('\n'))
        line.chop(1);
    if (line.endsWith('\r'))
        line.chop(1);
    out->secret = QString::fromUtf8(line);
    line.fill('\0');
    return true;
}
