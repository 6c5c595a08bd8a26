#pragma once

#include "account.h"
#include "transcriptentry.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QStringList>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;
class SmtpSession;

// "Find settings for me": from an email address alone, the outgoing server to use, found in this order
// (each step logged as a transcript entry, and each one bounded in time):
//   1. the Thunderbird autoconfig file from the domain, over HTTPS (autoconfig.<domain>/mail/
//      config-v1.1.xml, then <domain>/.well-known/autoconfig/mail/config-v1.1.xml);
//   2. DNS SRV records _submissions._tcp and _submission._tcp (RFC 6186);
//   3. the domain's MX host, then probing smtp.<domain>, mail.<domain> and the MX host on ports 465, 587
//      and 25, asking each for its EHLO capabilities.
// The first two stop at the first secure answer; probing proposes the best secure result. Proposals
// come with the reason in words.
class SettingsFinder : public QObject
{
    Q_OBJECT
public:
    enum class Step { Idle, Autoconfig, SrvSubmissions, SrvSubmission, Mx, Probing, Finished };
    Q_ENUM(Step)

    // Where a proposal came from. DNS answers are not signed (no DNSSEC check here), so anyone on the
    // path can name another server in them.
    enum class Source { Autoconfig, DnsSrv, DnsMx, Probe };
    Q_ENUM(Source)

    struct Proposal
    {
        QString host;
        quint16 port = 0;
        SmtpSecurity security = SmtpSecurity::StartTls;
        AccountAuth auth = AccountAuth::Automatic;
        QString username; // empty: the address
        QString reason;   // why this one, for a person
        Source source = Source::Probe;
        bool hostOutsideDomain = false; // neither the address's domain nor a name under it
        QString domain;                 // the address's domain

        // RFC 6186 section 6 and RFC 7817: a server named by DNS outside the mail domain is only used
        // with the person's confirmation (its certificate is checked against that name, not the domain).
        bool needsConfirmation() const
        {
            return hostOutsideDomain && (source == Source::DnsSrv || source == Source::DnsMx);
        }
    };

    // Whether host is domain or a name under it (case-insensitive, a trailing dot ignored).
    static bool isWithinDomain(const QString &host, const QString &domain);

    explicit SettingsFinder(QObject *parent = nullptr);
    ~SettingsFinder() override;

    // Where to look; tests point these at loopback servers. Empty: the defaults for the domain.
    void setAutoconfigUrls(const QList<QUrl> &urls) { m_autoconfigUrls = urls; }
    void setProbeHosts(const QStringList &hosts) { m_probeHosts = hosts; }
    struct ProbePort
    {
        quint16 port;
        SmtpSecurity security;
    };
    void setProbePorts(const QList<ProbePort> &ports) { m_probePorts = ports; }
    void setDnsEnabled(bool enabled) { m_dnsEnabled = enabled; }
    // Ask this DNS server (port 53) instead of the system's resolver.
    void setNameserver(const QHostAddress &nameserver) { m_nameserver = nameserver; }
    void setExtraCaCertificates(const QList<QSslCertificate> &certificates) { m_extraCa = certificates; }
    void setStepTimeout(int milliseconds) { m_stepTimeoutMs = milliseconds; }

    // Starts from the address; stepLogged() reports progress, finished() the outcome.
    void find(const QString &address);
    void cancel();
    Step step() const { return m_step; }
    bool isRunning() const { return m_step != Step::Idle && m_step != Step::Finished; }
    std::optional<Proposal> proposal() const { return m_proposal; }
    // The domain's MX host, when the search got as far as asking DNS for it; empty otherwise. The account
    // dialog recognises Google Workspace and Microsoft 365 domains by it.
    QString mxHost() const { return m_mxHost; }

    // Parses a config-v1.1.xml document: the first secure SMTP server in it (or the first at all, marked
    // insecure in its reason), or an error message.
    static std::optional<Proposal> parseAutoconfig(const QByteArray &xml, const QString &address,
                                                   QString *error);

signals:
    void stepLogged(const TranscriptEntry &entry);
    void finished(bool found);

private:
    void setStep(Step step);
    void log(TranscriptEntry::Kind kind, const QString &text);
    void fetchNextAutoconfig();
    void lookupSrv(const QString &service, SmtpSecurity security, Step next);
    void lookupMx();
    void startProbes();
    void onProbeFinished(SmtpSession *session, const QString &host, ProbePort port);
    void chooseFromProbes();
    void finish(std::optional<Proposal> proposal);

    struct ProbeResult
    {
        QString host;
        ProbePort port;
        bool reachable = false;
        bool encrypted = false;
        bool certificateTrusted = true;
        QByteArrayList authMechanisms;
        QString problem;
    };

    QNetworkAccessManager *m_network;
    QString m_address;
    QString m_domain;
    QList<QUrl> m_autoconfigUrls;
    QList<QUrl> m_pendingUrls;
    QStringList m_probeHosts;
    QList<ProbePort> m_probePorts;
    QString m_mxHost;
    bool m_dnsEnabled = true;
    QHostAddress m_nameserver;
    QList<QSslCertificate> m_extraCa;
    int m_stepTimeoutMs = 8000;
    Step m_step = Step::Idle;
    int m_generation = 0; // ignores answers from a cancelled search
    std::optional<Proposal> m_proposal;
    QList<ProbeResult> m_probeResults;
    int m_probesRunning = 0;
};
