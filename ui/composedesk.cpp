#include "composedesk.h"

#include "composewindow.h"
#include "draftstore.h"
#include "outboxwindow.h"

#include <QLocale>
#include <QLoggingCategory>
#include <QStatusBar>

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
{
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
    window->setAccounts(m_accounts, m_secrets, m_sandboxPort);
    if (m_mailbox)
        window->setSandboxMailbox(m_mailbox);
    window->setDraftStore(m_drafts);
    if (m_addressBook)
        window->setAddressBook(m_addressBook);
    connect(window, &ComposeWindow::newMessageRequested, this, [this] { newMessage(); });
    connect(window, &ComposeWindow::outboxRequested, this, &ComposeDesk::showOutbox);
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
    if (sendNow)
        window->send();
    return window;
}

void ComposeDesk::showOutbox()
{
    if (!m_outbox) {
        m_outbox = new OutboxWindow(m_drafts);
        m_outbox->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_outbox, &OutboxWindow::openRequested, this,
                [this](const QString &id, bool sendNow) { openDraft(id, sendNow); });
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

OutboxWindow *ComposeDesk::outboxWindow() const
{
    return m_outbox;
}
