#pragma once

#include <QCoreApplication>

#include "smtpcommand.h"
#include "smtperror.h"
#include "smtpreply.h"

// Turns a failed reply into an SmtpError: the category, a summary and a plain-language explanation with
// the likely fix, using the reply code, the RFC 3463 enhanced code and the step at which it came.
// All text is translatable (QCoreApplication::translate, context "ReplyExplainer").
class ReplyExplainer
{
    Q_DECLARE_TR_FUNCTIONS(ReplyExplainer)

public:
    static SmtpError explain(SmtpCommand command, const SmtpReply &reply);
};
