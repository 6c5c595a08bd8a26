#include "mergejournal.h"
#include "mergerun.h"
#include "scriptedsmtpserver.h"
#include "sendservice.h"
#include "sessiontesting.h"
#include "testserverenv.h"

#include <QDir>
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
    void workbookThroughCommandLine();

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

    QString error;
    MergeSpec spec;
    spec.table = *MergeData::parseCsv(QByteArray("name,email\n甲,a@example.com\n乙,b@example.com\n"
                                                 "丙,c@example.com\n丁,d@example.com\n戊,e@example.com\n"),
                                      {}, &error);
    spec.to = MergeTemplate(QStringLiteral("{{email}}"));
    spec.subject = MergeTemplate(QStringLiteral("Hello {{name}}"));
    spec.text = MergeTemplate(QStringLiteral("Dear {{name}}"));
    spec.from = MailAddress(QStringLiteral("HR"), QStringLiteral("hr"), QStringLiteral("example.com"));
    spec.settings = SessionTesting::plainSettings(server.port());
    spec.settings.usePipelining = false;
    spec.ratePerMinute = 0;
    spec.perDay = 3;
    spec.journalPath = m_dir.filePath(QStringLiteral("quota.sqlite"));
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

void TestMergeRun::workbookThroughCommandLine()
{
    // `sendscope merge --data file.xlsx --sheet NAME`, checked and previewed without a server.
    QTemporaryDir work;
    QFile body(work.filePath(QStringLiteral("body.txt")));
    QVERIFY(body.open(QIODevice::WriteOnly));
    body.write(QStringLiteral("{{姓名}}，您好：工号 {{工号}}，入职 {{入职日期}}。\n").toUtf8());
    body.close();
    const QString data = QStringLiteral(SENDSCOPE_SOURCE_DIR "/tests/data/merge/excel-style.xlsx");
    auto run = [&](const QString &sheet, QByteArray *out, QByteArray *err) {
        QProcess process;
        process.start(QStringLiteral(SENDSCOPE_BINARY),
                      {QStringLiteral("merge"), QStringLiteral("--server"), QStringLiteral("smtp.qq.com"),
                       QStringLiteral("--from"), QStringLiteral("人事部 <hr@qq.com>"),
                       QStringLiteral("--data"), data, QStringLiteral("--sheet"), sheet,
                       QStringLiteral("--subject"), QStringLiteral("{{姓名}}的通知"),
                       QStringLiteral("--body-file"), body.fileName(), QStringLiteral("--journal"),
                       work.filePath(sheet + QStringLiteral(".sqlite")), QStringLiteral("--dry-run"),
                       QStringLiteral("--preview"), QStringLiteral("2")});
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
    const QByteArray text = QByteArray(out).replace("=\r\n", ""); // quoted-printable soft line breaks
    QVERIFY2(text.contains(" 00042=EF=BC=8C") && text.contains(" 2023-01-05=E3=80=82"), out.constData());

    QCOMPARE(run(QStringLiteral("Nope"), &out, &err), 2);
    QVERIFY2(
        QString::fromUtf8(err).contains(QStringLiteral("its sheets are: Hidden, 名单, Notes, 空白, 无名列")),
        err.constData());
}

QTEST_GUILESS_MAIN(TestMergeRun)
#include "testmergerun.moc"
