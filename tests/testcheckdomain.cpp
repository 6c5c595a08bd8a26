#include "domaincheck.h"
#include "smtperror.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// `sendscope check-domain` against a real DNS server: dnsmasq on 127.0.0.2 port 53 (QDnsLookup in Qt 6.4
// asks port 53 only; 127.0.0.2 so that it does not meet testsettingsfinder's dnsmasq on 127.0.0.1),
// authoritative for check.test, with domains whose SPF and DMARC are good, missing and broken.
class TestCheckDomain : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void domains_data();
    void domains();
    void findingsOfTheGoodDomain();
    void badArguments();

private:
    struct Result
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Result run(const QStringList &arguments, const QByteArray &lang = "C.UTF-8") const;

    QProcess m_dns;
    QTemporaryDir m_dir;
    QString m_nameserver = QStringLiteral("127.0.0.2");
};

void TestCheckDomain::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStringList records;
    auto txt = [&records](const QString &name, const QString &text) {
        records << QStringLiteral("--txt-record=%1,%2").arg(name, text);
    };
    auto mx = [&records](const QString &domain) {
        records << QStringLiteral("--mx-host=%1,mx.%1,10").arg(domain);
    };
    // good: everything present and right, SPF through an include.
    mx(QStringLiteral("good.check.test"));
    txt(QStringLiteral("good.check.test"), QStringLiteral("v=spf1 include:_spf.good.check.test mx -all"));
    txt(QStringLiteral("good.check.test"), QStringLiteral("google-site-verification=abc"));
    txt(QStringLiteral("_spf.good.check.test"),
        QStringLiteral("v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 ~all"));
    txt(QStringLiteral("_dmarc.good.check.test"),
        QStringLiteral("v=DMARC1; p=reject; rua=mailto:dmarc@good.check.test"));
    txt(QStringLiteral("selector1._domainkey.good.check.test"),
        QStringLiteral("v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC1"));
    txt(QStringLiteral("_mta-sts.good.check.test"), QStringLiteral("v=STSv1; id=20240101"));
    txt(QStringLiteral("_smtp._tls.good.check.test"),
        QStringLiteral("v=TLSRPTv1; rua=mailto:tls@good.check.test"));
    // missing: an MX and nothing else.
    mx(QStringLiteral("missing.check.test"));
    // twospf: two SPF records and a DMARC record without a valid policy.
    mx(QStringLiteral("twospf.check.test"));
    txt(QStringLiteral("twospf.check.test"), QStringLiteral("v=spf1 mx -all"));
    txt(QStringLiteral("twospf.check.test"), QStringLiteral("v=spf1 include:_spf.google.com ~all"));
    txt(QStringLiteral("_dmarc.twospf.check.test"), QStringLiteral("v=DMARC1; p=maybe"));
    // syntax: an SPF term that does not exist, and p=none without reports.
    mx(QStringLiteral("syntax.check.test"));
    txt(QStringLiteral("syntax.check.test"),
        QStringLiteral("v=spf1 ip4:192.0.2.1 inclde:_spf.example.com -all"));
    txt(QStringLiteral("_dmarc.syntax.check.test"), QStringLiteral("v=DMARC1; p=none"));
    // lookups: 11 includes, each with an SPF record of its own.
    mx(QStringLiteral("lookups.check.test"));
    QString many = QStringLiteral("v=spf1");
    for (int i = 1; i <= 11; ++i) {
        many += QStringLiteral(" include:i%1.lookups.check.test").arg(i);
        txt(QStringLiteral("i%1.lookups.check.test").arg(i), QStringLiteral("v=spf1 -all"));
    }
    txt(QStringLiteral("lookups.check.test"), many + QStringLiteral(" -all"));
    // plusall: +all, and an include that has no SPF record.
    mx(QStringLiteral("plusall.check.test"));
    txt(QStringLiteral("plusall.check.test"), QStringLiteral("v=spf1 +all"));
    mx(QStringLiteral("noinclude.check.test"));
    txt(QStringLiteral("noinclude.check.test"), QStringLiteral("v=spf1 include:nothing.check.test -all"));

    m_dns.setProcessChannelMode(QProcess::MergedChannels);
    m_dns.start(QStringLiteral("dnsmasq"),
                QStringList{QStringLiteral("--keep-in-foreground"), QStringLiteral("--log-facility=-"),
                            QStringLiteral("--conf-file=/dev/null"), QStringLiteral("--no-resolv"),
                            QStringLiteral("--no-hosts"), QStringLiteral("--port=53"),
                            QStringLiteral("--listen-address=") + m_nameserver,
                            QStringLiteral("--bind-interfaces"),
                            // Authoritative for check.test: unknown names there are NXDOMAIN, not refused.
                            QStringLiteral("--local=/check.test/"),
                            QStringLiteral("--pid-file=") + m_dir.filePath(QStringLiteral("dnsmasq.pid"))} +
                    records);
    QVERIFY2(m_dns.waitForStarted(10000), "dnsmasq is not installed (.ci/install-deps.sh installs it)");
    QByteArray output;
    const QDeadlineTimer deadline(10000);
    while (!output.contains("started") && m_dns.state() == QProcess::Running && !deadline.hasExpired()) {
        m_dns.waitForReadyRead(200);
        output += m_dns.readAll();
    }
    QVERIFY2(m_dns.state() == QProcess::Running && !output.contains("failed"), output.constData());
}

