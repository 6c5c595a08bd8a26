#include "accountstore.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

// Account validation (what the dialog shows next to each field) and the settings file round trip.
class TestAccountStore : public QObject
{
    Q_OBJECT
private slots:
    void validate_data();
    void validate();
    void roundTrip();
    void namesAreUniqueIgnoringCase();
    void removeKeepsOthers();
    void serverSettingsFollowTheAccount_data();
    void serverSettingsFollowTheAccount();
    void authKeysRoundTrip();
    void pinsBelongToOneHostAndPort();
    void receiptDefaultsRoundTrip_data();
    void receiptDefaultsRoundTrip();
    void extensionsBelongToTheAccountsServer();
    void spellingLanguageIsRemembered();
    void pinsKeepTheirDateAndCanBeRemoved();

private:
    static Account valid();
};

Account TestAccountStore::valid()
{
    Account account;
    account.name = QStringLiteral("Work");
    account.identities.append({QStringLiteral("张伟"), QStringLiteral("zhang@example.com"), {}, {}});
    account.host = QStringLiteral("smtp.example.com");
    return account;
}

void TestAccountStore::validate_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("expectedField"); // -1: valid
    QTest::addColumn<QString>("messagePart");
    const int name = int(Account::Field::Name), address = int(Account::Field::Address),
              host = int(Account::Field::Host), security = int(Account::Field::Security);
    QTest::newRow("valid") << ""
                           << "" << -1 << "";
    QTest::newRow("empty name") << "name"
                                << "  " << name << "name";
    QTest::newRow("slash in name") << "name"
                                   << "a/b" << name << "slashes";
    QTest::newRow("empty address") << "address"
                                   << "" << address << "address";
    QTest::newRow("no at") << "address"
                           << "zhang.example.com" << address << "@";
    QTest::newRow("name in address") << "address"
                                     << "Zhang <z@example.com>" << address << "own field";
    QTest::newRow("CRLF address") << "address"
                                  << "z@example.com\r\nBcc: x@y" << address << "";
    QTest::newRow("empty host") << "host"
                                << "" << host << "SMTP";
    QTest::newRow("space in host") << "host"
                                   << "smtp example.com" << host << "not a valid host";
    QTest::newRow("underscore host") << "host"
                                     << "smtp_1.example.com" << host << "not a valid host";
    QTest::newRow("IDN host") << "host"
                              << "smtp.例子.广告" << -1 << "";
    QTest::newRow("IPv4 host") << "host"
                               << "127.0.0.1" << -1 << "";
    QTest::newRow("IPv6 host") << "host"
                               << "::1" << -1 << "";
    QTest::newRow("password in clear") << "security"
                                       << "none" << security << "clear text";
}

void TestAccountStore::validate()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(int, expectedField);
    QFETCH(QString, messagePart);
    Account account = valid();
    if (field == QLatin1String("name"))
        account.name = value;
    else if (field == QLatin1String("address"))
        account.identities[0].address = value;
    else if (field == QLatin1String("host"))
        account.host = value;
    else if (field == QLatin1String("security"))
        account.security = SmtpSecurity::None;
    const QList<Account::Problem> problems = account.validate();
    if (expectedField < 0) {
        QVERIFY2(problems.isEmpty(), qPrintable(problems.value(0).message));
        return;
    }
    QCOMPARE(problems.size(), 1);
    QCOMPARE(int(problems.first().field), expectedField);
    QVERIFY2(problems.first().message.contains(messagePart, Qt::CaseInsensitive),
             qPrintable(problems.first().message));
}

void TestAccountStore::roundTrip()
{
    QTemporaryDir dir;
    AccountStore store(dir.filePath(QStringLiteral("accounts.conf")));
    Account account = valid();
    account.identities.append({QStringLiteral("Support"), QStringLiteral("support@example.com"),
                               QStringLiteral("help@example.com"), QStringLiteral("-- \n支持团队")});
    account.port = 2525;
    account.security = SmtpSecurity::ImplicitTls;
    account.auth = AccountAuth::CramMd5;
    account.username = QStringLiteral("zhang");
    account.setCurrentPins({QByteArray(32, '\x5a')});
    account.pinnedCertificates[QStringLiteral("::1:25")] << QByteArray(32, '\x11'); // IPv6 host
    QVERIFY(store.save(account).ok());
    QVERIFY(!account.id.isEmpty());

    const std::optional<Account> loaded = AccountStore(store.filePath()).findByName(QStringLiteral("work"));
    QVERIFY(loaded);
    QCOMPARE(loaded->id, account.id);
    QCOMPARE(loaded->identities, account.identities);
    QCOMPARE(loaded->port, quint16(2525));
    QCOMPARE(loaded->security, SmtpSecurity::ImplicitTls);
    QCOMPARE(loaded->auth, AccountAuth::CramMd5);
    QCOMPARE(loaded->username, QStringLiteral("zhang"));
    QCOMPARE(loaded->pinnedCertificates, account.pinnedCertificates);
    QCOMPARE(loaded->currentPins(), QList<QByteArray>{QByteArray(32, '\x5a')});
    QCOMPARE(store.defaultAccountId(), account.id);

    // Renaming keeps the id, and so the keychain entry.
    account.name = QStringLiteral("工作");
    QVERIFY(store.save(account).ok());
    QCOMPARE(store.accounts().size(), 1);
    QCOMPARE(store.findByName(QStringLiteral("工作"))->id, account.id);
}

