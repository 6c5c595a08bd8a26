#include "draftstore.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// Drafts and the outbox on disk: round trip, ordering, the outbox state with its error, removal, and
// damaged files skipped rather than crashing the app or losing the others.
class TestDraftStore : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip();
    void receiptsAndPriorityRoundTrip_data();
    void receiptsAndPriorityRoundTrip();
    void draftWithoutReceiptsOrPriorityLoads();
    void statesAndOrder();
    void damagedFilesAreSkipped();
    void emptiness_data();
    void emptiness();
};

void TestDraftStore::roundTrip()
{
    QTemporaryDir dir;
    DraftStore store(dir.path());
    QSignalSpy changed(&store, &DraftStore::changed);
    Draft draft;
    draft.accountId = QStringLiteral("account-1");
    draft.identityIndex = 1;
    draft.to = QStringLiteral("爱丽丝 <alice@example.com>, bob@example.com");
    draft.bcc = QStringLiteral("boss@example.com");
    draft.subject = QStringLiteral("季度报告 🎉");
    draft.text = QStringLiteral("第一行\n\n-- \n签名");
    draft.attachments = {QStringLiteral("/tmp/报告.pdf")};
    QVERIFY(store.save(draft));
    QVERIFY(!draft.id.isEmpty());
    QVERIFY(draft.created.isValid());
    QCOMPARE(changed.size(), 1);

    const std::optional<Draft> loaded = store.load(draft.id);
    QVERIFY(loaded);
    QCOMPARE(loaded->to, draft.to);
    QCOMPARE(loaded->bcc, draft.bcc);
    QCOMPARE(loaded->subject, draft.subject);
    QCOMPARE(loaded->text, draft.text);
    QCOMPARE(loaded->attachments, draft.attachments);
    QCOMPARE(loaded->identityIndex, 1);
    QCOMPARE(loaded->state, Draft::State::Draft);

    QVERIFY(store.remove(draft.id));
    QVERIFY(!store.load(draft.id));
    QVERIFY(!store.remove(draft.id));
}

void TestDraftStore::receiptsAndPriorityRoundTrip_data()
{
    QTest::addColumn<bool>("deliveryReceipt");
    QTest::addColumn<bool>("readReceipt");
    QTest::addColumn<int>("priority");
    QTest::addColumn<QString>("priorityName"); // as written in the JSON
    QTest::newRow("nothing asked") << false << false << int(MimeMessage::Priority::Normal)
                                   << QStringLiteral("normal");
    QTest::newRow("delivery receipt, high")
        << true << false << int(MimeMessage::Priority::High) << QStringLiteral("high");
    QTest::newRow("read receipt, low")
        << false << true << int(MimeMessage::Priority::Low) << QStringLiteral("low");
    QTest::newRow("both receipts") << true << true << int(MimeMessage::Priority::Normal)
                                   << QStringLiteral("normal");
}

void TestDraftStore::receiptsAndPriorityRoundTrip()
{
    QFETCH(bool, deliveryReceipt);
    QFETCH(bool, readReceipt);
    QFETCH(int, priority);
    QFETCH(QString, priorityName);
    QTemporaryDir dir;
    DraftStore store(dir.path());
    Draft draft;
    draft.subject = QStringLiteral("回执");
    draft.requestDeliveryReceipt = deliveryReceipt;
    draft.requestReadReceipt = readReceipt;
    draft.priority = MimeMessage::Priority(priority);
    QVERIFY(store.save(draft));
    const QJsonObject json = draft.toJson();
    QCOMPARE(json.value(QStringLiteral("requestDeliveryReceipt")).toBool(), deliveryReceipt);
    QCOMPARE(json.value(QStringLiteral("requestReadReceipt")).toBool(), readReceipt);
    QCOMPARE(json.value(QStringLiteral("priority")).toString(), priorityName);

    const std::optional<Draft> loaded = store.load(draft.id);
    QVERIFY(loaded);
    QCOMPARE(loaded->requestDeliveryReceipt, deliveryReceipt);
    QCOMPARE(loaded->requestReadReceipt, readReceipt);
    QCOMPARE(int(loaded->priority), priority);
}

