#include "mergejournal.h"

#include "sendjob.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <algorithm>

MergeJournal::MergeJournal()
    : m_connection(QStringLiteral("merge-journal-") + QUuid::createUuid().toString(QUuid::Id128))
{
}

MergeJournal::~MergeJournal()
{
    {
        QSqlDatabase database = QSqlDatabase::database(m_connection, false);
        if (database.isOpen())
            database.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QString MergeJournal::stateName(State state)
{
    switch (state) {
    case State::Pending:
        return QStringLiteral("pending");
    case State::Sending:
        return QStringLiteral("sending");
    case State::Accepted:
        return QStringLiteral("accepted");
    case State::Refused:
        return QStringLiteral("refused");
    case State::Deferred:
        return QStringLiteral("deferred");
    case State::Unknown:
        return QStringLiteral("unknown");
    }
    return {};
}

QString MergeJournal::stateLabel(State state)
{
    switch (state) {
    case State::Pending:
        return tr("pending");
    case State::Sending:
        return tr("sending");
    case State::Accepted:
        return tr("accepted");
    case State::Refused:
        return tr("refused");
    case State::Deferred:
        return tr("deferred");
    case State::Unknown:
        return tr("unknown");
    }
    return {};
}

namespace {
std::optional<MergeJournal::State> stateFromName(const QString &name)
{
    for (const auto state :
         {MergeJournal::State::Pending, MergeJournal::State::Sending, MergeJournal::State::Accepted,
          MergeJournal::State::Refused, MergeJournal::State::Deferred, MergeJournal::State::Unknown}) {
        if (MergeJournal::stateName(state) == name)
            return state;
    }
    return std::nullopt;
}
} // namespace

namespace {
// The rows as the file holds them; a column an older journal lacks reads as empty.
QHash<int, MergeJournal::Row> readRows(const QSqlDatabase &database)
{
    QSqlQuery columns(QStringLiteral("PRAGMA table_info(rows)"), database);
    QStringList present;
    while (columns.next())
        present << columns.value(1).toString();
    QStringList selected;
    for (const QString &column :
         {QStringLiteral("row"), QStringLiteral("message_id"), QStringLiteral("recipients"),
          QStringLiteral("state"), QStringLiteral("reply"), QStringLiteral("attempts"),
          QStringLiteral("next_attempt"), QStringLiteral("updated"), QStringLiteral("accepted"),
          QStringLiteral("sent"), QStringLiteral("decision")})
        selected << (present.contains(column) ? column : QStringLiteral("NULL"));
    QHash<int, MergeJournal::Row> rows;
    QSqlQuery query(QStringLiteral("SELECT %1 FROM rows").arg(selected.join(QStringLiteral(", "))), database);
    while (query.next()) {
        MergeJournal::Row row;
        row.row = query.value(0).toInt();
        row.messageId = query.value(1).toString().toLatin1();
        row.recipients = query.value(2).toString();
        // A state this version does not know is treated as in doubt, never as sendable.
        row.state = stateFromName(query.value(3).toString()).value_or(MergeJournal::State::Unknown);
        row.reply = query.value(4).toString();
        row.attempts = query.value(5).toInt();
        row.nextAttempt = QDateTime::fromString(query.value(6).toString(), Qt::ISODateWithMs);
        row.updated = QDateTime::fromString(query.value(7).toString(), Qt::ISODateWithMs);
        row.accepted = QDateTime::fromString(query.value(8).toString(), Qt::ISODateWithMs);
        row.sent = QDateTime::fromString(query.value(9).toString(), Qt::ISODateWithMs);
        row.decision = query.value(10).toString();
        if (row.state == MergeJournal::State::Accepted && !row.accepted.isValid())
            row.accepted = row.updated; // written before the column existed
        if ((row.state == MergeJournal::State::Sending || row.state == MergeJournal::State::Unknown) &&
            !row.sent.isValid())
            row.sent = row.updated; // likewise; "sending" is written just before the message goes
        rows.insert(row.row, row);
    }
    return rows;
}
} // namespace

std::optional<QList<MergeJournal::Row>> MergeJournal::peek(const QString &path, QString *error)
{
    if (!QFileInfo::exists(path))
        return QList<Row>();
    const QString connection =
        QStringLiteral("merge-journal-peek-") + QUuid::createUuid().toString(QUuid::Id128);
    std::optional<QList<Row>> result;
    {
        QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        database.setDatabaseName(path);
        database.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!database.open()) {
            *error = tr("Cannot open the journal %1: %2").arg(path, database.lastError().text());
        } else {
            const QHash<int, Row> found = readRows(database);
            QList<Row> rows = found.values();
            std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) { return a.row < b.row; });
            result = rows;
            database.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return result;
}

bool MergeJournal::exec(const QString &sql, const QVariantList &values, QString *error)
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    if (!query.prepare(sql)) {
        *error = tr("The journal cannot be written: %1").arg(query.lastError().text());
        return false;
    }
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        *error = tr("The journal cannot be written: %1").arg(query.lastError().text());
        return false;
    }
    return true;
}

