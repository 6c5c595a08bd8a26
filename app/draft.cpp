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
        {QStringLiteral("state"),
         state == State::Outbox ? QStringLiteral("outbox") : QStringLiteral("draft")},
        {QStringLiteral("accountId"), accountId},
        {QStringLiteral("identityIndex"), identityIndex},
        {QStringLiteral("to"), to},
        {QStringLiteral("cc"), cc},
        {QStringLiteral("bcc"), bcc},
        {QStringLiteral("subject"), subject},
        {QStringLiteral("text"), text},
        {QStringLiteral("html"), html},
        {QStringLiteral("attachments"), QJsonArray::fromStringList(attachments)},
        {QStringLiteral("created"), created.toString(Qt::ISODateWithMs)},
        {QStringLiteral("modified"), modified.toString(Qt::ISODateWithMs)},
        {QStringLiteral("errorCategory"), errorCategory},
        {QStringLiteral("errorSummary"), errorSummary},
        {QStringLiteral("errorExplanation"), errorExplanation},
        {QStringLiteral("errorTemporary"), errorTemporary},
        {QStringLiteral("deliveryUncertain"), deliveryUncertain},
        {QStringLiteral("attempts"), attempts},
        {QStringLiteral("lastAttempt"), lastAttempt.toString(Qt::ISODateWithMs)},
    };
}

Draft Draft::fromJson(const QJsonObject &object)
{
    Draft draft;
    draft.id = object.value(QStringLiteral("id")).toString();
    draft.state = object.value(QStringLiteral("state")).toString() == QLatin1String("outbox") ? State::Outbox
                                                                                              : State::Draft;
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
    draft.created =
        QDateTime::fromString(object.value(QStringLiteral("created")).toString(), Qt::ISODateWithMs);
    draft.modified =
        QDateTime::fromString(object.value(QStringLiteral("modified")).toString(), Qt::ISODateWithMs);
    draft.errorCategory = object.value(QStringLiteral("errorCategory")).toString();
    draft.errorSummary = object.value(QStringLiteral("errorSummary")).toString();
    draft.errorExplanation = object.value(QStringLiteral("errorExplanation")).toString();
    draft.errorTemporary = object.value(QStringLiteral("errorTemporary")).toBool();
    draft.deliveryUncertain = object.value(QStringLiteral("deliveryUncertain")).toBool();
    draft.attempts = object.value(QStringLiteral("attempts")).toInt();
    draft.lastAttempt =
        QDateTime::fromString(object.value(QStringLiteral("lastAttempt")).toString(), Qt::ISODateWithMs);
    return draft;
}
