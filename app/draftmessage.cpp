#include "draftmessage.h"

#include "addressparser.h"

std::optional<MimeMessage> DraftMessage::build(const Draft &draft, const std::optional<Account> &account,
                                               const MailAddress &fallbackFrom, Problem *problem)
{
    MimeMessage message;
    message.from = fallbackFrom;
    if (account) {
        const Identity identity = account->identities.value(draft.identityIndex, account->primaryIdentity());
        AddressParser::Error error;
        message.from = AddressParser::parseMailbox(identity.displayString(), &error);
        if (message.from.isNull()) {
            *problem = {Field::From,
                        tr("The From address of this identity is not valid: %1").arg(error.message)};
            return std::nullopt;
        }
        if (!identity.replyTo.isEmpty())
            message.replyTo = AddressParser::parseList(identity.replyTo, &error);
    }
    if (message.from.isNull()) {
        *problem = {Field::From, tr("Choose who the message is from.")};
        return std::nullopt;
    }
    const struct
    {
        Field field;
        const QString &text;
        QList<MailAddress> *list;
        QString name;
    } fields[] = {{Field::To, draft.to, &message.to, tr("To")},
                  {Field::Cc, draft.cc, &message.cc, tr("Cc")},
                  {Field::Bcc, draft.bcc, &message.bcc, tr("Bcc")}};
    for (const auto &field : fields) {
        if (field.text.trimmed().isEmpty())
            continue;
        AddressParser::Error error;
        *field.list = AddressParser::parseList(field.text, &error);
        if (error.code != AddressParser::ErrorCode::None) {
            *problem = {field.field, tr("%1: %2").arg(field.name, error.message)};
            return std::nullopt;
        }
    }
    if (message.envelopeRecipients().isEmpty()) {
        *problem = {Field::To, tr("Add at least one recipient in To, Cc or Bcc.")};
        return std::nullopt;
    }
    message.subject = draft.subject;
    message.text = draft.text;
    message.html = draft.html;
    message.messageId = draft.messageId;
    message.requestReadReceipt = draft.requestReadReceipt;
    message.priority = draft.priority;
    message.userAgent = QStringLiteral("Sendscope/" SENDSCOPE_VERSION);
    for (const QString &path : draft.attachments)
        message.attachments << MimeAttachment{path, {}, {}, {}, -1};
    return message;
}

DsnOptions DraftMessage::deliveryReceipt(const Draft &draft, const QByteArray &messageId)
{
    DsnOptions dsn;
    dsn.enabled = draft.requestDeliveryReceipt;
    dsn.notifySuccess = true;
    dsn.notifyFailure = true;
    dsn.notifyDelay = true;
    dsn.returnFullMessage = false;
    if (dsn.enabled)
        dsn.envelopeId = DsnOptions::envelopeIdFor(messageId);
    return dsn;
}

Draft DraftMessage::restrictedTo(const Draft &draft, const QStringList &addresses)
{
    auto keep = [&addresses](const QString &field) {
        AddressParser::Error error;
        QStringList kept;
        for (const MailAddress &address : AddressParser::parseList(field, &error)) {
            if (addresses.contains(address.address(), Qt::CaseInsensitive))
                kept << address.toDisplayString();
        }
        return kept.join(QStringLiteral(", "));
    };
    Draft restricted = draft;
    restricted.to = keep(draft.to);
    restricted.cc = keep(draft.cc);
    restricted.bcc = keep(draft.bcc);
    return restricted;
}
