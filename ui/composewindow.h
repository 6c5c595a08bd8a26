#pragma once

#include "account.h"
#include "draft.h"
#include "mailaddress.h"
#include "mimemessage.h"
#include "outgoingmessage.h"
#include "smtperror.h"
#include "smtpserversettings.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMainWindow>
#include <QPointer>

#include <memory>

class AccountDialog;
class AccountStore;
class AddressBook;
class DraftStore;
class QAction;
class QActionGroup;
class QComboBox;
class QCompleter;
class QLabel;
class QLineEdit;
class QListWidget;
class QMenu;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTextEdit;
class QTimer;
class QToolBar;
class QToolButton;
class SandboxMailbox;
class SecretStore;
class SendJob;
class SendService;
class SpellingController;
struct SendReport;
class TranscriptModel;
class TranscriptPanel;

// The compose window: From, To/Cc/Bcc, Subject, text and attachments, and the live transcript beside
// it. Sending runs in the background on the SMTP engine; the window stays responsive, shows progress,
// can cancel, and keeps the message as it is when sending fails, with the reason and the fix.
class ComposeWindow : public QMainWindow
{
    Q_OBJECT
public:
    ComposeWindow(SmtpServerSettings settings, MailAddress identity, QString accountName,
                  QWidget *parent = nullptr);
    ~ComposeWindow() override;

    void addAttachment(const QString &path);
    // Sends with the accounts of store: a From selector over every account's identities, passwords from
    // secrets (asked for when the keychain has none). sandboxPort is where the built-in sandbox listens.
    void setAccounts(AccountStore *store, SecretStore *secrets, quint16 sandboxPort);
    // Every send goes through this service (app/); without one the window makes its own, for explicit
    // server settings and no stored messages.
    void setSendService(SendService *service) { m_service = service; }
    // Shows a send already under way for this window's message (an outbox retry) as if started here.
    void attachJob(SendJob *job);
    // The message was sent: it is shown read-only with what the server said; it cannot be sent again.
    bool isShowingSent() const { return m_sentView; }
    QWidget *sentBanner() const { return m_sentBanner; }
    // Shown while the Local sandbox is the sender, with a way to set up a real account.
    QWidget *sandboxBanner() const { return m_sandboxBanner; }
    QLabel *sentBannerText() const { return m_sentText; }
    QPushButton *sendRefusedButton() const { return m_sendRefused; }
    QComboBox *fromSelector() const { return m_fromSelector; }
    // Adds View → Sandbox mailbox, which shows what the built-in sandbox received.
    void setSandboxMailbox(SandboxMailbox *mailbox);
    QWidget *sandboxMailboxWindow() const { return m_mailboxWindow; }
    // Keeps the message in drafts: saved a few seconds after each change and on close, restored after a
    // crash or kill. A failed send moves it to the outbox with its error; a successful send removes it.
    void setDraftStore(DraftStore *drafts);
    void loadDraft(const Draft &draft);
    Draft currentDraft() const;
    QString draftId() const { return m_draftId; }
    void setAutosaveDelay(int milliseconds);
    // Completes To/Cc/Bcc from addresses used before; a successful send adds its recipients.
    void setAddressBook(AddressBook *book);
    QCompleter *completer(QLineEdit *field) const;
    // Fills the form from a mailto: URI (RFC 6068); false with a status message when it is not one.
    bool openMailto(const QString &uri);

public slots:
    void showSandboxMailbox();

public:
    // When false, send() does not ask about an empty subject or a missing attachment (for tests).
    void setConfirmations(bool on) { m_confirmations = on; }
    // Nobody is watching (an outbox retry in a window that is not shown): never ask anything; a password
    // that cannot be read fails the attempt, which the outbox tries again later.
    void setUnattended(bool on)
    {
        m_unattended = on;
        m_confirmations = m_confirmations && !on;
    }

