#pragma once

#include "account.h"
#include "draft.h"
#include "mimemessage.h"
#include "outgoingmessage.h"

#include <QCoreApplication>

#include <optional>

// Turns a stored message (Draft) and the identity it is sent from into the MIME message that goes out.
// The compose window, the send service and "Save as .eml" all build it here, so what is previewed,
// saved and sent are the same message.
class DraftMessage
{
    Q_DECLARE_TR_FUNCTIONS(DraftMessage)

public:
    // Which part of the form a problem belongs to, so a window can put the cursor there.
    enum class Field { None, From, To, Cc, Bcc };
    struct Problem
    {
        Field field = Field::None;
        QString message; // translated, names the field
    };

    // account: the account the draft is sent with (its identity draft.identityIndex); without one the
    // fallback identity is used. Returns nothing and sets problem when the message cannot be built.
    static std::optional<MimeMessage> build(const Draft &draft, const std::optional<Account> &account,
                                            const MailAddress &fallbackFrom, Problem *problem);

    // The delivery receipt the draft asks for, in the envelope: success, failure and delay reported, the
    // headers only returned (RET=HDRS: the text stays private), and the Message-ID's local part as ENVID,
    // so a report can be matched to the message. Disabled when the draft asks for none.
    static DsnOptions deliveryReceipt(const Draft &draft, const QByteArray &messageId);

    // Only these recipients of draft, in the fields they were in: for "send to the refused ones only".
    static Draft restrictedTo(const Draft &draft, const QStringList &addresses);
};
