#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// A message being written or waiting to be sent again: everything the compose window holds, so nothing
// is lost to a crash, a kill or a failed send. Attachments are kept as paths (they stay on disk).
struct Draft
{
    enum class State {
        Draft,  // being written; autosaved
        Outbox, // sending failed; waits with its error to be retried or edited
    };

    QString id;
    State state = State::Draft;
    QString accountId;
    int identityIndex = 0;
    QString to;
    QString cc;
    QString bcc;
    QString subject;
    QString text;
    QString html; // rich text mode: the formatted text; empty for plain text
    QStringList attachments;
    QDateTime created;
    QDateTime modified;

    // Outbox: why the last attempt failed, in the engine's words, and when.
    QString errorCategory; // SmtpError::categoryName
    QString errorSummary;
    QString errorExplanation;
    bool errorTemporary = false;
    bool deliveryUncertain = false; // lost after the data was sent: it may have arrived
    int attempts = 0;
    QDateTime lastAttempt;

    bool isEmpty() const; // nothing a person would miss
    QJsonObject toJson() const;
    static Draft fromJson(const QJsonObject &object);
};
