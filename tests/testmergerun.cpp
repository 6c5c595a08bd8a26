#include "mergejournal.h"
#include "mergerun.h"
#include "scriptedsmtpserver.h"
#include "sendservice.h"
#include "sessiontesting.h"
#include "testserverenv.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

using namespace std::chrono_literals;

// Bulk sending (群发): every row at most once, whatever happens. Against the test Postfix with the real
// command line (killed midway and resumed), and against scripted servers that turn hostile at a row:
// an account-wide refusal stops the run before another MAIL, a temporary one backs off and resumes.
class TestMergeRun : public QObject
{
    Q_OBJECT
private slots:
    void journalLeavesAtMostOneRowInDoubt();
    void policyRepliesStopOrBackOff_data();
    void policyRepliesStopOrBackOff();
    void payslipsThroughPostfixKilledAndResumed();
    void dailyQuotaHoldsRowsUntilTheWindowFrees();
    void dailyQuotaCountsOtherRunsFromTheSameAddress();
    void workbookThroughCommandLine();
    void resolveRowInDoubt_data();
    void resolveRowInDoubt();
    void resolveRefusesRowsNotInDoubt_data();
    void resolveRefusesRowsNotInDoubt();
    void runSendsRowInDoubtAgainWithItsMessageId();
    void checksEstimateOnlyRowsLeftOfARunBegunBefore();
    void commandLineResendsRowInDoubtOnce();
    void commandLineMarksRowInDoubtDelivered();
    void commandLineRefusesBadRows_data();
    void commandLineRefusesBadRows();

private:
    QTemporaryDir m_dir;
};

void TestMergeRun::journalLeavesAtMostOneRowInDoubt()
{
    const QString path = m_dir.filePath(QStringLiteral("crash.sqlite"));
    QString error;
    {
        MergeJournal journal;
        QVERIFY2(journal.open(path, &error), qPrintable(error));
        QList<MergeJournal::Row> rows;
        for (int i = 1; i <= 3; ++i) {
            MergeJournal::Row row;
            row.row = i;
            row.messageId = "<id" + QByteArray::number(i) + "@example.com>";
            row.recipients = QStringLiteral("a@example.com");
            rows << row;
        }
        QVERIFY(journal.prepare(QStringLiteral("print"), rows, &error));
        SendReport accepted;
        accepted.outcome = SendReport::Outcome::Sent;
        accepted.serverReply = QStringLiteral("250 ok");
        QVERIFY(journal.recordSending(QStringLiteral("1"), &error));
        QVERIFY(journal.recordOutcome(QStringLiteral("1"), accepted, &error));
        QVERIFY(journal.recordSending(QStringLiteral("2"), &error));
        // The process dies here, between the end of data and its reply.
    }
    MergeJournal reopened;
    QVERIFY(reopened.open(path, &error));
    QCOMPARE(reopened.unknownRecovered(), 1);
    QCOMPARE(reopened.row(1)->state, MergeJournal::State::Accepted);
    QCOMPARE(reopened.row(2)->state, MergeJournal::State::Unknown);
    QCOMPARE(reopened.row(3)->state, MergeJournal::State::Pending);
    QCOMPARE(reopened.row(2)->messageId, QByteArray("<id2@example.com>")); // fixed when the run was prepared
    QCOMPARE(reopened.fingerprint(), QStringLiteral("print"));
}

void TestMergeRun::policyRepliesStopOrBackOff_data()
{
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<bool>("atDataEnd"); // the reply comes after the data, not to MAIL
    QTest::addColumn<bool>("stops");     // account-wide and permanent: the run stops
    QTest::addColumn<bool>("closes");    // the server hangs up after the reply (421)
    QTest::newRow("Gmail 550 5.4.5 daily limit")
        << QByteArray("550 5.4.5 Daily user sending limit exceeded.\r\n") << false << true << false;
    QTest::newRow("NetEase 554 DT:SPM after the data")
        << QByteArray("554 DT:SPM 163 smtp14,EsCowAD3_7S4 , please see "
                      "http://mail.163.com/help/help_spam_16.htm\r\n")
        << true << true << false;
    QTest::newRow("421 4.4.2 and hang up")
        << QByteArray("421 4.4.2 Connection dropped due to timeout\r\n") << false << false << true;
    QTest::newRow("450 4.7.1 try later")
        << QByteArray("450 4.7.1 Try again later\r\n") << false << false << false;
}

void TestMergeRun::policyRepliesStopOrBackOff()
{
    QFETCH(QByteArray, reply);
    QFETCH(bool, atDataEnd);
    QFETCH(bool, stops);
    QFETCH(bool, closes);
    const QByteArray ehlo = "250-fake\r\n250 8BITMIME\r\n";
    ScriptedSmtpServer server;
    server.send("220 fake ESMTP\r\n").expect("EHLO").send(ehlo);
    auto acceptOne = [&server] {
        server.expect("MAIL")
            .send("250 ok\r\n")
            .expect("RCPT")
            .send("250 ok\r\n")
            .expect("DATA")
            .send("354 go\r\n");
        server.receiveData().send("250 2.0.0 Ok: queued\r\n");
    };
    acceptOne();
    acceptOne();
    // Row 3: the server turns.
    server.expect("MAIL");
    if (atDataEnd)
        server.send("250 ok\r\n")
            .expect("RCPT")
            .send("250 ok\r\n")
            .expect("DATA")
            .send("354 go\r\n")
            .receiveData();
    server.send(reply);
    if (closes) {
        server.closeConnection();
    } else {
        server.expect("QUIT").send("221 bye\r\n").closeConnection();
    }
    if (!stops) {
        // After the back-off: a new connection takes rows 3 and 4.
        server.send("220 fake ESMTP\r\n").expect("EHLO").send(ehlo);
        acceptOne();
        acceptOne();
        server.expect("QUIT").send("221 bye\r\n");
    }

    QString error;
    MergeSpec spec;
    spec.table =
        *MergeData::parseCsv(QByteArray("name,email\n甲,a@example.com\n乙,b@example.com\n丙,c@example.com\n"
                                        "丁,d@example.com\n"),
                             {}, &error);
    spec.to = MergeTemplate(QStringLiteral("{{email}}"));
    spec.subject = MergeTemplate(QStringLiteral("Hello {{name}}"));
    spec.text = MergeTemplate(QStringLiteral("Dear {{name}}"));
    spec.from = MailAddress(QStringLiteral("HR"), QStringLiteral("hr"), QStringLiteral("example.com"));
    spec.settings = SessionTesting::plainSettings(server.port());
    spec.settings.usePipelining = false;
    spec.ratePerMinute = 0;
    spec.journalPath =
        m_dir.filePath(QStringLiteral("%1.sqlite").arg(QString::fromUtf8(QTest::currentDataTag())));
    SendService service(nullptr, nullptr, nullptr);
    MergeRun run(spec, &service);
    run.setBackoff({50ms});
    QVERIFY2(run.prepare(), qPrintable(run.problems().value(0).message));
    QSignalSpy finished(&run, &MergeRun::finished);
    run.start();
    QVERIFY(finished.wait(20000));
    const QString stopReason = finished.first().first().toString();
    const MergeJournal &journal = run.journal();
    QCOMPARE(journal.row(1)->state, MergeJournal::State::Accepted);
    QCOMPARE(journal.row(2)->state, MergeJournal::State::Accepted);
    if (stops) {
        QVERIFY2(!stopReason.isEmpty(), "an account-wide refusal must stop the run");
        QCOMPARE(journal.row(3)->state, MergeJournal::State::Pending);
        QCOMPARE(journal.row(4)->state, MergeJournal::State::Pending);
        // No new MAIL after the refusal.
        const QList<QByteArray> lines = server.lineTexts();
        QCOMPARE(std::count_if(lines.cbegin(), lines.cend(),
                               [](const QByteArray &line) { return line.startsWith("MAIL"); }),
                 3);
    } else {
        QVERIFY2(stopReason.isEmpty(), qPrintable(stopReason));
        QCOMPARE(journal.row(3)->state, MergeJournal::State::Accepted);
        QCOMPARE(journal.row(4)->state, MergeJournal::State::Accepted);
    }
    // Each row's message reached the server at most once, and the accepted ones exactly once.
    QSet<QByteArray> ids;
    for (const QByteArray &body : server.bodies()) {
        const QRegularExpressionMatch id =
            QRegularExpression(QStringLiteral("Message-ID: (<[^>]+>)")).match(QString::fromUtf8(body));
        QVERIFY(id.hasMatch());
        QVERIFY2(!ids.contains(id.captured(1).toLatin1()), "a row was sent twice");
        ids.insert(id.captured(1).toLatin1());
    }
    for (const MergeJournal::Row &row : journal.rows()) {
        if (row.state == MergeJournal::State::Accepted)
            QVERIFY(ids.contains(row.messageId));
    }
}

