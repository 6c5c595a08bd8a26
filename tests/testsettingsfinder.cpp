#include "settingsfinder.h"
#include "testserverenv.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

// "Find settings for me": the autoconfig parser on real-format files, the search over HTTPS from a real
// web server on loopback (Python's http.server with the test CA's certificate), and probing the real
// Postfix for its EHLO capabilities; broken files and dead hosts lead on to the next step.
class TestSettingsFinder : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void parseAutoconfig_data();
    void parseAutoconfig();
    void autoconfigOverHttpsSkipsDeadAndBroken();
    void autoconfigRedirectsStayInTheDomain();
    void autoconfigStopsReadingPastTheCap();
    void probingProposesTheMostSecureServer();
    void nothingFoundEndsInTime();
    void dnsSrvRecordNamesTheServer();
    void dnsDotTargetAndMxHost();
    void dnsServerOutsideTheDomainIsMarked();
    void withinDomain_data();
    void withinDomain();

private:
    QString run(SettingsFinder &finder, const QString &address, bool *found);
    static quint16 deadPort();
    // dnsmasq on 127.0.0.1 port 53 (QDnsLookup in Qt 6.4 asks port 53 only) with the test's records.
    bool startDns();
    // No autoconfig file, and DNS answers from the dnsmasq of startDns().
    void useTestDns(SettingsFinder &finder);

    QProcess m_dns;
    bool m_dnsTried = false;
    TestServerEnv m_servers;
    bool m_haveServers = false;
    QTemporaryDir m_dir;
    QProcess m_https;
    quint16 m_httpsPort = 0;
};

namespace {
QByteArray config(const QString &outgoing)
{
    return QStringLiteral(R"(<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="example.com">
    <domain>example.com</domain>
    <displayName>Example Mail</displayName>
    <incomingServer type="imap">
      <hostname>imap.example.com</hostname>
      <port>993</port>
      <socketType>SSL</socketType>
      <authentication>password-cleartext</authentication>
      <username>%EMAILADDRESS%</username>
    </incomingServer>
    %1
  </emailProvider>
</clientConfig>
)")
        .arg(outgoing)
        .toUtf8();
}

QString smtp(const QString &host, int port, const QString &socket, const QString &auth,
             const QString &user = QStringLiteral("%EMAILADDRESS%"))
{
    return QStringLiteral("<outgoingServer type=\"smtp\"><hostname>%1</hostname><port>%2</port>"
                          "<socketType>%3</socketType><authentication>%4</authentication>"
                          "<username>%5</username></outgoingServer>")
        .arg(host)
        .arg(port)
        .arg(socket, auth, user);
}
} // namespace