void TestCheckDomain::cleanupTestCase()
{
    m_dns.terminate();
    m_dns.waitForFinished(5000);
}

TestCheckDomain::Result TestCheckDomain::run(const QStringList &arguments, const QByteArray &lang) const
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LANG"), QString::fromLatin1(lang));
    environment.remove(QStringLiteral("LANGUAGE"));
    environment.remove(QStringLiteral("LC_ALL"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(SENDSCOPE_BINARY), QStringList{QStringLiteral("check-domain")} + arguments);
    if (!process.waitForStarted(10000) || !process.waitForFinished(60000))
        return {};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

void TestCheckDomain::domains_data()
{
    QTest::addColumn<QString>("domain");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("phrases");
    const int policy = SmtpError::exitCode(SmtpErrorCategory::Policy);
    QTest::newRow("good") << "good.check.test" << 0
                          << QStringList{u"[ok] MX: mx.good.check.test"_s,
                                         u"[ok] SPF: one record, 2 DNS lookups"_s,
                                         u"[ok] DMARC: policy reject"_s,
                                         u"Reports go to mailto:dmarc@good.check.test"_s,
                                         u"[ok] DKIM keys at: selector1"_s,
                                         u"[ok] MTA-STS"_s,
                                         u"[ok] TLS-RPT"_s};
    QTest::newRow("missing") << "missing.check.test" << policy
                             << QStringList{u"[!!] No SPF record."_s,  u"550 5.7.26"_s,
                                            u"[??] No DMARC record"_s, u"[??] No DKIM key"_s,
                                            u"[--] No MTA-STS"_s,      u"[--] No TLS-RPT"_s};
    QTest::newRow("two spf, bad dmarc") << "twospf.check.test" << policy
                                        << QStringList{u"[!!] 2 SPF records: there must be exactly one."_s,
                                                       u"[!!] The DMARC record has no valid policy"_s};
    QTest::newRow("spf syntax, dmarc none")
        << "syntax.check.test" << policy
        << QStringList{u"[!!] The SPF record has a syntax error: inclde:_spf.example.com"_s,
                       u"[ok] DMARC: policy none"_s, u"No rua= reporting address"_s};
    QTest::newRow("12 lookups") << "lookups.check.test" << policy
                                << QStringList{u"The SPF record needs 11 DNS lookups; the limit is 10."_s};
    QTest::newRow("+all") << "plusall.check.test" << policy
                          << QStringList{u"[!!] The SPF record ends in +all"_s};
    QTest::newRow("include without spf")
        << "noinclude.check.test" << policy
        << QStringList{u"includes nothing.check.test, which has no single SPF"_s};
    QTest::newRow("address instead of domain")
        << "me@good.check.test" << 0 << QStringList{u"good.check.test"_s};
}

void TestCheckDomain::domains()
{
    QFETCH(QString, domain);
    QFETCH(int, exitCode);
    QFETCH(QStringList, phrases);
    const Result result = run({domain, QStringLiteral("--nameserver"), m_nameserver});
    for (const QString &phrase : phrases)
        QVERIFY2(result.out.contains(phrase),
                 qPrintable(phrase + QStringLiteral("\n---\n") + result.out + result.err));
    QCOMPARE(result.exitCode, exitCode);
}

// The class itself, as the account dialog uses it; and the Chinese command line.
void TestCheckDomain::findingsOfTheGoodDomain()
{
    DomainCheck check;
    check.setNameserver(QHostAddress(m_nameserver));
    QSignalSpy finished(&check, &DomainCheck::finished);
    check.start(QStringLiteral("Good.Check.Test."));
    QVERIFY(finished.wait(30000));
    QCOMPARE(check.domain(), QStringLiteral("good.check.test"));
    QVERIFY(!check.hasProblems());
    QVERIFY(!check.dnsFailed());
    QStringList keys;
    for (const DomainCheck::Finding &finding : check.findings())
        keys << finding.key;
    QCOMPARE(keys, (QStringList{u"mx"_s, u"spf"_s, u"dmarc"_s, u"dkim"_s, u"mta-sts"_s, u"tls-rpt"_s}));

    const Result chinese = run(
        {QStringLiteral("missing.check.test"), QStringLiteral("--nameserver"), m_nameserver}, "zh_CN.UTF-8");
    QVERIFY2(chinese.out.contains(QStringLiteral("SPF 记录")), qPrintable(chinese.out));
}

void TestCheckDomain::badArguments()
{
    const int usage = SmtpError::exitCode(SmtpErrorCategory::Input);
    QCOMPARE(run({}).exitCode, usage);
    QCOMPARE(run({QStringLiteral("not a domain")}).exitCode, usage);
    QCOMPARE(
        run({QStringLiteral("example.com"), QStringLiteral("--nameserver"), QStringLiteral("dns.example")})
            .exitCode,
        usage);
}

QTEST_GUILESS_MAIN(TestCheckDomain)
#include "testcheckdomain.moc"
