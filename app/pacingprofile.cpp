#include "pacingprofile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace {
QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list << item.toString().toLower();
    return list;
}

bool hostMatches(const QString &host, const QStringList &patterns)
{
    for (const QString &pattern : patterns) {
        if (host == pattern || host.endsWith(u'.' + pattern))
            return true;
    }
    return false;
}
} // namespace

QString PacingProfile::name() const
{
    // The translation installed for the application decides, as for every other text: the Chinese one
    // translates this marker to "zh_CN" (as ProviderReplies does).
    const bool chinese =
        tr("en", "the language of the pacing table's names: zh_CN in Chinese") == QLatin1String("zh_CN");
    return chinese && !nameChinese.isEmpty() ? nameChinese : nameEnglish;
}

QString PacingProfile::describe() const
{
    QStringList parts;
    parts << (perMinute > 0 ? tr("%1/min").arg(perMinute) : tr("no pacing"));
    parts << (perDay > 0 ? tr("%1 recipients a day").arg(perDay) : tr("no daily quota"));
    if (maxRecipients > 0)
        parts << tr("%1 recipients a message").arg(maxRecipients);
    return parts.join(QStringLiteral(", "));
}

QList<PacingProfile> PacingProfile::parse(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (document.isNull()) {
        *error = parseError.errorString();
        return {};
    }
    QList<PacingProfile> profiles;
    for (const QJsonValue &value : document.object().value(QLatin1String("profiles")).toArray()) {
        const QJsonObject object = value.toObject();
        PacingProfile profile;
        profile.id = object.value(QLatin1String("id")).toString();
        const QJsonObject name = object.value(QLatin1String("name")).toObject();
        profile.nameEnglish = name.value(QLatin1String("en")).toString();
        profile.nameChinese = name.value(QLatin1String("zh_CN")).toString();
        profile.domains = strings(object.value(QLatin1String("domains")));
        profile.hosts = strings(object.value(QLatin1String("hosts")));
        profile.customDomainsOnly = object.value(QLatin1String("customDomainsOnly")).toBool();
        profile.perMinute = object.value(QLatin1String("perMinute")).toInt(-1);
        profile.perDay = object.value(QLatin1String("perDay")).toInt(-1);
        profile.maxRecipients = object.value(QLatin1String("maxRecipients")).toInt(-1);
        profile.note = object.value(QLatin1String("note")).toString();
        profile.source = object.value(QLatin1String("source")).toString();
        if (profile.id.isEmpty() || profile.nameEnglish.isEmpty() || profile.perMinute < 0 ||
            profile.perDay < 0 || profile.maxRecipients < 1) {
            *error = QStringLiteral("profile \"%1\": id, name, perMinute, perDay or maxRecipients missing")
                         .arg(profile.id);
            return {};
        }
        profiles << profile;
    }
    if (profiles.isEmpty() || profiles.last().id != QLatin1String("default")) {
        *error = QStringLiteral("the last profile must be \"default\"");
        return {};
    }
    return profiles;
}

const QList<PacingProfile> &PacingProfile::all()
{
    static const QList<PacingProfile> table = [] {
        QFile file(QStringLiteral(":/providers/pacing.json"));
        QString error;
        QList<PacingProfile> parsed;
        if (file.open(QIODevice::ReadOnly))
            parsed = parse(file.readAll(), &error);
        else
            error = QStringLiteral("the embedded table :/providers/pacing.json is missing");
        if (parsed.isEmpty()) {
            qWarning("PacingProfile: %s", qPrintable(error));
            // Still careful without the table.
            PacingProfile fallback;
            fallback.id = QStringLiteral("default");
            fallback.nameEnglish = QStringLiteral("Unknown server");
            fallback.perMinute = 20;
            fallback.perDay = 1000;
            fallback.maxRecipients = 100;
            parsed << fallback;
        }
        return parsed;
    }();
    return table;
}

PacingProfile PacingProfile::forServer(const QString &host, const QString &senderAddress)
{
    const QString server = host.trimmed().toLower();
    const qsizetype at = senderAddress.lastIndexOf(u'@');
    const QString domain = at < 0 ? QString() : senderAddress.mid(at + 1).trimmed().toLower();
    const QList<PacingProfile> &profiles = all();
    // The sender's domain first: a Gmail address is a consumer account whichever server it goes through.
    if (!domain.isEmpty()) {
        for (const PacingProfile &profile : profiles) {
            if (profile.domains.contains(domain))
                return profile;
        }
    }
    if (!server.isEmpty()) {
        for (const PacingProfile &profile : profiles) {
            if ((!profile.customDomainsOnly || !domain.isEmpty()) && hostMatches(server, profile.hosts))
                return profile;
        }
    }
    return profiles.last();
}
