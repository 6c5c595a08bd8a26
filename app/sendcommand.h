#pragma once

#include "account.h"
#include "mimemessage.h"
#include "smtpsession.h"

#include <QCommandLineParser>
#include <QObject>
#include <QStringList>
#include <QTextStream>

#include <memory>
#include <optional>

class SecretStore;
struct SendReport;

// `sendscope send`: parses the command line, builds the server settings and the message, runs one
// SmtpSession and prints its transcript to stderr, one line an event. The exit status tells the failure
// category (SmtpError::exitCode), 3 when the message was sent but some recipients were refused.
// `sendscope compose` takes the same message options and writes the message to --output instead.
class SendCommand : public QObject
{
    Q_OBJECT
public:
    static constexpr int kExitPartial = 3;
    static constexpr int kExitUsage = 2;
    static constexpr int kExitKeychain = 4; // --account: the keychain could not give the password

    explicit SendCommand(QObject *parent = nullptr);
    ~SendCommand() override;

    // arguments start with the program name, then "send". Returns -1 when the session should be run,
    // otherwise the exit status (help printed, or a usage error explained on stderr).
    int parse(const QStringList &arguments);
    // Starts the session; finished() follows.
    void run();

    const SmtpServerSettings &settings() const { return m_settings; }

    // For `sendscope merge`: the same server, login and message options, plus the caller's own. Returns
    // -1 when the server options are good, otherwise the exit status (help printed, or an error).
    int parseForMerge(const QStringList &arguments, const QList<QCommandLineOption> &extra,
                      const QString &description);
    const QCommandLineParser &parser() const { return m_parser; }
    // --priority; nullopt and error for a value other than high, normal or low.
    std::optional<MimeMessage::Priority> priority(QString *error) const;
    // The help of `sendscope merge` without parsing anything (the manual page).
    QString mergeHelpText(const QList<QCommandLineOption> &extra, const QString &description);
    const std::optional<Account> &account() const { return m_account; }
    bool secretFromKeychain() const { return m_secretFromKeychain; }
    const OutgoingMessage &message() const { return m_message; }
    QString helpText() const { return m_parser.helpText(); }

    // Stdin is read for --password-stdin; tests give a device instead.
    void setStandardInput(QIODevice *input) { m_stdin = input; }

signals:
    void finished(int exitCode);

private:
    void setupOptions();
    int usageError(const QString &message);
    int parseServerOptions();
    int parseMessageOptions();
    std::unique_ptr<MessageSource> buildMessage(QString *error);
    int writeOutput();
    void printEntry(const TranscriptEntry &entry);
    void onFinished(const SendReport &report);

    QCommandLineParser m_parser;
    SmtpServerSettings m_settings;
    OutgoingMessage m_message;
    MimeMessage m_mime;
    bool m_compose = false; // `sendscope compose --output`: write the message instead of sending it
    bool m_merge = false;   // `sendscope merge`: only the server options are this class's
    QTextStream m_err;
    QIODevice *m_stdin = nullptr;
    bool m_quiet = false;
    std::optional<Account> m_account; // --account
    bool m_secretFromKeychain = false;
    SecretStore *m_secrets = nullptr;
};
