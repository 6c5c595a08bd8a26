#include "secretstore.h"

#include <QSignalSpy>
#include <QTest>
#include <QUuid>

#include <optional>

// SecretStore against the real keychain: a gnome-keyring-daemon unlocked inside the dbus-run-session that
// .ci/test.sh starts. Each run uses its own service name, so it never touches a user's real entries.
class TestSecretStore : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void storeReadUpdateDelete();
    void twoAccountsDoNotCollide();
    void unicodeAndSpacesSurvive();
    void inMemoryOnly();

private:
    SecretStore::Result wait(const std::function<void(SecretStore::Callback)> &call);
    std::unique_ptr<SecretStore> m_store;
};

SecretStore::Result TestSecretStore::wait(const std::function<void(SecretStore::Callback)> &call)
{
    std::optional<SecretStore::Result> answer;
    int calls = 0;
    call([&](const SecretStore::Result &result) {
        answer = result;
        ++calls;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10000); }();
    QTest::qWait(0);
    [&] { QCOMPARE(calls, 1); }();
    return answer.value_or(
        SecretStore::Result{SecretStore::Status::Failed, QStringLiteral("no answer"), {}, false});
}

void TestSecretStore::initTestCase()
{
    const bool required = qEnvironmentVariableIntValue("SENDSCOPE_REQUIRE_KEYCHAIN") == 1;
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        if (required)
            QFAIL("SENDSCOPE_REQUIRE_KEYCHAIN=1 but there is no D-Bus session (run through .ci/test.sh)");
        QSKIP("no D-Bus session with a keychain (run through .ci/test.sh)");
    }
    m_store = std::make_unique<SecretStore>(
        QStringLiteral("sendscope-test-%1").arg(QUuid::createUuid().toString(QUuid::Id128)));
}

void TestSecretStore::storeReadUpdateDelete()
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    SecretStore::Result missing = wait([&](auto cb) { m_store->read(id, cb); });
    QCOMPARE(missing.status, SecretStore::Status::NotFound);
    QVERIFY(!missing.message.isEmpty());

    SecretStore::Result written = wait([&](auto cb) { m_store->write(id, QStringLiteral("first"), cb); });
    QVERIFY2(written.ok(), qPrintable(written.message));
    SecretStore::Result read = wait([&](auto cb) { m_store->read(id, cb); });
    QVERIFY2(read.ok(), qPrintable(read.message));
    QCOMPARE(read.secret, QStringLiteral("first"));
    QVERIFY(!read.fromMemory);

    QVERIFY(wait([&](auto cb) { m_store->write(id, QStringLiteral("second"), cb); }).ok());
    QCOMPARE(wait([&](auto cb) { m_store->read(id, cb); }).secret, QStringLiteral("second"));

    QVERIFY(wait([&](auto cb) { m_store->remove(id, cb); }).ok());
    QCOMPARE(wait([&](auto cb) { m_store->read(id, cb); }).status, SecretStore::Status::NotFound);
    // Removing what is gone is not an error: the caller wanted it gone.
    QVERIFY(wait([&](auto cb) { m_store->remove(id, cb); }).ok());
}

void TestSecretStore::twoAccountsDoNotCollide()
{
    const QString a = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString b = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QVERIFY(wait([&](auto cb) { m_store->write(a, QStringLiteral("alpha"), cb); }).ok());
    QVERIFY(wait([&](auto cb) { m_store->write(b, QStringLiteral("beta"), cb); }).ok());
    QCOMPARE(wait([&](auto cb) { m_store->read(a, cb); }).secret, QStringLiteral("alpha"));
    QCOMPARE(wait([&](auto cb) { m_store->read(b, cb); }).secret, QStringLiteral("beta"));
    QVERIFY(wait([&](auto cb) { m_store->remove(a, cb); }).ok());
    QCOMPARE(wait([&](auto cb) { m_store->read(b, cb); }).secret, QStringLiteral("beta"));
    // Another service (another program, or another test run) does not see these entries.
    SecretStore other(QStringLiteral("sendscope-test-other"));
    QCOMPARE(wait([&](auto cb) { other.read(b, cb); }).status, SecretStore::Status::NotFound);
    QVERIFY(wait([&](auto cb) { m_store->remove(b, cb); }).ok());
}

void TestSecretStore::unicodeAndSpacesSurvive()
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString secret = QStringLiteral(" 密码 with spaces and émoji 🔑 ");
    QVERIFY(wait([&](auto cb) { m_store->write(id, secret, cb); }).ok());
    QCOMPARE(wait([&](auto cb) { m_store->read(id, cb); }).secret, secret);
    QVERIFY(wait([&](auto cb) { m_store->remove(id, cb); }).ok());
}

void TestSecretStore::inMemoryOnly()
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_store->keepInMemory(id, QStringLiteral("typed each time"));
    QVERIFY(m_store->hasInMemory(id));
    const SecretStore::Result read = wait([&](auto cb) { m_store->read(id, cb); });
    QVERIFY(read.ok());
    QVERIFY(read.fromMemory);
    QCOMPARE(read.secret, QStringLiteral("typed each time"));
    m_store->forgetInMemory(id);
    // It never reached the keychain.
    QCOMPARE(wait([&](auto cb) { m_store->read(id, cb); }).status, SecretStore::Status::NotFound);
}

QTEST_GUILESS_MAIN(TestSecretStore)
#include "testsecretstore.moc"
