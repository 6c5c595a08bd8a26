#include "draftstore.h"
#include "outboxscheduler.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace std::chrono_literals;

// When an outbox message is tried again by itself: only after temporary failures, never when it may
// already have arrived, with growing waits, and at most maxAttempts times.
class TestOutboxScheduler : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void nextAttempt_data();
    void nextAttempt();
    void retryDueOncePerAttemptAfterTheWait();
    void permanentFailureWaitsForThePerson();

private:
    static Draft outboxDraft(bool temporary, int attempts, const QDateTime &last);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<DraftStore> m_drafts;
};

void TestOutboxScheduler::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_drafts = std::make_unique<DraftStore>(m_dir->path());
}

Draft TestOutboxScheduler::outboxDraft(bool temporary, int attempts, const QDateTime &last)
{
    Draft draft;
    draft.state = Draft::State::Outbox;
    draft.to = QStringLiteral("b@example.com");
    draft.subject = QStringLiteral("greylisted");
    draft.text = QStringLiteral("hello");
    draft.errorTemporary = temporary;
    draft.attempts = attempts;
    draft.lastAttempt = last;
    return draft;
}

void TestOutboxScheduler::nextAttempt_data()
{
    QTest::addColumn<bool>("temporary");
    QTest::addColumn<bool>("uncertain");
    QTest::addColumn<int>("attempts");
    QTest::addColumn<int>("expectedMinutes"); // -1: waits for the person

    QTest::newRow("greylisted once: 1 min") << true << false << 1 << 1;
    QTest::newRow("second try: 5 min") << true << false << 2 << 5;
    QTest::newRow("third try: 15 min") << true << false << 3 << 15;
    QTest::newRow("fifth try: 60 min") << true << false << 5 << 60;
    QTest::newRow("later: still 60 min") << true << false << 9 << 60;
    QTest::newRow("tenth attempt: stop") << true << false << 10 << -1;
    QTest::newRow("permanent (550)") << false << false << 1 << -1;
    QTest::newRow("may have been delivered") << true << true << 1 << -1;
    QTest::newRow("never tried") << true << false << 0 << -1;
}

void TestOutboxScheduler::nextAttempt()
{
    QFETCH(bool, temporary);
    QFETCH(bool, uncertain);
    QFETCH(int, attempts);
    QFETCH(int, expectedMinutes);
    OutboxScheduler scheduler(m_drafts.get());
    const QDateTime last(QDate(2026, 11, 29), QTime(10, 0));
    Draft draft = outboxDraft(temporary, attempts, last);
    draft.deliveryUncertain = uncertain;
    const std::optional<QDateTime> next = scheduler.nextAttempt(draft);
    if (expectedMinutes < 0) {
        QVERIFY(!next);
    } else {
        QVERIFY(next);
        QCOMPARE(last.secsTo(*next), expectedMinutes * 60);
    }
    draft.state = Draft::State::Draft; // a draft being written is never sent by itself
    QVERIFY(!scheduler.nextAttempt(draft));
}

void TestOutboxScheduler::retryDueOncePerAttemptAfterTheWait()
{
    OutboxScheduler scheduler(m_drafts.get());
    scheduler.setDelays({300ms});
    QSignalSpy due(&scheduler, &OutboxScheduler::retryDue);
    QElapsedTimer clock;
    clock.start();
    Draft draft = outboxDraft(true, 1, QDateTime::currentDateTime());
    QVERIFY(m_drafts->save(draft));
    QVERIFY(due.wait(5000));
    QVERIFY2(clock.elapsed() >= 250, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(due.first().first().toString(), draft.id);
    // Other changes to the store do not announce the same attempt again.
    Draft other = outboxDraft(false, 1, QDateTime::currentDateTime());
    QVERIFY(m_drafts->save(other));
    scheduler.reschedule();
    QCOMPARE(due.size(), 1);
    // The retry failed again: the next one is announced after the next wait.
    draft.attempts = 2;
    draft.lastAttempt = QDateTime::currentDateTime();
    QVERIFY(m_drafts->save(draft));
    QVERIFY(due.wait(5000));
    QCOMPARE(due.size(), 2);
}

void TestOutboxScheduler::permanentFailureWaitsForThePerson()
{
    OutboxScheduler scheduler(m_drafts.get());
    scheduler.setDelays({1ms});
    QSignalSpy due(&scheduler, &OutboxScheduler::retryDue);
    Draft permanent = outboxDraft(false, 1, QDateTime::currentDateTime().addSecs(-3600));
    QVERIFY(m_drafts->save(permanent));
    Draft uncertain = outboxDraft(true, 1, QDateTime::currentDateTime().addSecs(-3600));
    uncertain.deliveryUncertain = true;
    QVERIFY(m_drafts->save(uncertain));
    scheduler.reschedule();
    QVERIFY(!due.wait(300)); // bounded: nothing may come
    QCOMPARE(due.size(), 0);
}

QTEST_GUILESS_MAIN(TestOutboxScheduler)
#include "testoutboxscheduler.moc"
