#include "replyexplainer.h"

#include <QTest>

// Each row is a reply users really get, at the step they get it, with what the explanation must say.
class TestReplyExplainer : public QObject
{
    Q_OBJECT
private slots:
    void explain_data();
    void explain();
};

Q_DECLARE_METATYPE(SmtpCommand)
Q_DECLARE_METATYPE(SmtpErrorCategory)

void TestReplyExplainer::explain_data()
{
    QTest::addColumn<SmtpCommand>("command");
    QTest::addColumn<int>("code");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<SmtpErrorCategory>("category");
    QTest::addColumn<bool>("temporary");
    QTest::addColumn<QString>("phrase");

    using C = SmtpCommand;
    using E = SmtpErrorCategory;
    QTest::newRow("535 wrong password")
        << C::Auth << 535 << QByteArray("5.7.8 Authentication credentials invalid") << E::Auth << false
        << QStringLiteral("app password");
    QTest::newRow("535 gmail") << C::Auth << 535 << QByteArray("5.7.8 Username and Password not accepted")
                               << E::Auth << false << QStringLiteral("Authentication credentials invalid");
    QTest::newRow("534 too weak") << C::Auth << 534 << QByteArray("5.7.9 Please log in with your web browser")
                                  << E::Auth << false << QStringLiteral("too weak");
    QTest::newRow("538 needs tls") << C::Auth << 538 << QByteArray("5.7.11 Encryption required") << E::Auth
                                   << false << QStringLiteral("STARTTLS");
    QTest::newRow("454 auth temporary")
        << C::Auth << 454 << QByteArray("4.7.0 Temporary authentication failure") << E::Auth << true
        << QStringLiteral("Try again later");
    QTest::newRow("530 starttls first")
        << C::MailFrom << 530 << QByteArray("5.7.0 Must issue a STARTTLS command first") << E::Policy << false
        << QStringLiteral("turn on STARTTLS");
    QTest::newRow("530 auth required") << C::MailFrom << 530 << QByteArray("5.7.0 Authentication required")
                                       << E::Policy << false << QStringLiteral("log in");
    QTest::newRow("554 relay denied")
        << C::RcptTo << 554 << QByteArray("5.7.1 <x@other.org>: Relay access denied") << E::Policy << false
        << QStringLiteral("Authenticate first");
    QTest::newRow("550 no such user")
        << C::RcptTo << 550 << QByteArray("5.1.1 <bob@example.com>: User unknown") << E::Recipient << false
        << QStringLiteral("spelling");
    QTest::newRow("552 mailbox full") << C::RcptTo << 552 << QByteArray("5.2.2 Mailbox full") << E::Recipient
                                      << false << QStringLiteral("full");
    QTest::newRow("552 too big") << C::DataEnd << 552 << QByteArray("5.3.4 Message size exceeds fixed limit")
                                 << E::Size << false << QStringLiteral("attachments");
    QTest::newRow("452 too many rcpts") << C::RcptTo << 452 << QByteArray("4.5.3 Too many recipients")
                                        << E::Recipient << true << QStringLiteral("further message");
    QTest::newRow("451 greylisted") << C::RcptTo << 451
                                    << QByteArray("4.7.1 Greylisted, try again in 5 minutes")
                                    << E::ServerUnavailable << true << QStringLiteral("retry");
    QTest::newRow("421 closing") << C::MailFrom << 421 << QByteArray("4.3.2 Service shutting down")
                                 << E::ServerUnavailable << true << QStringLiteral("few minutes");
    QTest::newRow("554 greeting blocked") << C::Greeting << 554 << QByteArray("5.7.1 Your IP is blocklisted")
                                          << E::Policy << false << QStringLiteral("block list");
    QTest::newRow("550 spam at end") << C::DataEnd << 550 << QByteArray("5.7.1 Message rejected as spam")
                                     << E::Policy << false << QStringLiteral("spam");
    QTest::newRow("550 dmarc") << C::DataEnd << 550
                               << QByteArray("5.7.26 Unauthenticated email is not accepted") << E::Policy
                               << false << QStringLiteral("DMARC");
    QTest::newRow("553 bad sender") << C::MailFrom << 553 << QByteArray("5.1.8 Sender address rejected")
                                    << E::Policy << false << QStringLiteral("From addresses");
    QTest::newRow("555 param") << C::MailFrom << 555 << QByteArray("5.5.4 Unsupported option: SMTPUTF8")
                               << E::Protocol << false << QStringLiteral("not recognised");
    QTest::newRow("502 unknown command") << C::Ehlo << 502 << QByteArray("5.5.1 Command not implemented")
                                         << E::Protocol << false << QStringLiteral("does not support");
    // The misexplanations of issue 15, each with where the reply text comes from.
    // https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission
    QTest::newRow("535 5.7.139 tenant")
        << C::Auth << 535
        << QByteArray(
               "5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. "
               "Visit https://aka.ms/smtp_auth_disabled for more information.")
        << E::Auth << false << QStringLiteral("administrator");
    // https://support.google.com/a/answer/3726730 (Gmail SMTP error reference)
    QTest::newRow("550 5.4.5 gmail daily limit")
        << C::MailFrom << 550 << QByteArray("5.4.5 Daily user sending limit exceeded.")
        << E::ServerUnavailable << true << QStringLiteral("daily sending limit");
    // Reported by users of Python's smtplib with smtp.qq.com (Stack Overflow).
    QTest::newRow("501 qq sender mismatch")
        << C::MailFrom << 501 << QByteArray("mail from address must be same as authorization user")
        << E::Policy << false << QStringLiteral("logged-in address");
    // https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online
    QTest::newRow("554 5.2.0 submission quota")
        << C::DataEnd << 554
        << QByteArray(
               "5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException; Failed to process "
               "message due to a permanent exception with message Cannot submit message.")
        << E::ServerUnavailable << true << QStringLiteral("sending limit");
    // Postfix reject_rbl_client, https://www.postfix.org/postconf.5.html#default_rbl_reply
    QTest::newRow("554 spamhaus") << C::RcptTo << 554
                                  << QByteArray(
                                         "5.7.1 Service unavailable; Client host [192.0.2.1] blocked using "
                                         "zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.1")
                                  << E::Policy << false << QStringLiteral("block list");
    QTest::newRow("550 spamcop") << C::RcptTo << 550
                                 << QByteArray(
                                        "5.7.1 Service unavailable; Client host [192.0.2.1] blocked using "
                                        "bl.spamcop.net; Blocked - see https://www.spamcop.net/bl.shtml")
                                 << E::Policy << false << QStringLiteral("IP address");
    // https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-7-708
    QTest::newRow("550 5.7.708") << C::RcptTo << 550
                                 << QByteArray(
                                        "5.7.708 Service unavailable. Access denied, traffic not accepted "
                                        "from this IP.")
                                 << E::Policy << false << QStringLiteral("sending IP");
    // Postfix smtpd, "501 5.1.3 Bad recipient address syntax".
    QTest::newRow("501 5.1.3 syntax") << C::RcptTo << 501 << QByteArray("5.1.3 Bad recipient address syntax")
                                      << E::Recipient << false << QStringLiteral("not a valid address");
    // Exim's acl_smtp_data defer, e.g. a content scanner: "451 4.7.1 ..." after the data.
    QTest::newRow("451 4.7.1 exim content")
        << C::DataEnd << 451 << QByteArray("4.7.1 Temporary local problem - please try later") << E::Policy
        << true << QStringLiteral("not greylisting");
    // Postfix reject_sender_login_mismatch.
    QTest::newRow("553 postfix login mismatch")
        << C::MailFrom << 553
        << QByteArray("5.7.1 <boss@example.com>: Sender address rejected: not owned by user me@example.com")
        << E::Policy << false << QStringLiteral("account you log in with");
    QTest::newRow("450 mailbox busy") << C::RcptTo << 450 << QByteArray("4.2.1 Mailbox busy")
                                      << E::ServerUnavailable << true << QStringLiteral("Temporary failure");
}