bool MergeJournal::open(const QString &path, QString *error)
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        *error = tr("The SQLite driver of Qt is missing (install libqt6sql6-sqlite).");
        return false;
    }
    QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    database.setDatabaseName(path);
    if (!database.open()) {
        *error = tr("Cannot open the journal %1: %2").arg(path, database.lastError().text());
        return false;
    }
    // WAL with FULL sync: every committed state change survives a crash or a power cut.
    if (!exec(QStringLiteral("PRAGMA journal_mode=WAL"), {}, error) ||
        !exec(QStringLiteral("PRAGMA synchronous=FULL"), {}, error) ||
        !exec(QStringLiteral("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)"), {},
              error) ||
        !exec(QStringLiteral(
                  "CREATE TABLE IF NOT EXISTS rows (row INTEGER PRIMARY KEY, message_id TEXT NOT NULL, "
                  "recipients TEXT, state TEXT NOT NULL, reply TEXT, attempts INTEGER NOT NULL "
                  "DEFAULT 0, next_attempt TEXT, updated TEXT, accepted TEXT)"),
              {}, error))
        return false;
    {
        // Journals from before the daily quota have no "accepted" column, those from before decisions
        // about rows in doubt no "sent" and "decision".
        QSqlQuery columns(QStringLiteral("PRAGMA table_info(rows)"), database);
        QStringList present;
        while (columns.next())
            present << columns.value(1).toString();
        for (const QString &column :
             {QStringLiteral("accepted"), QStringLiteral("sent"), QStringLiteral("decision")}) {
            if (!present.contains(column) &&
                !exec(QStringLiteral("ALTER TABLE rows ADD COLUMN %1 TEXT").arg(column), {}, error))
                return false;
        }
    }
    QSqlQuery meta(QStringLiteral("SELECT value FROM meta WHERE key = 'fingerprint'"), database);
    if (meta.next())
        m_fingerprint = meta.value(0).toString();
    m_rows = readRows(database);
    for (const Row &row : rows()) {
        if (row.state == State::Sending) {
            if (!setState(row.row, State::Unknown,
                          tr("The run stopped after this message's end of data had been sent; it may have "
                             "been delivered."),
                          {}, error))
                return false;
            ++m_recovered;
        }
    }
    return true;
}

bool MergeJournal::prepare(const QString &fingerprint, const QList<Row> &rows, QString *error)
{
    QSqlDatabase database = QSqlDatabase::database(m_connection);
    database.transaction();
    for (const Row &row : rows) {
        if (!exec(QStringLiteral("INSERT INTO rows (row, message_id, recipients, state, attempts, updated) "
                                 "VALUES (?, ?, ?, ?, 0, ?)"),
                  {row.row, QString::fromLatin1(row.messageId), row.recipients, stateName(State::Pending),
                   m_clock().toString(Qt::ISODateWithMs)},
                  error)) {
            database.rollback();
            return false;
        }
    }
    if (!exec(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES ('fingerprint', ?)"),
              {fingerprint}, error)) {
        database.rollback();
        return false;
    }
    if (!database.commit()) {
        *error = tr("The journal cannot be written: %1").arg(database.lastError().text());
        return false;
    }
    m_fingerprint = fingerprint;
    for (Row row : rows) {
        row.state = State::Pending;
        m_rows.insert(row.row, row);
    }
    return true;
}

bool MergeJournal::setFingerprint(const QString &fingerprint, QString *error)
{
    if (!exec(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES ('fingerprint', ?)"),
              {fingerprint}, error))
        return false;
    m_fingerprint = fingerprint;
    return true;
}

std::optional<MergeJournal::Row> MergeJournal::row(int row) const
{
    const auto found = m_rows.constFind(row);
    if (found == m_rows.constEnd())
        return std::nullopt;
    return *found;
}

QList<MergeJournal::Row> MergeJournal::rows() const
{
    QList<Row> result = m_rows.values();
    std::sort(result.begin(), result.end(), [](const Row &a, const Row &b) { return a.row < b.row; });
    return result;
}

int MergeJournal::count(State state) const
{
    return static_cast<int>(std::count_if(m_rows.cbegin(), m_rows.cend(),
                                          [state](const Row &row) { return row.state == state; }));
}

