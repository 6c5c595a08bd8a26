#include "localization.h"
#include "providerreplies.h"
#include "replyexplainer.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

// Every row of the provider table (resources/providers/replies.json), fed back through ReplyExplainer
// with the reply text its source documents: the row must be the one that explains it (no earlier row
// shadows it), with its category, temporariness and advice, and the server's words quoted apart from the
// advice. CTest runs this twice: in English, and with LANG=zh_CN.UTF-8, where the texts must be Chinese.
class TestProviderReplies : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void tableIsWellFormed();
    void everyEntry_data();
    void everyEntry();
    void brokenTableIsRefused();

private:
    bool m_chinese = false;
};

Q_DECLARE_METATYPE(SmtpErrorCategory)

namespace {
bool hasChinese(const QString &text)
{
    static const QRegularExpression han(QStringLiteral("\\p{Han}"));
    return text.contains(han);
}
} // namespace

void TestProviderReplies::initTestCase()
{
    m_chinese = QLocale().name().startsWith(QLatin1String("zh"));
    QVERIFY(Localization::install(qApp, QLocale()));
    QCOMPARE(ProviderReplies::chinese(), m_chinese);
}

void TestProviderReplies::tableIsWellFormed()
{
    QFile file(QStringLiteral(":/providers/replies.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString error;
    const QList<ProviderReplies::Entry> parsed = ProviderReplies::parse(file.readAll(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(parsed.size(), ProviderReplies::entries().size());
    QVERIFY(parsed.size() >= 40);
    QSet<QString> ids;
    QSet<QString> providers;
    for (const ProviderReplies::Entry &entry : parsed) {
        QVERIFY2(!ids.contains(entry.id), qPrintable(entry.id));
        ids.insert(entry.id);
        providers.insert(entry.provider.section(u' ', 0, 0));
        QVERIFY2(entry.link.startsWith(QLatin1String("http")), qPrintable(entry.id));
        QVERIFY2(!entry.source.isEmpty() && !entry.example.isEmpty(), qPrintable(entry.id));
        QVERIFY2(hasChinese(entry.summaryChinese), qPrintable(entry.id));
        QVERIFY2(hasChinese(entry.fixChinese), qPrintable(entry.id));
    }
    for (const char *provider : {"Microsoft", "Outlook.com", "Gmail", "Yahoo", "iCloud", "QQ", "Tencent",
                                 "NetEase", "Aliyun", "Sina", "Sohu", "Zoho"})
        QVERIFY2(providers.contains(QLatin1String(provider)), provider);
}

void TestProviderReplies::everyEntry_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("example");
    QTest::addColumn<SmtpErrorCategory>("category");
    QTest::addColumn<bool>("temporary");
    QTest::addColumn<QString>("source");
    for (const ProviderReplies::Entry &entry : ProviderReplies::entries()) {
        QTest::newRow(qPrintable(entry.id))
            << entry.id << entry.example << entry.category << entry.temporary << entry.source;
    }
}

void TestProviderReplies::everyEntry()
{
    QFETCH(QString, id);
    QFETCH(QString, example);
    QFETCH(SmtpErrorCategory, category);
    QFETCH(bool, temporary);
    QFETCH(QString, source);
    QVERIFY2(!source.isEmpty(), "every row says where its text comes from");

    // A reply as it comes off the wire: "NNN text"; the code decides permanent or transient.
    const int code = example.left(3).toInt();
    const SmtpReply reply(code, {example.mid(4).toUtf8()});
    const ProviderReplies::Entry *entry = ProviderReplies::match(reply);
    QVERIFY2(entry, qPrintable(example));
    QCOMPARE(entry->id, id);

    // The step matters little for provider rows; RCPT TO is where most of them come.
    const SmtpError error = ReplyExplainer::explain(SmtpCommand::RcptTo, reply);
    QCOMPARE(error.category, category);
    QCOMPARE(error.temporary, temporary);
    QCOMPARE(error.summary, m_chinese ? entry->summaryChinese : entry->summaryEnglish);
    // The server's own words are quoted, before and apart from the advice.
    const QString said = m_chinese ? QStringLiteral("服务器原话") : QStringLiteral("Server said");
    const QString todo = m_chinese ? QStringLiteral("建议") : QStringLiteral("What to do");
    const qsizetype saidAt = error.explanation.indexOf(said);
    const qsizetype todoAt = error.explanation.indexOf(todo);
    QVERIFY2(saidAt >= 0 && todoAt > saidAt, qPrintable(error.explanation));
    QVERIFY2(error.explanation.contains(QString::fromUtf8(reply.lines().constFirst()).simplified().left(60)),
             qPrintable(error.explanation));
    QVERIFY2(error.explanation.mid(todoAt).contains(m_chinese ? entry->fixChinese : entry->fixEnglish),
             qPrintable(error.explanation));
    QVERIFY(error.explanation.contains(entry->link));
    if (m_chinese)
        QVERIFY2(hasChinese(error.summary) && hasChinese(error.explanation.mid(todoAt)),
                 qPrintable(error.explanation));
    if (entry->temporary && reply.isPermanentFailure()) // a 5xx that waiting lifts says so
        QVERIFY2(error.explanation.contains(m_chinese ? QStringLiteral("等待") : QStringLiteral("waiting")),
                 qPrintable(error.explanation));
}

void TestProviderReplies::brokenTableIsRefused()
{
    QString error;
    QVERIFY(ProviderReplies::parse("{\"entries\": [", &error).isEmpty());
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(ProviderReplies::parse(
                "{\"entries\": [{\"id\": \"x\", \"pattern\": \"[\", \"category\": \"auth\"}]}", &error)
                .isEmpty());
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(ProviderReplies::parse(
                "{\"entries\": [{\"id\": \"x\", \"pattern\": \"a\", \"category\": \"nope\"}]}", &error)
                .isEmpty());
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestProviderReplies)
#include "testprovidereplies.moc"
