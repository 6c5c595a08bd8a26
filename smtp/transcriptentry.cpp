#include "transcriptentry.h"

#include <QStringList>

QString TranscriptEntry::marker() const
{
    switch (kind) {
    case Kind::Client:
        return encrypted ? QStringLiteral("~>") : QStringLiteral("->");
    case Kind::Server:
        return encrypted ? QStringLiteral("<~") : QStringLiteral("<-");
    case Kind::Error:
        return QStringLiteral("***");
    case Kind::Tls:
    case Kind::Info:
        break;
    }
    return QStringLiteral("===");
}

QString TranscriptEntry::toDisplayString() const
{
    const QString prefix = timestamp.toString(QStringLiteral("HH:mm:ss.zzz")) + u' ' + marker() + u' ';
    const QStringList textLines = text.split(u'\n');
    QString out;
    for (const QString &line : textLines) {
        if (!out.isEmpty())
            out += u'\n';
        out += prefix + line;
    }
    return out;
}
