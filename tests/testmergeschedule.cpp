#include "mergeschedule.h"

#include <QTest>

// Pace and daily quota of a bulk run: when the next message may go and when the whole run will be done.
class TestMergeSchedule : public QObject
{
    Q_OBJECT
private slots:
    void quotaFreesWhenTheOldestLeavesTheWindow();
    void estimateFinish_data();
    void estimateFinish();
};

namespace {
const QDateTime kStart(QDate(2026, 12, 1), QTime(10, 0));
}

void TestMergeSchedule::quotaFreesWhenTheOldestLeavesTheWindow()
{
    MergeSchedule schedule(MergeSchedule::Limits{0, 3});
    schedule.record(kStart, 1);
    schedule.record(kStart.addSecs(600), 2);
    QCOMPARE(schedule.used(kStart.addSecs(601)), 3);
    QCOMPARE(schedule.quotaFreesAt(kStart.addSecs(601), 1), kStart.addDays(1));
    QCOMPARE(schedule.quotaFreesAt(kStart.addSecs(601), 3), kStart.addSecs(600).addDays(1));
    QVERIFY(!schedule.quotaFreesAt(kStart, 4).isValid()); // more than the whole quota: never
    QCOMPARE(schedule.used(kStart.addDays(1)), 2);
    QCOMPARE(schedule.quotaFreesAt(kStart.addDays(1), 1), kStart.addDays(1));
}

void TestMergeSchedule::estimateFinish_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("recipientsEach");
    QTest::addColumn<int>("perMinute");
    QTest::addColumn<int>("perDay");
    QTest::addColumn<int>("alreadyToday"); // recipients accepted at kStart - 1 h
    QTest::addColumn<QDateTime>("finish");
    QTest::newRow("no limits: now") << 100 << 1 << 0 << 0 << 0 << kStart;
    QTest::newRow("pace only: 20/min, 60 rows") << 60 << 1 << 20 << 0 << 0 << kStart.addSecs(59 * 3);
    // 1 200 rows at 20/min and 500/day: 500 today, 500 tomorrow from 10:00, 200 the day after.
    QTest::newRow("Gmail: 1 200 rows at 20/min and 500/day")
        << 1200 << 1 << 20 << 500 << 0 << QDateTime(QDate(2026, 12, 3), QTime(10, 9, 57));
    QTest::newRow("quota used by an earlier part of the run")
        << 3 << 1 << 0 << 3 << 3 << kStart.addSecs(-3600).addDays(1);
    QTest::newRow("two recipients a row against 5 a day") << 4 << 2 << 0 << 5 << 0 << kStart.addDays(1);
    QTest::newRow("a row above the whole quota never goes") << 1 << 6 << 0 << 5 << 0 << QDateTime();
}

void TestMergeSchedule::estimateFinish()
{
    QFETCH(int, rows);
    QFETCH(int, recipientsEach);
    QFETCH(int, perMinute);
    QFETCH(int, perDay);
    QFETCH(int, alreadyToday);
    QFETCH(QDateTime, finish);
    MergeSchedule schedule(MergeSchedule::Limits{perMinute, perDay});
    if (alreadyToday > 0)
        schedule.record(kStart.addSecs(-3600), alreadyToday);
    const QList<int> remaining(rows, recipientsEach);
    QCOMPARE(schedule.estimateFinish(kStart, QDateTime(), remaining), finish);
}

QTEST_GUILESS_MAIN(TestMergeSchedule)
#include "testmergeschedule.moc"
