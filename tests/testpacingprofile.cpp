#include "pacingprofile.h"

#include <QFile>
#include <QTest>

// The provider pacing table (resources/providers/pacing.json): each provider's limits, chosen by the
// sender's domain first and the server's host name then.
class TestPacingProfile : public QObject
{
    Q_OBJECT
private slots:
    void shippedTableParses();
    void chosenByHostAndDomain_data();
    void chosenByHostAndDomain();
};

void TestPacingProfile::shippedTableParses()
{
    QFile file(QStringLiteral(SENDSCOPE_SOURCE_DIR "/resources/providers/pacing.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString error;
    const QList<PacingProfile> profiles = PacingProfile::parse(file.readAll(), &error);
    QVERIFY2(!profiles.isEmpty(), qPrintable(error));
    // The embedded copy is the same table.
    QCOMPARE(PacingProfile::all().size(), profiles.size());
    for (const PacingProfile &profile : profiles) {
        QVERIFY2(!profile.nameChinese.isEmpty(), qPrintable(profile.id));
        QVERIFY2(profile.maxRecipients <= 500, qPrintable(profile.id));
    }
}

void TestPacingProfile::chosenByHostAndDomain_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("sender");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<int>("perMinute");
    QTest::addColumn<int>("perDay");
    QTest::addColumn<int>("maxRecipients");
    QTest::newRow("Gmail") << "smtp.gmail.com"
                           << "zhang.wei@gmail.com"
                           << "gmail" << 20 << 500 << 100;
    QTest::newRow("Gmail host, no sender yet")
        << "smtp.gmail.com" << QString() << "gmail-host" << 20 << 500 << 100;
    QTest::newRow("Google Workspace") << "SMTP.Gmail.com"
                                      << "hr@example.cn"
                                      << "google-workspace" << 30 << 2000 << 100;
    QTest::newRow("Exchange Online") << "smtp.office365.com"
                                     << "hr@contoso.com"
                                     << "exchange-online" << 30 << 10000 << 500;
    QTest::newRow("Outlook.com through smtp.office365.com") << "smtp.office365.com"
                                                            << "li.na@outlook.com"
                                                            << "outlook-com" << 10 << 300 << 100;
    QTest::newRow("Outlook.com") << "smtp-mail.outlook.com"
                                 << "wang@hotmail.com"
                                 << "outlook-com" << 10 << 300 << 100;
    QTest::newRow("QQ") << "smtp.qq.com"
                        << "12345678@qq.com"
                        << "qq" << 10 << 300 << 50;
    QTest::newRow("Tencent Exmail") << "smtp.exmail.qq.com"
                                    << "hr@example.cn"
                                    << "qq" << 10 << 300 << 50;
    QTest::newRow("163") << "smtp.163.com"
                         << "zhangwei@163.com"
                         << "netease" << 10 << 200 << 40;
    QTest::newRow("126 by domain, own relay") << "mail.example.org"
                                              << "li@126.com"
                                              << "netease" << 10 << 200 << 40;
    QTest::newRow("unknown server") << "mail.example.org"
                                    << "hr@example.org"
                                    << "default" << 20 << 1000 << 100;
    QTest::newRow("a look-alike host is not Gmail") << "smtp.gmail.com.example.org"
                                                    << "hr@example.org"
                                                    << "default" << 20 << 1000 << 100;
    QTest::newRow("sandbox") << "127.0.0.1"
                             << "me@sendscope.test"
                             << "local" << 0 << 0 << 100;
}

void TestPacingProfile::chosenByHostAndDomain()
{
    QFETCH(QString, host);
    QFETCH(QString, sender);
    QFETCH(QString, profile);
    QFETCH(int, perMinute);
    QFETCH(int, perDay);
    QFETCH(int, maxRecipients);
    const PacingProfile chosen = PacingProfile::forServer(host, sender);
    QCOMPARE(chosen.id, profile);
    QCOMPARE(chosen.perMinute, perMinute);
    QCOMPARE(chosen.perDay, perDay);
    QCOMPARE(chosen.maxRecipients, maxRecipients);
    QVERIFY(!chosen.name().isEmpty());
}

QTEST_GUILESS_MAIN(TestPacingProfile)
#include "testpacingprofile.moc"