void TestMergeRun::payslipsThroughPostfixKilledAndResumed()
{
    TestServerEnv servers;
    if (!servers.load())
        QSKIP("the test servers are not running (run through ctest)");
    // 200 employees, Chinese names, a GB18030 CSV as Excel and WPS save it in China, one PDF each.
    QTemporaryDir work;
    QDir(work.path()).mkpath(QStringLiteral("payslips"));
    const QStringList mailboxes{QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol")};
    const QString token = QUuid::createUuid().toString(QUuid::Id128).left(8);
    QString csv = QStringLiteral("工号,姓名,邮箱\r\n");
    for (int i = 1; i <= 200; ++i) {
        const QString id = QStringLiteral("E%1").arg(i, 3, 10, QChar(u'0'));
        csv += QStringLiteral("%1,员工%2,%3@sendscope.test\r\n").arg(id).arg(i).arg(mailboxes.at(i % 3));
        QFile pdf(work.filePath(QStringLiteral("payslips/%1.pdf").arg(id)));
        QVERIFY(pdf.open(QIODevice::WriteOnly));
        pdf.write(QStringLiteral("%PDF-1.4 payslip %1 %2").arg(id, token).toLatin1());
    }
    QFile data(work.filePath(QStringLiteral("工资.csv")));
    QVERIFY(data.open(QIODevice::WriteOnly));
    data.write(QStringEncoder("GB18030").encode(csv));
    data.close();
    QFile body(work.filePath(QStringLiteral("body.txt")));
    QVERIFY(body.open(QIODevice::WriteOnly));
    body.write(QStringLiteral("{{姓名}}，您好：\n\n附件是您本月的工资条（工号 {{工号}}）。\n").toUtf8());
    body.close();

    const QStringList arguments{
        QStringLiteral("merge"), QStringLiteral("--server"), servers.value("SMTP_HOST"),
        QStringLiteral("--port"), servers.value("POSTFIX_SUBMISSION_PORT"), QStringLiteral("--ca-file"),
        servers.value("CA_CERT"), QStringLiteral("--user"), servers.value("TEST_USER"),
        QStringLiteral("--password-env"), QStringLiteral("MERGE_TEST_PASSWORD"), QStringLiteral("--from"),
        QStringLiteral("人事部 <") + servers.value("TEST_USER") + u'>', QStringLiteral("--data"),
        data.fileName(), QStringLiteral("--subject"), QStringLiteral("{{姓名}}的工资条 ") + token,
        QStringLiteral("--body-file"), body.fileName(), QStringLiteral("--attach"),
        QStringLiteral("payslips/{{工号}}.pdf"),
        // Paced (20 ms a message), so that the kill lands midway.
        QStringLiteral("--rate"), QStringLiteral("3000/min"), QStringLiteral("--max-per-connection"),
        QStringLiteral("60"), QStringLiteral("--report"), work.filePath(QStringLiteral("report.csv"))};
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("MERGE_TEST_PASSWORD"), servers.password());

    QProcess first;
    first.setProcessEnvironment(environment);
    first.start(QStringLiteral(SENDSCOPE_BINARY), arguments);
    QVERIFY(first.waitForStarted(10000));
    QByteArray firstOut;
    QTRY_VERIFY_WITH_TIMEOUT((firstOut += first.readAllStandardOutput()).count('\n') >= 50, 60000);
    first.kill(); // midway, wherever it is
    QVERIFY(first.waitForFinished(10000));
    firstOut += first.readAllStandardOutput();
    QVERIFY2(firstOut.count('\n') < 200, "the run finished before it could be killed");

    QProcess second;
    second.setProcessEnvironment(environment);
    second.start(QStringLiteral(SENDSCOPE_BINARY), arguments);
    QVERIFY(second.waitForFinished(120000));
    const QByteArray secondOut = second.readAllStandardOutput();
    const QByteArray secondErr = second.readAllStandardError();
    QVERIFY2(second.exitCode() == 0 || second.exitCode() == 3, secondErr.constData());
    QVERIFY2(secondErr.contains("Resuming:"), secondErr.constData());
    // No row printed as accepted by the first run is printed again.
    QSet<QByteArray> acceptedFirst;
    for (const QByteArray &line : firstOut.split('\n')) {
        if (line.contains("\taccepted\t"))
            acceptedFirst.insert(line.left(line.indexOf('\t')));
    }
    for (const QByteArray &line : secondOut.split('\n'))
        QVERIFY2(!acceptedFirst.contains(line.left(line.indexOf('\t'))), line.constData());

    QVERIFY(servers.waitForEmptyQueue());
    MergeJournal journal;
    QString error;
    QVERIFY(journal.open(data.fileName() + QStringLiteral(".journal.sqlite"), &error));
    QVERIFY(journal.count(MergeJournal::State::Unknown) <= 1); // at most the one in flight at the kill
    QCOMPARE(journal.count(MergeJournal::State::Accepted) + journal.count(MergeJournal::State::Unknown), 200);
    for (const MergeJournal::Row &row : journal.rows()) {
        const QString mailbox = mailboxes.at(row.row % 3);
        const int delivered = servers.countInMaildir(mailbox, "Message-ID: " + row.messageId);
        if (row.state == MergeJournal::State::Accepted)
            QVERIFY2(delivered == 1,
                     qPrintable(QStringLiteral("row %1 delivered %2 times").arg(row.row).arg(delivered)));
        else
            QVERIFY(delivered <= 1);
    }
    // Each with its own payslip.
    for (const int row : {1, 77, 200}) {
        const QString id = QStringLiteral("E%1").arg(row, 3, 10, QChar(u'0'));
        const QByteArray message =
            servers.waitForMaildir(mailboxes.at(row % 3), "Message-ID: " + journal.row(row)->messageId);
        const QByteArray attachment =
            QStringLiteral("%PDF-1.4 payslip %1 %2").arg(id, token).toLatin1().toBase64();
        QVERIFY2(message.contains(attachment), qPrintable(id));
    }
    QFile report(work.filePath(QStringLiteral("report.csv")));
    QVERIFY(report.open(QIODevice::ReadOnly));
    const QByteArray reportBytes = report.readAll();
    QVERIFY(reportBytes.startsWith("\xEF\xBB\xBF")); // so that Excel reads the Chinese names right
    const QString reportText = QString::fromUtf8(reportBytes);
    QVERIFY(reportText.contains(QStringLiteral("员工77")));
}

