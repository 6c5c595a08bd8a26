#include "runninginstance.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

// One instance per user and settings: a second launch hands its arguments over and exits.
class TestRunningInstance : public QObject
{
    Q_OBJECT
private slots:
    void nobodyRunning();
    void argumentsReachTheRunningInstance();
    void socketLeftByACrashIsTakenOver();
    void namesDifferPerSettingsDirectory();
    void launchFromAnotherUserIsRefused();
    void socketOfAnotherUserIsNotTrusted();

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

// tests/hostile/README.md: SO_PEERCRED on the running instance's end. Here the running instance expects
// another uid, as if the launch were someone else's.
void TestRunningInstance::launchFromAnotherUserIsRefused()
{
    RunningInstance running(socketName(QStringLiteral("peer")));
    running.setExpectedUidForTesting(::getuid() + 1);
    QVERIFY(running.listen());
    QSignalSpy received(&running, &RunningInstance::argumentsReceived);
    RunningInstance launch(socketName(QStringLiteral("peer")));
    QVERIFY(!launch.handOver({QStringLiteral("--attach"), QStringLiteral("/etc/shadow")}, QDir::currentPath(),
                             2000));
    QCOMPARE(received.size(), 0);
}

// The launch's end: a socket file that is not this user's is not connected to, and a listener that is
// not this user is not given the arguments (SO_PEERCRED), so a mailto: link cannot leak to someone else.
void TestRunningInstance::socketOfAnotherUserIsNotTrusted()
{
    RunningInstance running(socketName(QStringLiteral("theirs")));
    QVERIFY(running.listen());
    QSignalSpy received(&running, &RunningInstance::argumentsReceived);
    const QByteArray path = QFile::encodeName(socketName(QStringLiteral("theirs")));
    constexpr uid_t kNobody = 65534;
    if (::getuid() != 0 || ::chown(path.constData(), kNobody, kNobody) != 0)
        QSKIP("needs root to give the socket file to another user");
    RunningInstance launch(socketName(QStringLiteral("theirs")));
    QVERIFY(!launch.handOver({QStringLiteral("mailto:secret@example.com")}, QDir::currentPath(), 2000));
    // The file says "nobody", but whoever listens is root: the peer check stops it.
    RunningInstance pretending(socketName(QStringLiteral("theirs")));
    pretending.setExpectedUidForTesting(kNobody);
    QVERIFY(!pretending.handOver({QStringLiteral("mailto:secret@example.com")}, QDir::currentPath(), 2000));
    QCOMPARE(received.size(), 0);
}

QTEST_GUILESS_MAIN(TestRunningInstance)
#include "testrunninginstance.moc"
