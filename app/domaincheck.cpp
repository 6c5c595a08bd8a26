#include "domaincheck.h"

#include <QDnsLookup>
#include <QRegularExpression>
#include <QTimer>

namespace {

// RFC 7208 section 4.6.4: at most 10 mechanisms and modifiers that cause DNS lookups.
constexpr int kSpfLookupLimit = 10;

bool isSpf(const QString &text)
{
    return text.compare(QLatin1String("v=spf1"), Qt::CaseInsensitive) == 0 ||
           text.startsWith(QLatin1String("v=spf1 "), Qt::CaseInsensitive);
}

// Tags of a DMARC or TLS-RPT record: "v=DMARC1; p=reject; rua=mailto:x" → {v: DMARC1, p: reject, ...}.
QHash<QString, QString> tags(const QString &record)
{
    QHash<QString, QString> result;
    for (const QString &part : record.split(u';', Qt::SkipEmptyParts)) {
        const qsizetype equals = part.indexOf(u'=');
        if (equals > 0)
            result.insert(part.left(equals).trimmed().toLower(), part.mid(equals + 1).trimmed());
    }
    return result;
}

// The name does not exist (NXDOMAIN), or exists without records of the type (NODATA). Qt 6.4 on Linux
// reports NODATA as InvalidReplyError, because glibc's res_nquery returns -1 for it; a name with an MX but
// no TXT record is common, so that is read as "no record" rather than as a DNS failure.
bool noSuchRecord(QDnsLookup::Error error)
{
    return error == QDnsLookup::NotFoundError || error == QDnsLookup::InvalidReplyError;
}

} // namespace

QStringList DomainCheck::commonDkimSelectors()
{
    // google: Google Workspace; selector1/selector2: Microsoft 365; the rest are the defaults of common
    // mail servers and services (OpenDKIM's "default", Mailchimp's k1, SendGrid's s1/s2, Zoho's zmail).
    return {QStringLiteral("google"),  QStringLiteral("selector1"), QStringLiteral("selector2"),
            QStringLiteral("default"), QStringLiteral("dkim"),      QStringLiteral("mail"),
            QStringLiteral("k1"),      QStringLiteral("s1"),        QStringLiteral("s2"),
            QStringLiteral("zmail")};
}

DomainCheck::DomainCheck(QObject *parent)
    : QObject(parent)
{
}

void DomainCheck::start(const QString &domain)
{
    m_domain = domain.trimmed().toLower();
    if (m_domain.endsWith(u'.'))
        m_domain.chop(1);
    // Every result of an earlier run goes, so that one DomainCheck can check several domains in turn.
    m_findings.clear();
    m_dnsFailed = false;
    m_dnsErrors.clear();
    m_mxOutcome = m_spfOutcome = m_dmarcOutcome = m_stsOutcome = m_tlsRptOutcome = Outcome::Missing;
    m_mxHosts.clear();
    m_spfRecords.clear();
    m_spfLookups = 0;
    m_spfBrokenIncludes.clear();
    m_dmarcRecords.clear();
    m_dkimFound.clear();
    m_dkimRevoked.clear();
    m_stsRecord.clear();
    m_tlsRptRecord.clear();
    m_pending = 1; // held until every lookup is queued, so an early answer cannot finish the check
    lookupMx(m_domain);
    lookupTxt(m_domain, [this](Outcome outcome, const QStringList &texts) {
        m_spfOutcome = outcome;
        for (const QString &text : texts) {
            if (isSpf(text))
                m_spfRecords << text;
        }
        if (m_spfRecords.size() == 1)
            countSpfTerms(m_spfRecords.constFirst(), 0);
    });
    lookupTxt(QStringLiteral("_dmarc.") + m_domain, [this](Outcome outcome, const QStringList &texts) {
        m_dmarcOutcome = outcome;
        for (const QString &text : texts) {
            if (text.startsWith(QLatin1String("v=DMARC1"), Qt::CaseInsensitive))
                m_dmarcRecords << text;
        }
    });
    for (const QString &selector : commonDkimSelectors()) {
        lookupTxt(selector + QStringLiteral("._domainkey.") + m_domain,
                  [this, selector](Outcome outcome, const QStringList &texts) {
                      if (outcome != Outcome::Found)
                          return;
                      const QString record = texts.join(QString());
                      const QHash<QString, QString> fields = tags(record);
                      if (fields.contains(QStringLiteral("p")) && fields.value(QStringLiteral("p")).isEmpty())
                          m_dkimRevoked << selector;
                      else if (fields.contains(QStringLiteral("p")))
                          m_dkimFound << selector;
                  });
    }
    lookupTxt(QStringLiteral("_mta-sts.") + m_domain, [this](Outcome outcome, const QStringList &texts) {
        m_stsOutcome = outcome;
        for (const QString &text : texts) {
            if (text.startsWith(QLatin1String("v=STSv1"), Qt::CaseInsensitive))
                m_stsRecord = text;
        }
    });
    lookupTxt(QStringLiteral("_smtp._tls.") + m_domain, [this](Outcome outcome, const QStringList &texts) {
        m_tlsRptOutcome = outcome;
        for (const QString &text : texts) {
            if (text.startsWith(QLatin1String("v=TLSRPTv1"), Qt::CaseInsensitive))
                m_tlsRptRecord = text;
        }
    });
    done();
}

