// The command line: Qt Core, Network and D-Bus only. The window is a second program (guimain.cpp) that
// this one execs, because linking Qt Widgets here made every `sendscope send` load and relocate Qt Widgets,
// Qt Gui and their X11/Wayland, OpenGL and font libraries before sending anything (tests/bench/README.md).
#include "accountcommand.h"
#include "checkdomaincommand.h"
#include "explaincommand.h"
#include "localization.h"
#include "manpage.h"
#include "mergecommand.h"
#include "sandboxcommand.h"
#include "sendcommand.h"

#include <QCoreApplication>
#include <QTimer>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <string>

#include <unistd.h>

namespace {

// One name for the command line and the GUI, so both find the same settings (~/.config/sendscope/).
// Also installs the translation: the system locale's, or the language chosen in Preferences.
void setApplicationIdentity(QCoreApplication *application, bool translated = true)
{
    QCoreApplication::setOrganizationName(QString());
    QCoreApplication::setApplicationName(QStringLiteral("sendscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SENDSCOPE_VERSION));
    if (translated)
        Localization::install(application, Localization::localeFor(Localization::chosenLanguage()));
}

template <typename Command> int runCommand(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    setApplicationIdentity(&app);
    Command command;
    const int parsed = command.parse(QCoreApplication::arguments());
    if (parsed >= 0)
        return parsed;
    QObject::connect(&command, &Command::finished, &app, &QCoreApplication::exit);
    QTimer::singleShot(0, &command, &Command::run);
    return QCoreApplication::exec();
}

// The command a mistyped word most likely meant (at most two letters off), or nothing.
QString closestCommand(const QString &word)
{
    const QStringList commands{QStringLiteral("send"),        QStringLiteral("compose"),
                               QStringLiteral("merge"),       QStringLiteral("account"),
                               QStringLiteral("sandbox"),     QStringLiteral("explain"),
                               QStringLiteral("check-domain")};
    QString best;
    qsizetype bestDistance = 3;
    for (const QString &command : commands) {
        // Levenshtein distance, one row at a time.
        QList<qsizetype> previous(command.size() + 1);
        for (qsizetype j = 0; j <= command.size(); ++j)
            previous[j] = j;
        for (qsizetype i = 1; i <= word.size(); ++i) {
            QList<qsizetype> current(command.size() + 1);
            current[0] = i;
            for (qsizetype j = 1; j <= command.size(); ++j) {
                const qsizetype substitution =
                    previous[j - 1] + (word.at(i - 1).toLower() == command.at(j - 1) ? 0 : 1);
                current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
            }
            previous = current;
        }
        if (previous.last() < bestDistance) {
            bestDistance = previous.last();
            best = command;
        }
    }
    return best;
}

void printUsage()
{
    // One line per command, each translated on its own: a new command adds a line, not a new sentence.
    const std::pair<const char *, const char *> commands[] = {
        {"sendscope [mailto:URI]", QT_TRANSLATE_NOOP("main", "open the compose window")},
        {"sendscope send [options]", QT_TRANSLATE_NOOP("main", "send one message from the command line")},
        {"sendscope send --help",
         QT_TRANSLATE_NOOP("main", "the options of send (likewise for every command)")},
        {"sendscope compose [options] --output FILE.eml",
         QT_TRANSLATE_NOOP("main", "write the message instead of sending it")},
        {"sendscope merge --data FILE.csv|FILE.xlsx --subject T --body-file F [options]",
         QT_TRANSLATE_NOOP("main", "one personalised message per row (mail merge)")},
        {"sendscope account add|list|remove|login",
         QT_TRANSLATE_NOOP("main", "manage accounts (passwords in the keychain)")},
        {"sendscope sandbox [--port N] [--starttls] [--auth USER] [--store DIR]",
         QT_TRANSLATE_NOOP("main", "run the local sandbox SMTP server headless")},
        {"sendscope explain [FILE|-]",
         QT_TRANSLATE_NOOP("main", "explain a server reply or a bounce message")},
        {"sendscope check-domain DOMAIN",
         QT_TRANSLATE_NOOP("main", "check the DNS records receivers want of a sender")},
        {"sendscope --version", QT_TRANSLATE_NOOP("main", "the version")},
    };
    QString usage = QCoreApplication::translate("main", "Usage:") + u'\n';
    for (const auto &[command, description] : commands) {
        usage += QStringLiteral("  %1\n      %2\n")
                     .arg(QString::fromLatin1(command), QCoreApplication::translate("main", description));
    }
    std::fputs(usage.toLocal8Bit().constData(), stdout);
}

// Replaces this process with the window program, with the same arguments, so the desktop file, mailto:
// links and scripts keep starting `sendscope`. It is next to this binary in the build tree, and in
// libexec when installed. Returns only when it could not be started.
int execWindow(char **argv)
{
    char self[PATH_MAX];
    const ssize_t length = readlink("/proc/self/exe", self, sizeof self - 1);
    int error = length > 0 ? ENOENT : errno;
    if (length > 0) {
        const std::string selfPath(self, static_cast<size_t>(length));
        const std::string directory = selfPath.substr(0, selfPath.rfind('/'));
        for (const char *relative : {"/sendscope-gui", "/" SENDSCOPE_GUI_FROM_BINDIR}) {
            const std::string path = directory + relative;
            if (access(path.c_str(), X_OK) == 0) {
                execv(path.c_str(), argv);
                error = errno;
            }
        }
    }
    int argc = 1;
    QCoreApplication app(argc, argv);
    setApplicationIdentity(&app);
    const QString message = QCoreApplication::translate("main", "sendscope: cannot start the window: %1\n")
                                .arg(QString::fromLocal8Bit(std::strerror(error)));
    std::fputs(message.toLocal8Bit().constData(), stderr);
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc > 1 && (std::strcmp(argv[1], "send") == 0 || std::strcmp(argv[1], "compose") == 0))
        return runCommand<SendCommand>(argc, argv);
    if (argc > 1 && std::strcmp(argv[1], "merge") == 0)
        return runCommand<MergeCommand>(argc, argv);
    if (argc > 1 && std::strcmp(argv[1], "explain") == 0)
        return runCommand<ExplainCommand>(argc, argv);
    if (argc > 1 && std::strcmp(argv[1], "check-domain") == 0)
        return runCommand<CheckDomainCommand>(argc, argv);
    if (argc > 1 && std::strcmp(argv[1], "account") == 0)
        return runCommand<AccountCommand>(argc, argv);
    if (argc > 1 && std::strcmp(argv[1], "sandbox") == 0)
        return runCommand<SandboxCommand>(argc, argv);
    if (argc > 1 && (std::strcmp(argv[1], "--version") == 0 || std::strcmp(argv[1], "-v") == 0)) {
        std::fputs("sendscope " SENDSCOPE_VERSION "\n", stdout);
        return 0;
    }
    if (argc > 1 && std::strcmp(argv[1], "--man") == 0) {
        QCoreApplication app(argc, argv);
        setApplicationIdentity(&app, false); // the installed man page is the English one
        std::fputs(ManPage::troff().toUtf8().constData(), stdout);
        return 0;
    }
    if (argc > 1 && (std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0)) {
        QCoreApplication app(argc, argv);
        setApplicationIdentity(&app);
        printUsage();
        return 0;
    }
    // The window takes a mailto: link and --attach FILE (and Qt's own -options); a word that is neither is
    // a command that does not exist, or a typo of one: say so here, not through the window system's
    // "could not connect to display" on a machine without one.
    if (argc > 1 && argv[1][0] != '-' && std::strncmp(argv[1], "mailto:", 7) != 0 &&
        std::strncmp(argv[1], "MAILTO:", 7) != 0) {
        QCoreApplication app(argc, argv);
        setApplicationIdentity(&app);
        const QString word = QString::fromLocal8Bit(argv[1]);
        const QString closest = closestCommand(word);
        const QString message =
            closest.isEmpty()
                ? QCoreApplication::translate("main", "sendscope: unknown command \"%1\".").arg(word)
                : QCoreApplication::translate("main",
                                              "sendscope: unknown command \"%1\"; did you mean \"%2\"?")
                      .arg(word, closest);
        std::fputs((message + u'\n').toLocal8Bit().constData(), stderr);
        printUsage();
        return 2;
    }
    return execWindow(argv);
}
