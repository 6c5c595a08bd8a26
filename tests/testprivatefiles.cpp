#include "accountstore.h"
#include "addressbook.h"
#include "draftstore.h"
#include "privatefiles.h"
#include "sandboxserver.h"
#include "userpreferences.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

// Drafts, accounts, addresses, preferences and the sandbox's mail are this user's only: folders 0700,
// files 0600, whatever the umask (tests/hostile/README.md).
class TestPrivateFiles : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void makeFolderTightensWhatItMakes();
    void everyStoreWritesPrivately();

private:
    static int mode(const QString &path);
    QTemporaryDir m_dir;
};

void TestPrivateFiles::initTestCase()
{
    QVERIFY(m_dir.isValid());
    ::umask(022); // the usual one: without care, folders would be 0755 and files 0644
}

int TestPrivateFiles::mode(const QString &path)
{
    struct stat info
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 07777);
}

void TestPrivateFiles::makeFolderTightensWhatItMakes()
{
    const QString existing = m_dir.filePath(QStringLiteral("existing"));
    QVERIFY(QDir().mkpath(existing));
    QCOMPARE(mode(existing), 0755);
    const QString leaf = existing + QStringLiteral("/made/here");
    QVERIFY(PrivateFiles::makeFolder(leaf));
    QCOMPARE(mode(leaf), 0700);
    QCOMPARE(mode(existing + QStringLiteral("/made")), 0700);
    QCOMPARE(mode(existing), 0755); // a parent that was there before is left alone
    QVERIFY(QFile::setPermissions(leaf, QFileDevice::Permissions(0x7755)));
    QVERIFY(PrivateFiles::makeFolder(leaf)); // an existing folder itself is tightened
    QCOMPARE(mode(leaf), 0700);
}

void TestPrivateFiles::everyStoreWritesPrivately()
{
    const QString root = m_dir.filePath(QStringLiteral("home"));

    DraftStore drafts(root + QStringLiteral("/data/drafts"));
    Draft draft;
    draft.subject = QStringLiteral("private");
    QVERIFY(drafts.save(draft));
    QCOMPARE(mode(root + QStringLiteral("/data/drafts")), 0700);
    const QStringList draftFiles = QDir(root + QStringLiteral("/data/drafts")).entryList(QDir::Files);
    QVERIFY(!draftFiles.isEmpty());
    for (const QString &name : draftFiles)
        QCOMPARE(mode(root + QStringLiteral("/data/drafts/") + name), 0600);

    AccountStore accounts(root + QStringLiteral("/config/accounts.conf"));
    Account account;
    account.name = QStringLiteral("work");
    account.identities.append({QStringLiteral("Me"), QStringLiteral("me@example.com"), {}, {}});
    account.host = QStringLiteral("smtp.example.com");
    QVERIFY2(accounts.save(account).ok(), qPrintable(accounts.save(account).message));
    QCOMPARE(mode(root + QStringLiteral("/config")), 0700);
    QCOMPARE(mode(root + QStringLiteral("/config/accounts.conf")), 0600);
    account.name = QStringLiteral("work again"); // rewritten: still 0600
    QVERIFY(accounts.save(account).ok());
    QCOMPARE(mode(root + QStringLiteral("/config/accounts.conf")), 0600);

    AddressBook book(root + QStringLiteral("/book/addresses.json"));
    book.remember({MailAddress(QString(), QStringLiteral("alice"), QStringLiteral("example.com"))});
    QVERIFY(book.save());
    QCOMPARE(mode(root + QStringLiteral("/book")), 0700);
    QCOMPARE(mode(root + QStringLiteral("/book/addresses.json")), 0600);

    {
        const auto preferences = UserPreferences::open();
        preferences->setValue(QStringLiteral("test/private"), true);
    }
    QCOMPARE(mode(QFileInfo(UserPreferences::path()).absolutePath()), 0700);
    QCOMPARE(mode(UserPreferences::path()), 0600);

    SandboxServer sandbox(root + QStringLiteral("/sandbox"));
    QVERIFY(sandbox.start());
    QSignalSpy stored(&sandbox, &SandboxServer::messageStored);
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, sandbox.port());
    client.write("EHLO x\r\nMAIL FROM:<a@example.com>\r\nRCPT TO:<b@example.com>\r\nBDAT 4 LAST\r\nhi\r\n");
    QVERIFY(stored.wait(5000));
    QCOMPARE(mode(root + QStringLiteral("/sandbox")), 0700);
    QCOMPARE(mode(stored.first().first().toString()), 0600);
}

QTEST_GUILESS_MAIN(TestPrivateFiles)
#include "testprivatefiles.moc"
