#include "settingsfinder.h"

#include "smtpsession.h"

#include <QCoreApplication>
#include <QDnsLookup>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QTimer>
#include <QXmlStreamReader>

#include <algorithm>
#include <memory>

namespace {

constexpr qint64 kAutoconfigCap = 256 * 1024;

QString securityWords(SmtpSecurity security)
{
    switch (security) {
    case SmtpSecurity::ImplicitTls:
        return SettingsFinder::tr("SSL/TLS");
    case SmtpSecurity::StartTls:
        return SettingsFinder::tr("STARTTLS");
    case SmtpSecurity::None:
        return SettingsFinder::tr("no encryption");
    }
    return {};
}

// Higher is better: implicit TLS (RFC 8314 prefers it), then STARTTLS on the submission port, then
// STARTTLS on port 25 (often blocked for clients and meant for server-to-server relay).
int rank(SmtpSecurity security, quint16 port)
{
    if (security == SmtpSecurity::ImplicitTls)
        return 3;
    if (security == SmtpSecurity::StartTls)
        return port == 25 ? 1 : 2;
    return 0;
}

} // namespace

SettingsFinder::SettingsFinder(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
}

SettingsFinder::~SettingsFinder() = default;

void SettingsFinder::setStep(Step step)
{
    m_step = step;
}

void SettingsFinder::log(TranscriptEntry::Kind kind, const QString &text)
{
    emit stepLogged(TranscriptEntry::create(kind, text));
}

void SettingsFinder::find(const QString &address)
{
    cancel();
    ++m_generation;
    m_address = address.trimmed();
    m_domain = m_address.section(u'@', -1).toLower();
    m_proposal.reset();
    m_probeResults.clear();
    m_mxHost.clear();
    if (!m_address.contains(u'@') || m_domain.isEmpty()) {
        // Asynchronous like every other outcome, so callers can connect after find().
        QTimer::singleShot(0, this, [this, generation = m_generation] {
            if (generation != m_generation)
                return;
            log(TranscriptEntry::Kind::Error,
                SettingsFinder::tr("Enter the email address first: the settings are found from its domain."));
            finish(std::nullopt);
        });
        setStep(Step::Autoconfig);
        return;
    }
    log(TranscriptEntry::Kind::Info,
        SettingsFinder::tr("Looking for the outgoing server of %1").arg(m_domain));
    m_pendingUrls = m_autoconfigUrls;
    if (m_pendingUrls.isEmpty()) {
        const QString ace = QString::fromLatin1(QUrl::toAce(m_domain));
        QUrl first(QStringLiteral("https://autoconfig.%1/mail/config-v1.1.xml").arg(ace));
        first.setQuery(
            QStringLiteral("emailaddress=%1").arg(QString::fromLatin1(QUrl::toPercentEncoding(m_address))));
        m_pendingUrls
            << first
            << QUrl(QStringLiteral("https://%1/.well-known/autoconfig/mail/config-v1.1.xml").arg(ace));
    }
    setStep(Step::Autoconfig);
    fetchNextAutoconfig();
}

void SettingsFinder::cancel()
{
    if (m_step == Step::Idle || m_step == Step::Finished)
        return;
    ++m_generation;
    for (SmtpSession *session : findChildren<SmtpSession *>())
        session->cancel();
    m_probesRunning = 0;
    setStep(Step::Finished);
}

