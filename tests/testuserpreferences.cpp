#include "userpreferences.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

// The user's own settings, in the test's own XDG_CONFIG_HOME (set by CTest).
class TestUserPreferences : public QObject
{
    Q_OBJECT
private slots:
    void attachFolderIsTheLastOneWhileItExists();
};

void TestUserPreferences::attachFolderIsTheLastOneWhileItExists()
{
    QVERIFY2(UserPreferences::path().startsWith(qEnvironmentVariable("XDG_CONFIG_HOME")) &&
                 !qEnvironmentVariableIsEmpty("XDG_CONFIG_HOME"),
             "run through ctest, which gives the test a configuration folder of its own");
    UserPreferences::setAttachFolder({});
    QCOMPARE(UserPreferences::attachFolder(), QDir::homePath()); // never the working directory

    auto folder = std::make_unique<QTemporaryDir>();
    QVERIFY(folder->isValid());
    UserPreferences::setAttachFolder(folder->path());
    QCOMPARE(UserPreferences::attachFolder(), folder->path());

    const QString gone = folder->path();
    folder.reset(); // removed since: the home folder again
    QVERIFY(!QDir(gone).exists());
    QCOMPARE(UserPreferences::attachFolder(), QDir::homePath());
}

QTEST_GUILESS_MAIN(TestUserPreferences)
#include "testuserpreferences.moc"
