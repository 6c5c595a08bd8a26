#pragma once

#include "account.h"
#include "draft.h"
#include "mergedata.h"
#include "mergejournal.h"
#include "mergerun.h"
#include "pacingprofile.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <memory>
#include <optional>

class AccountStore;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTableWidget;
class QTextEdit;
class SendService;

// File → New bulk send…: one personalised message per row of a table (群发, a payslip to every
// employee), in five steps on one window: the data, the message with {{column}} fields, the checks,
// a preview of any row (and a test to oneself), and the run with its live table. The work is MergeRun's
// (app/): this window only fills a MergeSpec and shows what the run reports. Non-modal; Esc closes it
// unless a run is under way, which it asks about first.
class BulkSendWindow : public QWidget
{
    Q_OBJECT
public:
    enum Step { DataStep, MessageStep, CheckStep, PreviewStep, SendStep };

    BulkSendWindow(AccountStore *accounts, SendService *service, QWidget *parent = nullptr);
    ~BulkSendWindow() override;

    // The compose window's message, offered as the template ("Load from the compose window").
    void setComposeTemplate(const Draft &draft);
    void loadComposeTemplate();
    // When false, closing during a run does not ask first (for tests).
    void setConfirmations(bool on) { m_confirmations = on; }

    bool loadDataFile(const QString &path);
    void showStep(Step step);
    Step currentStep() const;
    // Runs the checks on what the window holds; true when nothing blocks the run.
    bool runChecks();
    void showPreview(int row); // 1-based
    void sendTest();
    void start();
    void pause();
    void resume();
    void cancelRun();
    void retryRefusedAndDeferred();
    bool exportReport(const QString &path = {});
    // The person's decision about the rows in doubt selected in the run table (Send again asks first,
    // unless confirmations are off). False when none is selected or the journal refused it.
    bool resolveSelectedInDoubt(MergeJournal::Resolution resolution);
    bool isRunning() const;
    MergeRun *mergeRun() const { return m_run.get(); }
    QString journalPath() const;

