#pragma once

#include "bounceparser.h"

#include <QCommandLineParser>
#include <QObject>
#include <QTextStream>

// `sendscope explain [FILE|-]`: explains pasted SMTP replies or a whole bounce message (see BounceParser):
// for each failed recipient the server's own words, then Sendscope's reading and what to do. The exit
// status is that of `sendscope send` for the first failure's category (SmtpError::exitCode); 2 when the
// input holds no reply or bounce.
class ExplainCommand : public QObject
{
    Q_OBJECT
public:
    explicit ExplainCommand(QObject *parent = nullptr);

    int parse(const QStringList &arguments); // -1: run() must follow; otherwise the exit status
    void run();
    QString helpText() const { return m_parser.helpText(); }
    void setStandardInput(QIODevice *input) { m_stdin = input; }

    // The report for failures, as the command prints it and the bounce dialog shows it.
    static QString report(const QList<BounceParser::Failure> &failures);
    static int exitCode(const QList<BounceParser::Failure> &failures);

signals:
    void finished(int exitCode);

private:
    QCommandLineParser m_parser;
    QString m_path; // "-" or empty: standard input
    QTextStream m_out;
    QTextStream m_err;
    QIODevice *m_stdin = nullptr;
};
