#include "runninginstance.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// One instance per user and settings: a second launch hands its arguments over and exits.
class TestRunningInstance : public QObject
{
    Q_OBJECT
private slots:
    void nobodyRunning();
    void argumentsReachTheRunningInstance();
    void socketLeftByACrashIsTakenOver();
    void namesDifferPerSettingsDirectory();

private:
    QString socketName(const QString &leaf) const { return m_dir.filePath(leaf); }
    QTemporaryDir m_dir;
};

void TestRunningInstance::nobodyRunning()
{
    RunningInstance launch(socketName(QStringLiteral("nobody")));
    QElapsedTimer clock;
    clock.start();
    QVERIFY(!launch.handOver({QStringLiteral("mailto:a@example.com")}, QDir::currentPath()));
    QVERIFY2(clock.elapsed() < 1000, "must not wait when nobody listens");
}

void TestRunningInstance::argumentsReachTheRunningInstance()
{
    RunningInstance running(socketName(QStringLiteral("running")));
    QVERIFY(running.listen());
    QSignalSpy received(&running, &RunningInstance::argumentsReceived);
    RunningInstance launch(socketName(QStringLiteral("running")));
    const QStringList arguments{QStringLiteral("mailto:张伟@例子.广告?subject=周五"),
                                QStringLiteral("--attach"), QStringLiteral("report.pdf")};
    QVERIFY(launch.handOver(arguments, QStringLiteral("/home/someone/Documents")));
    QTRY_COMPARE(received.size(), 1);
    QCOMPARE(received.first().at(0).toStringList(), arguments);
    QCOMPARE(received.first().at(1).toString(), QStringLiteral("/home/someone/Documents"));
}

void TestRunningInstance::socketLeftByACrashIsTakenOver()
{
    // What a killed instance leaves behind: the socket's file, with nobody listening.
    const QString name = socketName(QStringLiteral("stale"));
    QFile leftover(name);
    QVERIFY(leftover.open(QIODevice::WriteOnly));
    leftover.close();
    RunningInstance launch(name);
    QVERIFY(!launch.handOver({}, QDir::currentPath()));
    QVERIFY(launch.listen());
    QSignalSpy received(&launch, &RunningInstance::argumentsReceived);
    RunningInstance next(name);
    QVERIFY(next.handOver({QStringLiteral("--attach"), QStringLiteral("x")}, QDir::currentPath()));
    QTRY_COMPARE(received.size(), 1);
}

void TestRunningInstance::namesDifferPerSettingsDirectory()
{
    const QString first = RunningInstance::defaultName();
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("other-config")).toUtf8());
    const QString second = RunningInstance::defaultName();
    QVERIFY(first != second);
    QVERIFY(second.contains(QStringLiteral("sendscope-")));
}

QTEST_GUILESS_MAIN(TestRunningInstance)
#include "testrunninginstance.moc"