namespace {
void scriptAccept(ScriptedSmtpServer &server)
{
    server.expect("MAIL")
        .send("250 ok\r\n")
        .expect("RCPT")
        .send("250 ok\r\n")
        .expect("DATA")
        .send("354 go\r\n");
    server.receiveData().send("250 2.0.0 Ok: queued\r\n");
}

// Rows of name,email to a scripted server without PIPELINING, unpaced, with a quota of 3 recipients a day.
MergeSpec quotaSpec(const QByteArray &csv, const QString &journalPath, const QString &fromLocalPart,
                    quint16 port)
{
    QString error;
    MergeSpec spec;
    spec.table = *MergeData::parseCsv(csv, {}, &error);
    spec.to = MergeTemplate(QStringLiteral("{{email}}"));
    spec.subject = MergeTemplate(QStringLiteral("Hello {{name}}"));
    spec.text = MergeTemplate(QStringLiteral("Dear {{name}}"));
    spec.from = MailAddress(QStringLiteral("HR"), fromLocalPart, QStringLiteral("example.com"));
    spec.settings = SessionTesting::plainSettings(port);
    spec.settings.usePipelining = false;
    spec.ratePerMinute = 0;
    spec.perDay = 3;
    spec.journalPath = journalPath;
    return spec;
}
} // namespace

void TestMergeRun::dailyQuotaHoldsRowsUntilTheWindowFrees()
{
    // A quota of 3 recipients a day: rows 1–3 go at 10:00, row 4 waits until 10:00 the next day. The
    // clock is the test's, so nothing waits for real.
    const QDateTime start(QDate(2026, 12, 1), QTime(10, 0));
    QDateTime clock = start;
    const QByteArray ehlo = "250-fake\r\n250 8BITMIME\r\n";
    ScriptedSmtpServer server;
    server.send("220 fake ESMTP\r\n").expect("EHLO").send(ehlo);
    for (int i = 0; i < 3; ++i)
        scriptAccept(server);
    server.expect("QUIT").send("221 bye\r\n").closeConnection();

    MergeSpec spec =
        quotaSpec(QByteArray("name,email\n甲,a@example.com\n乙,b@example.com\n"
                             "丙,c@example.com\n丁,d@example.com\n戊,e@example.com\n"),
                  m_dir.filePath(QStringLiteral("quota.sqlite")), QStringLiteral("hr"), server.port());
    SendService service(nullptr, nullptr, nullptr);
    {
        MergeRun run(spec, &service);
        run.setClock([&clock] { return clock; });
        QVERIFY2(run.prepare(), qPrintable(run.problems().value(0).message));
        QCOMPARE(run.estimatedFinish(), start.addDays(1)); // rows 4 and 5 when the first three leave
        QSignalSpy exhausted(&run, &MergeRun::quotaExhausted);
        QSignalSpy finished(&run, &MergeRun::finished);
        run.start();
        QVERIFY(exhausted.wait(20000));
        QCOMPARE(exhausted.first().first().toDateTime(), start.addDays(1));
        QVERIFY(run.isWaitingForQuota());
        QCOMPARE(run.waitingUntil(), start.addDays(1));
        QCOMPARE(run.quotaUsed(), 3);
        QCOMPARE(run.estimatedFinish(), start.addDays(1));
        QCOMPARE(run.journal().row(3)->state, MergeJournal::State::Accepted);
        QCOMPARE(run.journal().row(3)->accepted, start);
        QCOMPARE(run.journal().row(4)->state, MergeJournal::State::Pending);
        QTRY_VERIFY(server.scriptFinished()); // QUIT: no connection idles through the wait
        QVERIFY(finished.isEmpty());
        run.cancel();
        QVERIFY(finished.count() == 1 || finished.wait(5000));
    }
    const auto mails = [&server] {
        const QList<QByteArray> lines = server.lineTexts();
        return std::count_if(lines.cbegin(), lines.cend(),
                             [](const QByteArray &line) { return line.startsWith("MAIL"); });
    };
    QCOMPARE(mails(), 3);

    // The command line's way: stop, and say when the same command can go on; resumed an hour later it
    // stops again without connecting.
    clock = start.addSecs(3600);
    spec.stopWhenQuotaUsed = true;
    {
        MergeRun run(spec, &service);
        run.setClock([&clock] { return clock; });
        QVERIFY2(run.prepare(), qPrintable(run.problems().value(0).message));
        QCOMPARE(run.quotaUsed(), 3); // from the journal's acceptance times
        QSignalSpy finished(&run, &MergeRun::finished);
        run.start();
        QVERIFY(finished.wait(5000));
        const QString reason = finished.first().first().toString();
        QVERIFY2(reason.contains(QStringLiteral("tomorrow")), qPrintable(reason));
        QVERIFY(run.isWaitingForQuota());
        QCOMPARE(run.journal().row(4)->state, MergeJournal::State::Pending);
    }
    QCOMPARE(mails(), 3);

    // A day later the window has freed: rows 4 and 5 go.
    clock = start.addDays(1).addSecs(60);
    ScriptedSmtpServer later;
    later.send("220 fake ESMTP\r\n").expect("EHLO").send(ehlo);
    scriptAccept(later);
    scriptAccept(later);
    later.expect("QUIT").send("221 bye\r\n");
    spec.settings = SessionTesting::plainSettings(later.port());
    spec.settings.usePipelining = false;
    MergeRun run(spec, &service);
    run.setClock([&clock] { return clock; });
    QVERIFY2(run.prepare(), qPrintable(run.problems().value(0).message));
    QCOMPARE(run.quotaUsed(), 0);
    QSignalSpy finished(&run, &MergeRun::finished);
    run.start();
    QVERIFY(finished.wait(20000));
    QVERIFY2(finished.first().first().toString().isEmpty(), qPrintable(finished.first().first().toString()));
    QCOMPARE(run.journal().count(MergeJournal::State::Accepted), 5);
    QVERIFY(!run.isWaitingForQuota());
}

