#include "composedesk.h"

#include "accountdialog.h"
#include "accountstore.h"
#include "composewindow.h"
#include "draftstore.h"
#include "outboxscheduler.h"
#include "outboxwindow.h"
#include "sandboxcertificate.h"
#include "sandboxserver.h"
#include "secretstore.h"
#include "sendservice.h"

#include <QCryptographicHash>
#include <QLocale>
#include <QLoggingCategory>
#include <QStatusBar>
#include <QTimer>

// Off by default; QT_LOGGING_RULES="sendscope.desk.info=true" shows which drafts were restored (the
// kill-and-restart test reads it).
Q_LOGGING_CATEGORY(lcDesk, "sendscope.desk", QtWarningMsg)

ComposeDesk::ComposeDesk(AccountStore *accounts, SecretStore *secrets, DraftStore *drafts,
                         SandboxMailbox *mailbox, quint16 sandboxPort, QObject *parent)
    : QObject(parent)
    , m_accounts(accounts)
    , m_secrets(secrets)
    , m_drafts(drafts)
    , m_mailbox(mailbox)
    , m_sandboxPort(sandboxPort)
    , m_service(new SendService(accounts, secrets, drafts, this))
    , m_scheduler(new OutboxScheduler(drafts, this))
{
    m_service->setSandboxPort(sandboxPort);
    // A message left "being sent" by a process that stopped may have been delivered: it waits for the
    // person, before the scheduler could think of retrying it.
    m_service->recoverInterruptedSends();
    connect(m_scheduler, &OutboxScheduler::retryDue, this, &ComposeDesk::retryInBackground);
    // Not before the event loop runs: whoever made the desk finishes setting it up first.
    QTimer::singleShot(0, m_scheduler, &OutboxScheduler::reschedule);
}

ComposeDesk::~ComposeDesk()
{
    // Windows without a parent are the desk's; the outbox too.
    for (const QPointer<ComposeWindow> &window : std::as_const(m_windows))
        delete window.data();
    delete m_outbox.data();
}

ComposeWindow *ComposeDesk::create()
{
    auto *window = new ComposeWindow({}, {}, {});
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setSendService(m_service);
    window->setAccounts(m_accounts, m_secrets, m_sandboxPort);
    if (m_mailbox)
        window->setSandboxMailbox(m_mailbox);
    window->setDraftStore(m_drafts);
    if (m_addressBook)
        window->setAddressBook(m_addressBook);
    connect(window, &ComposeWindow::newMessageRequested, this, [this] { newMessage(); });
    connect(window, &ComposeWindow::outboxRequested, this, &ComposeDesk::showOutbox);
    connect(window, &ComposeWindow::sandboxRehearsalToggled, this, &ComposeDesk::setSandboxRehearsal);
    window->setSandboxRehearsalChecked(m_rehearsal);
    m_windows.removeAll(nullptr);
    m_windows.append(window);
    return window;
}

ComposeWindow *ComposeDesk::newMessage()
{
    ComposeWindow *window = create();
    window->show();
    return window;
}

int ComposeDesk::restoreDrafts()
{
    const QList<Draft> drafts = m_drafts->drafts(Draft::State::Draft);
    for (const Draft &draft : drafts) {
        ComposeWindow *window = create();
        window->loadDraft(draft);
        qCInfo(lcDesk).noquote() << "restored draft" << draft.id << "subject:" << draft.subject;
        window->statusBar()->showMessage(tr("Restored from drafts (saved %1).")
                                             .arg(QLocale().toString(draft.modified, QLocale::ShortFormat)));
        window->show();
    }
    return static_cast<int>(drafts.size());
}

ComposeWindow *ComposeDesk::openDraft(const QString &draftId, bool sendNow)
{
    for (const QPointer<ComposeWindow> &window : std::as_const(m_windows)) {
        if (window && window->draftId() == draftId) {
            window->raise();
            window->activateWindow();
            if (sendNow)
                window->send();
            return window;
        }
    }
    const std::optional<Draft> draft = m_drafts->load(draftId);
    if (!draft)
        return nullptr;
    ComposeWindow *window = create();
    window->loadDraft(*draft);
    window->show();
    if (SendJob *running = m_service->jobFor(draftId))
        window->attachJob(running); // an outbox retry is under way: the window shows it
    else if (sendNow)
        window->send();
    return window;
}