void SettingsFinder::fetchNextAutoconfig()
{
    if (m_pendingUrls.isEmpty()) {
        if (m_dnsEnabled)
            lookupSrv(QStringLiteral("_submissions._tcp.") + m_domain, SmtpSecurity::ImplicitTls,
                      Step::SrvSubmissions);
        else
            startProbes();
        return;
    }
    const QUrl url = m_pendingUrls.takeFirst();
    log(TranscriptEntry::Kind::Info, SettingsFinder::tr("Autoconfig: asking %1").arg(url.toDisplayString()));
    QNetworkRequest request(url);
    request.setTransferTimeout(m_stepTimeoutMs);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("Sendscope/" SENDSCOPE_VERSION));
    if (!m_extraCa.isEmpty()) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.addCaCertificates(m_extraCa);
        request.setSslConfiguration(ssl);
    }
    // Qt follows HTTPS redirects to any host by default; the file decides where the password goes, so
    // only the host asked or names under the address's domain may answer for the domain.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::UserVerifiedRedirectPolicy);
    request.setMaximumRedirectsAllowed(5);
    QNetworkReply *reply = m_network->get(request);
    const int generation = m_generation;
    auto refusal = std::make_shared<QString>(); // why the reply was aborted, if it was
    connect(reply, &QNetworkReply::redirected, this, [this, reply, url, refusal](const QUrl &target) {
        if (target.scheme() == QLatin1String("https") &&
            (target.host().compare(url.host(), Qt::CaseInsensitive) == 0 ||
             isWithinDomain(target.host(), m_domain))) {
            emit reply->redirectAllowed();
            return;
        }
        *refusal =
            SettingsFinder::tr("it redirects to %1, outside %2").arg(target.toDisplayString(), m_domain);
        reply->abort();
    });
    // A config file is a few kilobytes; a bigger answer is not one, and is not read to its end (which may
    // never come).
    connect(reply, &QNetworkReply::downloadProgress, this, [reply, refusal](qint64 received, qint64 total) {
        if ((received > kAutoconfigCap || total > kAutoconfigCap) && refusal->isEmpty()) {
            *refusal = SettingsFinder::tr("the answer is larger than 256 KiB");
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, url, generation, refusal] {
        reply->deleteLater();
        if (generation != m_generation)
            return;
        if (!refusal->isEmpty()) {
            log(TranscriptEntry::Kind::Info,
                SettingsFinder::tr("Autoconfig: not using %1: %2").arg(url.toDisplayString(), *refusal));
            fetchNextAutoconfig();
            return;
        }
        if (reply->error() != QNetworkReply::NoError) {
            log(TranscriptEntry::Kind::Info,
                SettingsFinder::tr("Autoconfig: nothing at %1 (%2)").arg(url.host(), reply->errorString()));
            fetchNextAutoconfig();
            return;
        }
        // After redirects (within the domain), the file came from here.
        const QUrl source = reply->url();
        const QByteArray body = reply->read(kAutoconfigCap);
        QString error;
        std::optional<Proposal> proposal = parseAutoconfig(body, m_address, &error);
        if (!proposal) {
            log(TranscriptEntry::Kind::Info,
                SettingsFinder::tr("Autoconfig: the file at %1 is not usable: %2")
                    .arg(source.toDisplayString(), error));
            fetchNextAutoconfig();
            return;
        }
        proposal->source = Source::Autoconfig;
        proposal->reason =
            SettingsFinder::tr("The provider publishes these settings in its autoconfig file at %1. %2")
                .arg(source.toDisplayString(), proposal->reason);
        log(TranscriptEntry::Kind::Info, SettingsFinder::tr("Autoconfig: %1 port %2, %3")
                                             .arg(proposal->host)
                                             .arg(proposal->port)
                                             .arg(securityWords(proposal->security)));
        if (proposal->security == SmtpSecurity::None) {
            log(TranscriptEntry::Kind::Info,
                SettingsFinder::tr("Autoconfig offers only an unencrypted server; looking further."));
            m_proposal = proposal; // kept as the last resort
            fetchNextAutoconfig();
            return;
        }
        finish(proposal);
    });
}

