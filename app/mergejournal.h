#pragma once

#include "sendledger.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

// The durable record of one bulk run: one row per data row with its fixed Message-ID and its state,
// in SQLite (WAL, synchronous=FULL: each state change is on disk before the next step). "sending" is
// committed before a message's end of data leaves and "accepted" right after the server's reply, so
// after a crash at most one row is in doubt: it is found "sending" and becomes "unknown", for the
// person to decide. Accepted rows are never sent again.
class MergeJournal : public SendLedger
{
    Q_DECLARE_TR_FUNCTIONS(MergeJournal)

public:
    enum class State { Pending, Sending, Accepted, Refused, Deferred, Unknown };
    struct Row
    {
        int row = 0; // 1-based data row
        QByteArray messageId;
        QString recipients;
        State state = State::Pending;
        QString reply; // the server's words, or why it was not sent
        int attempts = 0;
        QDateTime nextAttempt; // Deferred: not before
        QDateTime updated;
        QDateTime accepted; // when the server accepted it (the daily quota counts from it)
        QDateTime sent;     // when its message last went to the server (the end of data of a row in doubt)
        QString decision;   // what the person decided about it when it was in doubt, with when; else empty
    };

    // What the person decides about a row in doubt (Unknown), after checking the recipient's mailbox or
    // the server's log.
    enum class Resolution {
        // It arrived: Accepted, never sent; its reply and decision say so and when.
        MarkDelivered,
        // It did not arrive: Pending, sent by the next run with the same Message-ID, so that a receiving
        // server or the recipient can spot a duplicate should the first one have arrived after all.
        SendAgain,
    };
    struct ResolveError
    {
        enum class Code {
            None,
            NoSuchRow,  // the row number is not in the journal
            NotInDoubt, // the row is not Unknown (accepted, pending, refused...): nothing to decide
            NotWritten, // the journal could not be written; nothing changed
        };
        Code code = Code::None;
        int row = 0;                  // the row concerned (0 for NotWritten)
        State state = State::Pending; // NotInDoubt: the row's state
        QString message;              // translated, for a person
    };

    MergeJournal();
    ~MergeJournal() override;
    MergeJournal(const MergeJournal &) = delete;
    MergeJournal &operator=(const MergeJournal &) = delete;

    // The time stamps come from this clock (tests give a fixed one); the system clock by default.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

    // Opens or creates the journal file. Rows left "sending" by a run that stopped become "unknown".
    bool open(const QString &path, QString *error);
    bool isNew() const { return m_rows.isEmpty(); }
    // The rows of the journal at path as they are on disk, in row order, without opening it for a run:
    // nothing is created, changed or recovered (a run elsewhere may be using it). Empty when there is no
    // such file.
    static std::optional<QList<Row>> peek(const QString &path, QString *error);
    QString fingerprint() const { return m_fingerprint; }

    // A new run: its fingerprint (data, templates, attachments) and one Pending row each.
    bool prepare(const QString &fingerprint, const QList<Row> &rows, QString *error);
    bool setFingerprint(const QString &fingerprint, QString *error);

    std::optional<Row> row(int row) const;
    QList<Row> rows() const;
    int count(State state) const;
    int unknownRecovered() const { return m_recovered; }

    bool setState(int row, State state, const QString &reply, const QDateTime &nextAttempt, QString *error);

    // The rows in doubt, in row order: recipients, Message-ID, when the message went (Row::sent) and why
    // it is in doubt (Row::reply).
    QList<Row> unknownRows() const;
    // Decides the rows in doubt, all or none: every row must be Unknown, or nothing changes and error says
    // which row is why. Committed in one transaction, on disk when this returns true.
    bool resolve(const QList<int> &rows, Resolution resolution, ResolveError *error);
    // Whether resolve() would take these rows (all in the journal and Unknown), changing nothing: to check
    // two decisions before making either.
    bool canResolve(const QList<int> &rows, ResolveError *error) const;

    // SendLedger: keys are row numbers.
    bool recordSending(const QString &key, QString *error) override;
    bool recordOutcome(const QString &key, const SendReport &report, QString *error) override;

    static QString stateName(State state);  // "pending", "accepted", ...
    static QString stateLabel(State state); // translated

private:
    bool exec(const QString &sql, const QVariantList &values, QString *error);

    QString m_connection;
    QString m_fingerprint;
    QHash<int, Row> m_rows;
    int m_recovered = 0;
    std::function<QDateTime()> m_clock = [] { return QDateTime::currentDateTime(); };
};