void TestReplyExplainer::explain()
{
    QFETCH(SmtpCommand, command);
    QFETCH(int, code);
    QFETCH(QByteArray, text);
    QFETCH(SmtpErrorCategory, category);
    QFETCH(bool, temporary);
    QFETCH(QString, phrase);
    const SmtpReply reply(code, {text});
    const SmtpError error = ReplyExplainer::explain(command, reply);
    QCOMPARE(error.category, category);
    QCOMPARE(error.temporary, temporary);
    QVERIFY(!error.summary.isEmpty());
    const QString all = error.summary + u' ' + error.explanation;
    QVERIFY2(all.contains(phrase, Qt::CaseInsensitive), qPrintable(all));
    QCOMPARE(error.reply->code(), code);
    if (reply.enhancedCode())
        QVERIFY2(error.explanation.contains(reply.enhancedCode()->description()),
                 qPrintable(error.explanation));
    // The server's words come first and apart from the advice.
    const qsizetype said = error.explanation.indexOf(QStringLiteral("Server said: \"%1").arg(code));
    QVERIFY2(said == 0, qPrintable(error.explanation));
    QVERIFY2(error.explanation.indexOf(QStringLiteral("What to do: ")) > said, qPrintable(error.explanation));
}

QTEST_GUILESS_MAIN(TestReplyExplainer)
#include "testreplyexplainer.moc"
