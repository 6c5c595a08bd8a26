#include "bounceparser.h"
#include "explaincommand.h"
#include "smtperror.h"
#include "testserverenv.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <QUuid>

// `sendscope explain`: bounce samples of every format (tests/data/bounces/, sources in its README),
// pasted replies, and real bounces that the test Postfix generates for an unknown user and for an
// oversized message, run through the real binary.
class TestExplainCommand : public QObject
{
    Q_OBJECT
private slots:
    void samples_data();
    void samples();
    void pastedReplies_data();
    void pastedReplies();
    void nothingToExplain();
    void chineseOutput();
    void realPostfixBounces_data();
    void realPostfixBounces();

private:
    struct Result
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    static Result run(const QStringList &arguments, const QByteArray &input = {},
                      const QByteArray &lang = "C.UTF-8");
};

TestExplainCommand::Result TestExplainCommand::run(const QStringList &arguments, const QByteArray &input,
                                                   const QByteArray &lang)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LANG"), QString::fromLatin1(lang));
    environment.remove(QStringLiteral("LANGUAGE"));
    environment.remove(QStringLiteral("LC_ALL"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(SENDSCOPE_BINARY), QStringList{QStringLiteral("explain")} + arguments);
    if (!process.waitForStarted(10000))
        return {};
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(30000))
        return {};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

void TestExplainCommand::samples_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("recipient");
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("words");
    QTest::addColumn<SmtpErrorCategory>("category");
    QTest::addColumn<QString>("advice");

    using E = SmtpErrorCategory;
    QTest::newRow("postfix dsn, too big") << "postfix-message-too-big.eml"
                                          << "big@sendscope.test"
                                          << "Reported by: mail.sendscope.test"
                                          << "exceeds size limit 100000" << E::Size << "attachments";
    QTest::newRow("gmail dsn, unknown user")
        << "gmail-dsn.eml"
        << "nosuchuser@example.org"
        << "Remote server: mx.example.org"
        << "550 5.1.1 <nosuchuser@example.org>: Recipient address rejected" << E::Recipient << "spelling";
    QTest::newRow("exchange ndr, recipient not found")
        << "exchange-online-ndr.eml"
        << "someone@fabrikam.com"
        << "Remote server: fabrikam-com.mail.protection.outlook.com"
        << "RESOLVER.ADR.RecipientNotFound" << E::Recipient << "fix-error-code-5-1-10";
    // The step comes from the text part ("after end of data"): a content check, not greylisting.
    QTest::newRow("exim delay, 4.7.1 after data")
        << "exim-delayed-content.eml"
        << "Delayed, still being retried: friend@example.com"
        << "Remote server: mx.example.com"
        << "451 4.7.1 Temporary local problem" << E::Policy << "not greylisting";
    QTest::newRow("qq 退信, gb18030 html") << "qq-tuixin.eml"
                                           << "zhangsan@example.cn"
                                           << "Remote server: mx.example.cn"
                                           << "550 5.1.1 <zhangsan@example.cn>" << E::Recipient << "spelling";
    QTest::newRow("netease 退信, DT:SPM") << "netease-tuixin.eml"
                                          << "lisi@163.com"
                                          << ""
                                          << "554 DT:SPM 163 smtp5" << E::Policy << "DT:SPM";
}

void TestExplainCommand::samples()
{
    QFETCH(QString, file);
    QFETCH(QString, recipient);
    QFETCH(QString, server);
    QFETCH(QString, words);
    QFETCH(SmtpErrorCategory, category);
    QFETCH(QString, advice);
    const QString path = QStringLiteral(SENDSCOPE_SOURCE_DIR "/tests/data/bounces/") + file;
    const Result result = run({path});
    QVERIFY2(result.out.contains(recipient), qPrintable(result.out + result.err));
    QVERIFY2(result.out.contains(server), qPrintable(result.out));
    // The server's words, marked as theirs, come before Sendscope's reading and advice.
    const qsizetype said = result.out.indexOf(QStringLiteral("Server said: \""));
    QVERIFY2(said >= 0 && result.out.indexOf(words, said) > said &&
                 result.out.indexOf(words, said) < result.out.indexOf(u'\n', said),
             qPrintable(result.out));
    QVERIFY2(result.out.indexOf(QStringLiteral("What to do: ")) > said, qPrintable(result.out));
    QVERIFY2(result.out.contains(advice), qPrintable(result.out));
    QCOMPARE(result.exitCode, SmtpError::exitCode(category));
}

void TestExplainCommand::pastedReplies_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<SmtpErrorCategory>("category");
    QTest::addColumn<QString>("phrase");
    using E = SmtpErrorCategory;
    // https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission
    QTest::newRow("microsoft tenant") << QByteArray("535 5.7.139 Authentication unsuccessful, "
                                                    "SmtpClientAuthentication is disabled for the Tenant.\n")
                                      << E::Auth << "administrator";
    // Gmail folds a multi-line reply; https://support.google.com/a/answer/3726730
    QTest::newRow("gmail multi-line")
        << QByteArray("550-5.4.5 Daily user sending limit exceeded. For more\r\n"
                      "550-5.4.5 information on Gmail sending limits go to\r\n"
                      "550 5.4.5  https://support.google.com/a/answer/166852\r\n")
        << E::ServerUnavailable << "daily sending limit";
    // Two replies, as copied from a transcript: the first decides the exit status.
    QTest::newRow("two replies") << QByteArray("14:02:11.360 <- 501 5.1.3 Bad recipient address syntax\n"
                                               "14:02:11.361 <- 550 5.1.1 User unknown\n")
                                 << E::Recipient << "not a valid address";
    // A Postfix text bounce without a delivery-status part.
    QTest::newRow("postfix text") << QByteArray("<bob@example.com>: host mx.example.com[192.0.2.1] said: 550 "
                                                "5.7.1 Service unavailable; Client host [192.0.2.9] blocked "
                                                "using zen.spamhaus.org (in reply to RCPT TO command)\n")
                                  << E::Policy << "block list";
}

