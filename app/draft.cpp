#include "draft.h"

#include <QJsonArray>

bool Draft::isEmpty() const
{
    return to.trimmed().isEmpty() && cc.trimmed().isEmpty() && bcc.trimmed().isEmpty() &&
           subject.trimmed().isEmpty() && text.trimmed().isEmpty() && attachments.isEmpty();
}

QJsonObject Draft::toJson() const
{
    return {
        {QStringLiteral("version"), 1},
        {QStringLiteral("id"), id},
        {QStringLiteral("state"), stateName(state)},
        {QStringLiteral("messageId"), QString::fromLatin1(messageId)},
        {QStringLiteral("accountId"), accountId},
        {QStringLiteral("identityIndex"), identityIndex},
        {QStringLiteral("to"), to},
        {QStringLiteral("cc"), cc},
        {QStringLiteral("bcc"), bcc},
        {QStringLiteral("subject"), subject},
        {QStringLiteral("text"), text},
        {QStringLiteral("html"), html},
        {QStringLiteral("attachments"), QJsonArray::fromStringList(attachments)},
        {QStringLiteral("requestDeliveryReceipt"), requestDeliveryReceipt},
        {QStringLiteral("requestReadReceipt"), requestReadReceipt},
        {QStringLiteral("priority"), priorityName(priority)},
        {QStringLiteral("spellingLanguage"), spellingLanguage},
        {QStringLiteral("created"), created.toString(Qt::ISODateWithMs)},
        {QStringLiteral("modified"), modified.toString(Qt::ISODateWithMs)},
        {QStringLiteral("errorCategory"), errorCategory},
        {QStringLiteral("errorSummary"), errorSummary},
        {QStringLiteral("errorExplanation"), errorExplanation},
        {QStringLiteral("errorTemporary"), errorTemporary},
        {QStringLiteral("deliveryUncertain"), deliveryUncertain},
        {QStringLiteral("signInRequired"), signInRequired},
        {QStringLiteral("attempts"), attempts},
        {QStringLiteral("lastAttempt"), lastAttempt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("sentAt"), sentAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("serverReply"), serverReply},
        {QStringLiteral("queueId"), queueId},
        {QStringLiteral("acceptedRecipients"), QJsonArray::fromStringList(acceptedRecipients)},
        {QStringLiteral("refusedRecipients"), QJsonArray::fromStringList(refusedRecipients)},
        {QStringLiteral("refusedExplanation"), refusedExplanation},
    };
}

Draft Draft::fromJson(const QJsonObject &object)
{
    Draft draft;
    draft.id = object.value(QStringLiteral("id")).toString();
    // An unknown state is read as Sending: a newer version's record may mean "already on its way", and
    // treating it as sendable could deliver a message twice.
    draft.state = stateFromName(object.value(QStringLiteral("state")).toString()).value_or(State::Sending);
    draft.messageId = object.value(QStringLiteral("messageId")).toString().toLatin1();
    draft.accountId = object.value(QStringLiteral("accountId")).toString();
    draft.identityIndex = object.value(QStringLiteral("identityIndex")).toInt();
    draft.to = object.value(QStringLiteral("to")).toString();
    draft.cc = object.value(QStringLiteral("cc")).toString();
    draft.bcc = object.value(QStringLiteral("bcc")).toString();
    draft.subject = object.value(QStringLiteral("subject")).toString();
    draft.text = object.value(QStringLiteral("text")).toString();
    draft.html = object.value(QStringLiteral("html")).toString();
    for (const QJsonValue &value : object.value(QStringLiteral("attachments")).toArray())
        draft.attachments << value.toString();
    // Drafts from before receipts and priority existed have neither: nothing asked, normal priority.
    draft.requestDeliveryReceipt = object.value(QStringLiteral("requestDeliveryReceipt")).toBool();
    draft.requestReadReceipt = object.value(QStringLiteral("requestReadReceipt")).toBool();
    draft.priority = priorityFromName(object.value(QStringLiteral("priority")).toString());
    draft.spellingLanguage = object.value(QStringLiteral("spellingLanguage")).toString();
    draft.created =
        QDateTime::fromString(object.value(QStringLiteral("created")).toString(), Qt::ISODateWithMs);
    draft.modified =
        QDateTime::fromString(object.value(QStringLiteral("modified")).toString(), Qt::ISODateWithMs);
    draft.errorCategory = object.value(QStringLiteral("errorCategory")).toString();
    draft.errorSummary = object.value(QStringLiteral("errorSummary")).toString();
    draft.errorExplanation = object.value(QStringLiteral("errorExplanation")).toString();
    draft.errorTemporary = object.value(QStringLiteral("errorTemporary")).toBool();
    draft.deliveryUncertain = object.value(QStringLiteral("deliveryUncertain")).toBool();
    draft.signInRequired = object.value(QStringLiteral("signInRequired")).toBool();
    draft.attempts = object.value(QStringLiteral("attempts")).toInt();
    draft.lastAttempt =
        QDateTime::fromString(object.value(QStringLiteral("lastAttempt")).toString(), Qt::ISODateWithMs);
    draft.sentAt =
        QDateTime::fromString(object.value(QStringLiteral("sentAt")).toString(), Qt::ISODateWithMs);
    draft.serverReply = object.value(QStringLiteral("serverReply")).toString();
    draft.queueId = object.value(QStringLiteral("queueId")).toString();
    for (const QJsonValue &value : object.value(QStringLiteral("acceptedRecipients")).toArray())
        draft.acceptedRecipients << value.toString();
    for (const QJsonValue &value : object.value(QStringLiteral("refusedRecipients")).toArray())
        draft.refusedRecipients << value.toString();
    draft.refusedExplanation = object.value(QStringLiteral("refusedExplanation")).toString();
    return draft;
}

QString Draft::stateName(State state)
{
    switch (state) {
    case State::Draft:
        return QStringLiteral("draft");
    case State::Outbox:
        return QStringLiteral("outbox");
    case State::Sending:
        return QStringLiteral("sending");
    case State::Sent:
        return QStringLiteral("sent");
    }
    return {};
}

std::optional<Draft::State> Draft::stateFromName(const QString &name)
{
    for (const State state : {State::Draft, State::Outbox, State::Sending, State::Sent}) {
        if (stateName(state) == name)
            return state;
    }
    if (name.isEmpty())
        return State::Draft; // written before states existed
    return std::nullopt;
}

QString Draft::priorityName(MimeMessage::Priority priority)
{
    switch (priority) {
    case MimeMessage::Priority::High:
        return QStringLiteral("high");
    case MimeMessage::Priority::Low:
        return QStringLiteral("low");
    case MimeMessage::Priority::Normal:
        break;
    }
    return QStringLiteral("normal");
}

MimeMessage::Priority Draft::priorityFromName(const QString &name)
{
    if (name == QLatin1String("high"))
        return MimeMessage::Priority::High;
    if (name == QLatin1String("low"))
        return MimeMessage::Priority::Low;
    return MimeMessage::Priority::Normal; // absent or unknown: what a message without the header means
}