void TestSettingsFinder::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_haveServers = m_servers.load();
    if (!m_haveServers)
        return;
    // The provider's web server: two config files, one good, one broken.
    QDir root(m_dir.path());
    QVERIFY(root.mkpath(QStringLiteral("good/mail")) && root.mkpath(QStringLiteral("broken/mail")));
    QFile good(root.filePath(QStringLiteral("good/mail/config-v1.1.xml")));
    QVERIFY(good.open(QIODevice::WriteOnly));
    good.write(config(
        smtp(QStringLiteral("127.0.0.1"), 465, QStringLiteral("SSL"), QStringLiteral("password-cleartext"))));
    good.close();
    QFile broken(root.filePath(QStringLiteral("broken/mail/config-v1.1.xml")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write(config(smtp(QStringLiteral("127.0.0.1"), 465, QStringLiteral("SSL"),
                             QStringLiteral("password-cleartext")))
                     .replace("</emailProvider>", "</emailProvidr>"));
    broken.close();
    m_https.start(QStringLiteral("/usr/bin/python3"),
                  {QStringLiteral(SENDSCOPE_SOURCE_DIR "/tests/servers/autoconfig_https.py"), m_dir.path(),
                   m_servers.value("SERVER_CERT"), m_servers.value("SERVER_KEY")});
    QVERIFY(m_https.waitForStarted(5000));
    QByteArray banner;
    QTRY_VERIFY_WITH_TIMEOUT((banner += m_https.readAllStandardOutput()).contains('\n'), 10000);
    m_httpsPort = static_cast<quint16>(banner.mid(5).trimmed().toUInt());
    QVERIFY(m_httpsPort != 0);
}

void TestSettingsFinder::cleanupTestCase()
{
    if (m_dns.state() == QProcess::Running) {
        m_dns.terminate();
        m_dns.waitForFinished(5000);
    }
    if (m_https.state() != QProcess::NotRunning) {
        m_https.kill();
        m_https.waitForFinished(5000);
    }
}

void TestSettingsFinder::parseAutoconfig_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<bool>("found");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<int>("security");
    QTest::addColumn<int>("auth");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("errorPart");
    const QString c = QStringLiteral("password-cleartext");
    QTest::newRow("SSL") << config(smtp(QStringLiteral("smtp.example.com"), 465, QStringLiteral("SSL"), c))
                         << true << "smtp.example.com" << 465 << int(SmtpSecurity::ImplicitTls)
                         << int(AccountAuth::Automatic) << ""
                         << "";
    QTest::newRow("STARTTLS, local part")
        << config(smtp(QStringLiteral("mail.example.com"), 587, QStringLiteral("STARTTLS"), c,
                       QStringLiteral("%EMAILLOCALPART%")))
        << true << "mail.example.com" << 587 << int(SmtpSecurity::StartTls) << int(AccountAuth::Automatic)
        << "zhang"
        << "";
    QTest::newRow("plain first, then secure")
        << config(smtp(QStringLiteral("old.example.com"), 25, QStringLiteral("plain"), c) +
                  smtp(QStringLiteral("new.example.com"), 465, QStringLiteral("SSL"), c))
        << true << "new.example.com" << 465 << int(SmtpSecurity::ImplicitTls) << int(AccountAuth::Automatic)
        << ""
        << "";
    QTest::newRow("only plain") << config(smtp(QStringLiteral("old.example.com"), 25, QStringLiteral("plain"),
                                               c))
                                << true << "old.example.com" << 25 << int(SmtpSecurity::None)
                                << int(AccountAuth::Automatic) << ""
                                << "";
    QTest::newRow("OAuth2 only") << config(smtp(QStringLiteral("smtp.example.com"), 465,
                                                QStringLiteral("SSL"), QStringLiteral("OAuth2")))
                                 << true << "smtp.example.com" << 465 << int(SmtpSecurity::ImplicitTls)
                                 << int(AccountAuth::OAuth2Token) << ""
                                 << "";
    QTest::newRow("no smtp") << config(QString()) << false << "" << 0 << 0 << 0 << ""
                             << "names no SMTP server";
    QTest::newRow("broken XML") << config(QString()).replace("</clientConfig>", "<clientConfig") << false
                                << "" << 0 << 0 << 0 << ""
                                << "not valid XML";
    QTest::newRow("HTML page") << QByteArray("<html><body>Not found</body></html>") << false << "" << 0 << 0
                               << 0 << ""
                               << "not a mail autoconfig file";
    QTest::newRow("port over 65535") << config(smtp(QStringLiteral("smtp.example.com"), 65536 + 465,
                                                    QStringLiteral("SSL"), c))
                                     << false << "" << 0 << 0 << 0 << ""
                                     << "66001 is not a port";
    QTest::newRow("bad port, then good")
        << config(smtp(QStringLiteral("bad.example.com"), 70000, QStringLiteral("SSL"), c) +
                  smtp(QStringLiteral("good.example.com"), 465, QStringLiteral("SSL"), c))
        << true << "good.example.com" << 465 << int(SmtpSecurity::ImplicitTls) << int(AccountAuth::Automatic)
        << ""
        << "";
    QTest::newRow("empty") << QByteArray() << false << "" << 0 << 0 << 0 << ""
                           << "not valid XML";
}

void TestSettingsFinder::parseAutoconfig()
{
    QFETCH(QByteArray, xml);
    QFETCH(bool, found);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(int, security);
    QFETCH(int, auth);
    QFETCH(QString, username);
    QFETCH(QString, errorPart);
    QString error;
    const std::optional<SettingsFinder::Proposal> proposal =
        SettingsFinder::parseAutoconfig(xml, QStringLiteral("zhang@example.com"), &error);
    QCOMPARE(proposal.has_value(), found);
    if (!found) {
        QVERIFY2(error.contains(errorPart), qPrintable(error));
        return;
    }
    QCOMPARE(proposal->host, host);
    QCOMPARE(int(proposal->port), port);
    QCOMPARE(int(proposal->security), security);
    QCOMPARE(int(proposal->auth), auth);
    QCOMPARE(proposal->username, username);
}