void TestAccountStore::namesAreUniqueIgnoringCase()
{
    QTemporaryDir dir;
    AccountStore store(dir.filePath(QStringLiteral("accounts.conf")));
    Account first = valid();
    QVERIFY(store.save(first).ok());
    Account second = valid();
    second.name = QStringLiteral("WORK");
    const AccountStore::Result result = store.save(second);
    QCOMPARE(result.status, AccountStore::Status::NameTaken);
    QVERIFY(result.message.contains(QStringLiteral("Work")));
    QCOMPARE(store.accounts().size(), 1);

    Account invalid = valid();
    invalid.name = QStringLiteral("Other");
    invalid.host.clear();
    QCOMPARE(store.save(invalid).status, AccountStore::Status::Invalid);
    QCOMPARE(store.accounts().size(), 1);
}

void TestAccountStore::removeKeepsOthers()
{
    QTemporaryDir dir;
    AccountStore store(dir.filePath(QStringLiteral("accounts.conf")));
    Account a = valid();
    Account b = valid();
    b.name = QStringLiteral("Home");
    QVERIFY(store.save(a).ok());
    QVERIFY(store.save(b).ok());
    store.setDefaultAccountId(b.id);
    QCOMPARE(store.defaultAccountId(), b.id);
    QVERIFY(store.remove(b.id).ok());
    QCOMPARE(store.remove(b.id).status, AccountStore::Status::NotFound);
    QCOMPARE(store.accounts().size(), 1);
    QCOMPARE(store.accounts().first().id, a.id);
    QCOMPARE(store.defaultAccountId(), a.id);
    QFile file(store.filePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains(b.id.toLatin1()));
}

void TestAccountStore::serverSettingsFollowTheAccount_data()
{
    QTest::addColumn<int>("auth");
    QTest::addColumn<QByteArray>("mechanism");
    QTest::addColumn<bool>("token");
    QTest::addColumn<QString>("username");
    QTest::newRow("automatic") << int(AccountAuth::Automatic) << QByteArray() << false << "zhang@example.com";
    QTest::newRow("plain") << int(AccountAuth::Plain) << QByteArray("PLAIN") << false << "zhang@example.com";
    QTest::newRow("login") << int(AccountAuth::Login) << QByteArray("LOGIN") << false << "zhang@example.com";
    QTest::newRow("cram-md5") << int(AccountAuth::CramMd5) << QByteArray("CRAM-MD5") << false
                              << "zhang@example.com";
    QTest::newRow("oauth2") << int(AccountAuth::OAuth2Token) << QByteArray() << true << "zhang@example.com";
    QTest::newRow("none") << int(AccountAuth::None) << QByteArray("NONE") << false << "";
}

void TestAccountStore::serverSettingsFollowTheAccount()
{
    QFETCH(int, auth);
    QFETCH(QByteArray, mechanism);
    QFETCH(bool, token);
    QFETCH(QString, username);
    Account account = valid();
    account.auth = AccountAuth(auth);
    const SmtpServerSettings settings = account.serverSettings();
    QCOMPARE(settings.authMechanism, mechanism);
    QCOMPARE(settings.secretIsToken, token);
    QCOMPARE(settings.username, username);
    QVERIFY(settings.secret.isEmpty()); // never from the settings file
    QCOMPARE(settings.effectivePort(), quint16(587));
}

void TestAccountStore::authKeysRoundTrip()
{
    for (AccountAuth auth :
         {AccountAuth::Automatic, AccountAuth::Plain, AccountAuth::Login, AccountAuth::CramMd5,
          AccountAuth::ScramSha256, AccountAuth::OAuth2Token, AccountAuth::None})
        QCOMPARE(Account::authFromKey(Account::authKey(auth)), auth);
    QCOMPARE(Account::authFromMechanism(QStringLiteral("XOAUTH2")), AccountAuth::OAuth2Token);
    QCOMPARE(Account::authFromMechanism(QStringLiteral("CRAM-MD5")), AccountAuth::CramMd5);
    QVERIFY(!Account::authFromMechanism(QStringLiteral("GSSAPI")));
}