std::optional<SettingsFinder::Proposal>
SettingsFinder::parseAutoconfig(const QByteArray &xml, const QString &address, QString *error)
{
    QXmlStreamReader reader(xml);
    std::optional<Proposal> secure;
    std::optional<Proposal> insecure;
    bool sawProvider = false;
    QString badPort; // the last port that was not one
    const QString localPart = address.section(u'@', 0, -2);
    const QString domain = address.section(u'@', -1);
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement() && reader.name() == QLatin1String("emailProvider"))
            sawProvider = true;
        if (!reader.isStartElement() || reader.name() != QLatin1String("outgoingServer") ||
            reader.attributes().value(QLatin1String("type")) != QLatin1String("smtp"))
            continue;
        Proposal proposal;
        QString socketType;
        QStringList authentications;
        while (reader.readNextStartElement()) {
            const QString name = reader.name().toString();
            const QString text = reader.readElementText(QXmlStreamReader::SkipChildElements).trimmed();
            if (name == QLatin1String("hostname"))
                proposal.host = text;
            else if (name == QLatin1String("port")) {
                // Cast straight to 16 bits, 66001 would become port 465.
                bool ok = false;
                const uint port = text.toUInt(&ok);
                proposal.port = ok && port <= 65535 ? static_cast<quint16>(port) : 0;
                if (proposal.port == 0)
                    badPort = text;
            } else if (name == QLatin1String("socketType"))
                socketType = text;
            else if (name == QLatin1String("username"))
                proposal.username = QString(text)
                                        .replace(QLatin1String("%EMAILADDRESS%"), address)
                                        .replace(QLatin1String("%EMAILLOCALPART%"), localPart)
                                        .replace(QLatin1String("%EMAILDOMAIN%"), domain);
            else if (name == QLatin1String("authentication"))
                authentications << text;
        }
        if (reader.hasError())
            break;
        if (proposal.host.isEmpty() || proposal.port == 0)
            continue;
        if (socketType == QLatin1String("SSL"))
            proposal.security = SmtpSecurity::ImplicitTls;
        else if (socketType == QLatin1String("STARTTLS"))
            proposal.security = SmtpSecurity::StartTls;
        else
            proposal.security = SmtpSecurity::None;
        if (authentications.contains(QLatin1String("OAuth2")) &&
            !authentications.contains(QLatin1String("password-cleartext")) &&
            !authentications.contains(QLatin1String("password-encrypted")))
            proposal.auth = AccountAuth::OAuth2Token;
        else if (authentications.contains(QLatin1String("none")) && authentications.size() == 1)
            proposal.auth = AccountAuth::None;
        if (proposal.username == address)
            proposal.username.clear();
        if (proposal.security == SmtpSecurity::None) {
            proposal.reason = SettingsFinder::tr("Warning: it is not encrypted.");
            if (!insecure)
                insecure = proposal;
            continue;
        }
        if (!secure)
            secure = proposal;
    }
    // The whole file must be well-formed: a damaged file is not trusted in part.
    if (reader.hasError()) {
        *error = SettingsFinder::tr("not valid XML (%1, line %2 column %3)")
                     .arg(reader.errorString())
                     .arg(reader.lineNumber())
                     .arg(reader.columnNumber());
        return std::nullopt;
    }
    if (secure)
        return secure;
    if (insecure)
        return insecure;
    if (!badPort.isEmpty()) {
        *error = SettingsFinder::tr("%1 is not a port").arg(badPort.left(20));
        return std::nullopt;
    }
    *error = sawProvider ? SettingsFinder::tr("it names no SMTP server")
                         : SettingsFinder::tr("it is not a mail autoconfig file");
    return std::nullopt;
}

void SettingsFinder::lookupSrv(const QString &service, SmtpSecurity security, Step step)
{
    setStep(step);
    log(TranscriptEntry::Kind::Info, SettingsFinder::tr("DNS: looking up SRV %1").arg(service));
    auto *lookup = new QDnsLookup(QDnsLookup::SRV, service, this);
    if (!m_nameserver.isNull())
        lookup->setNameserver(m_nameserver);
    auto *timer = new QTimer(lookup);
    timer->setSingleShot(true);
    const int generation = m_generation;
    auto next = [this, security] {
        if (security == SmtpSecurity::ImplicitTls)
            lookupSrv(QStringLiteral("_submission._tcp.") + m_domain, SmtpSecurity::StartTls,
                      Step::SrvSubmission);
        else
            lookupMx();
    };
    connect(timer, &QTimer::timeout, this, [this, lookup, service, generation] {
        lookup->abort(); // finished() follows with OperationCancelledError
        if (generation == m_generation)
            log(TranscriptEntry::Kind::Info,
                SettingsFinder::tr("DNS: no answer for %1 in time").arg(service));
    });
    connect(lookup, &QDnsLookup::finished, this, [this, lookup, service, security, next, generation] {
        lookup->deleteLater();
        if (generation != m_generation)
            return;
        QList<QDnsServiceRecord> records = lookup->serviceRecords();
        if (lookup->error() != QDnsLookup::NoError || records.isEmpty()) {
            if (lookup->error() != QDnsLookup::OperationCancelledError)
                log(TranscriptEntry::Kind::Info,
                    SettingsFinder::tr("DNS: no SRV record %1 (%2)").arg(service, lookup->errorString()));
            next();
            return;
        }
        std::sort(records.begin(), records.end(), [](const QDnsServiceRecord &a, const QDnsServiceRecord &b) {
            return a.priority() != b.priority() ? a.priority() < b.priority() : a.weight() > b.weight();
        });
        const QDnsServiceRecord best = records.first();
        QString target = best.target();
        if (target.endsWith(u'.'))
            target.chop(1);
        if (target.isEmpty()) {
            // RFC 6186 section 3.4: a target of "." means the service is decidedly not available.
            log(TranscriptEntry::Kind::Info,
                SettingsFinder::tr("DNS: %1 says this service is not offered").arg(service));
            next();
            return;
        }
        log(TranscriptEntry::Kind::Info,
            SettingsFinder::tr("DNS: %1 points to %2 port %3").arg(service, target).arg(best.port()));
        Proposal proposal{
            target,
            best.port(),
            security,
            AccountAuth::Automatic,
            {},
            SettingsFinder::tr("The domain's DNS names %1 port %2 for mail submission (%3 record, RFC 6186).")
                .arg(target)
                .arg(best.port())
                .arg(service),
            Source::Probe,
            false,
            {}};
        proposal.source = Source::DnsSrv;
        finish(proposal);
    });
    timer->start(m_stepTimeoutMs);
    lookup->lookup();
}

