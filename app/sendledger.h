#pragma once

#include <QString>

struct SendReport;

// Where a batch of sends records, durably, what became of each message, keyed by the caller's key (a
// bulk run's row). The send service calls it at the two moments that decide "never twice": before a
// message's end of data leaves, and when its outcome is known. Nothing is told to anyone before the
// record is written.
class SendLedger
{
public:
    virtual ~SendLedger() = default;
    // False (with error) when it cannot be recorded: the end of data is then held back, nothing is
    // delivered, and the message fails.
    virtual bool recordSending(const QString &key, QString *error) = 0;
    virtual bool recordOutcome(const QString &key, const SendReport &report, QString *error) = 0;
};