void ComposeDesk::retryInBackground(const QString &draftId)
{
    for (const QPointer<ComposeWindow> &window : std::as_const(m_windows)) {
        if (window && window->isVisible() && window->draftId() == draftId)
            return; // (a closed window may linger until its deferred deletion)
    }
    const std::optional<Draft> draft = m_drafts->load(draftId);
    if (!draft)
        return;
    qCInfo(lcDesk).noquote() << "retrying outbox message" << draftId << "in the background";
    // No window and no prompt: the person confirmed the first time and is not watching now.
    SendJob *job = m_service->sendDraft(draftId);
    const QString subject = draft->subject;
    connect(job, &SendJob::finished, this, [this, draftId, subject](const SendReport &report) {
        emit backgroundRetryFinished(draftId, subject, report.delivered() ? SmtpError{} : report.error);
    });
}

void ComposeDesk::showOutbox()
{
    if (!m_outbox) {
        m_outbox = new OutboxWindow(m_drafts);
        m_outbox->setScheduler(m_scheduler);
        m_outbox->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_outbox, &OutboxWindow::openRequested, this,
                [this](const QString &id, bool sendNow) { openDraft(id, sendNow); });
        connect(m_outbox, &OutboxWindow::signInRequested, this, [this](const QString &accountId) {
            const std::optional<Account> account = m_accounts->findById(accountId);
            if (!account)
                return;
            auto *dialog = new AccountDialog(*account, m_accounts, m_secrets, m_outbox);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
            dialog->signIn();
        });
    }
    m_outbox->refresh();
    m_outbox->show();
    m_outbox->raise();
}

QList<ComposeWindow *> ComposeDesk::windows() const
{
    QList<ComposeWindow *> result;
    for (const QPointer<ComposeWindow> &window : m_windows) {
        if (window)
            result.append(window);
    }
    return result;
}

ComposeWindow *ComposeDesk::shownWindow() const
{
    for (const QPointer<ComposeWindow> &window : m_windows) {
        if (window && window->isVisible())
            return window;
    }
    return nullptr;
}

OutboxWindow *ComposeDesk::outboxWindow() const
{
    return m_outbox;
}

void ComposeDesk::setSandbox(SandboxServer *server, const QString &certificateDirectory)
{
    m_sandbox = server;
    if (m_sandbox->user().isEmpty())
        m_sandbox->setCredentials(QString::fromLatin1(kSandboxUser), SandboxServer::randomPassword());
    m_certificate = new SandboxCertificate(certificateDirectory, this);
    connect(m_certificate, &SandboxCertificate::ready, this, [this] { applySandboxRehearsal(true); });
    connect(m_certificate, &SandboxCertificate::failed, this, [this](const QString &message) {
        applySandboxRehearsal(false);
        emit sandboxRehearsalChanged(false, message);
    });
}

void ComposeDesk::setSandboxRehearsal(bool on)
{
    if (!m_sandbox)
        return;
    if (on)
        m_certificate->ensure(); // ready() applies it
    else
        applySandboxRehearsal(false);
}

void ComposeDesk::restoreSandboxRehearsal()
{
    for (const Account &account : m_accounts->accounts()) {
        if (account.isSandbox && account.security != SmtpSecurity::None) {
            setSandboxRehearsal(true);
            return;
        }
    }
    applySandboxRehearsal(false); // still AUTH, with this run's password
}

void ComposeDesk::applySandboxRehearsal(bool on)
{
    m_rehearsal = on;
    // Always AUTH, with the password made for this run: other local users must not use the sandbox.
    const QString user = m_sandbox->user();
    const QString password = m_sandbox->password();
    if (on)
        m_sandbox->setTls(m_certificate->certificate(), m_certificate->key());
    else
        m_sandbox->setTls(QSslCertificate(), QSslKey());
    for (Account account : m_accounts->accounts()) {
        if (!account.isSandbox)
            continue;
        account.security = on ? SmtpSecurity::StartTls : SmtpSecurity::None;
        account.auth = AccountAuth::Automatic;
        account.username = user;
        // The password is the sandbox's own, on loopback: the one account allowed it in clear text.
        account.allowPlaintextAuth = !on;
        account.pinnedCertificates.clear();
        if (on)
            account.setCurrentPins({m_certificate->certificate().digest(QCryptographicHash::Sha256)});
        m_accounts->save(account);
        // Made for this run: memory only, never the keychain or a file.
        m_secrets->keepInMemory(account.id, password);
    }
    for (ComposeWindow *window : windows())
        window->setSandboxRehearsalChecked(on);
    emit sandboxRehearsalChanged(on, {});
}
