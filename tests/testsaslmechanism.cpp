#include "saslmechanism.h"
#include "saslscramsha256.h"
#include "saslxoauth2.h"

#include <QTest>

namespace {
SaslCredentials credentials(const QString &user, const QString &secret)
{
    SaslCredentials result;
    result.username = user;
    result.secret = secret;
    return result;
}
} // namespace

class TestSaslMechanism : public QObject
{
    Q_OBJECT
private slots:
    void plain();
    void login();
    void cramMd5Rfc2195();
    void scramRfc7677();
    void scramRejectsBadServer_data();
    void scramRejectsBadServer();
    void saslPrep_data();
    void saslPrep();
    void oauth();
    void strongestOffered_data();
    void strongestOffered();
    void describeSecret_data();
    void describeSecret();
};

void TestSaslMechanism::plain()
{
    auto mechanism = SaslMechanism::create(
        "plain", credentials(QStringLiteral("tim"), QStringLiteral("tanstaaftanstaaf")));
    QVERIFY(mechanism);
    QCOMPARE(mechanism->name(), QByteArray("PLAIN"));
    QCOMPARE(*mechanism->initialResponse(), QByteArray("\0tim\0tanstaaftanstaaf", 21));
    QCOMPARE(mechanism->respond({}).response, QByteArray("\0tim\0tanstaaftanstaaf", 21));
}

void TestSaslMechanism::login()
{
    auto mechanism =
        SaslMechanism::create("LOGIN", credentials(QStringLiteral("alice"), QStringLiteral("pw")));
    QVERIFY(!mechanism->initialResponse());
    QCOMPARE(mechanism->respond("Username:").response, QByteArray("alice"));
    QCOMPARE(mechanism->respond("Password:").response, QByteArray("pw"));
    QVERIFY(!mechanism->respond("More:").ok);
}

void TestSaslMechanism::cramMd5Rfc2195()
{
    auto mechanism = SaslMechanism::create(
        "CRAM-MD5", credentials(QStringLiteral("tim"), QStringLiteral("tanstaaftanstaaf")));
    const SaslMechanism::Step step = mechanism->respond("<1896.697170952@postoffice.reston.mci.net>");
    QVERIFY(step.ok);
    QCOMPARE(step.response, QByteArray("tim b913a602c7eda7a495b4e6e7334d3890"));
}

