#include "accountstore.h"
#include "composedesk.h"
#include "composewindow.h"
#include "draftstore.h"
#include "outboxscheduler.h"
#include "scriptedsmtpserver.h"
#include "secretstore.h"
#include "widgettesting.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace std::chrono_literals;

// What the person sees when the server fails in ways that are nobody's fault: greylisting (a 4xx that
// goes away when tried again later) and a connection lost after the whole message went out. The compose
// windows, drafts and outbox are the real ones; the server is scripted.
class TestHostileOutbox : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void greylistedMessageIsRetriedWithBackOff();
    void lostAfterTheEndOfDataWaitsForThePerson();
    void unattendedRetryNeverAsksForAPassword();

private:
    Account account(quint16 port);
    ComposeWindow *compose(ComposeDesk *desk, const Account &account, const QString &subject);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AccountStore> m_accounts;
    std::unique_ptr<DraftStore> m_drafts;
    SecretStore m_secrets{QStringLiteral("sendscope-test-hostile")};
};

namespace {
const QByteArray kGreeting = "220 fake.example.com ESMTP ready\r\n";
const QByteArray kEhlo = "250-fake.example.com\r\n250 ENHANCEDSTATUSCODES\r\n";
} // namespace

void TestHostileOutbox::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_accounts = std::make_unique<AccountStore>(m_dir->filePath(QStringLiteral("accounts.conf")));
    m_drafts = std::make_unique<DraftStore>(m_dir->filePath(QStringLiteral("drafts")));
}

Account TestHostileOutbox::account(quint16 port)
{
    Account scripted;
    scripted.name = QStringLiteral("Scripted %1").arg(port);
    scripted.identities.append({QStringLiteral("Me"), QStringLiteral("me@example.com"), {}, {}});
    scripted.host = QStringLiteral("127.0.0.1");
    scripted.port = port;
    scripted.security = SmtpSecurity::None;
    scripted.auth = AccountAuth::None;
    return scripted;
}

ComposeWindow *TestHostileOutbox::compose(ComposeDesk *desk, const Account &account, const QString &subject)
{
    ComposeWindow *window = desk->newMessage();
    window->setConfirmations(false);
    window->fromSelector()->setCurrentIndex(window->fromSelector()->findData(account.id));
    WidgetTesting::type(window->toField(), QStringLiteral("bob@example.com"));
    WidgetTesting::type(window->subjectField(), subject);
    WidgetTesting::type(window->bodyEdit(), QStringLiteral("Please keep trying."));
    return window;
}

