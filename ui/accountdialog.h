#pragma once

#include "account.h"
#include "settingsfinder.h"
#include "smtperror.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

class AccountStore;
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
    // The reason shown next to a field, empty when it is fine (also for tests).
    QString problemText(Account::Field field) const;
    QString passwordProblem() const;
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
    SettingsFinder *settingsFinder() const { return m_finder; }
    TranscriptModel *transcriptModel() const { return m_transcript; }

public slots:
    void findSettings();
    void testConnection();
    void save();
    // Fills the server part of the form from what "Find settings" proposed (also for tests).
    void applyProposal(const SettingsFinder::Proposal &proposal);

signals:
    void testFinished(const SmtpError &error);
    void findFinished(bool found);
    void saved(const Account &account);

private:
    void buildUi();
    void loadAccount();
    void validate();
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
    QHash<int, QLabel *> m_problemLabels; // Account::Field -> label under the field
    QLabel *m_passwordProblem = nullptr;
    QLabel *m_verdict = nullptr;
    QPushButton *m_test = nullptr;
    QPushButton *m_find = nullptr;
    SettingsFinder *m_finder = nullptr;
    QPushButton *m_save = nullptr;
    TranscriptModel *m_transcript = nullptr;
    TranscriptPanel *m_transcriptPanel = nullptr;
    ConnectionTest *m_connectionTest = nullptr;
};