void TestSaslMechanism::scramRfc7677()
{
    // RFC 7677 section 3, byte for byte.
    SaslScramSha256 scram(credentials(QStringLiteral("user"), QStringLiteral("pencil")));
    scram.setClientNonceForTesting("rOprNGfwEbeRWgbNEkqO");
    QCOMPARE(*scram.initialResponse(), QByteArray("n,,n=user,r=rOprNGfwEbeRWgbNEkqO"));
    const SaslMechanism::Step final = scram.respond(
        "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");
    QVERIFY2(final.ok, qPrintable(final.error));
    QCOMPARE(final.response, QByteArray("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                                        "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="));
    QVERIFY(!scram.isServerVerified());
    const SaslMechanism::Step done = scram.respond("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
    QVERIFY2(done.ok, qPrintable(done.error));
    QVERIFY(scram.isServerVerified());
}

void TestSaslMechanism::scramRejectsBadServer_data()
{
    QTest::addColumn<QByteArray>("serverFirst");
    QTest::addColumn<QByteArray>("serverFinal");
    const QByteArray good =
        "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
    QTest::newRow("tampered signature")
        << good << QByteArray("v=AAAATRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
    QTest::newRow("server error") << good << QByteArray("e=invalid-proof");
    QTest::newRow("foreign nonce") << QByteArray("r=somebodyElse,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096")
                                   << QByteArray();
    QTest::newRow("absurd iterations")
        << QByteArray("r=rOprNGfwEbeRWgbNEkqOxyz,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=2000000000") << QByteArray();
    QTest::newRow("mandatory extension")
        << QByteArray("m=ext,r=rOprNGfwEbeRWgbNEkqOxyz,s=AA==,i=4096") << QByteArray();
}

void TestSaslMechanism::scramRejectsBadServer()
{
    QFETCH(QByteArray, serverFirst);
    QFETCH(QByteArray, serverFinal);
    SaslScramSha256 scram(credentials(QStringLiteral("user"), QStringLiteral("pencil")));
    scram.setClientNonceForTesting("rOprNGfwEbeRWgbNEkqO");
    scram.initialResponse();
    const SaslMechanism::Step first = scram.respond(serverFirst);
    if (serverFinal.isEmpty()) {
        QVERIFY(!first.ok);
        QVERIFY(!first.error.isEmpty());
    } else {
        QVERIFY(first.ok);
        const SaslMechanism::Step final = scram.respond(serverFinal);
        QVERIFY(!final.ok);
        QVERIFY(!final.error.contains(QStringLiteral("pencil")));
    }
    QVERIFY(!scram.isServerVerified());
}

void TestSaslMechanism::saslPrep_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("output");
    QTest::addColumn<bool>("ok");
    QTest::newRow("ascii") << QStringLiteral("pencil") << QStringLiteral("pencil") << true;
    QTest::newRow("soft hyphen removed") << QStringLiteral("I\u00ADX") << QStringLiteral("IX") << true;
    QTest::newRow("nbsp to space") << QStringLiteral("a\u00A0b") << QStringLiteral("a b") << true;
    QTest::newRow("nfkc") << QStringLiteral("\u2168") << QStringLiteral("IX") << true;
    QTest::newRow("chinese kept") << QStringLiteral("密码") << QStringLiteral("密码") << true;
    QTest::newRow("control refused") << QStringLiteral("a\u0007b") << QString() << false;
}

void TestSaslMechanism::saslPrep()
{
    QFETCH(QString, input);
    QFETCH(QString, output);
    QFETCH(bool, ok);
    QString result;
    QCOMPARE(SaslScramSha256::saslPrep(input, &result), ok);
    if (ok)
        QCOMPARE(result, output);
}

void TestSaslMechanism::oauth()
{
    auto xoauth = SaslMechanism::create(
        "XOAUTH2", credentials(QStringLiteral("me@example.com"), QStringLiteral("ya29.token")));
    QCOMPARE(*xoauth->initialResponse(), QByteArray("user=me@example.com\x01"
                                                    "auth=Bearer ya29.token\x01\x01"));
    QVERIFY(xoauth->usesToken());
    QCOMPARE(xoauth->respond(R"({"status":"401"})").response, QByteArray());
    SaslCredentials bearerCredentials = credentials(QStringLiteral("a,b=c"), QStringLiteral("tok"));
    bearerCredentials.host = QStringLiteral("smtp.example.com");
    bearerCredentials.port = 587;
    auto bearer = SaslMechanism::create("OAUTHBEARER", bearerCredentials);
    QCOMPARE(*bearer->initialResponse(), QByteArray("n,a=a=2Cb=3Dc,\x01"
                                                    "host=smtp.example.com\x01"
                                                    "port=587\x01"
                                                    "auth=Bearer tok\x01\x01"));
    QCOMPARE(bearer->respond(R"({"status":"invalid_token"})").response, QByteArray("\x01"));
    QVERIFY(!bearer->redactedDescription().contains(QStringLiteral("tok\x01")));
    QVERIFY(bearer->redactedDescription().contains(QStringLiteral("token: ********")));
}

void TestSaslMechanism::strongestOffered_data()
{
    QTest::addColumn<QByteArrayList>("offered");
    QTest::addColumn<bool>("token");
    QTest::addColumn<bool>("encrypted");
    QTest::addColumn<QByteArray>("expected");
    const QByteArrayList all{"LOGIN", "PLAIN", "CRAM-MD5", "SCRAM-SHA-256"};
    QTest::newRow("tls: all") << all << false << true << QByteArray("SCRAM-SHA-256");
    QTest::newRow("tls: cram plain login")
        << QByteArrayList{"LOGIN", "CRAM-MD5", "PLAIN"} << false << true << QByteArray("PLAIN");
    QTest::newRow("tls: cram login") << QByteArrayList{"CRAM-MD5", "LOGIN"} << false << true
                                     << QByteArray("LOGIN");
    QTest::newRow("tls: cram only") << QByteArrayList{"CRAM-MD5"} << false << true << QByteArray("CRAM-MD5");
    QTest::newRow("tls: plain login")
        << QByteArrayList{"LOGIN", "PLAIN"} << false << true << QByteArray("PLAIN");
    QTest::newRow("tls: lower case") << QByteArrayList{"login", "cram-md5"} << false << true
                                     << QByteArray("LOGIN");
    QTest::newRow("clear: all") << all << false << false << QByteArray("SCRAM-SHA-256");
    QTest::newRow("clear: cram plain login")
        << QByteArrayList{"LOGIN", "CRAM-MD5", "PLAIN"} << false << false << QByteArray("CRAM-MD5");
    QTest::newRow("clear: plain login")
        << QByteArrayList{"LOGIN", "PLAIN"} << false << false << QByteArray("PLAIN");
    QTest::newRow("unknown only") << QByteArrayList{"NTLM", "GSSAPI"} << false << true << QByteArray();
    QTest::newRow("token") << QByteArrayList{"PLAIN", "XOAUTH2", "OAUTHBEARER"} << true << true
                           << QByteArray("OAUTHBEARER");
    QTest::newRow("token xoauth2") << QByteArrayList{"PLAIN", "XOAUTH2"} << true << true
                                   << QByteArray("XOAUTH2");
    QTest::newRow("token none") << QByteArrayList{"PLAIN", "CRAM-MD5"} << true << false << QByteArray();
}

void TestSaslMechanism::strongestOffered()
{
    QFETCH(QByteArrayList, offered);
    QFETCH(bool, token);
    QFETCH(bool, encrypted);
    QFETCH(QByteArray, expected);
    QCOMPARE(SaslMechanism::strongestOffered(offered, token, encrypted), expected);
}

void TestSaslMechanism::describeSecret_data()
{
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << QStringLiteral("hunter2")
                           << QStringLiteral("******** (fewer than 8 characters)");
    QTest::newRow("trailing space") << QStringLiteral("correct horse ")
                                    << QStringLiteral("******** (8 to 15 characters, ends with a space)");
    QTest::newRow("leading space") << QStringLiteral(" x")
                                   << QStringLiteral(
                                          "******** (fewer than 8 characters, starts with a space)");
    QTest::newRow("newline") << QStringLiteral("pw\n")
                             << QStringLiteral("******** (fewer than 8 characters, contains a line break)");
    QTest::newRow("chinese") << QStringLiteral("密码abc")
                             << QStringLiteral(
                                    "******** (fewer than 8 characters, contains non-ASCII characters)");
    // Never the exact length: it would narrow an offline guess from a SCRAM exchange.
    QTest::newRow("16") << QString(16, u'x') << QStringLiteral("******** (16 to 31 characters)");
    QTest::newRow("40") << QString(40, u'x') << QStringLiteral("******** (32 characters or more)");
    QTest::newRow("empty") << QString() << QStringLiteral("(empty)");
}

void TestSaslMechanism::describeSecret()
{
    QFETCH(QString, secret);
    QFETCH(QString, expected);
    const QString description = SaslMechanism::describeSecret(secret);
    QCOMPARE(description, expected);
    if (secret.size() > 2)
        QVERIFY(!description.contains(secret.trimmed()));
}

QTEST_GUILESS_MAIN(TestSaslMechanism)
#include "testsaslmechanism.moc"
