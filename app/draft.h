#pragma once

#include "mimemessage.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

// A message being written or waiting to be sent again: everything the compose window holds, so nothing
// is lost to a crash, a kill or a failed send. Attachments are kept as paths (they stay on disk).
struct Draft
{
    enum class State {
        Draft,   // being written; autosaved
        Outbox,  // sending failed; waits with its error to be retried or edited
        Sending, // the end of data is on its way: if Sendscope stops now, it may have been delivered
        Sent,    // the server accepted the end of data; never sent again
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
    // What the person asked for this message. A delivery receipt (DSN) is asked of the server in the
    // envelope, and only a server that offers DSN passes it on; a read receipt (MDN) is a header that
    // the recipient's program may honour or ignore.
    bool requestDeliveryReceipt = false;
    bool requestReadReceipt = false;
    MimeMessage::Priority priority = MimeMessage::Priority::Normal;
    QString spellingLanguage; // chosen for this message (Format → Spelling language); empty: the account's
    QDateTime created;
    QDateTime modified;
    // Fixed when the message is first queued and kept across retries, edits and restarts: the server,
    // the recipients and Sendscope itself know the message by it.
    QByteArray messageId;

    // Outbox: why the last attempt failed, in the engine's words, and when.
    QString errorCategory; // SmtpError::categoryName
    QString errorSummary;
    QString errorExplanation;
    bool errorTemporary = false;
    bool deliveryUncertain = false; // lost after the data was sent: it may have arrived
    bool signInRequired = false;    // the account's sign-in could not be renewed: a person must sign in
    int attempts = 0;
    QDateTime lastAttempt;

    // Sent: what the server said when it accepted the end of data, and who has the message.
    QDateTime sentAt;
    QString serverReply;
    QString queueId;
    QStringList acceptedRecipients;
    QStringList refusedRecipients;
    QString refusedExplanation;

    // Never sent again: accepted, or its end of data is (or was, when Sendscope stopped) on its way.
    bool isLocked() const { return state == State::Sending || state == State::Sent; }
    static QString stateName(State state);
    static std::optional<State> stateFromName(const QString &name);
    static QString priorityName(MimeMessage::Priority priority); // "high", "normal", "low"
    static MimeMessage::Priority priorityFromName(const QString &name);

    bool isEmpty() const; // nothing a person would miss
    QJsonObject toJson() const;
    static Draft fromJson(const QJsonObject &object);
};