QString TestSettingsFinder::run(SettingsFinder &finder, const QString &address, bool *found)
{
    QStringList lines;
    connect(&finder, &SettingsFinder::stepLogged, this,
            [&lines](const TranscriptEntry &entry) { lines << entry.text; });
    QSignalSpy finished(&finder, &SettingsFinder::finished);
    finder.find(address);
    if (!finished.wait(60000))
        return QStringLiteral("(did not finish)");
    *found = finished.first().first().toBool();
    return lines.join(u'\n');
}

quint16 TestSettingsFinder::deadPort()
{
    // A port that was just free: nothing listens there once the server is gone.
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost);
    return probe.serverPort();
}

void TestSettingsFinder::autoconfigOverHttpsSkipsDeadAndBroken()
{
    if (!m_haveServers)
        QSKIP("the test servers are not running (run through ctest)");
    SettingsFinder finder;
    finder.setExtraCaCertificates(m_servers.caCertificates());
    finder.setDnsEnabled(false);
    const QString base = QStringLiteral("https://127.0.0.1:%1/").arg(m_httpsPort);
    finder.setAutoconfigUrls(
        {QUrl(QStringLiteral("https://127.0.0.1:%1/mail/config-v1.1.xml").arg(deadPort())),
         QUrl(base + QStringLiteral("broken/mail/config-v1.1.xml")),
         QUrl(base + QStringLiteral("missing/mail/config-v1.1.xml")),
         QUrl(base + QStringLiteral("good/mail/config-v1.1.xml"))});
    bool found = false;
    const QString log = run(finder, QStringLiteral("tester@sendscope.test"), &found);
    QVERIFY2(found, qPrintable(log));
    QVERIFY2(log.contains(QStringLiteral("refused")), qPrintable(log));       // the dead host
    QVERIFY2(log.contains(QStringLiteral("not valid XML")), qPrintable(log)); // the broken file
    QVERIFY2(log.contains(QStringLiteral("not found"), Qt::CaseInsensitive), qPrintable(log)); // 404
    const SettingsFinder::Proposal proposal = *finder.proposal();
    QCOMPARE(proposal.host, QStringLiteral("127.0.0.1"));
    QCOMPARE(proposal.port, quint16(465));
    QCOMPARE(proposal.security, SmtpSecurity::ImplicitTls);
    QVERIFY2(proposal.reason.contains(QStringLiteral("autoconfig file")), qPrintable(proposal.reason));
    QVERIFY(proposal.reason.contains(QStringLiteral("good/mail/config-v1.1.xml")));
}

void TestSettingsFinder::autoconfigRedirectsStayInTheDomain()
{
    if (!m_haveServers)
        QSKIP("the test servers are not running (run through ctest)");
    const QString base = QStringLiteral("https://127.0.0.1:%1/").arg(m_httpsPort);
    const QString good = base + QStringLiteral("good/mail/config-v1.1.xml");
    auto redirect = [&base](const QString &to) {
        return QUrl(base + QStringLiteral("redirect?to=") + QString::fromLatin1(QUrl::toPercentEncoding(to)));
    };

    // Within the same host (or the address's domain): followed, and the source named is the final URL.
    SettingsFinder within;
    within.setExtraCaCertificates(m_servers.caCertificates());
    within.setDnsEnabled(false);
    within.setAutoconfigUrls({redirect(good)});
    bool found = false;
    QString log = run(within, QStringLiteral("tester@sendscope.test"), &found);
    QVERIFY2(found, qPrintable(log));
    QVERIFY2(within.proposal()->reason.contains(good), qPrintable(within.proposal()->reason));
    QVERIFY2(!within.proposal()->reason.contains(QStringLiteral("redirect")),
             qPrintable(within.proposal()->reason));

    // To another name (localhost is neither 127.0.0.1 nor under sendscope.test): refused, with the reason,
    // and the search goes on.
    SettingsFinder outside;
    outside.setExtraCaCertificates(m_servers.caCertificates());
    outside.setDnsEnabled(false);
    outside.setStepTimeout(3000);
    outside.setAutoconfigUrls(
        {redirect(QStringLiteral("https://localhost:%1/good/mail/config-v1.1.xml").arg(m_httpsPort))});
    outside.setProbeHosts({QStringLiteral("127.0.0.1")});
    outside.setProbePorts({{deadPort(), SmtpSecurity::ImplicitTls}});
    found = true;
    log = run(outside, QStringLiteral("tester@sendscope.test"), &found);
    QVERIFY2(!found, qPrintable(log));
    QVERIFY2(log.contains(QStringLiteral("redirects to https://localhost:%1/good/mail/config-v1.1.xml, "
                                         "outside sendscope.test")
                              .arg(m_httpsPort)),
             qPrintable(log));
}

