#pragma once

#include "account.h"
#include "accountsignin.h"
#include "settingsfinder.h"
#include "smtperror.h"

#include <QDialog>
#include <QHash>
#include <QPointer>
#include <QSet>

#include <initializer_list>

class AccountStore;
class OAuthTokens;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableWidget;
class QPushButton;
class QSpinBox;
class SecretStore;
class SettingsFinder;
class ConnectionTest;
class TranscriptModel;
class TranscriptPanel;

// Sets up or edits one account: the fields, validation as the user types (the reason next to the
// field, Save disabled while anything is wrong), the port following the security, "Test connection"
// (connect, TLS, EHLO, AUTH, QUIT without sending mail, with the transcript and a verdict), the
// certificate decision, and saving: the password to the keychain, the rest to the account file.
class AccountDialog : public QDialog
{
    Q_OBJECT
public:
    AccountDialog(Account account, AccountStore *store, SecretStore *secrets, QWidget *parent = nullptr);
    ~AccountDialog() override;

    Account account() const; // as the form stands
    // What is wrong with a field, empty when it is fine; shown next to the field only once the person
    // has left it or pressed Save (shownProblemText(), also for tests).
    QString problemText(Account::Field field) const;
    QString shownProblemText(Account::Field field) const;
    QString passwordProblem() const;
    QString shownPasswordProblem() const;
    // Nothing is missing or wrong: Save would save.
    bool isComplete() const { return m_complete; }
    QString verdict() const;

