#pragma once

#include "mimemessage.h"
#include "smtpserversettings.h"

#include <QString>
#include <QStringList>

// "Copy as command": the `sendscope send` command line that repeats a session from the GUI, for an
// administrator to run or read. It never carries the password: it asks for it with --password-stdin
// (or a token with --token-env). The body, which may be long, is left to --body-file.
class SendCommandLine
{
public:
    static QStringList arguments(const SmtpServerSettings &settings, const MimeMessage &message);
    // POSIX shell words, single-quoted where needed, one line.
    static QString toShell(const QStringList &arguments);
    static QString quote(const QString &word);
};
