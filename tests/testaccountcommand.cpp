#include "accountstore.h"
#include "secretstore.h"
#include "testserverenv.h"

#include <QDirIterator>
#include <QProcess>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

// `sendscope account` and `sendscope send --account` as a user runs them: the real binary, a private
// configuration directory, the real keychain (gnome-keyring in .ci/test.sh's D-Bus session) and the real
// Postfix of the test servers. Afterwards no file the app wrote may contain the password in any form.
class TestAccountCommand : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void usageErrors_data();
    void usageErrors();
    void addListSendRemove();
    void wrongPasswordInKeychainIsAnAuthError();
    void noKeychainSavesNothing();
    void unknownAccount();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run sendscope(const QStringList &arguments, const QByteArray &input = {},
                  const QProcessEnvironment &extra = {});
    void addPostfixAccount(const QString &name, const QString &password);
    void verifyPasswordNowhere(const QString &password, const QString &more);

    TestServerEnv m_servers;
    bool m_haveServers = false;
    bool m_haveKeychain = false;
    std::unique_ptr<QTemporaryDir> m_home;
    QStringList m_outputs; // everything the commands printed, searched for secrets too
};

void TestAccountCommand::initTestCase()
{
    m_haveServers = m_servers.load();
    m_haveKeychain = !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
    if (!m_haveKeychain && qEnvironmentVariableIntValue("SENDSCOPE_REQUIRE_KEYCHAIN") == 1)
        QFAIL("SENDSCOPE_REQUIRE_KEYCHAIN=1 but there is no D-Bus session (run through .ci/test.sh)");
}

void TestAccountCommand::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    m_outputs.clear();
}

TestAccountCommand::Run TestAccountCommand::sendscope(const QStringList &arguments, const QByteArray &input,
                                                      const QProcessEnvironment &extra)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // Everything the app writes goes below the temporary home, so the test can search all of it.
    environment.insert(QStringLiteral("HOME"), m_home->path());
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home->filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_home->filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), m_home->filePath(QStringLiteral("cache")));
    environment.insert(QStringLiteral("XDG_STATE_HOME"), m_home->filePath(QStringLiteral("state")));
    environment.insert(extra);
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(SENDSCOPE_BINARY), arguments);
    Run run;
    if (!process.waitForStarted(10000))
        return run;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    m_outputs << run.out << run.err;
    return run;
}

void TestAccountCommand::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString add = QStringLiteral("add");
    QTest::newRow("no action") << QStringList{} << "say add, list, remove or login";
    QTest::newRow("bad action") << QStringList{QStringLiteral("rename")} << "unknown action \"rename\"";
    QTest::newRow("no name") << QStringList{add, QStringLiteral("--address"), QStringLiteral("a@b.example")}
                             << "exactly one account name";
    QTest::newRow("no address") << QStringList{add,
                                               QStringLiteral("x"),
                                               QStringLiteral("--server"),
                                               QStringLiteral("smtp.example.com"),
                                               QStringLiteral("--auth"),
                                               QStringLiteral("none")}
                                << "Enter the email address";
    QTest::newRow("bad address") << QStringList{add,
                                                QStringLiteral("x"),
                                                QStringLiteral("--address"),
                                                QStringLiteral("a@@b"),
                                                QStringLiteral("--server"),
                                                QStringLiteral("smtp.example.com"),
                                                QStringLiteral("--auth"),
                                                QStringLiteral("none")}
                                 << "position";
    QTest::newRow("bad host") << QStringList{add,
                                             QStringLiteral("x"),
                                             QStringLiteral("--address"),
                                             QStringLiteral("a@b.example"),
                                             QStringLiteral("--server"),
                                             QStringLiteral("smtp example"),
                                             QStringLiteral("--auth"),
                                             QStringLiteral("none")}
                              << "not a valid host";
    QTest::newRow("bad security") << QStringList{add, QStringLiteral("x"), QStringLiteral("--security"),
                                                 QStringLiteral("ssl3")}
                                  << "--security must be none, starttls or tls";
    QTest::newRow("no password") << QStringList{add,
                                                QStringLiteral("x"),
                                                QStringLiteral("--address"),
                                                QStringLiteral("a@b.example"),
                                                QStringLiteral("--server"),
                                                QStringLiteral("smtp.example.com")}
                                 << "--password-stdin";
    QTest::newRow("clear text password") << QStringList{add,
                                                        QStringLiteral("x"),
                                                        QStringLiteral("--address"),
                                                        QStringLiteral("a@b.example"),
                                                        QStringLiteral("--server"),
                                                        QStringLiteral("smtp.example.com"),
                                                        QStringLiteral("--security"),
                                                        QStringLiteral("none"),
                                                        QStringLiteral("--password-stdin")}
                                         << "clear text";
    QTest::newRow("remove unknown") << QStringList{QStringLiteral("remove"), QStringLiteral("nope")}
                                    << "no account \"nope\"";
}