bool MergeJournal::setState(int row, State state, const QString &reply, const QDateTime &nextAttempt,
                            QString *error)
{
    auto found = m_rows.find(row);
    if (found == m_rows.end()) {
        *error = tr("Row %1 is not in the journal.").arg(row);
        return false;
    }
    const QDateTime now = m_clock();
    const int attempts = found->attempts + (state == State::Sending ? 1 : 0);
    const QDateTime accepted = state == State::Accepted ? now : found->accepted;
    const QDateTime sent = state == State::Sending ? now : found->sent;
    if (!exec(QStringLiteral(
                  "UPDATE rows SET state = ?, reply = ?, attempts = ?, next_attempt = ?, updated = ?, "
                  "accepted = ?, sent = ? WHERE row = ?"),
              {stateName(state), reply, attempts, nextAttempt.toString(Qt::ISODateWithMs),
               now.toString(Qt::ISODateWithMs), accepted.toString(Qt::ISODateWithMs),
               sent.toString(Qt::ISODateWithMs), row},
              error))
        return false;
    found->accepted = accepted;
    found->sent = sent;
    found->state = state;
    found->reply = reply;
    found->attempts = attempts;
    found->nextAttempt = nextAttempt;
    found->updated = now;
    return true;
}

QList<MergeJournal::Row> MergeJournal::unknownRows() const
{
    QList<Row> result;
    for (const Row &row : rows()) {
        if (row.state == State::Unknown)
            result << row;
    }
    return result;
}

bool MergeJournal::canResolve(const QList<int> &rows, ResolveError *error) const
{
    *error = {};
    for (const int row : rows) {
        const auto found = m_rows.constFind(row);
        if (found == m_rows.constEnd()) {
            *error = {ResolveError::Code::NoSuchRow, row, State::Pending,
                      tr("Row %1 is not in the journal.").arg(row)};
            return false;
        }
        if (found->state != State::Unknown) {
            *error = {ResolveError::Code::NotInDoubt, row, found->state,
                      tr("Row %1 is not in doubt (it is %2); only a row that may have been delivered can "
                         "be marked as delivered or sent again.")
                          .arg(row)
                          .arg(stateLabel(found->state))};
            return false;
        }
    }
    return true;
}

bool MergeJournal::resolve(const QList<int> &rows, Resolution resolution, ResolveError *error)
{
    if (!canResolve(rows, error))
        return false;
    const QDateTime now = m_clock();
    const QString when = now.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    const QString decision =
        resolution == Resolution::MarkDelivered
            ? tr("Marked as delivered by the person at %1.").arg(when)
            : tr("Sent again at the person's request at %1, with the same Message-ID.").arg(when);
    const State state = resolution == Resolution::MarkDelivered ? State::Accepted : State::Pending;
    QSqlDatabase database = QSqlDatabase::database(m_connection);
    database.transaction();
    QHash<int, Row> changed;
    for (const int row : rows) {
        Row updated = m_rows.value(row);
        updated.state = state;
        updated.reply = decision;
        updated.decision = decision;
        updated.updated = now;
        updated.nextAttempt = {};
        // The daily quota counts a delivered row from when it left, not from when someone said so.
        if (resolution == Resolution::MarkDelivered)
            updated.accepted = updated.sent.isValid() ? updated.sent : now;
        QString writeError;
        if (!exec(QStringLiteral("UPDATE rows SET state = ?, reply = ?, decision = ?, next_attempt = ?, "
                                 "updated = ?, accepted = ? WHERE row = ?"),
                  {stateName(state), decision, decision, QString(), now.toString(Qt::ISODateWithMs),
                   updated.accepted.toString(Qt::ISODateWithMs), row},
                  &writeError)) {
            database.rollback();
            *error = {ResolveError::Code::NotWritten, 0, State::Pending, writeError};
            return false;
        }
        changed.insert(row, updated);
    }
    if (!database.commit()) {
        database.rollback();
        *error = {ResolveError::Code::NotWritten, 0, State::Pending,
                  tr("The journal cannot be written: %1").arg(database.lastError().text())};
        return false;
    }
    for (auto it = changed.cbegin(); it != changed.cend(); ++it)
        m_rows.insert(it.key(), it.value());
    return true;
}

bool MergeJournal::recordSending(const QString &key, QString *error)
{
    return setState(key.toInt(), State::Sending, {}, {}, error);
}

bool MergeJournal::recordOutcome(const QString &key, const SendReport &report, QString *error)
{
    const int row = key.toInt();
    switch (report.outcome) {
    case SendReport::Outcome::Sent:
    case SendReport::Outcome::PartiallySent:
        return setState(row, State::Accepted, report.serverReply, {}, error);
    case SendReport::Outcome::Uncertain:
        return setState(row, State::Unknown, report.error.summary, {}, error);
    case SendReport::Outcome::Failed:
    case SendReport::Outcome::Cancelled:
    case SendReport::Outcome::NotAttempted:
        // Not delivered (the batch calls a message whose end of data may have left Uncertain). What the
        // failure means for the row, refused or deferred until when, is the run's decision.
        if (m_rows.value(row).state == State::Sending)
            return setState(row, State::Pending, report.error.summary, {}, error);
        return true;
    }
    return true;
}
