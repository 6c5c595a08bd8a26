#pragma once

#include "domaincheck.h"

#include <QCommandLineParser>
#include <QObject>
#include <QTextStream>

// `sendscope check-domain DOMAIN [--nameserver ADDR]`: DomainCheck on the command line. Exit status 0 when
// nothing is wrong, 15 (policy: receivers will refuse or distrust the mail) when a finding is a problem,
// 10 (DNS) when the lookups failed, 2 for bad arguments.
class CheckDomainCommand : public QObject
{
    Q_OBJECT
public:
    explicit CheckDomainCommand(QObject *parent = nullptr);

    int parse(const QStringList &arguments); // -1: run() must follow; otherwise the exit status
    void run();
    QString helpText() const { return m_parser.helpText(); }

signals:
    void finished(int exitCode);

private:
    QCommandLineParser m_parser;
    DomainCheck m_check;
    QString m_domain;
    QTextStream m_out;
    QTextStream m_err;
};