void TestDraftStore::draftWithoutReceiptsOrPriorityLoads()
{
    // Written by a Sendscope from before receipts and priority: it loads, asking for nothing.
    QTemporaryDir dir;
    DraftStore store(dir.path());
    QFile file(QDir(dir.path()).filePath(QStringLiteral("old.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"version": 1, "id": "old", "state": "draft", "subject": "from before",
                   "to": "a@example.com", "created": "2026-01-02T03:04:05.000"})");
    file.close();
    const std::optional<Draft> loaded = store.load(QStringLiteral("old"));
    QVERIFY(loaded);
    QCOMPARE(loaded->subject, QStringLiteral("from before"));
    QVERIFY(!loaded->requestDeliveryReceipt);
    QVERIFY(!loaded->requestReadReceipt);
    QCOMPARE(loaded->priority, MimeMessage::Priority::Normal);
    // An unknown priority from a newer version is read as normal, not as high.
    QJsonObject newer = loaded->toJson();
    newer.insert(QStringLiteral("priority"), QStringLiteral("urgent"));
    QCOMPARE(Draft::fromJson(newer).priority, MimeMessage::Priority::Normal);
}

void TestDraftStore::statesAndOrder()
{
    QTemporaryDir dir;
    DraftStore store(dir.path());
    Draft first;
    first.subject = QStringLiteral("first");
    QVERIFY(store.save(first));
    QTest::qWait(5); // distinct modification times
    Draft failed;
    failed.subject = QStringLiteral("failed");
    failed.state = Draft::State::Outbox;
    failed.errorCategory = QStringLiteral("auth");
    failed.errorSummary = QStringLiteral("The server rejected the password.");
    failed.errorTemporary = false;
    failed.deliveryUncertain = true;
    failed.attempts = 2;
    failed.lastAttempt = QDateTime::currentDateTime();
    QVERIFY(store.save(failed));
    QTest::qWait(5);
    Draft second;
    second.subject = QStringLiteral("second");
    QVERIFY(store.save(second));

    const QList<Draft> drafts = store.drafts(Draft::State::Draft);
    QCOMPARE(drafts.size(), 2);
    QCOMPARE(drafts.at(0).subject, QStringLiteral("second")); // newest first
    const QList<Draft> outbox = store.drafts(Draft::State::Outbox);
    QCOMPARE(outbox.size(), 1);
    QCOMPARE(outbox.first().errorSummary, failed.errorSummary);
    QCOMPARE(outbox.first().attempts, 2);
    QVERIFY(outbox.first().deliveryUncertain);
}

void TestDraftStore::damagedFilesAreSkipped()
{
    QTemporaryDir dir;
    DraftStore store(dir.path());
    Draft good;
    good.subject = QStringLiteral("good");
    QVERIFY(store.save(good));
    for (const auto &[name, content] :
         {std::pair{"broken.json", QByteArray("{\"id\": \"broken\", ")},
          std::pair{"array.json", QByteArray("[1,2]")},
          std::pair{"other-id.json", QByteArray("{\"id\": \"someone-else\"}")}}) {
        QFile file(QDir(dir.path()).filePath(QString::fromLatin1(name)));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    const QList<Draft> drafts = store.drafts(Draft::State::Draft);
    QCOMPARE(drafts.size(), 1);
    QCOMPARE(drafts.first().subject, QStringLiteral("good"));
}

void TestDraftStore::emptiness_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<bool>("empty");
    QTest::newRow("nothing") << "" << true;
    QTest::newRow("only spaces") << "spaces" << true;
    QTest::newRow("to") << "to" << false;
    QTest::newRow("text") << "text" << false;
    QTest::newRow("attachment") << "attachment" << false;
}

void TestDraftStore::emptiness()
{
    QFETCH(QString, field);
    QFETCH(bool, empty);
    Draft draft;
    if (field == QLatin1String("spaces"))
        draft.subject = QStringLiteral("   ");
    else if (field == QLatin1String("to"))
        draft.to = QStringLiteral("a@example.com");
    else if (field == QLatin1String("text"))
        draft.text = QStringLiteral("x");
    else if (field == QLatin1String("attachment"))
        draft.attachments << QStringLiteral("/tmp/x");
    QCOMPARE(draft.isEmpty(), empty);
}

QTEST_GUILESS_MAIN(TestDraftStore)
#include "testdraftstore.moc"
