#include "transcriptentry.h"

#include <QStringList>

TranscriptEntry TranscriptEntry::create(Kind kind, const QString &text)
{
    TranscriptEntry entry;
    entry.timestamp = QDateTime::currentDateTime();
    entry.kind = kind;
    entry.text = visible(text);
    return entry;
}

QString TranscriptEntry::visible(const QString &text)
{
    auto isBidiControl = [](char16_t c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F ||
               c == 0x061C;
    };
    QString out;
    out.reserve(text.size());
    for (const QChar qc : text) {
        const char16_t c = qc.unicode();
        if (c == u'\n') {
            out += qc;
        } else if (c < 0x20) {
            out += QChar(char16_t(0x2400 + c)); // the Control Pictures block: ␛ ␍ ␀ ...
        } else if (c == 0x7F) {
            out += QChar(char16_t(0x2421)); // ␡
        } else if (c >= 0x80 && c <= 0x9F) {
            out += QStringLiteral("\\x%1").arg(int(c), 2, 16, QLatin1Char('0'));
        } else if (isBidiControl(c)) {
            out += QStringLiteral("\\u%1").arg(int(c), 4, 16, QLatin1Char('0'));
        } else {
            out += qc;
        }
    }
    return out;
}

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
