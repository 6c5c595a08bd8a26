#include "draftstore.h"

#include "privatefiles.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>

namespace {
constexpr qint64 kMaxDraftFile = 64 * 1024 * 1024; // a draft is text; a bigger file is not ours
}

DraftStore::DraftStore(QString directory, QObject *parent)
    : QObject(parent)
    , m_directory(directory.isEmpty() ? defaultDirectory() : std::move(directory))
{
}

QString DraftStore::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/drafts");
}

QString DraftStore::pathFor(const QString &id) const
{
    return QDir(m_directory).filePath(id + QStringLiteral(".json"));
}

bool DraftStore::save(Draft &draft)
{
    if (draft.id.isEmpty()) {
        draft.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        draft.created = QDateTime::currentDateTime();
    }
    draft.modified = QDateTime::currentDateTime();
    if (!PrivateFiles::makeFolder(m_directory)) {
        m_error = tr("Cannot create the drafts folder %1.").arg(m_directory);
        return false;
    }
    QSaveFile file(pathFor(draft.id));
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(draft.toJson()).toJson()) < 0 ||
        !file.commit()) {
        m_error = tr("Cannot save the draft to %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    PrivateFiles::restrictFile(pathFor(draft.id));
    emit changed();
    return true;
}

bool DraftStore::remove(const QString &id)
{
    if (id.isEmpty())
        return false;
    const bool removed = QFile::remove(pathFor(id));
    if (removed)
        emit changed();
    return removed;
}

std::optional<Draft> DraftStore::load(const QString &id) const
{
    QFile file(pathFor(id));
    if (!file.open(QIODevice::ReadOnly) || file.size() > kMaxDraftFile)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    Draft draft = Draft::fromJson(document.object());
    if (draft.id != id)
        return std::nullopt;
    return draft;
}

QList<Draft> DraftStore::drafts(Draft::State state) const
{
    QList<Draft> result;
    const QStringList files = QDir(m_directory).entryList({QStringLiteral("*.json")}, QDir::Files);
    for (const QString &name : files) {
        std::optional<Draft> draft = load(name.chopped(5));
        if (draft && draft->state == state)
            result.append(*draft);
    }
    std::sort(result.begin(), result.end(),
              [](const Draft &a, const Draft &b) { return a.modified > b.modified; });
    return result;
}
