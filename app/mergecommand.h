#pragma once

#include "mergerun.h"
#include "pacingprofile.h"
#include "sendcommand.h"

#include <QObject>
#include <QTextStream>

#include <memory>

class SecretStore;
class SendService;

// `sendscope merge`: personalised bulk sending from the command line. One line per row on standard
// output; running the same command again with the same journal resumes where it stopped.
// Exit status: 0 every row accepted; 3 finished with rows refused or in doubt; 6 stopped (an
// account-wide refusal, or cancelled) with rows still to send; 2 bad command line or data (or a
// --mark-delivered / --resend row that is not in doubt: then nothing changed).
class MergeCommand : public QObject
{
    Q_OBJECT
public:
    static constexpr int kExitIncomplete = 3;
    static constexpr int kExitStopped = 6;

    explicit MergeCommand(QObject *parent = nullptr);
    ~MergeCommand() override;

    int parse(const QStringList &arguments);
    // The options and their descriptions, for the manual page.
    QString helpText();
    void run();
    MergeRun *mergeRun() const { return m_run.get(); }

signals:
    void finished(int exitCode);

private:
    static QList<QCommandLineOption> options();
    static QString description();
    // Rows named by --mark-delivered or --resend: numbers, or every row in doubt.
    struct RowSelection
    {
        bool given = false;
        bool allInDoubt = false; // "unknown"
        QList<int> rows;         // 1-based, ascending, each once
    };
    static bool parseRows(const QString &option, const QStringList &values, int rowCount, RowSelection *out,
                          QString *problem);
    int usageError(const QString &message);
    bool resolveInDoubt();
    void onFinished(const QString &stopReason);

    SendCommand m_send;
    SendService *m_service = nullptr;
    SecretStore *m_secrets = nullptr;
    std::unique_ptr<MergeRun> m_run;
    MergeSpec m_spec;
    PacingProfile m_profile;
    QTextStream m_out;
    QTextStream m_err;
    bool m_dryRun = false;
    int m_previewRow = 0;
    QString m_reportPath;
    RowSelection m_markDelivered;
    RowSelection m_resend;
};
