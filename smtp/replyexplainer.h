#pragma once

#include <QCoreApplication>

#include "providerreplies.h"
#include "smtpcommand.h"
#include "smtperror.h"
#include "smtpreply.h"

// Turns a failed reply into an SmtpError: the category, a summary and a plain-language explanation with
// the likely fix, using the provider table (ProviderReplies) first, then the reply code, the RFC 3463
// enhanced code and the step at which it came. The explanation quotes the server's own words ("Server
// said: ...") apart from Sendscope's advice ("What to do: ..."), so a guess is never taken for the reply.
// All text is translatable (QCoreApplication::translate, context "ReplyExplainer").
class ReplyExplainer
{
    Q_DECLARE_TR_FUNCTIONS(ReplyExplainer)

public:
    // The parts of an explanation, for callers that lay them out themselves (sendscope explain).
    struct Advice
    {
        SmtpErrorCategory category = SmtpErrorCategory::Protocol;
        bool temporary = false;                        // waiting can help
        bool accountWide = false;                      // every message from this account or IP is affected
        QString summary;                               // what happened, one line
        QString whatToDo;                              // Sendscope's advice
        const ProviderReplies::Entry *entry = nullptr; // the provider table's row, if one matched
    };

    static Advice advise(SmtpCommand command, const SmtpReply &reply);
    static SmtpError explain(SmtpCommand command, const SmtpReply &reply);
    // After the advice: whether waiting helps, whether the whole account is affected, the provider's page.
    // codeQuoted false: the reply code was derived (from a bounce's Status), so the status is named instead.
    static QString notes(const Advice &advice, const SmtpReply &reply, bool codeQuoted = true);
    // The reply as the server sent it, on one line ("550 5.1.1 User unknown"), for quoting.
    static QString serverWords(const SmtpReply &reply);
};