void TestAccountCommand::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run run = sendscope(QStringList{QStringLiteral("account")} + arguments, "pw\n");
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    // Nothing was written.
    QVERIFY(!QFile::exists(m_home->filePath(QStringLiteral("config/sendscope/accounts.conf"))));
}

void TestAccountCommand::addPostfixAccount(const QString &name, const QString &password)
{
    const QList<QSslCertificate> server = QSslCertificate::fromPath(m_servers.value("SERVER_CERT"));
    QVERIFY(!server.isEmpty());
    const Run add = sendscope(
        {QStringLiteral("account"), QStringLiteral("add"), name, QStringLiteral("--address"),
         m_servers.value("TEST_USER"), QStringLiteral("--display-name"), QStringLiteral("测试 Tester"),
         QStringLiteral("--server"), m_servers.value("SMTP_HOST"), QStringLiteral("--port"),
         m_servers.value("POSTFIX_SUBMISSION_PORT"), QStringLiteral("--security"), QStringLiteral("starttls"),
         QStringLiteral("--trust-fingerprint"),
         QString::fromLatin1(server.first().digest(QCryptographicHash::Sha256).toHex()),
         QStringLiteral("--password-stdin")},
        password.toUtf8() + '\n');
    QVERIFY2(add.exitCode == 0, qPrintable(add.err));
    QVERIFY2(add.err.contains(QStringLiteral("keychain")), qPrintable(add.err));
}

void TestAccountCommand::verifyPasswordNowhere(const QString &password, const QString &user)
{
    const QByteArray utf8 = password.toUtf8();
    const QList<QByteArray> forms = {
        utf8,
        utf8.toBase64(),
        utf8.toHex(),
        QByteArray('\0' + user.toUtf8() + '\0' + utf8).toBase64(), // AUTH PLAIN
        utf8.toPercentEncoding(),
    };
    int files = 0;
    QDirIterator it(m_home->path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        ++files;
        for (const QByteArray &form : forms)
            QVERIFY2(!content.contains(form),
                     qPrintable(QStringLiteral("secret found in %1").arg(file.fileName())));
    }
    QVERIFY(files > 0); // the account file at least: the search looked at something
    for (const QString &output : std::as_const(m_outputs)) {
        for (const QByteArray &form : forms)
            QVERIFY2(!output.toUtf8().contains(form), "secret found in the command's output");
    }
}

void TestAccountCommand::addListSendRemove()
{
    if (!m_haveServers || !m_haveKeychain)
        QSKIP("needs the test servers and a keychain (run through .ci/test.sh)");
    const QString name = QStringLiteral("postfix-") + QUuid::createUuid().toString(QUuid::Id128).left(8);
    addPostfixAccount(name, m_servers.password());

    const Run list = sendscope({QStringLiteral("account"), QStringLiteral("list")});
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(list.out.contains(name) && list.out.contains(m_servers.value("TEST_USER")) &&
                 list.out.contains(QStringLiteral("starttls")),
             qPrintable(list.out));

    const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QFile body(m_home->filePath(QStringLiteral("body.txt")));
    QVERIFY(body.open(QIODevice::WriteOnly));
    body.write("Sent with the password from the keychain.\n");
    body.close();
    const Run send =
        sendscope({QStringLiteral("send"), QStringLiteral("--account"), name, QStringLiteral("--to"),
                   QStringLiteral("alice@sendscope.test"), QStringLiteral("--subject"), token,
                   QStringLiteral("--body-file"), body.fileName()});
    QVERIFY2(send.exitCode == 0, qPrintable(send.err));
    QVERIFY2(send.err.contains(QStringLiteral("AUTH")) && send.err.contains(QStringLiteral("235")),
             qPrintable(send.err));
    const QByteArray delivered = m_servers.waitForMaildir(QStringLiteral("alice"), token.toUtf8());
    QVERIFY2(!delivered.isEmpty(), "the message did not arrive");
    QVERIFY(delivered.contains("From: =?UTF-8?"));          // the identity's display name, encoded
    QVERIFY(delivered.contains("<tester@sendscope.test>")); // and its address

    const std::optional<Account> stored =
        AccountStore(m_home->filePath(QStringLiteral("config/sendscope/accounts.conf"))).findByName(name);
    QVERIFY(stored);

    verifyPasswordNowhere(m_servers.password(), m_servers.value("TEST_USER"));

    const Run remove = sendscope({QStringLiteral("account"), QStringLiteral("remove"), name});
    QVERIFY2(remove.exitCode == 0, qPrintable(remove.err));
    QVERIFY(!sendscope({QStringLiteral("account"), QStringLiteral("list")}).out.contains(name));
    // The secret went with it.
    SecretStore secrets;
    std::optional<SecretStore::Result> read;
    secrets.read(stored->id, [&](const SecretStore::Result &result) { read = result; });
    QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 10000);
    QCOMPARE(read->status, SecretStore::Status::NotFound);
}