void TestAccountStore::pinsBelongToOneHostAndPort()
{
    // A pin vouches for the certificate of one server: moving the account to another host or port leaves
    // it behind, so a certificate error there is asked about again.
    Account account = valid();
    account.host = QStringLiteral("Mail.Example.com");
    account.port = 2525;
    account.setCurrentPins({QByteArray(32, '\x5a')});
    QCOMPARE(account.serverSettings().trustedFingerprints, QList<QByteArray>{QByteArray(32, '\x5a')});
    QCOMPARE(account.pinsFor(QStringLiteral("mail.example.com"), 2525).size(), 1); // any case
    account.host = QStringLiteral("mail.other-provider.net");
    QVERIFY(account.serverSettings().trustedFingerprints.isEmpty());
    account.host = QStringLiteral("mail.example.com");
    account.port = 465;
    QVERIFY(account.serverSettings().trustedFingerprints.isEmpty());

    // Pins written by earlier versions, per account, belong to the host and port stored with them.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("accounts.conf"));
    {
        QSettings old(path, QSettings::IniFormat);
        old.setValue(QStringLiteral("accounts/order"), QStringList{QStringLiteral("a1")});
        old.setValue(QStringLiteral("accounts/a1/name"), QStringLiteral("Old"));
        old.setValue(QStringLiteral("accounts/a1/host"), QStringLiteral("smtp.example.com"));
        old.setValue(QStringLiteral("accounts/a1/security"), QStringLiteral("tls"));
        old.setValue(QStringLiteral("accounts/a1/pinnedCertificates"),
                     QStringList{QString::fromLatin1(QByteArray(32, '\x77').toHex())});
    }
    AccountStore store(path);
    std::optional<Account> loaded = store.findByName(QStringLiteral("Old"));
    QVERIFY(loaded);
    QCOMPARE(loaded->pinsFor(QStringLiteral("smtp.example.com"), 465),
             QList<QByteArray>{QByteArray(32, '\x77')});
    QCOMPARE(loaded->serverSettings().trustedFingerprints, QList<QByteArray>{QByteArray(32, '\x77')});
    loaded->host = QStringLiteral("smtp.attacker.example");
    QVERIFY(loaded->serverSettings().trustedFingerprints.isEmpty());
    // Saved again, the pin stays with smtp.example.com:465, in the new form.
    loaded->identities = valid().identities;
    QVERIFY2(store.save(*loaded).ok(), qPrintable(store.save(*loaded).message));
    const std::optional<Account> again = store.findByName(QStringLiteral("Old"));
    QVERIFY(again->serverSettings().trustedFingerprints.isEmpty());
    QCOMPARE(again->pinsFor(QStringLiteral("smtp.example.com"), 465),
             QList<QByteArray>{QByteArray(32, '\x77')});
    QVERIFY(
        !QSettings(path, QSettings::IniFormat).contains(QStringLiteral("accounts/a1/pinnedCertificates")));
}

// The compose window remembers the dictionary per account with one key, leaving the rest as it is; a
// full save (the account dialog) keeps it.
void TestAccountStore::spellingLanguageIsRemembered()
{
    QTemporaryDir dir;
    AccountStore store(dir.filePath(QStringLiteral("accounts.conf")));
    Account account = valid();
    QVERIFY(store.save(account).ok());
    QVERIFY(store.findById(account.id)->spellingLanguage.isEmpty());
    QVERIFY(store.setSpellingLanguage(account.id, QStringLiteral("de_DE")).ok());
    std::optional<Account> loaded = store.findById(account.id);
    QCOMPARE(loaded->spellingLanguage, QStringLiteral("de_DE"));
    QCOMPARE(loaded->identities, account.identities);
    QCOMPARE(loaded->host, account.host);

    loaded->host = QStringLiteral("smtp2.example.com");
    QVERIFY(store.save(*loaded).ok());
    QCOMPARE(store.findById(account.id)->spellingLanguage, QStringLiteral("de_DE"));
    QCOMPARE(store.setSpellingLanguage(QStringLiteral("no-such-id"), QStringLiteral("en_US")).status,
             AccountStore::Status::NotFound);
}

