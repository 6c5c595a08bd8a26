#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

// How fast and how much a bulk run may send through one provider: messages a minute, recipients in any
// 24 hours, recipients in one message. The table is data (resources/providers/pacing.json, embedded at
// :/providers/pacing.json); a run takes the profile's values as defaults and may change each.
struct PacingProfile
{
    Q_DECLARE_TR_FUNCTIONS(PacingProfile)

public:
    QString id;          // "gmail", "exchange-online", ..., "default"
    QString nameEnglish; // "Gmail"
    QString nameChinese;
    QStringList domains; // sender address domains
    QStringList hosts;   // server host names (or their parent domains)
    bool customDomainsOnly = false;
    int perMinute = 0; // messages; 0: no pacing
    int perDay = 0;    // recipients in any 24 hours; 0: no quota
    int maxRecipients = 0;
    QString note;
    QString source;

    // The name in the language of the running translation.
    QString name() const;
    // "20/min, 500 recipients a day, 100 recipients a message", for the command line and the GUI.
    QString describe() const;

    // The profile for a server and a sender address (either may be empty); "default" when none fits.
    static PacingProfile forServer(const QString &host, const QString &senderAddress);
    static const QList<PacingProfile> &all();
    // Parses the table; error says what is wrong (tests check the shipped table with it).
    static QList<PacingProfile> parse(const QByteArray &json, QString *error);
};
