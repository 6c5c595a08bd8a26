#include "transcriptmodel.h"

TranscriptModel::TranscriptModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int TranscriptModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_visible.size());
}

QVariant TranscriptModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_visible.size())
        return {};
    const TranscriptEntry &entry = m_entries.at(m_visible.at(index.row()));
    switch (role) {
    case Qt::DisplayRole:
        return entry.toDisplayString();
    case Qt::ToolTipRole:
        return entry.text;
    case KindRole:
        return static_cast<int>(entry.kind);
    case EncryptedRole:
        return entry.encrypted;
    case FlightRole:
        return entry.flight;
    case TimestampRole:
        return entry.timestamp;
    default:
        return {};
    }
}

bool TranscriptModel::accepts(const TranscriptEntry &entry) const
{
    switch (m_filter) {
    case Filter::All:
        return true;
    case Filter::CommandsAndReplies:
        return entry.kind == TranscriptEntry::Kind::Client || entry.kind == TranscriptEntry::Kind::Server ||
               entry.kind == TranscriptEntry::Kind::Error;
    case Filter::ErrorsOnly:
        return entry.kind == TranscriptEntry::Kind::Error ||
               (entry.kind == TranscriptEntry::Kind::Server &&
                (entry.text.startsWith(u'4') || entry.text.startsWith(u'5')));
    }
    return true;
}

void TranscriptModel::append(const TranscriptEntry &entry)
{
    m_entries.append(entry);
    if (!accepts(entry))
        return;
    const int row = static_cast<int>(m_visible.size());
    beginInsertRows({}, row, row);
    m_visible.append(m_entries.size() - 1);
    endInsertRows();
}

void TranscriptModel::clear()
{
    beginResetModel();
    m_entries.clear();
    m_visible.clear();
    endResetModel();
}

void TranscriptModel::setFilter(Filter filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    rebuild();
}

void TranscriptModel::rebuild()
{
    beginResetModel();
    m_visible.clear();
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (accepts(m_entries.at(i)))
            m_visible.append(i);
    }
    endResetModel();
}

QString TranscriptModel::visibleText() const
{
    QStringList lines;
    for (const qsizetype index : m_visible)
        lines << m_entries.at(index).toDisplayString();
    return lines.join(u'\n') + (lines.isEmpty() ? QString() : QStringLiteral("\n"));
}