void TestExplainCommand::pastedReplies()
{
    QFETCH(QByteArray, input);
    QFETCH(SmtpErrorCategory, category);
    QFETCH(QString, phrase);
    const Result fromStdin = run({}, input);
    QCOMPARE(fromStdin.exitCode, SmtpError::exitCode(category));
    QVERIFY2(fromStdin.out.contains(phrase), qPrintable(fromStdin.out));
    QVERIFY(fromStdin.out.startsWith(QLatin1String("Server said: ")) ||
            fromStdin.out.startsWith(QLatin1String("Failed recipient: ")));
    const Result dash = run({QStringLiteral("-")}, input);
    QCOMPARE(dash.out, fromStdin.out);
}

void TestExplainCommand::nothingToExplain()
{
    const Result result = run({}, "Hello, this is just a letter.\n");
    QCOMPARE(result.exitCode, SmtpError::exitCode(SmtpErrorCategory::Input));
    QVERIFY(result.out.isEmpty());
    QVERIFY(result.err.contains(QStringLiteral("no SMTP reply")));
    const Result missing = run({QStringLiteral("/nonexistent/bounce.eml")});
    QCOMPARE(missing.exitCode, SmtpError::exitCode(SmtpErrorCategory::Input));
    // And the parser alone does not invent failures from a success reply.
    QVERIFY(BounceParser::parse("250 2.0.0 Ok: queued as 12345\n").isEmpty());
}

void TestExplainCommand::chineseOutput()
{
    const Result result =
        run({}, "501 mail from address must be same as authorization user\n", "zh_CN.UTF-8");
    QCOMPARE(result.exitCode, SmtpError::exitCode(SmtpErrorCategory::Policy));
    QVERIFY2(result.out.contains(QStringLiteral("服务器原话")), qPrintable(result.out));
    QVERIFY2(result.out.contains(QStringLiteral("发件人地址与登录的 QQ 账户不一致")), qPrintable(result.out));
    QVERIFY2(result.out.contains(QStringLiteral("mail from address must be same")), qPrintable(result.out));
}

void TestExplainCommand::realPostfixBounces_data()
{
    QTest::addColumn<QString>("recipient");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<SmtpErrorCategory>("category");
    QTest::addColumn<QString>("words");
    // nobody@ is not a mailbox of sendscope.test: the virtual delivery agent bounces it (5.1.1).
    QTest::newRow("unknown user") << "nobody@sendscope.test" << QByteArray("hello\n")
                                  << SmtpErrorCategory::Recipient << "unknown user";
    // big@ is relayed to the port with a 100 kB limit: Postfix's SMTP client bounces it (5.3.4).
    QTest::newRow("too big") << "big@sendscope.test" << QByteArray(160 * 1000, 'x') << SmtpErrorCategory::Size
                             << "exceeds size limit";
}

void TestExplainCommand::realPostfixBounces()
{
    QFETCH(QString, recipient);
    QFETCH(QByteArray, body);
    QFETCH(SmtpErrorCategory, category);
    QFETCH(QString, words);
    TestServerEnv servers;
    QVERIFY2(servers.load(), "the test servers are not running (ctest starts them)");
    // Submitted with Postfix's own sendmail, so the recipient is not refused during SMTP but bounced
    // afterwards, to the sender's (local) Maildir, as a real DSN.
    const QByteArray marker = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    QByteArray wrapped;
    for (qsizetype i = 0; i < body.size(); i += 76)
        wrapped += body.mid(i, 76) + '\n';
    const QByteArray message =
        "From: tester@sendscope.test\nTo: " + recipient.toUtf8() + "\nSubject: " + marker + "\n\n" + wrapped;
    QProcess sendmail;
    sendmail.start(QStringLiteral("/usr/sbin/sendmail"),
                   {QStringLiteral("-C"), servers.value("POSTFIX_CONFIG_DIR"), QStringLiteral("-f"),
                    QStringLiteral("tester@sendscope.test"), recipient});
    QVERIFY(sendmail.waitForStarted(10000));
    sendmail.write(message);
    sendmail.closeWriteChannel();
    QVERIFY(sendmail.waitForFinished(30000));
    QCOMPARE(sendmail.exitCode(), 0);
    const QByteArray bounce = servers.waitForMaildir(QStringLiteral("tester"), "Subject: " + marker);
    QVERIFY2(!bounce.isEmpty(), "no bounce arrived in tester's Maildir");
    QVERIFY(bounce.contains("report-type=delivery-status"));

    const QString path =
        QDir::temp().filePath(QStringLiteral("sendscope-bounce-%1.eml").arg(QString::fromLatin1(marker)));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bounce);
    file.close();
    const Result result = run({path});
    file.remove();
    QCOMPARE(result.exitCode, SmtpError::exitCode(category));
    QVERIFY2(result.out.contains(QStringLiteral("Failed recipient: ") + recipient), qPrintable(result.out));
    QVERIFY2(result.out.contains(QStringLiteral("Reported by: mail.sendscope.test")), qPrintable(result.out));
    QVERIFY2(result.out.contains(QStringLiteral("Server said: \"")) && result.out.contains(words),
             qPrintable(result.out));
}

QTEST_GUILESS_MAIN(TestExplainCommand)
#include "testexplaincommand.moc"
