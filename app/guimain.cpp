// The window: `sendscope` with no command, with a mailto: URI or --attach execs this program (see main.cpp),
// so that the command line never loads Qt Widgets, Qt Gui or the X11/Wayland libraries.
#include "accountstore.h"
#include "addressbook.h"
#include "composedesk.h"
#include "composewindow.h"
#include "draftstore.h"
#include "localization.h"
#include "runninginstance.h"
#include "sandboxcommand.h"
#include "sandboxmailbox.h"
#include "sandboxserver.h"
#include "secretstore.h"
#include "tlspreparation.h"

#include <QApplication>
#include <QDir>
#include <QEvent>
#include <QIcon>
#include <QMessageBox>
#include <QStatusBar>
#include <QTimer>

#include <cstdio>

namespace {

// Prints "first-paint" when the window it watches paints for the first time, then quits the app.
class FirstPaintReporter : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_reported) {
            m_reported = true;
            QTimer::singleShot(0, qApp, [] {
                std::fputs("first-paint\n", stderr);
                std::fflush(stderr);
                QCoreApplication::quit();
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_reported = false;
};

// What a launch asks for: `sendscope mailto:...` and `sendscope --attach FILE` open a prefilled
// message, as the desktop's mail handler does.
struct LaunchRequest
{
    QString mailto;
    QStringList attachments; // absolute paths

    bool prefilled() const { return !mailto.isEmpty() || !attachments.isEmpty(); }
};

LaunchRequest parseLaunch(const QStringList &arguments, const QString &workingDirectory)
{
    LaunchRequest request;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        if (arguments.at(i).startsWith(QLatin1String("mailto:"), Qt::CaseInsensitive))
            request.mailto = arguments.at(i);
        else if (arguments.at(i) == QLatin1String("--attach") && i + 1 < arguments.size())
            request.attachments << QDir(workingDirectory).absoluteFilePath(arguments.at(++i));
    }
    return request;
}

ComposeWindow *openPrefilled(ComposeDesk &desk, const LaunchRequest &request)
{
    ComposeWindow *window = desk.newMessage();
    if (!request.mailto.isEmpty())
        window->openMailto(request.mailto);
    for (const QString &path : std::as_const(request.attachments))
        window->addAttachment(path);
    return window;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    // The same identity as the command line, so both find the same settings (~/.config/sendscope/).
    QCoreApplication::setOrganizationName(QString());
    QCoreApplication::setApplicationName(QStringLiteral("sendscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SENDSCOPE_VERSION));
    Localization::install(&app, Localization::localeFor(Localization::chosenLanguage()));
    QApplication::setApplicationDisplayName(QStringLiteral("Sendscope"));
    QApplication::setDesktopFileName(QStringLiteral("org.sendscope.Sendscope"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/sendscope.svg")));

    // Already running for this user and settings: hand the arguments over (a mailto: link opens there)
    // instead of a second process that would restore and autosave the same drafts.
    const bool measuring = qEnvironmentVariableIsSet("SENDSCOPE_REPORT_FIRST_PAINT"); // tests/bench/guibench
    RunningInstance instance;
    if (!measuring && instance.handOver(QApplication::arguments().mid(1), QDir::currentPath()))
        return 0;
    if (!measuring)
        instance.listen();

    // The built-in sandbox runs whenever the app does: a local SMTP server that keeps every message it
    // receives, so the first send works without any set-up and a real account can be rehearsed against.
    SandboxServer sandbox(SandboxCommand::defaultStore());
    // Every local user can reach 127.0.0.1: only this process, which alone knows the password made here,
    // may use the sandbox. ComposeDesk gives the sandbox account the same credentials.
    sandbox.setCredentials(QString::fromLatin1(ComposeDesk::kSandboxUser), SandboxServer::randomPassword());
    if (!sandbox.start()) {
        QMessageBox::critical(nullptr, QObject::tr("Sendscope"), sandbox.errorString());
        return 1;
    }
    SandboxMailbox mailbox(sandbox.storeDirectory()); // declared before the window that shows it
    AccountStore accounts;
    if (accounts.accounts().isEmpty()) {
        Account local;
        local.name = QObject::tr("Local sandbox");
        local.identities.append({QObject::tr("You"), QStringLiteral("you@sandbox.invalid"), {}, {}});
        local.host = QStringLiteral("127.0.0.1");
        local.security = SmtpSecurity::None;
        local.auth = AccountAuth::None;
        local.isSandbox = true;
        accounts.save(local);
    }
    SecretStore secrets;
    DraftStore drafts;
    AddressBook addressBook;
    ComposeDesk desk(&accounts, &secrets, &drafts, &mailbox, sandbox.port());
    desk.setAddressBook(&addressBook);
    desk.setSandbox(&sandbox, sandbox.storeDirectory() + QStringLiteral("/tls"));
    QObject::connect(
        &desk, &ComposeDesk::sandboxRehearsalChanged, &desk, [&desk](bool, const QString &problem) {
            if (!problem.isEmpty() && !desk.windows().isEmpty())
                QMessageBox::warning(desk.windows().constFirst(), QObject::tr("Sandbox"), problem);
        });
    desk.restoreSandboxRehearsal();
    QObject::connect(
        &desk, &ComposeDesk::backgroundRetryFinished, &desk,
        [&desk](const QString &, const QString &subject, const SmtpError &error) {
            const QString text =
                error.isError()
                    ? QObject::tr("Retried \"%1\" from the outbox: %2").arg(subject, error.summary)
                    : QObject::tr("Sent \"%1\" from the outbox.").arg(subject);
            if (ComposeWindow *window = desk.shownWindow())
                window->statusBar()->showMessage(text);
        });
    QObject::connect(&sandbox, &SandboxServer::messageStored, &mailbox, &SandboxMailbox::refresh);

    // A prefilled message when the launch asks for one; otherwise the drafts that were open last time
    // come back, or a new message opens.
    const LaunchRequest launch = parseLaunch(QApplication::arguments().mid(1), QDir::currentPath());
    if (launch.prefilled())
        openPrefilled(desk, launch);
    else if (desk.restoreDrafts() == 0)
        desk.newMessage();
    QObject::connect(&instance, &RunningInstance::argumentsReceived, &desk,
                     [&desk](const QStringList &arguments, const QString &workingDirectory) {
                         const LaunchRequest request = parseLaunch(arguments, workingDirectory);
                         ComposeWindow *window =
                             request.prefilled() ? openPrefilled(desk, request) : desk.shownWindow();
                         if (!window)
                             window = desk.newMessage();
                         if (window->isMinimized())
                             window->showNormal();
                         window->raise();
                         window->activateWindow();
                     });
    // For tests/bench/guibench: report the first paint of a compose window on stderr, then quit.
    if (qEnvironmentVariableIsSet("SENDSCOPE_REPORT_FIRST_PAINT") && !desk.windows().isEmpty()) {
        auto *reporter = new FirstPaintReporter(&app);
        desk.windows().constFirst()->installEventFilter(reporter);
    }
    // The TLS backend loads in a thread once the window is up (after its first paint, which it would
    // only slow down): long before a person can press Send, whose first QSslSocket would load it.
    QTimer::singleShot(300, &app, [] { TlsPreparation::instance()->start(); });
    const qsizetype waiting = drafts.drafts(Draft::State::Outbox).size();
    if (waiting > 0 && !desk.windows().isEmpty()) {
        desk.windows().constFirst()->statusBar()->showMessage(
            waiting == 1 ? QObject::tr("1 message waits in the outbox (View → Outbox).")
                         : QObject::tr("%1 messages wait in the outbox (View → Outbox).").arg(waiting));
    }
    return QApplication::exec();
}