void TestMergeRun::dailyQuotaCountsOtherRunsFromTheSameAddress()
{
    // The provider counts the mailbox: a quota of 3 recipients a day, two rows sent at 10:00 by one run
    // (its own data file and journal), then another run from the same address at 11:00 sends one row and
    // stops; a run from another address is not held back by either.
    const QDateTime start(QDate(2026, 12, 1), QTime(10, 0));
    QDateTime clock = start;
    const QByteArray ehlo = "250-fake\r\n250 8BITMIME\r\n";
    const QString quotaLog = m_dir.filePath(QStringLiteral("shared/bulk-quota.log"));
    const auto specFor = [&](const QByteArray &csv, const QString &journal, const QString &from,
                             quint16 port) {
        MergeSpec spec = quotaSpec(csv, m_dir.filePath(journal), from, port);
        spec.stopWhenQuotaUsed = true;
        spec.quotaLogPath = quotaLog;
        return spec;
    };
    SendService service(nullptr, nullptr, nullptr);
    {
        ScriptedSmtpServer server;
        server.send("220 fake ESMTP\r\n").expect("EHLO").send(ehlo);
        scriptAccept(server);
        scriptAccept(server);
        server.expect("QUIT").send("221 bye\r\n");
        MergeRun run(specFor("name,email\n甲,a@example.com\n乙,b@example.com\n",
                             QStringLiteral("march.sqlite"), QStringLiteral("hr"), server.port()),
                     &service);
        run.setClock([&clock] { return clock; });
        QVERIFY2(run.prepare(), qPrintable(run.problems().value(0).message));
        QSignalSpy finished(&run, &MergeRun::finished);
        run.start();
        QVERIFY(finished.wait(20000));
        QCOMPARE(run.journal().count(MergeJournal::State::Accepted), 2);
    }
    clock = start.addSecs(3600);
    const QByteArray april = "name,email\n丙,c@example.com\n丁,d@example.com\n戊,e@example.com\n";
    {
        ScriptedSmtpServer server;
        server.send("220 fake ESMTP\r\n").expect("EHLO").send(ehlo);
        scriptAccept(server);
        server.expect("QUIT").send("221 bye\r\n");
        MergeRun run(specFor(april, QStringLiteral("april.sqlite"), QStringLiteral("HR"), server.port()),
                     &service);
        run.setClock([&clock] { return clock; });
        QVERIFY2(run.prepare(), qPrintable(run.problems().value(0).message));
        QCOMPARE(run.quotaUsed(), 2); // the other run's two rows; the address's case does not matter
        QSignalSpy finished(&run, &MergeRun::finished);
        run.start();
        QVERIFY(finished.wait(20000));
        QVERIFY2(finished.first().first().toString().contains(QStringLiteral("quota")),
                 qPrintable(finished.first().first().toString()));
        QCOMPARE(run.journal().count(MergeJournal::State::Accepted), 1);
        QCOMPARE(run.journal().row(2)->state, MergeJournal::State::Pending);
        QCOMPARE(run.quotaUsed(), 3);
    }
    {
        ScriptedSmtpServer server;
        MergeRun run(specFor(april, QStringLiteral("sales.sqlite"), QStringLiteral("sales"), server.port()),
                     &service);
        run.setClock([&clock] { return clock; });
        QVERIFY2(run.prepare(), qPrintable(run.problems().value(0).message));
        QCOMPARE(run.quotaUsed(), 0);
    }
}

void TestMergeRun::workbookThroughCommandLine()
{
    // `sendscope merge --data file.xlsx --sheet NAME`, checked and previewed without a server.
    QTemporaryDir work;
    QFile body(work.filePath(QStringLiteral("body.txt")));
    QVERIFY(body.open(QIODevice::WriteOnly));
    body.write(QStringLiteral("{{姓名}}，您好：工号 {{工号}}，入职 {{入职日期}}。\n").toUtf8());
    body.close();
    const QString data = QStringLiteral(SENDSCOPE_SOURCE_DIR "/tests/data/merge/excel-style.xlsx");
    auto run = [&](const QString &sheet, QByteArray *out, QByteArray *err,
                   const QStringList &extra = {QStringLiteral("--read-receipt"), QStringLiteral("--priority"),
                                               QStringLiteral("high")}) {
        QProcess process;
        process.start(
            QStringLiteral(SENDSCOPE_BINARY),
            QStringList{QStringLiteral("merge"), QStringLiteral("--server"), QStringLiteral("smtp.qq.com"),
                        QStringLiteral("--from"), QStringLiteral("人事部 <hr@qq.com>"),
                        QStringLiteral("--data"), data, QStringLiteral("--sheet"), sheet,
                        QStringLiteral("--subject"), QStringLiteral("{{姓名}}的通知"),
                        QStringLiteral("--body-file"), body.fileName(), QStringLiteral("--journal"),
                        work.filePath(sheet + QStringLiteral(".sqlite")), QStringLiteral("--dry-run"),
                        QStringLiteral("--preview"), QStringLiteral("2")} +
                extra);
        if (!process.waitForFinished(30000))
            return -1;
        *out = process.readAllStandardOutput();
        *err = process.readAllStandardError();
        return process.exitCode();
    };
    QByteArray out;
    QByteArray err;
    QCOMPARE(run(QStringLiteral("名单"), &out, &err), 0);
    const QString errText = QString::fromUtf8(err);
    QVERIFY2(errText.contains(QStringLiteral("3 messages to 3 distinct addresses")), err.constData());
    QVERIFY2(errText.contains(QStringLiteral("\"名单\"")), err.constData());
    // The QQ profile's limits, and the estimate at start.
    QVERIFY2(errText.contains(QStringLiteral("10/min, 300 recipients a day")), err.constData());
    QVERIFY2(errText.contains(QStringLiteral("finishes about")), err.constData());
    // Row 2 is 李娜, employee number 42 shown as 00042, a date from a Chinese date format.
    QVERIFY2(out.contains("To: li@example.com"), out.constData());
    // --read-receipt and --priority reach every row's message.
    QVERIFY2(out.contains("\r\nDisposition-Notification-To: ") ||
                 out.contains("\nDisposition-Notification-To: "),
             out.constData());
    QVERIFY2(out.contains("Importance: high"), out.constData());
    const QByteArray text = QByteArray(out).replace("=\r\n", ""); // quoted-printable soft line breaks
    QVERIFY2(text.contains(" 00042=EF=BC=8C") && text.contains(" 2023-01-05=E3=80=82"), out.constData());

    QCOMPARE(run(QStringLiteral("Nope"), &out, &err), 2);
    QVERIFY2(
        QString::fromUtf8(err).contains(QStringLiteral("its sheets are: Hidden, 名单, Notes, 空白, 无名列")),
        err.constData());
    // Delivery notifications are not asked for in bulk: said, not silently ignored.
    QCOMPARE(run(QStringLiteral("名单"), &out, &err, {QStringLiteral("--dsn")}), 2);
    QVERIFY2(err.contains("--dsn"), err.constData());
    QCOMPARE(
        run(QStringLiteral("名单"), &out, &err, {QStringLiteral("--priority"), QStringLiteral("urgent")}), 2);
    QVERIFY2(err.contains("--priority"), err.constData());
}

