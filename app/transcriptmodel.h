#pragma once

#include "transcriptentry.h"

#include <QAbstractListModel>
#include <QList>

// The SMTP conversation as a list model for the transcript panel: every entry is kept, a filter decides
// which rows are visible, so switching filters never loses lines. Text is already redacted by the engine.
class TranscriptModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum class Filter { All, CommandsAndReplies, ErrorsOnly };
    Q_ENUM(Filter)
    enum Role { KindRole = Qt::UserRole + 1, EncryptedRole, FlightRole, TimestampRole };

    explicit TranscriptModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    void append(const TranscriptEntry &entry);
    void clear();
    void setFilter(Filter filter);
    Filter filter() const { return m_filter; }
    // Every visible line as text, for "Copy all" and "Save as…" (still redacted).
    QString visibleText() const;
    qsizetype totalCount() const { return m_entries.size(); }

private:
    bool accepts(const TranscriptEntry &entry) const;
    void rebuild();

    QList<TranscriptEntry> m_entries;
    QList<qsizetype> m_visible; // indices into m_entries
    Filter m_filter = Filter::All;
};
