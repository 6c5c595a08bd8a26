#pragma once

#include <QCoreApplication>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

// Checks what receivers look up about a sender's domain before they accept its mail: MX, SPF (present,
// one record, syntax, at most 10 DNS lookups, how it ends), DMARC (present, policy, reports), DKIM keys
// at the selectors the big providers use, MTA-STS and TLS-RPT. Each finding says, in plain words, what
// Gmail, Yahoo, Microsoft and QQ/NetEase do when it is missing or broken. It reads DNS only: it does
// not evaluate SPF for an IP address, and it does not fetch the MTA-STS policy file.
class DomainCheck : public QObject
{
    Q_OBJECT
public:
    enum class Severity { Good, Info, Warning, Problem };
    struct Finding
    {
        QString key; // stable: mx, spf, dmarc, dkim, mta-sts, tls-rpt, dns
        Severity severity = Severity::Info;
        QString title;       // one line: what was found
        QString explanation; // what receivers do about it, and the fix
        QString record;      // the DNS text it is about, if any
    };

    // Selectors of the big providers' DKIM keys: Google Workspace, Microsoft 365, and common defaults.
    static QStringList commonDkimSelectors();

    explicit DomainCheck(QObject *parent = nullptr);

    // Ask this DNS server (port 53) instead of the system's; for tests and for checking one server.
    void setNameserver(const QHostAddress &nameserver) { m_nameserver = nameserver; }
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    // Starts the lookups; finished() follows, always. Start the next check only after finished().
    void start(const QString &domain);

    QString domain() const { return m_domain; }
    const QList<Finding> &findings() const { return m_findings; }
    bool hasProblems() const;
    bool dnsFailed() const { return m_dnsFailed; }
    // The findings as text for a terminal or a dialog.
    QString report() const;

signals:
    void finished();

private:
    enum class Outcome { Found, Missing, Failed };
    using TxtHandler = std::function<void(Outcome, const QStringList &)>;
    void lookupTxt(const QString &name, TxtHandler handler);
    void lookupMx(const QString &name);
    void followSpf(const QString &domain, int depth);
    void countSpfTerms(const QString &record, int depth);
    void done();
    void analyse();
    void add(const QString &key, Severity severity, const QString &title, const QString &explanation,
             const QString &record = {});

    QString m_domain;
    QHostAddress m_nameserver;
    int m_timeoutMs = 10000;
    int m_pending = 0;
    bool m_dnsFailed = false;
    QStringList m_dnsErrors; // "name: error", for the findings
    QList<Finding> m_findings;

    // What the lookups found, analysed once all have answered.
    Outcome m_mxOutcome = Outcome::Missing;
    QStringList m_mxHosts;
    Outcome m_spfOutcome = Outcome::Missing;
    QStringList m_spfRecords;
    int m_spfLookups = 0;
    QStringList m_spfBrokenIncludes;
    Outcome m_dmarcOutcome = Outcome::Missing;
    QStringList m_dmarcRecords;
    QStringList m_dkimFound; // "selector: record"
    QStringList m_dkimRevoked;
    Outcome m_stsOutcome = Outcome::Missing;
    QString m_stsRecord;
    Outcome m_tlsRptOutcome = Outcome::Missing;
    QString m_tlsRptRecord;
};