void DomainCheck::lookupTxt(const QString &name, TxtHandler handler)
{
    ++m_pending;
    auto *lookup = new QDnsLookup(QDnsLookup::TXT, name, this);
    if (!m_nameserver.isNull())
        lookup->setNameserver(m_nameserver);
    auto *timer = new QTimer(lookup);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, lookup, &QDnsLookup::abort);
    connect(lookup, &QDnsLookup::finished, this, [this, lookup, handler] {
        lookup->deleteLater();
        QStringList texts;
        // A TXT record may be split into several strings; RFC 7208 section 3.3 joins them without spaces.
        for (const QDnsTextRecord &record : lookup->textRecords()) {
            QByteArray joined;
            for (const QByteArray &value : record.values())
                joined += value;
            texts << QString::fromUtf8(joined);
        }
        Outcome outcome = Outcome::Found;
        if (noSuchRecord(lookup->error()) || (lookup->error() == QDnsLookup::NoError && texts.isEmpty()))
            outcome = Outcome::Missing;
        else if (lookup->error() != QDnsLookup::NoError)
            outcome = Outcome::Failed;
        if (outcome == Outcome::Failed) {
            m_dnsFailed = true;
            m_dnsErrors << QStringLiteral("%1: %2").arg(lookup->name(), lookup->errorString());
        }
        handler(outcome, texts);
        done();
    });
    lookup->lookup();
    timer->start(m_timeoutMs);
}

void DomainCheck::lookupMx(const QString &name)
{
    ++m_pending;
    auto *lookup = new QDnsLookup(QDnsLookup::MX, name, this);
    if (!m_nameserver.isNull())
        lookup->setNameserver(m_nameserver);
    auto *timer = new QTimer(lookup);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, lookup, &QDnsLookup::abort);
    connect(lookup, &QDnsLookup::finished, this, [this, lookup] {
        lookup->deleteLater();
        for (const QDnsMailExchangeRecord &record : lookup->mailExchangeRecords())
            m_mxHosts << record.exchange();
        if (lookup->error() == QDnsLookup::NoError && !m_mxHosts.isEmpty())
            m_mxOutcome = Outcome::Found;
        else if (noSuchRecord(lookup->error()) || lookup->error() == QDnsLookup::NoError)
            m_mxOutcome = Outcome::Missing;
        else {
            m_mxOutcome = Outcome::Failed;
            m_dnsFailed = true;
        }
        done();
    });
    lookup->lookup();
    timer->start(m_timeoutMs);
}

void DomainCheck::countSpfTerms(const QString &record, int depth)
{
    const QStringList terms = record.split(u' ', Qt::SkipEmptyParts).mid(1);
    for (QString term : terms) {
        if (term.startsWith(u'+') || term.startsWith(u'-') || term.startsWith(u'~') || term.startsWith(u'?'))
            term.remove(0, 1);
        const QString lower = term.toLower();
        const QString name = lower.section(QRegularExpression(QStringLiteral("[:/=]")), 0, 0);
        if (name == QLatin1String("a") || name == QLatin1String("mx") || name == QLatin1String("ptr") ||
            name == QLatin1String("exists")) {
            ++m_spfLookups;
        } else if (name == QLatin1String("include") || name == QLatin1String("redirect")) {
            ++m_spfLookups;
            const QString target = term.mid(name.size() + 1);
            // Macros (%{i}) depend on the sending IP; they count, but cannot be followed here.
            if (!target.contains(u'%') && depth < kSpfLookupLimit && m_spfLookups <= kSpfLookupLimit)
                followSpf(target, depth + 1);
        }
    }
}

