#pragma once

#include "headerdecoder.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QString>

// What the sandbox received, as a table for the user to look at: newest first, with the decoded From,
// To and Subject. Reads only the header section of each file (bounded), so a folder of large messages
// lists quickly; source() reads one whole message on demand.
class SandboxMailbox : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Received, From, To, Subject, Size, ColumnCount };
    enum Role { PathRole = Qt::UserRole + 1 };

    explicit SandboxMailbox(QString directory, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    QString directory() const { return m_directory; }
    QString path(int row) const;
    QList<HeaderDecoder::Field> headers(int row) const;
    // The raw message, up to limit bytes (a 200 MB attachment is not loaded into a text view).
    QByteArray source(int row, qint64 limit = 4 * 1024 * 1024) const;
    bool remove(int row);

public slots:
    void refresh();

private:
    struct Message
    {
        QString path;
        QDateTime received;
        qint64 size = 0;
        QList<HeaderDecoder::Field> headers;
    };
    QString m_directory;
    QList<Message> m_messages;
};