void TestSettingsFinder::autoconfigStopsReadingPastTheCap()
{
    if (!m_haveServers)
        QSKIP("the test servers are not running (run through ctest)");
    // A server that never stops sending: the reply is dropped once it passes 256 KiB, not buffered to the
    // end (there is none), and the next place is asked.
    SettingsFinder finder;
    finder.setExtraCaCertificates(m_servers.caCertificates());
    finder.setDnsEnabled(false);
    const QString base = QStringLiteral("https://127.0.0.1:%1/").arg(m_httpsPort);
    finder.setAutoconfigUrls(
        {QUrl(base + QStringLiteral("endless")), QUrl(base + QStringLiteral("good/mail/config-v1.1.xml"))});
    QElapsedTimer timer;
    timer.start();
    bool found = false;
    const QString log = run(finder, QStringLiteral("tester@sendscope.test"), &found);
    QVERIFY2(found, qPrintable(log));
    QVERIFY2(log.contains(QStringLiteral("larger than 256 KiB")), qPrintable(log));
    QVERIFY(timer.elapsed() < 20000);
}

void TestSettingsFinder::probingProposesTheMostSecureServer()
{
    if (!m_haveServers)
        QSKIP("the test servers are not running (run through ctest)");
    SettingsFinder finder;
    finder.setExtraCaCertificates(m_servers.caCertificates());
    finder.setDnsEnabled(false);
    finder.setAutoconfigUrls({QUrl(QStringLiteral("https://127.0.0.1:%1/nothing.xml").arg(m_httpsPort))});
    finder.setProbeHosts({m_servers.value("SMTP_HOST")});
    finder.setProbePorts({{m_servers.value("POSTFIX_SMTPS_PORT").toUShort(), SmtpSecurity::ImplicitTls},
                          {m_servers.value("POSTFIX_SUBMISSION_PORT").toUShort(), SmtpSecurity::StartTls},
                          {deadPort(), SmtpSecurity::StartTls}});
    bool found = false;
    const QString log = run(finder, QStringLiteral("tester@sendscope.test"), &found);
    QVERIFY2(found, qPrintable(log));
    QCOMPARE(finder.proposal()->port, m_servers.value("POSTFIX_SMTPS_PORT").toUShort());
    QCOMPARE(finder.proposal()->security, SmtpSecurity::ImplicitTls);
    QVERIFY2(finder.proposal()->reason.contains(QStringLiteral("most secure")),
             qPrintable(finder.proposal()->reason));
    // Each probe is reported, with what it offers.
    QVERIFY2(log.contains(QStringLiteral("answers, login with")), qPrintable(log));
    QCOMPARE(log.count(QStringLiteral("Probe ")), 3);
}