void DomainCheck::followSpf(const QString &domain, int depth)
{
    lookupTxt(domain, [this, domain, depth](Outcome outcome, const QStringList &texts) {
        QStringList records;
        for (const QString &text : texts) {
            if (isSpf(text))
                records << text;
        }
        // RFC 7208 section 5.2: an include without exactly one SPF record is a permanent error.
        if (outcome != Outcome::Failed && records.size() != 1)
            m_spfBrokenIncludes << domain;
        if (records.size() == 1)
            countSpfTerms(records.constFirst(), depth);
    });
}

void DomainCheck::done()
{
    if (--m_pending > 0)
        return;
    analyse();
    emit finished();
}

void DomainCheck::add(const QString &key, Severity severity, const QString &title, const QString &explanation,
                      const QString &record)
{
    m_findings.append({key, severity, title, explanation, record});
}

bool DomainCheck::hasProblems() const
{
    for (const Finding &finding : m_findings) {
        if (finding.severity == Severity::Problem)
            return true;
    }
    return false;
}

void DomainCheck::analyse()
{
    // MX
    if (m_mxOutcome == Outcome::Failed) {
        add(QStringLiteral("dns"), Severity::Warning,
            tr("The MX records of %1 could not be looked up.").arg(m_domain),
            tr("The DNS server did not answer or failed; the other results may be incomplete too."));
    } else if (m_mxOutcome == Outcome::Missing) {
        add(QStringLiteral("mx"), Severity::Problem, tr("%1 has no MX record.").arg(m_domain),
            tr("Replies and bounces to this domain have nowhere to go. Many receivers, QQ and NetEase among "
               "them, refuse or mark as spam mail from a domain that cannot receive mail."));
    } else if (m_mxHosts == QStringList{QStringLiteral(".")} || m_mxHosts == QStringList{QString()}) {
        add(QStringLiteral("mx"), Severity::Warning,
            tr("%1 declares that it receives no mail (null MX).").arg(m_domain),
            tr("Receivers may refuse mail from it: a sender that cannot be answered looks like spam."));
    } else {
        add(QStringLiteral("mx"), Severity::Good, tr("MX: %1").arg(m_mxHosts.join(QStringLiteral(", "))),
            tr("Mail to this domain has a server to go to."));
    }

    // SPF
    const QString receiversOnAuth =
        tr("Gmail and Yahoo refuse mail that passes neither SPF nor DKIM (Gmail: 550 5.7.26, Yahoo: 550 "
           "5.7.9); Microsoft's Outlook.com requires SPF, DKIM and DMARC of bulk senders (550 5.7.515); QQ "
           "and NetEase put such mail in spam or refuse it (NetEase: MI:SPF).");
    if (m_spfOutcome == Outcome::Failed) {
        add(QStringLiteral("dns"), Severity::Warning, tr("The SPF record could not be looked up."),
            tr("The DNS server did not answer or failed (%1).").arg(m_dnsErrors.join(QStringLiteral("; "))));
    } else if (m_spfRecords.isEmpty()) {
        add(QStringLiteral("spf"), Severity::Problem, tr("No SPF record."),
            tr("Publish one TXT record at %1 that lists the servers allowed to send for it, e.g. "
               "\"v=spf1 include:spf.your-provider.example -all\". %2")
                .arg(m_domain, receiversOnAuth));
    } else if (m_spfRecords.size() > 1) {
        add(QStringLiteral("spf"), Severity::Problem,
            tr("%1 SPF records: there must be exactly one.").arg(m_spfRecords.size()),
            tr("With more than one, SPF fails with a permanent error for every message (RFC 7208 section "
               "4.5), as if there were none. Merge them into one record. %1")
                .arg(receiversOnAuth),
            m_spfRecords.join(QStringLiteral(" | ")));
    } else {
        const QString record = m_spfRecords.constFirst();
        static const QRegularExpression term(
            QStringLiteral(
                "^[+~?-]?(all|include:\\S+|a(:\\S+)?(/\\d+)?|mx(:\\S+)?(/\\d+)?|ptr(:\\S+)?|ip4:[0-9./]+|"
                "ip6:[0-9A-Fa-f:./]+|exists:\\S+|redirect=\\S+|exp=\\S+|[A-Za-z][A-Za-z0-9_.-]*=\\S*)$"),
            QRegularExpression::CaseInsensitiveOption);
        QStringList bad;
        const QStringList terms = record.split(u' ', Qt::SkipEmptyParts).mid(1);
        for (const QString &t : terms) {
            if (!term.match(t).hasMatch())
                bad << t;
        }
        const QString last = terms.isEmpty() ? QString() : terms.constLast().toLower();
        const bool redirect = record.contains(QLatin1String("redirect="), Qt::CaseInsensitive);
        if (!bad.isEmpty()) {
            add(QStringLiteral("spf"), Severity::Problem,
                tr("The SPF record has a syntax error: %1").arg(bad.join(u' ')),
                tr("Receivers treat a record they cannot parse as a permanent error: SPF fails for every "
                   "message. %1")
                    .arg(receiversOnAuth),
                record);
        } else if (m_spfLookups > kSpfLookupLimit) {
            add(QStringLiteral("spf"), Severity::Problem,
                tr("The SPF record needs %1 DNS lookups; the limit is 10.").arg(m_spfLookups),
                tr("Past 10 lookups (include, a, mx, ptr, exists, redirect, counted through every include) "
                   "receivers stop with a permanent error and SPF fails for every message. Remove includes "
                   "of services you no longer use, or replace a and mx with ip4/ip6. %1")
                    .arg(receiversOnAuth),
                record);
        } else if (!m_spfBrokenIncludes.isEmpty()) {
            add(QStringLiteral("spf"), Severity::Problem,
                tr("The SPF record includes %1, which has no single SPF record.")
                    .arg(m_spfBrokenIncludes.join(QStringLiteral(", "))),
                tr("An include that does not resolve to exactly one SPF record is a permanent error: SPF "
                   "fails for every message. Fix or remove the include. %1")
                    .arg(receiversOnAuth),
                record);
        } else if (last == QLatin1String("+all") || last == QLatin1String("all")) {
            add(QStringLiteral("spf"), Severity::Problem,
                tr("The SPF record ends in +all: anyone may send as %1.").arg(m_domain),
                tr("This authorises every server on the Internet, so SPF proves nothing and receivers treat "
                   "the domain as a spam source. End it with -all or ~all."),
                record);
        } else if (last == QLatin1String("-all") || last == QLatin1String("~all") || redirect) {
            add(QStringLiteral("spf"), Severity::Good,
                tr("SPF: one record, %1 DNS lookups, ends in %2.")
                    .arg(m_spfLookups)
                    .arg(redirect ? QStringLiteral("redirect") : last),
                last == QLatin1String("~all")
                    ? tr("~all (soft fail) is fine together with DMARC; -all tells receivers to refuse other "
                         "senders outright.")
                    : tr("Receivers can tell your servers from others."),
                record);
        } else {
            add(QStringLiteral("spf"), Severity::Warning, tr("The SPF record does not end in -all or ~all."),
                tr("Without them (\"?all\" or nothing) SPF is neutral for other senders: receivers learn "
                   "nothing from it. End the record with ~all or -all."),
                record);
        }
    }

    // DMARC
    const QString receiversOnDmarc =
        tr("Gmail and Yahoo require a DMARC record (p=none is enough) of everyone who sends them more than "
           "5000 messages a day, and Microsoft's Outlook.com has done so since 2025; without it bulk mail is "
           "refused (Gmail 550 5.7.26). Everyone else gets no reports on who sends as the domain.");
    if (m_dmarcOutcome == Outcome::Failed) {
        add(QStringLiteral("dns"), Severity::Warning, tr("The DMARC record could not be looked up."),
            tr("The DNS server did not answer or failed (%1).").arg(m_dnsErrors.join(QStringLiteral("; "))));
    } else if (m_dmarcRecords.isEmpty()) {
        add(QStringLiteral("dmarc"), Severity::Warning, tr("No DMARC record at _dmarc.%1.").arg(m_domain),
            tr("Publish e.g. \"v=DMARC1; p=none; rua=mailto:dmarc@%1\" and tighten p later. %2")
                .arg(m_domain, receiversOnDmarc));
    } else if (m_dmarcRecords.size() > 1) {
        add(QStringLiteral("dmarc"), Severity::Problem,
            tr("%1 DMARC records: there must be exactly one.").arg(m_dmarcRecords.size()),
            tr("Receivers ignore DMARC when there is more than one record (RFC 7489 section 6.6.3). %1")
                .arg(receiversOnDmarc),
            m_dmarcRecords.join(QStringLiteral(" | ")));
    } else {
        const QString record = m_dmarcRecords.constFirst();
        const QHash<QString, QString> fields = tags(record);
        const QString policy = fields.value(QStringLiteral("p")).toLower();
        if (policy != QLatin1String("none") && policy != QLatin1String("quarantine") &&
            policy != QLatin1String("reject")) {
            add(QStringLiteral("dmarc"), Severity::Problem,
                tr("The DMARC record has no valid policy (p=none, quarantine or reject)."),
                tr("A record without a valid p= tag is ignored, as if there were none. %1")
                    .arg(receiversOnDmarc),
                record);
        } else {
            QString explanation =
                policy == QLatin1String("none")
                    ? tr("p=none only asks for reports: receivers deliver mail that fails. It satisfies "
                         "Gmail's and Yahoo's requirement; move to quarantine or reject once the reports "
                         "show only your own servers.")
                : policy == QLatin1String("reject")
                    ? tr("Receivers are asked to refuse mail that fails SPF and DKIM alignment.")
                    : tr("Receivers are asked to put mail that fails SPF and DKIM alignment in spam.");
            if (!fields.contains(QStringLiteral("rua")))
                explanation += u' ' + tr("No rua= reporting address: you get no reports of who sends as "
                                         "this domain.");
            else
                explanation += u' ' + tr("Reports go to %1.").arg(fields.value(QStringLiteral("rua")));
            add(QStringLiteral("dmarc"), Severity::Good, tr("DMARC: policy %1.").arg(policy), explanation,
                record);
        }
    }

    // DKIM
    if (!m_dkimFound.isEmpty()) {
        add(QStringLiteral("dkim"), Severity::Good,
            tr("DKIM keys at: %1.").arg(m_dkimFound.join(QStringLiteral(", "))),
            tr("Mail signed with these keys passes DKIM, which Gmail, Yahoo and Microsoft accept in place "
               "of SPF, and which survives forwarding."));
    } else {
        add(QStringLiteral("dkim"), Severity::Warning,
            tr("No DKIM key at the usual selectors (%1).")
                .arg(commonDkimSelectors().join(QStringLiteral(", "))),
            tr("If your provider signs with another selector this is fine: the s= tag of a DKIM-Signature "
               "header in a message you sent names it. Without DKIM, mail depends on SPF alone, which breaks "
               "when mail is forwarded; Gmail and Yahoo require DKIM of bulk senders, and Microsoft of "
               "Outlook.com's high-volume senders."));
    }
    if (!m_dkimRevoked.isEmpty()) {
        add(QStringLiteral("dkim"), Severity::Info,
            tr("Revoked DKIM keys (empty p=) at: %1.").arg(m_dkimRevoked.join(QStringLiteral(", "))),
            tr("Mail still signed with them fails DKIM."));
    }

    // MTA-STS and TLS-RPT: about mail to the domain, not from it; optional.
    if (!m_stsRecord.isEmpty()) {
        add(QStringLiteral("mta-sts"), Severity::Good, tr("MTA-STS is announced."),
            tr("Gmail and Microsoft then deliver to you only over verified TLS. (The policy file at "
               "https://mta-sts.%1/.well-known/mta-sts.txt was not fetched.)")
                .arg(m_domain),
            m_stsRecord);
    } else {
        add(QStringLiteral("mta-sts"), Severity::Info, tr("No MTA-STS."),
            tr("Optional. Without it, mail to you can be made to travel unencrypted by someone on the path; "
               "receivers do not hold its absence against your outgoing mail."));
    }
    if (!m_tlsRptRecord.isEmpty()) {
        add(QStringLiteral("tls-rpt"), Severity::Good,
            tr("TLS-RPT reports go to %1.").arg(tags(m_tlsRptRecord).value(QStringLiteral("rua"))),
            tr("Gmail and Microsoft send daily reports of TLS problems delivering to you."), m_tlsRptRecord);
    } else {
        add(QStringLiteral("tls-rpt"), Severity::Info, tr("No TLS-RPT."),
            tr("Optional. With \"v=TLSRPTv1; rua=mailto:...\" at _smtp._tls.%1 Gmail and Microsoft report "
               "TLS problems delivering to you.")
                .arg(m_domain));
    }
}

QString DomainCheck::report() const
{
    QString out = tr("Domain check for %1").arg(m_domain) + u'\n';
    for (const Finding &finding : m_findings) {
        QString mark;
        switch (finding.severity) {
        case Severity::Good:
            mark = tr("[ok]");
            break;
        case Severity::Info:
            mark = tr("[--]");
            break;
        case Severity::Warning:
            mark = tr("[??]");
            break;
        case Severity::Problem:
            mark = tr("[!!]");
            break;
        }
        out += u'\n' + mark + u' ' + finding.title + u'\n';
        if (!finding.record.isEmpty())
            out += QStringLiteral("     ") + tr("Record: %1").arg(finding.record) + u'\n';
        out += QStringLiteral("     ") + finding.explanation + u'\n';
    }
    return out;
}