    QLineEdit *toField() const { return m_to; }
    QLineEdit *ccField() const { return m_cc; }
    QLineEdit *bccField() const { return m_bcc; }
    QLineEdit *subjectField() const { return m_subject; }
    QPlainTextEdit *bodyEdit() const { return m_body; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *cancelButton() const { return m_cancel; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *showProblemButton() const { return m_showProblem; }
    TranscriptPanel *transcriptPanel() const { return m_transcriptPanel; }
    TranscriptModel *transcriptModel() const { return m_transcript; }
    QListWidget *attachmentList() const { return m_attachments; }
    // The toolbar and what it shares with the menus.
    QToolBar *messageToolBar() const { return m_toolBar; }
    QAction *saveDraftAction() const { return m_saveDraftAction; }
    QAction *deliveryReceiptAction() const { return m_deliveryReceiptAction; }
    QAction *readReceiptAction() const { return m_readReceiptAction; }
    QAction *priorityAction(MimeMessage::Priority priority) const;
    QToolButton *priorityButton() const { return m_priorityButton; }
    // Spell checking of the text: underlines, suggestions, Format → Check spelling and its language.
    SpellingController *spelling() const { return m_spelling; }

public slots:
    bool saveDraftNow(); // false when nothing was saved (empty, sent, or the store refused)
    // Save draft (Ctrl+S): saves now and says when, or why not.
    void saveDraftExplicitly();
    void discardDraft();
    void saveAsEml(const QString &path = {});
    // Copies the equivalent `sendscope send` command line (no password) to the clipboard; returns it.
    QString copyAsCommand();
    // Rich text: a formatted editor, and the message gets an HTML alternative beside the plain text.
    void setRichText(bool on);
    bool isRichText() const;
    QTextEdit *richBodyEdit() const { return m_richBody; }
    void setSandboxRehearsalChecked(bool on);
    // Attaches the files on the clipboard (copied in a file manager); returns how many.
    int pasteAttachments();
    void send();
    void cancel();
    // After a send: a copy of the message as a new one, with a Message-ID of its own.
    void editAsNew();
    // After a partial refusal: a new message with the same content to the refused recipients only.
    void prepareForRefusedRecipients();
    // Asks, then forgets the message (drafts and outbox); the window stays open with a new message.
    void discardWithConfirmation();
    void newAccount();
    void editAccount();
    // After the server refused the password: asks for it, keeps it in the keychain and sends again.
    void enterPasswordAgain();
    void removeAccount();
    // After a send that needs a sign-in: the account dialog of the From account, signing in (with
    // providerId when a reply asked for that provider). Null for the sandbox or no account.
    AccountDialog *signInAgain(const QString &providerId = {});

signals:
    void sendFinished(const SmtpError &error);
    void accountRemoved(const QString &accountId);
    void newMessageRequested();
    void outboxRequested();
    void draftSaved(const QString &id);
    void sandboxRehearsalToggled(bool on);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void buildUi();
    void validateAddressField(QLineEdit *field);
    void updateTitle();
    void setSending(bool sending);
    void showStatus(const QString &text, bool error);
    void onSendFinished(const SendReport &report);
    void recordRecipients(const SendReport &report);
    void showSentView(const Draft &draft);
    void leaveSentView();
    void clearMessage();
    SendService *sendService();
    void chooseAttachments();
    std::optional<MimeMessage> buildMessage();
    void scheduleAutosave();
    void buildMenus();
    void reloadAccounts(const QString &selectAccountId);
    std::optional<Account> currentAccount() const;
    Identity currentIdentity() const;
    void applySignature();
    void updateSandboxBanner();
    void buildToolBar();
    // A fresh message takes the receipts its account asks for by default.
    void applyAccountDefaults();
    // Whether the server is known to offer delivery receipts (DSN): nothing when it is not known.
    std::optional<bool> serverOffersDsn() const;
    void updateMessageOptions();
    void setPriority(MimeMessage::Priority priority);
    MimeMessage::Priority priority() const;

    SmtpServerSettings m_settings;
    MailAddress m_identity;
    QString m_accountName;
    AccountStore *m_accounts = nullptr;
    SecretStore *m_secrets = nullptr;
    quint16 m_sandboxPort = 0;
    QLabel *m_fromLabel = nullptr;
    QComboBox *m_fromSelector = nullptr;
    QAction *m_rehearsal = nullptr;
    QAction *m_richAction = nullptr;
    QTextEdit *m_richBody = nullptr;
    SpellingController *m_spelling = nullptr;
    SandboxMailbox *m_mailbox = nullptr;
    DraftStore *m_drafts = nullptr;
    AddressBook *m_addressBook = nullptr;
    QHash<QLineEdit *, QCompleter *> m_completers;
    QString m_draftId;
    Draft::State m_draftState = Draft::State::Draft;
    QTimer *m_autosave = nullptr;
    bool m_sent = false;      // sent, and not changed since: nothing to keep
    QString m_signatureBlock; // the signature this window appended to the text, to swap it on a change
    QPointer<QWidget> m_mailboxWindow;
    TranscriptModel *m_transcript;
    TranscriptPanel *m_transcriptPanel = nullptr;
    QLineEdit *m_to = nullptr;
    QLineEdit *m_cc = nullptr;
    QLineEdit *m_bcc = nullptr;
    QLabel *m_bccLabel = nullptr;
    QToolButton *m_bccToggle = nullptr;
    QLineEdit *m_subject = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QListWidget *m_attachments = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_showProblem = nullptr;
    QPushButton *m_cancel = nullptr;
    SendService *m_service = nullptr;
    QPointer<SendJob> m_job;
    bool m_sendStarting = false; // inside send(), while it may still ask something
    bool m_sentView = false;
    QStringList m_refused; // after a partial refusal: who did not get it
    QWidget *m_sentBanner = nullptr;
    QWidget *m_sandboxBanner = nullptr;
    QLabel *m_sentText = nullptr;
    QPushButton *m_sendRefused = nullptr;
    QPushButton *m_attach = nullptr;
    QPushButton *m_removeAttachment = nullptr;
    QAction *m_sendAction = nullptr;
    QToolBar *m_toolBar = nullptr;
    QAction *m_attachAction = nullptr;
    QAction *m_saveDraftAction = nullptr;
    QAction *m_deliveryReceiptAction = nullptr;
    QAction *m_readReceiptAction = nullptr;
    QActionGroup *m_priorityGroup = nullptr;
    QMenu *m_priorityMenu = nullptr;
    QToolButton *m_priorityButton = nullptr;
    bool m_receiptsChosen = false; // by the person, or loaded with a draft: account defaults no longer apply
    // What the server of the last send offered (for explicit server settings, which have no record).
    std::optional<QStringList> m_lastExtensions;
    bool m_confirmations = true;
    bool m_unattended = false;
};