    QComboBox *encodingSelector() const { return m_encoding; }
    QComboBox *delimiterSelector() const { return m_delimiter; }
    QComboBox *sheetSelector() const { return m_sheet; }
    QComboBox *addressColumnSelector() const { return m_addressColumn; }
    QTableWidget *dataTable() const { return m_dataTable; }
    QLabel *dataStatus() const { return m_dataStatus; }
    QComboBox *fromSelector() const { return m_from; }
    QLineEdit *toField() const { return m_to; }
    QLineEdit *ccField() const { return m_cc; }
    QLineEdit *bccField() const { return m_bcc; }
    QLineEdit *subjectField() const { return m_subject; }
    QPlainTextEdit *textEdit() const { return m_text; }
    // Rich text: the message goes with an HTML version (the formatted text, its {{fields}} filled in
    // HTML-escaped) and the same words as its plain alternative.
    void setRichText(bool on);
    bool isRichText() const;
    QCheckBox *richTextCheck() const { return m_richText; }
    QTextEdit *richTextEdit() const { return m_richEdit; }
    QLineEdit *attachmentsField() const { return m_attachments; }
    QSpinBox *rateField() const { return m_rate; }
    QSpinBox *perDayField() const { return m_perDay; }
    QLabel *pacingProfileLabel() const { return m_pacingProfile; }
    QPushButton *insertFieldButton() const { return m_insertField; }
    QLabel *summaryLabel() const { return m_summary; }
    QLabel *estimateLabel() const { return m_estimate; }
    QListWidget *problemList() const { return m_problems; }
    QSpinBox *previewRowField() const { return m_previewRow; }
    QPlainTextEdit *previewView() const { return m_preview; }
    QLabel *testStatus() const { return m_testStatus; }
    QTableWidget *runTable() const { return m_runTable; }
    QLabel *progressLabel() const { return m_progressText; }
    QCheckBox *readReceiptBox() const { return m_readReceipt; }
    QComboBox *priorityBox() const { return m_priority; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *runEstimateLabel() const { return m_runEstimate; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *pauseButton() const { return m_pause; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *retryButton() const { return m_retry; }
    QPushButton *exportButton() const { return m_export; }
    QWidget *doubtNotice() const { return m_doubtBar; }
    QLabel *doubtNoticeLabel() const { return m_doubtNotice; }
    QPushButton *markDeliveredButton() const { return m_markDelivered; }
    QPushButton *sendAgainButton() const { return m_sendAgain; }

signals:
    void checked(bool ok);
    void testFinished(bool delivered);
    void runFinished(const QString &stopReason);
    void runPaused();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QWidget *buildDataPage();
    QWidget *buildMessagePage();
    QWidget *buildCheckPage();
    QWidget *buildPreviewPage();
    QWidget *buildSendPage();
    void reloadData();
    void fillDataTable();
    void showDataControls(bool workbook);
    void applyPacingProfile();
    void updateEstimate();
    void fillFromSelector(const QString &accountId, int identityIndex);
    void onAddressColumnChanged();
    void insertField(const QString &column);
    std::optional<Account> currentAccount() const;
    Identity currentIdentity() const;
    std::optional<MergeSpec> currentSpec(QString *problem) const;
    void invalidateChecks();
    void openRunForDisplay();
    bool createRun(bool acceptChanges = false);
    void connectRun();
    void fillRunTable();
    void updateRunRow(int row, const QString &stateText);
    void updateRunControls();
    void updateProgress(const QString &note = {});
    void onRunFinished(const QString &stopReason);
    void updateDoubtNotice();
    QList<int> selectedRowsInDoubt() const;
    SendJob::SecretPrompt secretPrompt();

    AccountStore *m_accounts;
    SendService *m_service;
    std::optional<Draft> m_composeTemplate;
    QString m_dataPath;
    std::optional<MergeTable> m_table;
    std::unique_ptr<MergeRun> m_checker; // check(), preview and test: never opens the journal
    std::unique_ptr<MergeRun> m_run;     // the journal's run: shown, started, resumed
    bool m_checksCurrent = false;
    bool m_checksPassed = false;
    bool m_confirmations = true;
    bool m_closeWhenStopped = false;
    bool m_filling = false;   // the window sets its own selectors: no reload
    QString m_addressDefault; // "{{column}}" as the To field got it from the address column
    QString m_lastNote;
    PacingProfile m_profile;             // the chosen account's: the limits' defaults, its name shown
    QHash<QString, qint64> m_sizeLimits; // by account id, learned from a run's connection
    QPointer<QWidget> m_lastEditor;      // where Insert field puts {{column}}

    QListWidget *m_steps = nullptr;
    QStackedWidget *m_pages = nullptr;
    QPushButton *m_back = nullptr;
    QPushButton *m_next = nullptr;
    QPushButton *m_close = nullptr;

    QLineEdit *m_dataFile = nullptr;
    QComboBox *m_encoding = nullptr;
    QComboBox *m_delimiter = nullptr;
    QComboBox *m_sheet = nullptr;
    QLabel *m_encodingLabel = nullptr;
    QLabel *m_delimiterLabel = nullptr;
    QLabel *m_sheetLabel = nullptr;
    QComboBox *m_addressColumn = nullptr;
    QTableWidget *m_dataTable = nullptr;
    QLabel *m_dataStatus = nullptr;

    QComboBox *m_from = nullptr;
    QLineEdit *m_to = nullptr;
    QLineEdit *m_cc = nullptr;
    QLineEdit *m_bcc = nullptr;
    QLineEdit *m_subject = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QTextEdit *m_richEdit = nullptr;
    QCheckBox *m_richText = nullptr;
    QCheckBox *m_readReceipt = nullptr;
    QComboBox *m_priority = nullptr;
    QLabel *m_textLabel = nullptr;
    QLineEdit *m_attachments = nullptr;
    QSpinBox *m_rate = nullptr;
    QSpinBox *m_perDay = nullptr;
    QLabel *m_pacingProfile = nullptr;
    QPushButton *m_insertField = nullptr;
    QPushButton *m_loadTemplate = nullptr;

    QLabel *m_summary = nullptr;
    QLabel *m_estimate = nullptr;
    QListWidget *m_problems = nullptr;

    QSpinBox *m_previewRow = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    QPushButton *m_test = nullptr;
    QLabel *m_testStatus = nullptr;

    QLabel *m_progressText = nullptr;
    QLabel *m_runEstimate = nullptr;
    QProgressBar *m_progress = nullptr;
    QTableWidget *m_runTable = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_pause = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_export = nullptr;
    QWidget *m_doubtBar = nullptr;
    QLabel *m_doubtNotice = nullptr;
    QPushButton *m_markDelivered = nullptr;
    QPushButton *m_sendAgain = nullptr;
    QMetaObject::Connection m_focusWatch;
};
