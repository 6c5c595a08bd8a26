#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class AccountStore;
class AddressBook;
class ComposeWindow;
class DraftStore;
class OutboxWindow;
class SandboxMailbox;
class SecretStore;

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
    ComposeWindow *newMessage();
    // Opens a window for every saved draft (not the outbox); returns how many.
    int restoreDrafts();
    ComposeWindow *openDraft(const QString &draftId, bool sendNow);
    void showOutbox();
    QList<ComposeWindow *> windows() const;
    OutboxWindow *outboxWindow() const;

private:
    ComposeWindow *create();

    AccountStore *m_accounts;
    SecretStore *m_secrets;
    DraftStore *m_drafts;
    SandboxMailbox *m_mailbox;
    AddressBook *m_addressBook = nullptr;
    quint16 m_sandboxPort;
    QList<QPointer<ComposeWindow>> m_windows;
    QPointer<OutboxWindow> m_outbox;
};