void SettingsFinder::lookupMx()
{
    setStep(Step::Mx);
    log(TranscriptEntry::Kind::Info, SettingsFinder::tr("DNS: looking up the MX host of %1").arg(m_domain));
    auto *lookup = new QDnsLookup(QDnsLookup::MX, m_domain, this);
    if (!m_nameserver.isNull())
        lookup->setNameserver(m_nameserver);
    auto *timer = new QTimer(lookup);
    timer->setSingleShot(true);
    const int generation = m_generation;
    connect(timer, &QTimer::timeout, lookup, &QDnsLookup::abort);
    connect(lookup, &QDnsLookup::finished, this, [this, lookup, generation] {
        lookup->deleteLater();
        if (generation != m_generation)
            return;
        QList<QDnsMailExchangeRecord> records = lookup->mailExchangeRecords();
        std::sort(records.begin(), records.end(),
                  [](const auto &a, const auto &b) { return a.preference() < b.preference(); });
        if (!records.isEmpty()) {
            m_mxHost = records.first().exchange();
            if (m_mxHost.endsWith(u'.'))
                m_mxHost.chop(1);
            log(TranscriptEntry::Kind::Info, SettingsFinder::tr("DNS: the MX host is %1").arg(m_mxHost));
        } else {
            log(TranscriptEntry::Kind::Info,
                SettingsFinder::tr("DNS: no MX record for %1 (%2)")
                    .arg(m_domain, lookup->error() == QDnsLookup::OperationCancelledError
                                       ? SettingsFinder::tr("no answer in time")
                                       : lookup->errorString()));
        }
        startProbes();
    });
    timer->start(m_stepTimeoutMs);
    lookup->lookup();
}

void SettingsFinder::startProbes()
{
    setStep(Step::Probing);
    QStringList hosts = m_probeHosts;
    if (hosts.isEmpty()) {
        hosts << QStringLiteral("smtp.") + m_domain << QStringLiteral("mail.") + m_domain;
        if (!m_mxHost.isEmpty() && !hosts.contains(m_mxHost, Qt::CaseInsensitive))
            hosts << m_mxHost;
    }
    QList<ProbePort> ports = m_probePorts;
    if (ports.isEmpty())
        ports = {
            {465, SmtpSecurity::ImplicitTls}, {587, SmtpSecurity::StartTls}, {25, SmtpSecurity::StartTls}};
    log(TranscriptEntry::Kind::Info,
        SettingsFinder::tr("Probing %1 on ports %2").arg(hosts.join(QStringLiteral(", ")), [&ports] {
            QStringList list;
            for (const ProbePort &port : ports)
                list << QString::number(port.port);
            return list.join(QStringLiteral(", "));
        }()));
    // All at once: each is bounded by its own timeouts, and the slowest decides the wait.
    for (const QString &host : std::as_const(hosts)) {
        for (const ProbePort &port : std::as_const(ports)) {
            SmtpServerSettings settings;
            settings.host = host;
            settings.port = port.port;
            settings.security = port.security;
            settings.extraCaCertificates = m_extraCa;
            settings.connectTimeoutMs = m_stepTimeoutMs;
            settings.replyTimeoutMs = m_stepTimeoutMs;
            settings.sessionTimeoutMs = 2 * m_stepTimeoutMs;
            auto *session = new SmtpSession(settings, this);
            ++m_probesRunning;
            connect(session, &SmtpSession::finished, this,
                    [this, session, host, port] { onProbeFinished(session, host, port); });
            session->start();
        }
    }
}

void SettingsFinder::onProbeFinished(SmtpSession *session, const QString &host, ProbePort port)
{
    session->deleteLater();
    if (m_step != Step::Probing)
        return;
    const SmtpError &error = session->error();
    ProbeResult result{host, port, false, session->isEncrypted(), true, {}, {}};
    const auto auth = session->extensions().find("AUTH");
    if (auth != session->extensions().end())
        result.authMechanisms = auth->second.split(' ');
    if (!error.isError()) {
        result.reachable = true;
    } else if (error.category == SmtpErrorCategory::Certificate) {
        result.reachable = true;
        result.certificateTrusted = false;
        result.problem = error.summary;
    } else {
        result.problem = error.summary;
    }
    log(TranscriptEntry::Kind::Info,
        result.reachable && result.certificateTrusted
            ? SettingsFinder::tr("Probe %1 port %2 (%3): answers%4")
                  .arg(host)
                  .arg(port.port)
                  .arg(securityWords(port.security),
                       result.authMechanisms.isEmpty()
                           ? QString()
                           : SettingsFinder::tr(", login with %1")
                                 .arg(QString::fromLatin1(result.authMechanisms.join(' '))))
            : SettingsFinder::tr("Probe %1 port %2 (%3): %4")
                  .arg(host)
                  .arg(port.port)
                  .arg(securityWords(port.security), result.problem));
    m_probeResults << result;
    if (--m_probesRunning == 0)
        chooseFromProbes();
}