void TestSettingsFinder::nothingFoundEndsInTime()
{
    SettingsFinder finder;
    finder.setDnsEnabled(false);
    finder.setStepTimeout(2000);
    finder.setAutoconfigUrls({QUrl(QStringLiteral("https://127.0.0.1:%1/x.xml").arg(deadPort()))});
    finder.setProbeHosts({QStringLiteral("127.0.0.1")});
    finder.setProbePorts({{deadPort(), SmtpSecurity::ImplicitTls}});
    QElapsedTimer timer;
    timer.start();
    bool found = true;
    const QString log = run(finder, QStringLiteral("me@nowhere.invalid"), &found);
    QVERIFY(!found);
    QVERIFY2(log.contains(QStringLiteral("No outgoing server was found for nowhere.invalid")),
             qPrintable(log));
    QVERIFY(timer.elapsed() < 30000);
    QVERIFY(!finder.proposal());

    // An address without a domain is explained, not searched.
    SettingsFinder empty;
    const QString emptyLog = run(empty, QStringLiteral("nobody"), &found);
    QVERIFY(!found);
    QVERIFY(emptyLog.contains(QStringLiteral("Enter the email address first")));
}

void TestSettingsFinder::init()
{
    // The dns* tests need the test servers' ports for their records, and dnsmasq on port 53.
    if (!QByteArray(QTest::currentTestFunction()).startsWith("dns"))
        return;
    if (!m_haveServers)
        QSKIP("the test servers are not running (run through ctest)");
    if (!startDns()) {
        if (qEnvironmentVariableIntValue("SENDSCOPE_REQUIRE_DNS") == 1)
            QFAIL("SENDSCOPE_REQUIRE_DNS=1 but dnsmasq could not listen on 127.0.0.1:53");
        QSKIP("dnsmasq cannot listen on 127.0.0.1:53 here (needs root and a free port 53)");
    }
}

void TestSettingsFinder::useTestDns(SettingsFinder &finder)
{
    finder.setNameserver(QHostAddress::LocalHost);
    finder.setStepTimeout(5000);
    finder.setAutoconfigUrls({QUrl(QStringLiteral("https://127.0.0.1:%1/x.xml").arg(deadPort()))});
}

bool TestSettingsFinder::startDns()
{
    if (m_dnsTried)
        return m_dns.state() == QProcess::Running;
    m_dnsTried = true;
    const QString smtps = m_servers.value("POSTFIX_SMTPS_PORT");
    m_dns.setProcessChannelMode(QProcess::MergedChannels);
    m_dns.start(
        QStringLiteral("dnsmasq"),
        {QStringLiteral("--keep-in-foreground"), QStringLiteral("--log-facility=-"),
         QStringLiteral("--conf-file=/dev/null"), QStringLiteral("--no-resolv"), QStringLiteral("--no-hosts"),
         QStringLiteral("--port=53"), QStringLiteral("--listen-address=127.0.0.1"),
         QStringLiteral("--bind-interfaces"),
         QStringLiteral("--pid-file=") + m_dir.filePath(QStringLiteral("dnsmasq.pid")),
         // RFC 6186: implicit TLS submission for srv.sendscope.test
         QStringLiteral("--srv-host=_submissions._tcp.srv.sendscope.test,smtp.srv.sendscope.test,%1,0,1")
             .arg(smtps),
         // A target of "." says the service is decidedly not offered
         QStringLiteral("--srv-host=_submissions._tcp.mx.sendscope.test"),
         // A submission server at another provider (as a forged answer could name)
         QStringLiteral("--srv-host=_submissions._tcp.foreign.sendscope.test,mx.other-provider.test,%1,0,1")
             .arg(smtps),
         QStringLiteral("--mx-host=mx.sendscope.test,mail.mx.sendscope.test,10")});
    if (!m_dns.waitForStarted(10000))
        return false;
    QByteArray output;
    // dnsmasq says "started" once it listens, or exits when it cannot bind port 53 (not root, or taken).
    const QDeadlineTimer deadline(10000);
    while (!output.contains("started") && m_dns.state() == QProcess::Running && !deadline.hasExpired()) {
        m_dns.waitForReadyRead(200);
        output += m_dns.readAll();
    }
    if (m_dns.state() != QProcess::Running || output.contains("failed")) {
        qWarning("dnsmasq: %s", output.constData());
        m_dns.kill();
        m_dns.waitForFinished(5000);
        return false;
    }
    return true;
}

