#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

struct SmtpError;

class AccountStore;
class AddressBook;
class ComposeWindow;
class DraftStore;
class OutboxScheduler;
class OutboxWindow;
class SandboxCertificate;
class SandboxMailbox;
class SandboxServer;
class SecretStore;
class SendService;

// Every open compose window and the outbox, on the shared services: opens new messages (Ctrl+N, a
// mailto: link), restores the drafts that were open when the app stopped, and reopens outbox messages
// for editing or retrying.
class ComposeDesk : public QObject
{
    Q_OBJECT
public:
    ComposeDesk(AccountStore *accounts, SecretStore *secrets, DraftStore *drafts, SandboxMailbox *mailbox,
                quint16 sandboxPort, QObject *parent = nullptr);
    ~ComposeDesk() override;

    void setAddressBook(AddressBook *book) { m_addressBook = book; }
    // The running sandbox, so the windows can make it rehearse STARTTLS and AUTH; its certificate is
    // made (once) in certificateDirectory.
    void setSandbox(SandboxServer *server, const QString &certificateDirectory);
    // Turns the rehearsal on or off: the sandbox server and the sandbox account follow together.
    // Asynchronous when the certificate must be made first; sandboxRehearsalChanged() follows.
    void setSandboxRehearsal(bool on);
    // At start-up: the sandbox account may still say STARTTLS from last time; the server must match.
    void restoreSandboxRehearsal();
    // The sandbox's password is random for each run (see main.cpp); only the user name is fixed.
    static constexpr const char *kSandboxUser = "you";
    ComposeWindow *newMessage();
    // Opens a window for every saved draft (not the outbox); returns how many.
    int restoreDrafts();
    ComposeWindow *openDraft(const QString &draftId, bool sendNow);
    void showOutbox();
    QList<ComposeWindow *> windows() const;
    // The first window the person can see (not one retrying the outbox unseen); null when none is shown.
    ComposeWindow *shownWindow() const;
    OutboxWindow *outboxWindow() const;
    // Retries outbox messages that failed temporarily (greylisting, a lost connection), with back-off.
    OutboxScheduler *outboxScheduler() const { return m_scheduler; }
    // Every send of every window and of the outbox goes through this one service.
    SendService *sendService() const { return m_service; }
    // Sends an outbox message again, without any window, unless a window shows it (then the person is
    // editing it and decides).
    void retryInBackground(const QString &draftId);

signals:
    void sandboxRehearsalChanged(bool on, const QString &problem);
    void backgroundRetryFinished(const QString &draftId, const QString &subject, const SmtpError &error);

private:
    ComposeWindow *create();
    void applySandboxRehearsal(bool on);

    AccountStore *m_accounts;
    SecretStore *m_secrets;
    DraftStore *m_drafts;
    SandboxMailbox *m_mailbox;
    AddressBook *m_addressBook = nullptr;
    SandboxServer *m_sandbox = nullptr;
    SandboxCertificate *m_certificate = nullptr;
    bool m_rehearsal = false;
    quint16 m_sandboxPort;
    SendService *m_service;
    QList<QPointer<ComposeWindow>> m_windows;
    QPointer<OutboxWindow> m_outbox;
    OutboxScheduler *m_scheduler;
};
