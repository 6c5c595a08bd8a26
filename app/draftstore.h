#pragma once

#include "draft.h"

#include <QList>
#include <QObject>
#include <QString>

#include <optional>

// Drafts and the outbox as one JSON file per message in the app's data folder
// (~/.local/share/sendscope/drafts/). Each save replaces the file atomically (QSaveFile), so a crash
// during a save leaves the previous version, never half a draft. No passwords are involved.
class DraftStore : public QObject
{
    Q_OBJECT
public:
    explicit DraftStore(QString directory = {}, QObject *parent = nullptr); // empty: defaultDirectory()

    static QString defaultDirectory();
    QString directory() const { return m_directory; }

    // Gives a new draft an id and creation time. Returns false with errorString() when it cannot write.
    bool save(Draft &draft);
    bool remove(const QString &id);
    std::optional<Draft> load(const QString &id) const;
    QList<Draft> drafts(Draft::State state) const; // newest first
    QString errorString() const { return m_error; }

signals:
    void changed(); // a draft was saved or removed

private:
    QString pathFor(const QString &id) const;

    QString m_directory;
    QString m_error;
};
