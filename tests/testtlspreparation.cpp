#include "tlspreparation.h"

#include <QProcess>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTest>
#include <QThread>
#include <QTimer>

// The window loads the TLS backend in a thread before the first Send (app/guimain.cpp).
class TestTlsPreparation : public QObject
{
    Q_OBJECT
private slots:
    void loadsTheBackendOnceInAThread();
    void quittingWhileLoadingWaits();
};

void TestTlsPreparation::loadsTheBackendOnceInAThread()
{
    TlsPreparation *preparation = TlsPreparation::instance();
    QCOMPARE(TlsPreparation::instance(), preparation);
    QVERIFY(!preparation->isDone());
    QSignalSpy finished(preparation, &TlsPreparation::finished);
    preparation->start();
    preparation->start(); // once: a second call neither restarts nor reports twice
    auto *thread = preparation->findChild<QThread *>();
    QVERIFY(thread);
    QVERIFY(thread != QThread::currentThread());
    QVERIFY(finished.wait(30000));
    QVERIFY(preparation->isDone());
    QVERIFY(QSslSocket::supportsSsl());
    QVERIFY(!QSslSocket::activeBackend().isEmpty());
    preparation->start();
    QTest::qWait(0);
    QCOMPARE(finished.size(), 1);
    QTRY_VERIFY(!preparation->findChild<QThread *>()); // the thread object is gone too
}

// The application object owns the preparation: quitting while the thread runs must not abort (a QThread
// destroyed while running does). A child process starts a preparation and quits at once.
void TestTlsPreparation::quittingWhileLoadingWaits()
{
    if (qEnvironmentVariableIsSet("SENDSCOPE_TLS_PREPARATION_CHILD"))
        QSKIP("the child's part runs in main()");
    // Whether the thread is still loading when the application goes is a race: five children make it
    // all but certain that some of them exit mid-load (without the wait, most of them abort).
    for (int run = 0; run < 5; ++run) {
        QProcess child;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("SENDSCOPE_TLS_PREPARATION_CHILD"), QStringLiteral("1"));
        child.setProcessEnvironment(environment);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForFinished(30000));
        QCOMPARE(child.exitStatus(), QProcess::NormalExit);
        QCOMPARE(child.exitCode(), 0);
    }
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsSet("SENDSCOPE_TLS_PREPARATION_CHILD")) {
        QCoreApplication app(argc, argv);
        TlsPreparation::instance()->start();
        // Quits while the thread is (most likely) still loading, as a person closing the window at once.
        QTimer::singleShot(0, &app, &QCoreApplication::quit);
        return QCoreApplication::exec();
    }
    QCoreApplication app(argc, argv);
    TestTlsPreparation test;
    return QTest::qExec(&test, argc, argv);
}

#include "testtlspreparation.moc"