namespace {
// A journal of five rows: 1 accepted, 2 in doubt (left "sending" at 09:00 by a run that stopped), 3 pending,
// 4 refused, 5 deferred.
bool journalWithRowInDoubt(const QString &path, const QDateTime &sentAt)
{
    QString error;
    {
        MergeJournal journal;
        QDateTime clock = sentAt;
        journal.setClock([&clock] { return clock; });
        if (!journal.open(path, &error))
            return false;
        QList<MergeJournal::Row> rows;
        for (int i = 1; i <= 5; ++i) {
            MergeJournal::Row row;
            row.row = i;
            row.messageId = "<id" + QByteArray::number(i) + "@example.com>";
            row.recipients = QStringLiteral("r%1@example.com").arg(i);
            rows << row;
        }
        if (!journal.prepare(QStringLiteral("print"), rows, &error) ||
            !journal.setState(1, MergeJournal::State::Accepted, QStringLiteral("250 ok"), {}, &error) ||
            !journal.setState(4, MergeJournal::State::Refused, QStringLiteral("550 no"), {}, &error) ||
            !journal.setState(5, MergeJournal::State::Deferred, QStringLiteral("451 later"),
                              sentAt.addDays(1), &error) ||
            !journal.recordSending(QStringLiteral("2"), &error))
            return false;
    }
    MergeJournal reopened; // the run stopped: row 2 becomes Unknown
    QDateTime later = sentAt.addSecs(600);
    reopened.setClock([&later] { return later; });
    return reopened.open(path, &error) && reopened.row(2)->state == MergeJournal::State::Unknown;
}
} // namespace

void TestMergeRun::resolveRowInDoubt_data()
{
    QTest::addColumn<MergeJournal::Resolution>("resolution");
    QTest::addColumn<MergeJournal::State>("state");
    QTest::addColumn<QString>("note");
    QTest::newRow("marked as delivered")
        << MergeJournal::Resolution::MarkDelivered << MergeJournal::State::Accepted
        << QStringLiteral("Marked as delivered by the person at 2026-12-01 11:30:00.");
    QTest::newRow("sent again") << MergeJournal::Resolution::SendAgain << MergeJournal::State::Pending
                                << QStringLiteral(
                                       "Sent again at the person's request at 2026-12-01 11:30:00");
}

void TestMergeRun::resolveRowInDoubt()
{
    QFETCH(MergeJournal::Resolution, resolution);
    QFETCH(MergeJournal::State, state);
    QFETCH(QString, note);
    const QString path =
        m_dir.filePath(QStringLiteral("resolve-%1.sqlite").arg(QString::fromUtf8(QTest::currentDataTag())));
    const QDateTime sentAt(QDate(2026, 12, 1), QTime(9, 0));
    const QDateTime decidedAt(QDate(2026, 12, 1), QTime(11, 30));
    QVERIFY(journalWithRowInDoubt(path, sentAt));
    QString error;
    {
        MergeJournal journal;
        journal.setClock([&decidedAt] { return decidedAt; });
        QVERIFY2(journal.open(path, &error), qPrintable(error));
        // What a window shows to decide: who, which Message-ID, when it went.
        const QList<MergeJournal::Row> inDoubt = journal.unknownRows();
        QCOMPARE(inDoubt.size(), 1);
        QCOMPARE(inDoubt.first().row, 2);
        QCOMPARE(inDoubt.first().recipients, QStringLiteral("r2@example.com"));
        QCOMPARE(inDoubt.first().messageId, QByteArray("<id2@example.com>"));
        QCOMPARE(inDoubt.first().sent, sentAt); // not when the next run found it in doubt
        MergeJournal::ResolveError resolveError;
        QVERIFY2(journal.resolve({2}, resolution, &resolveError), qPrintable(resolveError.message));
        QCOMPARE(resolveError.code, MergeJournal::ResolveError::Code::None);
        QCOMPARE(journal.row(2)->state, state);
        QVERIFY(journal.unknownRows().isEmpty());
    }
    // On disk, as the next run finds it.
    MergeJournal reopened;
    QVERIFY(reopened.open(path, &error));
    const MergeJournal::Row row = *reopened.row(2);
    QCOMPARE(row.state, state);
    QCOMPARE(row.messageId, QByteArray("<id2@example.com>")); // a duplicate can be recognised
    QVERIFY2(row.decision.startsWith(note), qPrintable(row.decision));
    QVERIFY2(row.reply.startsWith(note), qPrintable(row.reply));
    QCOMPARE(row.updated, decidedAt);
    QCOMPARE(row.sent, sentAt);
    if (state == MergeJournal::State::Accepted)
        QCOMPARE(row.accepted, sentAt); // the daily quota counts it from when it went
    // The other rows are untouched.
    QCOMPARE(reopened.row(1)->state, MergeJournal::State::Accepted);
    QCOMPARE(reopened.row(3)->state, MergeJournal::State::Pending);
    QCOMPARE(reopened.row(4)->state, MergeJournal::State::Refused);
    QCOMPARE(reopened.row(5)->state, MergeJournal::State::Deferred);
}