void SettingsFinder::chooseFromProbes()
{
    const ProbeResult *best = nullptr;
    for (const ProbeResult &result : std::as_const(m_probeResults)) {
        if (!result.reachable || !result.certificateTrusted || !result.encrypted)
            continue;
        if (!best ||
            rank(result.port.security, result.port.port) > rank(best->port.security, best->port.port))
            best = &result;
    }
    if (best) {
        Proposal proposal{
            best->host,
            best->port.port,
            best->port.security,
            AccountAuth::Automatic,
            {},
            SettingsFinder::tr(
                "%1 answered on port %2 with %3 and a valid certificate%4; it was the most secure of "
                "the servers that answered.")
                .arg(best->host)
                .arg(best->port.port)
                .arg(securityWords(best->port.security),
                     best->authMechanisms.isEmpty()
                         ? QString()
                         : SettingsFinder::tr(", and offers login with %1")
                               .arg(QString::fromLatin1(best->authMechanisms.join(' ')))),
            Source::Probe,
            false,
            {}};
        // The MX host is a name from DNS, like an SRV target.
        if (!m_mxHost.isEmpty() && best->host.compare(m_mxHost, Qt::CaseInsensitive) == 0)
            proposal.source = Source::DnsMx;
        finish(proposal);
        return;
    }
    for (const ProbeResult &result : std::as_const(m_probeResults)) {
        if (result.reachable && !result.certificateTrusted) {
            Proposal proposal{
                result.host,
                result.port.port,
                result.port.security,
                AccountAuth::Automatic,
                {},
                SettingsFinder::tr(
                    "%1 answered on port %2, but its certificate is not trusted (%3). Check it with "
                    "Test connection before trusting it.")
                    .arg(result.host)
                    .arg(result.port.port)
                    .arg(result.problem),
                Source::Probe,
                false,
                {}};
            if (!m_mxHost.isEmpty() && result.host.compare(m_mxHost, Qt::CaseInsensitive) == 0)
                proposal.source = Source::DnsMx;
            finish(proposal);
            return;
        }
    }
    finish(m_proposal); // an unencrypted autoconfig answer, or nothing
}

bool SettingsFinder::isWithinDomain(const QString &host, const QString &domain)
{
    auto normal = [](QString name) {
        name = name.trimmed().toLower();
        if (name.endsWith(u'.'))
            name.chop(1);
        return QString::fromLatin1(QUrl::toAce(name));
    };
    const QString h = normal(host);
    const QString d = normal(domain);
    return !d.isEmpty() && (h == d || h.endsWith(u'.' + d));
}

void SettingsFinder::finish(std::optional<Proposal> proposal)
{
    m_proposal = std::move(proposal);
    if (m_proposal) {
        m_proposal->domain = m_domain;
        m_proposal->hostOutsideDomain = !isWithinDomain(m_proposal->host, m_domain);
        if (m_proposal->needsConfirmation()) {
            m_proposal->reason +=
                u' ' +
                SettingsFinder::tr("Warning: %1 is not part of %2, and the DNS answer that named it is "
                                   "not signed. Use it only if %2 says so: Sendscope asks before "
                                   "sending your password there.")
                    .arg(m_proposal->host, m_domain);
        }
    }
    setStep(Step::Finished);
    ++m_generation;
    for (SmtpSession *session : findChildren<SmtpSession *>())
        session->cancel();
    m_probesRunning = 0;
    if (m_proposal)
        log(TranscriptEntry::Kind::Info, SettingsFinder::tr("Proposal: %1 port %2, %3. %4")
                                             .arg(m_proposal->host)
                                             .arg(m_proposal->port)
                                             .arg(securityWords(m_proposal->security), m_proposal->reason));
    else
        log(TranscriptEntry::Kind::Error,
            SettingsFinder::tr("No outgoing server was found for %1. Ask the provider for its SMTP "
                               "server name, port and security, and enter them.")
                .arg(m_domain));
    emit finished(m_proposal.has_value());
}