void TestSettingsFinder::dnsSrvRecordNamesTheServer()
{
    SettingsFinder finder;
    useTestDns(finder);
    bool found = false;
    const QString log = run(finder, QStringLiteral("tester@srv.sendscope.test"), &found);
    QVERIFY2(found, qPrintable(log));
    QVERIFY2(log.contains(QStringLiteral("DNS: looking up SRV _submissions._tcp.srv.sendscope.test")),
             qPrintable(log));
    const SettingsFinder::Proposal proposal = *finder.proposal();
    QCOMPARE(proposal.host, QStringLiteral("smtp.srv.sendscope.test"));
    QCOMPARE(proposal.port, m_servers.value("POSTFIX_SMTPS_PORT").toUShort());
    QCOMPARE(proposal.security, SmtpSecurity::ImplicitTls);
    QVERIFY2(proposal.reason.contains(QStringLiteral("RFC 6186")), qPrintable(proposal.reason));
    QCOMPARE(proposal.source, SettingsFinder::Source::DnsSrv);
    QVERIFY(!proposal.hostOutsideDomain); // smtp.srv.sendscope.test is under srv.sendscope.test
    QVERIFY(!proposal.needsConfirmation());
}

void TestSettingsFinder::dnsServerOutsideTheDomainIsMarked()
{
    // RFC 6186 section 6: an unsigned SRV answer naming a host outside the address's domain is proposed
    // only with a warning, and marked so the account dialog asks before the password goes there.
    SettingsFinder finder;
    useTestDns(finder);
    bool found = false;
    const QString log = run(finder, QStringLiteral("tester@foreign.sendscope.test"), &found);
    QVERIFY2(found, qPrintable(log));
    const SettingsFinder::Proposal proposal = *finder.proposal();
    QCOMPARE(proposal.host, QStringLiteral("mx.other-provider.test"));
    QCOMPARE(proposal.source, SettingsFinder::Source::DnsSrv);
    QVERIFY(proposal.hostOutsideDomain);
    QVERIFY(proposal.needsConfirmation());
    QCOMPARE(proposal.domain, QStringLiteral("foreign.sendscope.test"));
    QVERIFY2(proposal.reason.contains(
                 QStringLiteral("mx.other-provider.test is not part of foreign.sendscope.test")),
             qPrintable(proposal.reason));
}

void TestSettingsFinder::withinDomain_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("domain");
    QTest::addColumn<bool>("within");
    QTest::newRow("the domain") << "example.com"
                                << "example.com" << true;
    QTest::newRow("under it") << "smtp.mail.example.com"
                              << "example.com" << true;
    QTest::newRow("case, dot") << "SMTP.Example.COM."
                               << "example.com" << true;
    QTest::newRow("IDN") << "smtp.xn--fiqs8s"
                         << "中国" << true;
    QTest::newRow("suffix only") << "badexample.com"
                                 << "example.com" << false;
    QTest::newRow("domain as a label") << "example.com.evil.net"
                                       << "example.com" << false;
    QTest::newRow("other provider") << "mx.other-provider.net"
                                    << "example.com" << false;
    QTest::newRow("address") << "127.0.0.1"
                             << "example.com" << false;
}

void TestSettingsFinder::withinDomain()
{
    QFETCH(QString, host);
    QFETCH(QString, domain);
    QFETCH(bool, within);
    QCOMPARE(SettingsFinder::isWithinDomain(host, domain), within);
}

void TestSettingsFinder::dnsDotTargetAndMxHost()
{
    SettingsFinder finder;
    useTestDns(finder);
    finder.setProbePorts({{deadPort(), SmtpSecurity::StartTls}});
    bool found = true;
    const QString log = run(finder, QStringLiteral("someone@mx.sendscope.test"), &found);
    QVERIFY(!found);
    QVERIFY2(
        log.contains(QStringLiteral("_submissions._tcp.mx.sendscope.test says this service is not offered")),
        qPrintable(log));
    QVERIFY2(log.contains(QStringLiteral("DNS: no SRV record _submission._tcp.mx.sendscope.test")),
             qPrintable(log));
    QVERIFY2(log.contains(QStringLiteral("DNS: the MX host is mail.mx.sendscope.test")), qPrintable(log));
    // The MX host is among the names asked in the end.
    QVERIFY2(log.contains(QStringLiteral("Probe mail.mx.sendscope.test")), qPrintable(log));
}

QTEST_GUILESS_MAIN(TestSettingsFinder)
#include "testsettingsfinder.moc"