void TestMergeRun::resolveRefusesRowsNotInDoubt_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<MergeJournal::ResolveError::Code>("code");
    QTest::addColumn<MergeJournal::State>("state");
    QTest::newRow("accepted") << 1 << MergeJournal::ResolveError::Code::NotInDoubt
                              << MergeJournal::State::Accepted;
    QTest::newRow("pending") << 3 << MergeJournal::ResolveError::Code::NotInDoubt
                             << MergeJournal::State::Pending;
    QTest::newRow("refused") << 4 << MergeJournal::ResolveError::Code::NotInDoubt
                             << MergeJournal::State::Refused;
    QTest::newRow("deferred") << 5 << MergeJournal::ResolveError::Code::NotInDoubt
                              << MergeJournal::State::Deferred;
    QTest::newRow("no such row") << 6 << MergeJournal::ResolveError::Code::NoSuchRow
                                 << MergeJournal::State::Pending;
}

void TestMergeRun::resolveRefusesRowsNotInDoubt()
{
    QFETCH(int, row);
    QFETCH(MergeJournal::ResolveError::Code, code);
    QFETCH(MergeJournal::State, state);
    const QString path =
        m_dir.filePath(QStringLiteral("refuse-%1.sqlite").arg(QString::fromUtf8(QTest::currentDataTag())));
    QVERIFY(journalWithRowInDoubt(path, QDateTime(QDate(2026, 12, 1), QTime(9, 0))));
    for (const auto resolution :
         {MergeJournal::Resolution::MarkDelivered, MergeJournal::Resolution::SendAgain}) {
        MergeJournal journal;
        QString error;
        QVERIFY(journal.open(path, &error));
        const QList<MergeJournal::Row> before = journal.rows();
        MergeJournal::ResolveError resolveError;
        // With the row in doubt first: all or nothing, so row 2 stays in doubt too.
        QVERIFY(!journal.resolve({2, row}, resolution, &resolveError));
        QCOMPARE(resolveError.code, code);
        QCOMPARE(resolveError.row, row);
        QCOMPARE(resolveError.state, state);
        QVERIFY2(resolveError.message.contains(QString::number(row)), qPrintable(resolveError.message));
        QCOMPARE(journal.row(2)->state, MergeJournal::State::Unknown);
        MergeJournal reopened;
        QVERIFY(reopened.open(path, &error));
        for (const MergeJournal::Row &was : before) {
            QCOMPARE(reopened.row(was.row)->state, was.state);
            QCOMPARE(reopened.row(was.row)->reply, was.reply);
        }
    }
}

void TestMergeRun::runSendsRowInDoubtAgainWithItsMessageId()
{
    // Row 2's connection drops after its end of data, before the reply: in doubt. What a window shows
    // and offers, through MergeRun.
    const QByteArray ehlo = "250-fake\r\n250 8BITMIME\r\n";
    ScriptedSmtpServer server;
    server.send("220 fake ESMTP\r\n").expect("EHLO").send(ehlo);
    scriptAccept(server);
    server.expect("MAIL")
        .send("250 ok\r\n")
        .expect("RCPT")
        .send("250 ok\r\n")
        .expect("DATA")
        .send("354 go\r\n")
        .receiveData()
        .closeConnection();
    server.send("220 fake ESMTP\r\n").expect("EHLO").send(ehlo);
    scriptAccept(server);
    server.expect("QUIT").send("221 bye\r\n");

    QString error;
    MergeSpec spec;
    spec.table = *MergeData::parseCsv(
        QByteArray("name,email\n甲,a@example.com\n乙,b@example.com\n丙,c@example.com\n"), {}, &error);
    spec.to = MergeTemplate(QStringLiteral("{{email}}"));
    spec.subject = MergeTemplate(QStringLiteral("Hello {{name}}"));
    spec.text = MergeTemplate(QStringLiteral("Dear {{name}}"));
    spec.from = MailAddress(QStringLiteral("HR"), QStringLiteral("hr"), QStringLiteral("example.com"));
    spec.settings = SessionTesting::plainSettings(server.port());
    spec.settings.usePipelining = false;
    spec.ratePerMinute = 0;
    spec.journalPath = m_dir.filePath(QStringLiteral("run-in-doubt.sqlite"));
    SendService service(nullptr, nullptr, nullptr);
    {
        MergeRun run(spec, &service);
        run.setBackoff({50ms});
        QVERIFY2(run.prepare(), qPrintable(run.problems().value(0).message));
        QSignalSpy finished(&run, &MergeRun::finished);
        run.start();
        QVERIFY(finished.wait(20000));
        QCOMPARE(run.journal().row(2)->state, MergeJournal::State::Unknown);
        QCOMPARE(run.journal().row(3)->state, MergeJournal::State::Accepted); // the run went on
        QCOMPARE(server.bodies().size(), 3);
    }

    ScriptedSmtpServer later;
    later.send("220 fake ESMTP\r\n").expect("EHLO").send(ehlo);
    scriptAccept(later);
    later.expect("QUIT").send("221 bye\r\n");
    spec.settings = SessionTesting::plainSettings(later.port());
    spec.settings.usePipelining = false;
    MergeRun run(spec, &service);
    QVERIFY2(run.prepare(), qPrintable(run.problems().value(0).message));
    const QList<MergeJournal::Row> inDoubt = run.rowsInDoubt();
    QCOMPARE(inDoubt.size(), 1);
    QCOMPARE(inDoubt.first().row, 2);
    QCOMPARE(inDoubt.first().recipients, QStringLiteral("b@example.com"));
    QVERIFY(inDoubt.first().sent.isValid());
    QVERIFY(server.bodies().at(1).contains("Message-ID: " + inDoubt.first().messageId));
    MergeJournal::ResolveError resolveError;
    QVERIFY(!run.resolveInDoubt({1}, MergeJournal::Resolution::SendAgain, &resolveError));
    QCOMPARE(resolveError.code, MergeJournal::ResolveError::Code::NotInDoubt);
    QVERIFY2(run.resolveInDoubt({2}, MergeJournal::Resolution::SendAgain, &resolveError),
             qPrintable(resolveError.message));
    QVERIFY(run.rowsInDoubt().isEmpty());
    QSignalSpy finished(&run, &MergeRun::finished);
    run.start();
    QVERIFY(finished.wait(20000));
    QCOMPARE(later.bodies().size(), 1); // that row alone, with the Message-ID it had
    QVERIFY(later.bodies().first().contains("Message-ID: " + inDoubt.first().messageId));
    QCOMPARE(run.journal().count(MergeJournal::State::Accepted), 3);
    QVERIFY2(run.journal().row(2)->decision.startsWith(QStringLiteral("Sent again at the person's request")),
             qPrintable(run.journal().row(2)->decision));
}

