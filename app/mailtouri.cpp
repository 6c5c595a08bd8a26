#include "mailtouri.h"

#include <QCoreApplication>
#include <QUrl>

namespace {

// Percent-decoding to UTF-8 that refuses invalid UTF-8 instead of inventing characters.
std::optional<QString> decode(const QString &text)
{
    const QByteArray bytes = QByteArray::fromPercentEncoding(text.toUtf8());
    const QString decoded = QString::fromUtf8(bytes);
    if (decoded.toUtf8() != bytes)
        return std::nullopt;
    return decoded;
}

void appendAddresses(QString *field, const QString &addresses)
{
    if (addresses.trimmed().isEmpty())
        return;
    if (!field->isEmpty())
        *field += QStringLiteral(", ");
    *field += addresses.trimmed();
}

} // namespace

std::optional<MailtoUri> MailtoUri::parse(const QString &text, QString *error)
{
    if (!text.startsWith(QLatin1String("mailto:"), Qt::CaseInsensitive)) {
        *error = MailtoUri::tr("\"%1\" is not a mailto: link.").arg(text.left(80));
        return std::nullopt;
    }
    const QString rest = text.mid(7);
    const qsizetype question = rest.indexOf(u'?');
    MailtoUri uri;
    const std::optional<QString> to = decode(question < 0 ? rest : rest.left(question));
    if (!to) {
        *error = MailtoUri::tr("The mailto: link's address is not valid UTF-8.");
        return std::nullopt;
    }
    appendAddresses(&uri.to, *to);
    if (question >= 0) {
        for (const QString &pair : rest.mid(question + 1).split(u'&', Qt::SkipEmptyParts)) {
            const qsizetype equals = pair.indexOf(u'=');
            const QString name = (equals < 0 ? pair : pair.left(equals)).toLower();
            const std::optional<QString> value = decode(equals < 0 ? QString() : pair.mid(equals + 1));
            if (!value) {
                *error = MailtoUri::tr("The mailto: link's \"%1\" field is not valid UTF-8.").arg(name);
                return std::nullopt;
            }
            if (name == QLatin1String("to"))
                appendAddresses(&uri.to, *value);
            else if (name == QLatin1String("cc"))
                appendAddresses(&uri.cc, *value);
            else if (name == QLatin1String("bcc"))
                appendAddresses(&uri.bcc, *value);
            else if (name == QLatin1String("subject"))
                uri.subject = *value;
            else if (name == QLatin1String("body"))
                uri.body = QString(*value).replace(QLatin1String("\r\n"), QLatin1String("\n"));
            else if (name == QLatin1String("in-reply-to"))
                uri.inReplyTo = *value;
        }
    }
    // A subject with a line break would become a second header: keep it on one line.
    uri.subject.replace(u'\r', u' ').replace(u'\n', u' ');
    return uri;
}
