#include "sandboxmailbox.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

#include <algorithm>

namespace {
constexpr qint64 kHeaderReadLimit = 256 * 1024;
}

SandboxMailbox::SandboxMailbox(QString directory, QObject *parent)
    : QAbstractTableModel(parent)
    , m_directory(std::move(directory))
{
    refresh();
}

void SandboxMailbox::refresh()
{
    beginResetModel();
    m_messages.clear();
    const QFileInfoList files = QDir(m_directory).entryInfoList({QStringLiteral("*.eml")}, QDir::Files);
    for (const QFileInfo &info : files) {
        QFile file(info.absoluteFilePath());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        m_messages.append({info.absoluteFilePath(), info.lastModified(), info.size(),
                           HeaderDecoder::fields(file.read(kHeaderReadLimit))});
    }
    std::sort(m_messages.begin(), m_messages.end(), [](const Message &a, const Message &b) {
        return a.received != b.received ? a.received > b.received : a.path > b.path;
    });
    endResetModel();
}

int SandboxMailbox::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_messages.size());
}

int SandboxMailbox::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SandboxMailbox::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_messages.size())
        return {};
    const Message &message = m_messages.at(index.row());
    if (role == PathRole)
        return message.path;
    if (role == Qt::ToolTipRole)
        return message.path;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Received:
        return QLocale().toString(message.received, QLocale::ShortFormat);
    case From:
        return HeaderDecoder::value(message.headers, "From");
    case To:
        return HeaderDecoder::value(message.headers, "To");
    case Subject:
        return HeaderDecoder::value(message.headers, "Subject");
    case Size:
        return QLocale().formattedDataSize(message.size);
    default:
        return {};
    }
}

QVariant SandboxMailbox::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Received:
        return tr("Received");
    case From:
        return tr("From");
    case To:
        return tr("To");
    case Subject:
        return tr("Subject");
    case Size:
        return tr("Size");
    default:
        return {};
    }
}

QString SandboxMailbox::path(int row) const
{
    return row >= 0 && row < m_messages.size() ? m_messages.at(row).path : QString();
}

QList<HeaderDecoder::Field> SandboxMailbox::headers(int row) const
{
    return row >= 0 && row < m_messages.size() ? m_messages.at(row).headers : QList<HeaderDecoder::Field>();
}

QByteArray SandboxMailbox::source(int row, qint64 limit) const
{
    QFile file(path(row));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.read(limit);
}

bool SandboxMailbox::remove(int row)
{
    if (row < 0 || row >= m_messages.size() || !QFile::remove(m_messages.at(row).path))
        return false;
    beginRemoveRows({}, row, row);
    m_messages.removeAt(row);
    endRemoveRows();
    return true;
}