void TestAccountCommand::wrongPasswordInKeychainIsAnAuthError()
{
    if (!m_haveServers || !m_haveKeychain)
        QSKIP("needs the test servers and a keychain (run through .ci/test.sh)");
    const QString name = QStringLiteral("wrong-") + QUuid::createUuid().toString(QUuid::Id128).left(8);
    const QString wrong = QStringLiteral("not the password ");
    addPostfixAccount(name, wrong);
    const Run send = sendscope({QStringLiteral("send"), QStringLiteral("--account"), name,
                                QStringLiteral("--to"), QStringLiteral("alice@sendscope.test"),
                                QStringLiteral("--subject"), QStringLiteral("never")});
    QCOMPARE(send.exitCode, 14); // authentication
    QVERIFY2(send.err.contains(QStringLiteral("535")), qPrintable(send.err));
    verifyPasswordNowhere(wrong, m_servers.value("TEST_USER"));
    QCOMPARE(sendscope({QStringLiteral("account"), QStringLiteral("remove"), name}).exitCode, 0);
}

void TestAccountCommand::noKeychainSavesNothing()
{
    QProcessEnvironment noBus;
    noBus.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus"));
    noBus.insert(QStringLiteral("DISPLAY"), QString()); // no X11 autolaunch of a bus either
    const Run add =
        sendscope({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("nokeychain"),
                   QStringLiteral("--address"), QStringLiteral("me@example.com"), QStringLiteral("--server"),
                   QStringLiteral("smtp.example.com"), QStringLiteral("--password-stdin")},
                  "keep me out of files\n", noBus);
    QCOMPARE(add.exitCode, 4);
    QVERIFY2(add.err.contains(QStringLiteral("No system keychain is available")), qPrintable(add.err));
    QVERIFY2(add.err.contains(QStringLiteral("never writes passwords to a file")), qPrintable(add.err));
    QVERIFY2(add.err.contains(QStringLiteral("was not added")), qPrintable(add.err));
    QVERIFY(!sendscope({QStringLiteral("account"), QStringLiteral("list")})
                 .out.contains(QStringLiteral("nokeychain")));
    QDirIterator it(m_home->path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("keep me out of files"));
    }

    // An account without a password needs no keychain.
    const Run open =
        sendscope({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("relay"),
                   QStringLiteral("--address"), QStringLiteral("me@example.com"), QStringLiteral("--server"),
                   QStringLiteral("127.0.0.1"), QStringLiteral("--auth"), QStringLiteral("none"),
                   QStringLiteral("--identity"), QStringLiteral("客服 <support@example.com>")},
                  {}, noBus);
    QVERIFY2(open.exitCode == 0, qPrintable(open.err));
    const Run list = sendscope({QStringLiteral("account"), QStringLiteral("list")});
    QVERIFY2(list.out.contains(QStringLiteral("also as 客服 <support@example.com>")), qPrintable(list.out));
}

void TestAccountCommand::unknownAccount()
{
    const Run send = sendscope({QStringLiteral("send"), QStringLiteral("--account"), QStringLiteral("ghost"),
                                QStringLiteral("--to"), QStringLiteral("a@b.example")});
    QCOMPARE(send.exitCode, 2);
    QVERIFY2(send.err.contains(QStringLiteral("no account \"ghost\"")) &&
                 send.err.contains(QStringLiteral("none are set up")),
             qPrintable(send.err));
}

QTEST_GUILESS_MAIN(TestAccountCommand)
#include "testaccountcommand.moc"
