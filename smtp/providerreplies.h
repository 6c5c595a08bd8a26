#pragma once

#include "smtperror.h"
#include "smtpreply.h"

#include <QCoreApplication>
#include <QList>
#include <QRegularExpression>
#include <QString>

// What the big mail providers mean by their replies, as data: resources/providers/replies.json (embedded
// at :/providers/replies.json) lists each provider's reply patterns with the category, whether waiting
// helps, whether the block is on the whole account or IP, and a summary and fix in English and Chinese.
// Kept out of the code so that a new provider text is a table row, not a new branch in ReplyExplainer.
class ProviderReplies
{
    Q_DECLARE_TR_FUNCTIONS(ProviderReplies)

public:
    struct Entry
    {
        QString id;
        QString provider; // empty for patterns every server uses (block lists)
        QRegularExpression pattern;
        SmtpErrorCategory category = SmtpErrorCategory::None;
        bool temporary = false;   // waiting helps, whatever the reply code says
        bool accountWide = false; // the block is on the sending account or IP, not on this recipient
        QString summaryEnglish, summaryChinese;
        QString fixEnglish, fixChinese;
        QString link;
        QString example; // a real (or documented) reply the pattern is for; the tests feed it back
        QString source;  // where the example comes from

        // In the language of the installed translation.
        QString summary() const;
        QString fix() const;
    };

    // The embedded table, parsed once. Entries with an invalid pattern or category are left out (and
    // reported with qWarning) rather than failing every explanation.
    static const QList<Entry> &entries();
    // The first entry whose pattern matches "code text" (the reply's lines joined by spaces), or nullptr.
    static const Entry *match(const SmtpReply &reply);
    static const Entry *match(const QString &replyText);
    // Parses a table; the resource's or a test's. Returns an empty list and sets *error when it is broken.
    static QList<Entry> parse(const QByteArray &json, QString *error);
    // True when the installed translation is Chinese, so the table's Chinese texts are the ones to show.
    static bool chinese();
};