void TestHostileOutbox::greylistedMessageIsRetriedWithBackOff()
{
    ScriptedSmtpServer server;
    // First connection: greylisted. Second connection (the outbox's retry): accepted.
    server.send(kGreeting)
        .expect("EHLO")
        .send(kEhlo)
        .expect("MAIL")
        .send("250 2.1.0 ok\r\n")
        .expect("RCPT")
        .send("451 4.7.1 Greylisted, please try again later\r\n")
        .expect("QUIT")
        .send("221 2.0.0 bye\r\n")
        .closeConnection()
        .upToData(kGreeting, kEhlo)
        .receiveData()
        .send("250 2.0.0 queued\r\n")
        .expect("QUIT")
        .send("221 2.0.0 bye\r\n");
    Account scripted = account(server.port());
    QVERIFY(m_accounts->save(scripted).ok());

    ComposeDesk desk(m_accounts.get(), &m_secrets, m_drafts.get(), nullptr, 0);
    desk.outboxScheduler()->setDelays({400ms});
    QSignalSpy retried(&desk, &ComposeDesk::backgroundRetryFinished);
    ComposeWindow *window = compose(&desk, scripted, QStringLiteral("Greylisted"));
    QSignalSpy finished(window, &ComposeWindow::sendFinished);
    window->send();
    QVERIFY(finished.wait(15000));
    const SmtpError first = finished.first().first().value<SmtpError>();
    QVERIFY2(first.temporary, qPrintable(first.summary));
    QElapsedTimer sinceFailure;
    sinceFailure.start();

    // The message waits in the outbox, marked temporary, with its next attempt planned.
    const QList<Draft> waiting = m_drafts->drafts(Draft::State::Outbox);
    QCOMPARE(waiting.size(), 1);
    QVERIFY(waiting.first().errorTemporary);
    QVERIFY(desk.outboxScheduler()->nextAttempt(waiting.first()).has_value());
    window->close(); // the person moves on; the outbox does the rest

    QVERIFY(retried.wait(15000));
    QVERIFY2(sinceFailure.elapsed() >= 350, qPrintable(QString::number(sinceFailure.elapsed())));
    QCOMPARE(retried.first().at(1).toString(), QStringLiteral("Greylisted"));
    QVERIFY(!retried.first().at(2).value<SmtpError>().isError());
    QVERIFY2(server.failure().isEmpty(), qPrintable(server.failure()));
    QCOMPARE(server.bodies().size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(m_drafts->drafts(Draft::State::Outbox).isEmpty(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(desk.windows().isEmpty(), 5000); // the unseen window went away
}

void TestHostileOutbox::lostAfterTheEndOfDataWaitsForThePerson()
{
    ScriptedSmtpServer server;
    server.upToData(kGreeting, kEhlo).receiveData().resetConnection();
    Account scripted = account(server.port());
    QVERIFY(m_accounts->save(scripted).ok());

    ComposeDesk desk(m_accounts.get(), &m_secrets, m_drafts.get(), nullptr, 0);
    desk.outboxScheduler()->setDelays({1ms});
    QSignalSpy retried(&desk, &ComposeDesk::backgroundRetryFinished);
    ComposeWindow *window = compose(&desk, scripted, QStringLiteral("Maybe delivered"));
    QSignalSpy finished(window, &ComposeWindow::sendFinished);
    window->send();
    QVERIFY(finished.wait(15000));
    const SmtpError error = finished.first().first().value<SmtpError>();
    QVERIFY(error.deliveryUncertain);
    // The person is told, in the window, that it may or may not have arrived.
    QVERIFY2(window->statusLabel()->text().contains(QStringLiteral("may have been delivered")),
             qPrintable(window->statusLabel()->text()));
    QCOMPARE(window->subjectField()->text(), QStringLiteral("Maybe delivered"));
    WidgetTesting::screenshot(window, QStringLiteral("hostile-maybe-delivered"));
    // It stays in the outbox, and is not sent again by itself: that could deliver it twice.
    const QList<Draft> waiting = m_drafts->drafts(Draft::State::Outbox);
    QCOMPARE(waiting.size(), 1);
    QVERIFY(waiting.first().deliveryUncertain);
    QVERIFY(!desk.outboxScheduler()->nextAttempt(waiting.first()).has_value());
    desk.outboxScheduler()->reschedule();
    QVERIFY(!retried.wait(500)); // bounded: nothing may come
}

void TestHostileOutbox::unattendedRetryNeverAsksForAPassword()
{
    // An outbox message of an account whose password is not in the keychain (never stored, or the
    // keychain is locked): the retry that nobody watches must not pop up a password prompt. It fails,
    // counts as an attempt, and waits for the next one.
    ScriptedSmtpServer server; // never reached
    Account locked = account(server.port());
    locked.auth = AccountAuth::Plain;
    locked.username = QStringLiteral("me@example.com");
    locked.allowPlaintextAuth = true; // a loopback test server
    QVERIFY(m_accounts->save(locked).ok());
    Draft draft;
    draft.state = Draft::State::Outbox;
    draft.accountId = locked.id;
    draft.to = QStringLiteral("bob@example.com");
    draft.subject = QStringLiteral("Locked keychain");
    draft.text = QStringLiteral("hello");
    draft.errorCategory = QStringLiteral("timeout");
    draft.errorTemporary = true;
    draft.attempts = 1;
    draft.lastAttempt = QDateTime::currentDateTime().addSecs(-3600);
    QVERIFY(m_drafts->save(draft));

    ComposeDesk desk(m_accounts.get(), &m_secrets, m_drafts.get(), nullptr, 0);
    desk.outboxScheduler()->setDelays({1ms});
    QSignalSpy retried(&desk, &ComposeDesk::backgroundRetryFinished);
    bool prompted = false;
    QTimer watch; // a prompt would be modal: look for one while the retry runs
    connect(&watch, &QTimer::timeout, this, [&] {
        prompted = prompted || QApplication::activeModalWidget() != nullptr;
        if (QWidget *modal = QApplication::activeModalWidget())
            modal->close();
    });
    watch.start(10);
    QVERIFY(retried.wait(15000));
    watch.stop();
    QVERIFY(!prompted);
    const SmtpError error = retried.first().at(2).value<SmtpError>();
    QCOMPARE(error.category, SmtpErrorCategory::Auth);
    QVERIFY(error.temporary);
    const std::optional<Draft> after = m_drafts->load(draft.id);
    QVERIFY(after);
    QCOMPARE(after->state, Draft::State::Outbox);
    QCOMPARE(after->attempts, 2);
    QVERIFY(server.lineTexts().isEmpty());
}

QTEST_MAIN(TestHostileOutbox)
#include "testhostileoutbox.moc"