    QLineEdit *nameField() const { return m_name; }
    QLineEdit *displayNameField() const { return m_displayName; }
    QLineEdit *addressField() const { return m_address; }
    QLineEdit *replyToField() const { return m_replyTo; }
    QPlainTextEdit *signatureField() const { return m_signature; }
    QTableWidget *identityTable() const { return m_identities; }
    QLineEdit *hostField() const { return m_host; }
    QSpinBox *portField() const { return m_port; }
    QComboBox *securityField() const { return m_security; }
    QComboBox *authField() const { return m_auth; }
    QLineEdit *usernameField() const { return m_username; }
    QLineEdit *passwordField() const { return m_password; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *testButton() const { return m_test; }
    QPushButton *findButton() const { return m_find; }
    // The certificates trusted always (server, SHA-256 fingerprint, since when) and the button that
    // stops trusting the selected one (when the account is saved).
    QTableWidget *pinTable() const { return m_pinTable; }
    QPushButton *removePinButton() const { return m_removePin; }
    // Sign-in with the provider (OAuth 2.0): the button names the provider, Cancel stops a sign-in under
    // way, the status says what is happening or what went wrong; "Use an app password" is the way out
    // when this build cannot sign in with that provider.
    QPushButton *signInButton() const { return m_signInButton; }
    QPushButton *cancelSignInButton() const { return m_cancelSignIn; }
    QPushButton *appPasswordButton() const { return m_appPassword; }
    QString signInStatus() const;
    // The code a password-only provider wants instead of the password (授权码, app password), with its
    // help link; empty for other providers.
    QString passwordHint() const;
    bool isSigningIn() const { return m_signIn && m_signIn->isRunning(); }
    void setSignInTimeout(int milliseconds) { m_signInTimeoutMs = milliseconds; }
    SettingsFinder *settingsFinder() const { return m_finder; }
    TranscriptModel *transcriptModel() const { return m_transcript; }

public slots:
    void findSettings();
    void testConnection();
    void save();
    // Fills the server part of the form from what "Find settings" proposed (also for tests).
    void applyProposal(const SettingsFinder::Proposal &proposal);
    // Signs in with the provider of the address (or providerId, such as after a reply that asks for a
    // sign-in) in the system browser; signInFinished() follows.
    void signIn(const QString &providerId = {});
    void cancelSignIn();
    void reject() override;

signals:
    void testFinished(const SmtpError &error);
    void findFinished(bool found);
    void saved(const Account &account);
    void signInFinished(bool signedIn);

private:
    void buildUi();
    void loadAccount();
    void showPins();
    void removeSelectedPin();
    void validate();
    // From now on the problems of these fields are shown (the person left one of them).
    void showProblemsOf(std::initializer_list<Account::Field> fields);
    // Save: every problem shown, the first problem field focused; true when there is none.
    bool showAllProblems();
    void onSecurityChanged();
    void runTest(const QString &secret);
    void onTestFinished(const SmtpError &error);
    void onFindFinished(bool found);
    bool askAboutCertificate();
    // Before the password goes to the server in the form (Test connection) or is saved for it: asks once
    // when the server came from an unsigned DNS answer outside the address's domain, and when the saved
    // password (typed for another server) would be reused. False: the person said no.
    bool confirmPasswordDestination(const Account &current, bool savedSecret);
    void finishSave();
    void setVerdict(const QString &html, bool error);
    // The provider to sign in with for the form as it stands, and the account prepared for it.
    std::optional<OAuthProvider> signInProvider() const;
    std::optional<Account> signInAccount() const;
    void updateSignInOffer();
    void setSignInStatus(const QString &html, bool error);
    void onSignInFinished(const AccountSignIn::Result &result);
    void useAppPassword();

    Account m_account;
    AccountStore *m_store;
    SecretStore *m_secrets;
    bool m_hasStoredSecret = false;
    bool m_portEdited = false;
    bool m_nameEdited = false;
    bool m_settingPort = false;
    QList<QByteArray> m_trustedOnce; // for the server in the form only: cleared when it changes
    QString m_savedSecretServer;     // Account::serverKey() the keychain's password was saved for
    QString m_confirmedSecretServer; // the person agreed to send the saved password there
    QString m_foreignHost;           // a proposed host outside the address's domain, not yet confirmed
    QString m_foreignDomain;         // that address's domain
    QString m_offeredProvider;       // a reply asked for a sign-in with this provider
    QString m_appPasswordProvider;   // the provider whose app-password route is offered
    bool m_signedInUnsaved = false;  // a new account's refresh token is in the keychain, unsaved
    int m_signInTimeoutMs = 5 * 60 * 1000;
    AccountSignIn *m_signIn = nullptr;
    OAuthTokens *m_tokens = nullptr; // for Test connection of a signed-in account

    QLineEdit *m_name = nullptr;
    QLineEdit *m_displayName = nullptr;
    QLineEdit *m_address = nullptr;
    QLineEdit *m_replyTo = nullptr;
    QPlainTextEdit *m_signature = nullptr;
    QTableWidget *m_identities = nullptr; // identities after the first: name, address, reply-to
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QComboBox *m_security = nullptr;
    QComboBox *m_auth = nullptr;
    QLineEdit *m_username = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_allowPlaintext = nullptr;
    QCheckBox *m_deliveryReceiptDefault = nullptr; // what a new message from this account asks for
    QCheckBox *m_readReceiptDefault = nullptr;
    QHash<int, QLabel *> m_problemLabels; // Account::Field -> label under the field
    QHash<int, QString> m_problems;       // Account::Field -> what is wrong with it now
    QSet<int> m_shownProblems;            // fields the person has left, or all after Save
    QString m_passwordProblemText;
    bool m_passwordProblemShown = false;
    bool m_complete = false;
    QString m_takenName; // the account file refused this name at the last Save
    QString m_takenNameProblem;
    QString m_settledAddress; // the address as it was when the person left the field
    QLabel *m_passwordProblem = nullptr;
    QLabel *m_passwordHint = nullptr;
    QWidget *m_signInRow = nullptr;
    QPushButton *m_signInButton = nullptr;
    QPushButton *m_cancelSignIn = nullptr;
    QPushButton *m_appPassword = nullptr;
    QLabel *m_signInStatus = nullptr;
    QTableWidget *m_pinTable = nullptr;
    QPushButton *m_removePin = nullptr;
    QLabel *m_pinLabel = nullptr;
    QWidget *m_pinBox = nullptr;
    QLabel *m_verdict = nullptr;
    QPushButton *m_test = nullptr;
    QPushButton *m_find = nullptr;
    SettingsFinder *m_finder = nullptr;
    QPushButton *m_save = nullptr;
    TranscriptModel *m_transcript = nullptr;
    TranscriptPanel *m_transcriptPanel = nullptr;
    ConnectionTest *m_connectionTest = nullptr;
};