// A window's checks on a run begun before (check() alone): the estimate counts only the rows still to
// send, and what went against the daily quota, from the journal as it is on disk, which check() leaves
// as it found it (a row "sending" there may be in flight for a run elsewhere).
void TestMergeRun::checksEstimateOnlyRowsLeftOfARunBegunBefore()
{
    const QDateTime start(QDate(2026, 12, 1), QTime(10, 0));
    QString error;
    MergeSpec spec;
    spec.table = *MergeData::parseCsv(QByteArray("name,email\n甲,a@example.com\n乙,b@example.com\n"
                                                 "丙,c@example.com\n丁,d@example.com\n"),
                                      {}, &error);
    spec.to = MergeTemplate(QStringLiteral("{{email}}"));
    spec.subject = MergeTemplate(QStringLiteral("Hello {{name}}"));
    spec.text = MergeTemplate(QStringLiteral("Dear {{name}}"));
    spec.from = MailAddress(QStringLiteral("HR"), QStringLiteral("hr"), QStringLiteral("example.com"));
    spec.settings = SessionTesting::plainSettings(1);
    spec.ratePerMinute = 0;
    spec.perDay = 2;
    spec.journalPath = m_dir.filePath(QStringLiteral("checks-estimate.sqlite"));
    SendService service(nullptr, nullptr, nullptr);
    const auto clockAt = [](const QDateTime &when) { return [when] { return when; }; };

    {
        MergeRun fresh(spec, &service);
        fresh.setClock(clockAt(start));
        QVERIFY(fresh.check());
        QCOMPARE(fresh.rowsToSend(), 4); // no journal yet: every row
        QVERIFY(!QFileInfo::exists(spec.journalPath));
        QVERIFY2(fresh.prepare(), qPrintable(fresh.problems().value(0).message));
    }
    {
        // Row 1 accepted at 10:00, row 2 on its way at 10:00.
        MergeJournal journal;
        journal.setClock(clockAt(start));
        QVERIFY2(journal.open(spec.journalPath, &error), qPrintable(error));
        QVERIFY(journal.setState(1, MergeJournal::State::Accepted, QStringLiteral("250 ok"), {}, &error));
        QVERIFY(journal.recordSending(QStringLiteral("2"), &error));
    }

    MergeRun checks(spec, &service);
    checks.setClock(clockAt(start.addSecs(3600)));
    QVERIFY(checks.check());
    QCOMPARE(checks.rowsToSend(), 2); // rows 3 and 4; not 1 (accepted) nor 2 (sending: not this run's)
    // The quota of 2 is used by rows 1 and 2 until 10:00 the next day; rows 3 and 4 both go then.
    const QDateTime finish = checks.estimatedFinish();
    QVERIFY2(finish >= start.addDays(1) && finish <= start.addDays(1).addSecs(60),
             qPrintable(finish.toString(Qt::ISODate)));
    const std::optional<QList<MergeJournal::Row>> onDisk = MergeJournal::peek(spec.journalPath, &error);
    QVERIFY2(onDisk, qPrintable(error));
    QCOMPARE(onDisk->size(), 4);
    QCOMPARE(onDisk->at(1).state, MergeJournal::State::Sending); // untouched

    // Another file's journal (other rows) does not count: as if nothing had gone.
    MergeSpec other = spec;
    other.table.rows.removeLast();
    MergeRun otherChecks(other, &service);
    otherChecks.setClock(clockAt(start.addSecs(3600)));
    QVERIFY(otherChecks.check());
    QCOMPARE(otherChecks.rowsToSend(), 3);
}