void TestAccountStore::pinsKeepTheirDateAndCanBeRemoved()
{
    QTemporaryDir dir;
    AccountStore store(dir.filePath(QStringLiteral("accounts.conf")));
    Account account = valid();
    const QString server = Account::serverKey(account.host, account.effectivePort());
    const QString other = Account::serverKey(QStringLiteral("backup.example.com"), 465);
    const QDateTime when(QDate(2026, 3, 1), QTime(8, 30), Qt::UTC);
    account.pinCertificate(server, QByteArray(32, '\x01'), when.addDays(-30));
    account.pinCertificate(server, QByteArray(32, '\x5a'), when); // replaces the server's older pin
    account.pinCertificate(other, QByteArray(32, '\x22'), when.addDays(1));
    QCOMPARE(account.pinsFor(account.host, account.effectivePort()),
             QList<QByteArray>{QByteArray(32, '\x5a')});
    QVERIFY(store.save(account).ok());

    std::optional<Account> loaded = AccountStore(store.filePath()).findById(account.id);
    QVERIFY(loaded);
    const QList<Account::CertificatePin> pins = loaded->certificatePins();
    QCOMPARE(pins.size(), 2);
    QCOMPARE(pins.at(0).server, other); // by server
    QCOMPARE(pins.at(0).trustedAt, when.addDays(1));
    QCOMPARE(pins.at(1).server, server);
    QCOMPARE(pins.at(1).sha256, QByteArray(32, '\x5a'));
    QCOMPARE(pins.at(1).trustedAt, when);

    loaded->removeCertificatePin(server, QByteArray(32, '\x5a'));
    QVERIFY(loaded->currentPins().isEmpty());
    QVERIFY(store.save(*loaded).ok());
    loaded = AccountStore(store.filePath()).findById(account.id);
    QCOMPARE(loaded->certificatePins().size(), 1);
    QCOMPARE(loaded->certificatePins().first().server, other);
    QVERIFY(loaded->pinsFor(account.host, account.effectivePort()).isEmpty());
}

QTEST_GUILESS_MAIN(TestAccountStore)
#include "testaccountstore.moc"

void TestAccountStore::receiptDefaultsRoundTrip_data()
{
    QTest::addColumn<bool>("deliveryReceipt");
    QTest::addColumn<bool>("readReceipt");
    QTest::newRow("none") << false << false;
    QTest::newRow("delivery") << true << false;
    QTest::newRow("read") << false << true;
    QTest::newRow("both") << true << true;
}

void TestAccountStore::receiptDefaultsRoundTrip()
{
    QFETCH(bool, deliveryReceipt);
    QFETCH(bool, readReceipt);
    QTemporaryDir dir;
    AccountStore store(dir.filePath(QStringLiteral("accounts.conf")));
    Account account = valid();
    account.requestDeliveryReceipt = deliveryReceipt;
    account.requestReadReceipt = readReceipt;
    QVERIFY(store.save(account).ok());
    const std::optional<Account> loaded = store.findById(account.id);
    QVERIFY(loaded);
    QCOMPARE(loaded->requestDeliveryReceipt, deliveryReceipt);
    QCOMPARE(loaded->requestReadReceipt, readReceipt);
}

void TestAccountStore::extensionsBelongToTheAccountsServer()
{
    QTemporaryDir dir;
    AccountStore store(dir.filePath(QStringLiteral("accounts.conf")));
    Account account = valid();
    QVERIFY(store.save(account).ok());
    QVERIFY(!store.knownExtensions(account)); // never spoken to: unknown, not "offers nothing"

    const QString server = Account::serverKey(account.host, account.effectivePort());
    store.rememberExtensions(account.id, server, {QStringLiteral("PIPELINING"), QStringLiteral("DSN")});
    QCOMPARE(store.knownExtensions(account),
             QStringList({QStringLiteral("PIPELINING"), QStringLiteral("DSN")}));
    store.rememberExtensions(account.id, server, {});
    QCOMPARE(store.knownExtensions(account), QStringList()); // known to offer nothing

    // Saving the account keeps what its server offers; another server is unknown again.
    QVERIFY(store.save(account).ok());
    QVERIFY(store.knownExtensions(account));
    account.host = QStringLiteral("smtp.elsewhere.example");
    QVERIFY(store.save(account).ok());
    QVERIFY(!store.knownExtensions(account));

    // Nothing is kept for an account that does not exist, or no longer does.
    store.rememberExtensions(QStringLiteral("no-such-id"), server, {QStringLiteral("DSN")});
    QFile file(store.filePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("no-such-id"));
    store.rememberExtensions(account.id, Account::serverKey(account.host, account.effectivePort()), {});
    QVERIFY(store.remove(account.id).ok());
    QSettings settings(store.filePath(), QSettings::IniFormat);
    QVERIFY(!settings.contains(QStringLiteral("serverExtensions/") + account.id + QStringLiteral("/server")));
}
