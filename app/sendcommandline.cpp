#include "sendcommandline.h"

#include "draft.h"

#include <QRegularExpression>

QStringList SendCommandLine::arguments(const SmtpServerSettings &settings, const MimeMessage &message)
{
    QStringList words{QStringLiteral("sendscope"), QStringLiteral("send"), QStringLiteral("--server"),
                      settings.host};
    if (settings.port != 0 && settings.port != SmtpServerSettings::defaultPort(settings.security))
        words << QStringLiteral("--port") << QString::number(settings.port);
    words << QStringLiteral("--security") << SmtpServerSettings::securityName(settings.security);
    if (!settings.username.isEmpty() && settings.authMechanism != "NONE") {
        words << QStringLiteral("--user") << settings.username;
        if (settings.secretIsToken)
            words << QStringLiteral("--token-env") << QStringLiteral("SENDSCOPE_TOKEN");
        else
            words << QStringLiteral("--password-stdin");
        if (!settings.authMechanism.isEmpty())
            words << QStringLiteral("--auth") << QString::fromLatin1(settings.authMechanism);
        if (settings.allowPlaintextAuth)
            words << QStringLiteral("--allow-plaintext-auth");
    }
    for (const QByteArray &pin : settings.trustedFingerprints)
        words << QStringLiteral("--trust-fingerprint") << QString::fromLatin1(pin.toHex());
    if (!settings.usePipelining)
        words << QStringLiteral("--no-pipelining");
    if (!settings.useChunking)
        words << QStringLiteral("--no-chunking");
    words << QStringLiteral("--from") << message.from.toDisplayString();
    for (const auto &[option, list] :
         {std::pair{"--to", &message.to}, std::pair{"--cc", &message.cc}, std::pair{"--bcc", &message.bcc},
          std::pair{"--reply-to", &message.replyTo}}) {
        for (const MailAddress &address : *list) {
            // A name with a separator is quoted, so the option value parses back as one mailbox.
            QString name = address.displayName();
            if (name.contains(QRegularExpression(QStringLiteral("[,;<>\"()@:]"))))
                name = u'"' +
                       name.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\"")) +
                       u'"';
            words << QString::fromLatin1(option)
                  << (name.isEmpty() ? address.address()
                                     : QStringLiteral("%1 <%2>").arg(name, address.address()));
        }
    }
    if (!message.subject.isEmpty())
        words << QStringLiteral("--subject") << message.subject;
    if (!message.text.isEmpty())
        words << QStringLiteral("--body-file") << QStringLiteral("message.txt");
    for (const MimeAttachment &attachment : message.attachments)
        words << QStringLiteral("--attach") << attachment.path;
    if (message.requestReadReceipt)
        words << QStringLiteral("--read-receipt");
    if (message.priority != MimeMessage::Priority::Normal)
        words << QStringLiteral("--priority") << Draft::priorityName(message.priority);
    return words;
}

QString SendCommandLine::quote(const QString &word)
{
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_@%+=:,./-]+$"));
    if (!word.isEmpty() && safe.match(word).hasMatch())
        return word;
    return u'\'' + QString(word).replace(u'\'', QStringLiteral("'\\''")) + u'\'';
}

QString SendCommandLine::toShell(const QStringList &arguments)
{
    QStringList quoted;
    for (const QString &word : arguments)
        quoted << quote(word);
    return quoted.join(u' ');
}
