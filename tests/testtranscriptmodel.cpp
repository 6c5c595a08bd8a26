#include "transcriptmodel.h"

#include <QSignalSpy>
#include <QTest>

// The transcript panel's model: filters never lose lines, the text for Copy all / Save as is what is
// visible, and 100 000 lines are held (the view shows them with uniform row heights, so they scroll).
class TestTranscriptModel : public QObject
{
    Q_OBJECT
private slots:
    void filters_data();
    void filters();
    void hundredThousandLines();

private:
    static TranscriptEntry entry(TranscriptEntry::Kind kind, const QString &text, int flight = 0);
};

TranscriptEntry TestTranscriptModel::entry(TranscriptEntry::Kind kind, const QString &text, int flight)
{
    TranscriptEntry e;
    e.timestamp = QDateTime::currentDateTime();
    e.kind = kind;
    e.text = text;
    e.flight = flight;
    return e;
}

void TestTranscriptModel::filters_data()
{
    QTest::addColumn<int>("filter");
    QTest::addColumn<QStringList>("visible");
    const QStringList all{QStringLiteral("=== Connecting"),
                          QStringLiteral("-> EHLO x"),
                          QStringLiteral("<- 250 ok"),
                          QStringLiteral("=== TLS 1.3"),
                          QStringLiteral("<- 550 5.1.1 no such user"),
                          QStringLiteral("*** The recipient was refused.")};
    QTest::newRow("all") << int(TranscriptModel::Filter::All) << all;
    QTest::newRow("commands and replies")
        << int(TranscriptModel::Filter::CommandsAndReplies)
        << QStringList{QStringLiteral("-> EHLO x"), QStringLiteral("<- 250 ok"),
                       QStringLiteral("<- 550 5.1.1 no such user"),
                       QStringLiteral("*** The recipient was refused.")};
    QTest::newRow("errors only") << int(TranscriptModel::Filter::ErrorsOnly)
                                 << QStringList{QStringLiteral("<- 550 5.1.1 no such user"),
                                                QStringLiteral("*** The recipient was refused.")};
}

void TestTranscriptModel::filters()
{
    QFETCH(int, filter);
    QFETCH(QStringList, visible);
    TranscriptModel model;
    model.append(entry(TranscriptEntry::Kind::Info, QStringLiteral("Connecting")));
    model.append(entry(TranscriptEntry::Kind::Client, QStringLiteral("EHLO x"), 1));
    model.append(entry(TranscriptEntry::Kind::Server, QStringLiteral("250 ok"), 1));
    model.append(entry(TranscriptEntry::Kind::Tls, QStringLiteral("TLS 1.3")));
    model.append(entry(TranscriptEntry::Kind::Server, QStringLiteral("550 5.1.1 no such user"), 2));
    model.append(entry(TranscriptEntry::Kind::Error, QStringLiteral("The recipient was refused.")));
    model.setFilter(TranscriptModel::Filter(filter));
    QCOMPARE(model.rowCount(), visible.size());
    QStringList lines = model.visibleText().split(u'\n', Qt::SkipEmptyParts);
    for (QString &line : lines)
        line = line.mid(13); // drop "HH:mm:ss.zzz "
    QCOMPARE(lines, visible);
    // Switching back shows everything again: filtering never dropped a line.
    model.setFilter(TranscriptModel::Filter::All);
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(model.totalCount(), 6);
}

void TestTranscriptModel::hundredThousandLines()
{
    TranscriptModel model;
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    for (int i = 0; i < 100'000; ++i)
        model.append(entry(i % 2 ? TranscriptEntry::Kind::Client : TranscriptEntry::Kind::Server,
                           QStringLiteral("line %1").arg(i), i / 2));
    QCOMPARE(model.rowCount(), 100'000);
    QCOMPARE(inserted.size(), 100'000);
    QCOMPARE(model.index(99'999).data().toString().right(10), QStringLiteral("line 99999"));
    QCOMPARE(model.index(5).data(TranscriptModel::FlightRole).toInt(), 2);
    model.setFilter(TranscriptModel::Filter::ErrorsOnly);
    QCOMPARE(model.rowCount(), 0);
    model.clear();
    model.setFilter(TranscriptModel::Filter::All);
    QCOMPARE(model.totalCount(), 0);
}

QTEST_GUILESS_MAIN(TestTranscriptModel)
#include "testtranscriptmodel.moc"