namespace {
// Three rows for `sendscope merge` against a scripted server, with a journal whose row 2 is in doubt (its
// run stopped between the end of data and the reply) and rows 1 and 3 accepted.
struct InDoubtCommandLine
{
    QTemporaryDir work;
    QString journalPath;
    QString reportPath;
    QStringList arguments(quint16 port) const
    {
        return {QStringLiteral("merge"),
                QStringLiteral("--server"),
                QStringLiteral("127.0.0.1"),
                QStringLiteral("--port"),
                QString::number(port),
                QStringLiteral("--security"),
                QStringLiteral("none"),
                QStringLiteral("--from"),
                QStringLiteral("人事部 <hr@example.com>"),
                QStringLiteral("--data"),
                work.filePath(QStringLiteral("list.csv")),
                QStringLiteral("--subject"),
                QStringLiteral("Hello {{name}}"),
                QStringLiteral("--body-file"),
                work.filePath(QStringLiteral("body.txt")),
                QStringLiteral("--journal"),
                journalPath,
                QStringLiteral("--report"),
                reportPath,
                QStringLiteral("--rate"),
                QStringLiteral("0")};
    }
};

int runSendscope(const QStringList &arguments, QByteArray *out, QByteArray *err)
{
    // Waits on the signal, not with waitForFinished(): a scripted server in this process must answer.
    QProcess process;
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(SENDSCOPE_BINARY), arguments);
    if (!finished.wait(60000)) {
        process.kill();
        process.waitForFinished(5000);
        return -1;
    }
    *out = process.readAllStandardOutput();
    *err = process.readAllStandardError();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

// Sets up the data and the journal through a dry run, then the states through the journal API.
bool prepareInDoubt(InDoubtCommandLine *setup, QString *why)
{
    setup->journalPath = setup->work.filePath(QStringLiteral("list.journal.sqlite"));
    setup->reportPath = setup->work.filePath(QStringLiteral("report.csv"));
    QFile data(setup->work.filePath(QStringLiteral("list.csv")));
    QFile body(setup->work.filePath(QStringLiteral("body.txt")));
    if (!data.open(QIODevice::WriteOnly) || !body.open(QIODevice::WriteOnly)) {
        *why = QStringLiteral("cannot write the data");
        return false;
    }
    data.write(QStringLiteral("name,email\n甲,a@example.com\n乙,b@example.com\n丙,c@example.com\n").toUtf8());
    body.write("Dear {{name}}\n");
    data.close();
    body.close();
    QByteArray out;
    QByteArray err;
    if (runSendscope(setup->arguments(1) << QStringLiteral("--dry-run"), &out, &err) != 0) {
        *why = QString::fromUtf8(err);
        return false;
    }
    QString error;
    {
        MergeJournal journal;
        if (!journal.open(setup->journalPath, &error) ||
            !journal.setState(1, MergeJournal::State::Accepted, QStringLiteral("250 ok"), {}, &error) ||
            !journal.setState(3, MergeJournal::State::Accepted, QStringLiteral("250 ok"), {}, &error) ||
            !journal.recordSending(QStringLiteral("2"), &error)) {
            *why = error;
            return false;
        }
    }
    // The next run finds row 2 in doubt and says how to decide.
    if (runSendscope(setup->arguments(1) << QStringLiteral("--dry-run"), &out, &err) != 0 ||
        !err.contains("row 2: may have been delivered") ||
        !err.contains("--mark-delivered 2 or --resend 2")) {
        *why = QString::fromUtf8(err);
        return false;
    }
    return true;
}

QString reportLine(const QString &path, int row)
{
    QFile report(path);
    if (!report.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(report.readAll()).split(QStringLiteral("\r\n")).value(row);
}
} // namespace

void TestMergeRun::commandLineResendsRowInDoubtOnce()
{
    InDoubtCommandLine setup;
    QString why;
    QVERIFY2(prepareInDoubt(&setup, &why), qPrintable(why));
    MergeJournal before;
    QVERIFY(before.open(setup.journalPath, &why));
    const QByteArray messageId = before.row(2)->messageId;

    ScriptedSmtpServer server;
    server.send("220 fake ESMTP\r\n").expect("EHLO").send("250-fake\r\n250 8BITMIME\r\n");
    scriptAccept(server);
    server.expect("QUIT").send("221 bye\r\n");
    QByteArray out;
    QByteArray err;
    const int status = runSendscope(setup.arguments(server.port())
                                        << QStringLiteral("--resend") << QStringLiteral("unknown"),
                                    &out, &err);
    QVERIFY2(status == 0, err.constData());
    QVERIFY2(err.contains("row 2: to be sent again (b@example.com), with the same Message-ID " + messageId),
             err.constData());
    // Exactly that row, once, with the Message-ID it had.
    QCOMPARE(server.bodies().size(), 1);
    QVERIFY(server.bodies().first().contains("Message-ID: " + messageId));
    QVERIFY(server.bodies().first().contains("b@example.com"));
    QCOMPARE(out.count('\n'), 1);
    QVERIFY2(out.startsWith("2\taccepted\t"), out.constData());
    const QString line = reportLine(setup.reportPath, 2);
    QVERIFY2(line.contains(QStringLiteral(",accepted,")), qPrintable(line));
    QVERIFY2(line.contains(QStringLiteral("Sent again at the person's request")), qPrintable(line));

    // A second run has nothing left to send or to decide.
    QVERIFY2(runSendscope(setup.arguments(server.port()), &out, &err) == 0, err.constData());
    QVERIFY(!err.contains("may have been delivered"));
    QCOMPARE(server.bodies().size(), 1);
}

void TestMergeRun::commandLineMarksRowInDoubtDelivered()
{
    InDoubtCommandLine setup;
    QString why;
    QVERIFY2(prepareInDoubt(&setup, &why), qPrintable(why));
    ScriptedSmtpServer server; // no script: any connection is a failure
    QByteArray out;
    QByteArray err;
    const int status = runSendscope(setup.arguments(server.port())
                                        << QStringLiteral("--mark-delivered") << QStringLiteral("2"),
                                    &out, &err);
    QVERIFY2(status == 0, err.constData()); // every row accepted now
    QVERIFY2(err.contains("row 2: marked as delivered (b@example.com"), err.constData());
    QVERIFY2(err.contains("Accepted 3, refused 0, in doubt 0, still to send 0."), err.constData());
    QVERIFY(out.isEmpty());
    QVERIFY(server.lines().isEmpty());
    QVERIFY(server.bodies().isEmpty());
    const QString line = reportLine(setup.reportPath, 2);
    QVERIFY2(line.contains(QStringLiteral(",accepted,Marked as delivered by the person at ")),
             qPrintable(line));
    MergeJournal journal;
    QVERIFY(journal.open(setup.journalPath, &why));
    QCOMPARE(journal.row(2)->state, MergeJournal::State::Accepted);
}

void TestMergeRun::commandLineRefusesBadRows_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("message");
    QTest::newRow("not a number") << QStringList{QStringLiteral("--resend"), QStringLiteral("two")}
                                  << QStringLiteral("--resend: \"two\" is not a row number");
    QTest::newRow("row 0") << QStringList{QStringLiteral("--resend"), QStringLiteral("0")}
                           << QStringLiteral("--resend: there is no row 0; the data has rows 1 to 3.");
    QTest::newRow("beyond the data") << QStringList{QStringLiteral("--mark-delivered"), QStringLiteral("2,4")}
                                     << QStringLiteral("--mark-delivered: there is no row 4");
    QTest::newRow("backwards range") << QStringList{QStringLiteral("--resend"), QStringLiteral("3-2")}
                                     << QStringLiteral("the range 3-2 ends before it begins");
    QTest::newRow("accepted row") << QStringList{QStringLiteral("--mark-delivered"), QStringLiteral("1")}
                                  << QStringLiteral("Row 1 is not in doubt (it is accepted)");
    QTest::newRow("one good, one accepted")
        << QStringList{QStringLiteral("--mark-delivered"), QStringLiteral("2"), QStringLiteral("--resend"),
                       QStringLiteral("3")}
        << QStringLiteral("Row 3 is not in doubt (it is accepted)");
    QTest::newRow("both ways") << QStringList{QStringLiteral("--mark-delivered"), QStringLiteral("2"),
                                              QStringLiteral("--resend"), QStringLiteral("unknown")}
                               << QStringLiteral("row 2 is given to both --mark-delivered and --resend");
}

void TestMergeRun::commandLineRefusesBadRows()
{
    QFETCH(QStringList, options);
    QFETCH(QString, message);
    InDoubtCommandLine setup;
    QString why;
    QVERIFY2(prepareInDoubt(&setup, &why), qPrintable(why));
    QByteArray out;
    QByteArray err;
    QCOMPARE(runSendscope(setup.arguments(1) << options << QStringLiteral("--dry-run"), &out, &err), 2);
    QVERIFY2(QString::fromUtf8(err).contains(message), err.constData());
    QVERIFY(!err.contains(": to be sent again") && !err.contains(": marked as delivered"));
    MergeJournal journal;
    QVERIFY(journal.open(setup.journalPath, &why));
    QCOMPARE(journal.row(1)->state, MergeJournal::State::Accepted);
    QCOMPARE(journal.row(2)->state, MergeJournal::State::Unknown);
    QCOMPARE(journal.row(3)->state, MergeJournal::State::Accepted);

    // The same with a good choice resolves, without sending (a dry run).
    QCOMPARE(runSendscope(setup.arguments(1) << QStringLiteral("--resend") << QStringLiteral("2")
                                             << QStringLiteral("--dry-run"),
                          &out, &err),
             0);
    QVERIFY2(err.contains("row 2: to be sent again"), err.constData());
    MergeJournal after;
    QVERIFY(after.open(setup.journalPath, &why));
    QCOMPARE(after.row(2)->state, MergeJournal::State::Pending);
    QVERIFY2(reportLine(setup.reportPath, 2).contains(QStringLiteral(",pending,")),
             qPrintable(reportLine(setup.reportPath, 2)));
}

QTEST_GUILESS_MAIN(TestMergeRun)
#include "testmergerun.moc"
