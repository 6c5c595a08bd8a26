#include "providerreplies.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

std::optional<SmtpErrorCategory> categoryNamed(const QString &name)
{
    for (int i = int(SmtpErrorCategory::None); i <= int(SmtpErrorCategory::Cancelled); ++i) {
        const auto category = static_cast<SmtpErrorCategory>(i);
        if (SmtpError::categoryName(category) == name)
            return category;
    }
    return std::nullopt;
}

} // namespace

bool ProviderReplies::chinese()
{
    // The table holds both languages; which one to show follows the translation that is installed, so
    // the Preferences choice and LANG work exactly as for every tr() string. The Chinese translation
    // translates this marker to "zh_CN".
    return ProviderReplies::tr("en", "the language of the provider table's texts: zh_CN in Chinese") ==
           QLatin1String("zh_CN");
}

QString ProviderReplies::Entry::summary() const
{
    return chinese() && !summaryChinese.isEmpty() ? summaryChinese : summaryEnglish;
}

QString ProviderReplies::Entry::fix() const
{
    return chinese() && !fixChinese.isEmpty() ? fixChinese : fixEnglish;
}

QList<ProviderReplies::Entry> ProviderReplies::parse(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = parseError.errorString();
        return {};
    }
    QList<Entry> entries;
    const QJsonArray array = document.object().value(QLatin1String("entries")).toArray();
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        Entry entry;
        entry.id = object.value(QLatin1String("id")).toString();
        entry.provider = object.value(QLatin1String("provider")).toString();
        entry.pattern = QRegularExpression(object.value(QLatin1String("pattern")).toString(),
                                           QRegularExpression::CaseInsensitiveOption |
                                               QRegularExpression::UseUnicodePropertiesOption);
        const std::optional<SmtpErrorCategory> category =
            categoryNamed(object.value(QLatin1String("category")).toString());
        if (entry.id.isEmpty() || !entry.pattern.isValid() || entry.pattern.pattern().isEmpty() ||
            !category) {
            *error = QStringLiteral("entry \"%1\": bad id, pattern or category").arg(entry.id);
            return {};
        }
        entry.category = *category;
        entry.temporary = object.value(QLatin1String("temporary")).toBool();
        entry.accountWide = object.value(QLatin1String("accountWide")).toBool();
        const QJsonObject summary = object.value(QLatin1String("summary")).toObject();
        const QJsonObject fix = object.value(QLatin1String("fix")).toObject();
        entry.summaryEnglish = summary.value(QLatin1String("en")).toString();
        entry.summaryChinese = summary.value(QLatin1String("zh_CN")).toString();
        entry.fixEnglish = fix.value(QLatin1String("en")).toString();
        entry.fixChinese = fix.value(QLatin1String("zh_CN")).toString();
        entry.link = object.value(QLatin1String("link")).toString();
        entry.example = object.value(QLatin1String("example")).toString();
        entry.source = object.value(QLatin1String("source")).toString();
        entry.pattern.optimize();
        entries.append(entry);
    }
    return entries;
}

const QList<ProviderReplies::Entry> &ProviderReplies::entries()
{
    static const QList<Entry> table = [] {
        QFile file(QStringLiteral(":/providers/replies.json"));
        if (!file.open(QIODevice::ReadOnly)) {
            qWarning("ProviderReplies: the embedded table :/providers/replies.json is missing");
            return QList<Entry>();
        }
        QString error;
        const QList<Entry> parsed = parse(file.readAll(), &error);
        if (!error.isEmpty())
            qWarning("ProviderReplies: %s", qPrintable(error));
        return parsed;
    }();
    return table;
}

const ProviderReplies::Entry *ProviderReplies::match(const QString &replyText)
{
    for (const Entry &entry : entries()) {
        if (entry.pattern.match(replyText).hasMatch())
            return &entry;
    }
    return nullptr;
}

const ProviderReplies::Entry *ProviderReplies::match(const SmtpReply &reply)
{
    QStringList lines;
    for (const QByteArray &line : reply.lines())
        lines << QString::fromUtf8(line);
    return match(QString::number(reply.code()) + u' ' + lines.join(u' '));
}
