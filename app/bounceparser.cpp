#include "bounceparser.h"

#include "headerdecoder.h"

#include <QHash>
#include <QRegularExpression>
#include <QStringDecoder>

namespace {

struct Part
{
    QByteArray contentType; // lower case, without parameters
    QString text;           // decoded body for text/* and message/*delivery-status parts
};

QByteArray parameter(const QByteArray &value, const QByteArray &name)
{
    static const QRegularExpression pattern(
        QStringLiteral("(?:^|;)\\s*([A-Za-z0-9*_-]+)\\s*=\\s*(\"[^\"]*\"|[^;\\s]+)"));
    QRegularExpressionMatchIterator it = pattern.globalMatch(QString::fromLatin1(value));
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        if (match.captured(1).compare(QLatin1String(name), Qt::CaseInsensitive) == 0) {
            QString found = match.captured(2);
            if (found.startsWith(u'"'))
                found = found.mid(1, found.size() - 2);
            return found.toLatin1();
        }
    }
    return {};
}

QByteArray decodeQuotedPrintable(const QByteArray &body)
{
    QByteArray out;
    out.reserve(body.size());
    for (qsizetype i = 0; i < body.size(); ++i) {
        const char c = body.at(i);
        if (c == '=' && i + 1 < body.size() && (body.at(i + 1) == '\n' || body.at(i + 1) == '\r')) {
            i += body.at(i + 1) == '\r' && i + 2 < body.size() && body.at(i + 2) == '\n' ? 2 : 1;
        } else if (c == '=' && i + 2 < body.size()) {
            bool ok = false;
            const int byte = body.mid(i + 1, 2).toInt(&ok, 16);
            if (ok) {
                out.append(char(byte));
                i += 2;
            } else {
                out.append(c);
            }
        } else {
            out.append(c);
        }
    }
    return out;
}

QString decodeText(const QByteArray &bytes, const QByteArray &charset)
{
    // QQ and NetEase bounces are GBK or GB18030; Qt converts them through ICU. Anything unknown is read
    // as UTF-8, which keeps every ASCII reply code and address intact.
    if (!charset.isEmpty() && charset.toLower() != "utf-8" && charset.toLower() != "us-ascii") {
        QStringDecoder decoder(charset.constData());
        if (decoder.isValid())
            return decoder.decode(bytes);
    }
    return QString::fromUtf8(bytes);
}

QString stripHtml(QString html)
{
    static const QRegularExpression breaks(QStringLiteral("<(br|/p|/div|/tr|/li|/h[1-6])[^>]*>"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression scripts(QStringLiteral("<(style|script)[^>]*>.*?</\\1>"),
                                            QRegularExpression::CaseInsensitiveOption |
                                                QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    html.replace(scripts, QString());
    html.replace(breaks, QStringLiteral("\n"));
    html.replace(tags, QString());
    html.replace(QLatin1String("&nbsp;"), QLatin1String(" "));
    html.replace(QLatin1String("&lt;"), QLatin1String("<"));
    html.replace(QLatin1String("&gt;"), QLatin1String(">"));
    html.replace(QLatin1String("&quot;"), QLatin1String("\""));
    html.replace(QLatin1String("&amp;"), QLatin1String("&"));
    return html;
}

// Walks a MIME entity, collecting the parts worth reading. depth bounds hostile nesting.
void collect(const QByteArray &entity, QList<Part> *parts, int depth)
{
    if (depth > 8 || parts->size() > 64)
        return;
    qsizetype split = entity.indexOf("\r\n\r\n");
    qsizetype skip = 4;
    const qsizetype lf = entity.indexOf("\n\n");
    if (split < 0 || (lf >= 0 && lf < split)) {
        split = lf;
        skip = 2;
    }
    const QByteArray head = split < 0 ? entity : entity.left(split);
    const QByteArray body = split < 0 ? QByteArray() : entity.mid(split + skip);
    const QList<HeaderDecoder::Field> fields = HeaderDecoder::fields(head + "\n\n");
    const QByteArray contentTypeField = HeaderDecoder::value(fields, "Content-Type").toLatin1();
    QByteArray type = contentTypeField.split(';').constFirst().trimmed().toLower();
    if (type.isEmpty())
        type = "text/plain";
    const QByteArray encoding =
        HeaderDecoder::value(fields, "Content-Transfer-Encoding").toLatin1().trimmed().toLower();

    if (type.startsWith("multipart/")) {
        const QByteArray boundary = parameter(contentTypeField, "boundary");
        if (boundary.isEmpty())
            return;
        const QByteArray delimiter = "--" + boundary;
        qsizetype at = body.indexOf(delimiter);
        while (at >= 0) {
            qsizetype start = body.indexOf('\n', at);
            if (start < 0 || body.mid(at + delimiter.size(), 2) == "--")
                break;
            ++start;
            const qsizetype next = body.indexOf(delimiter, start);
            collect(body.mid(start, next < 0 ? -1 : next - start), parts, depth + 1);
            at = next;
        }
        return;
    }
    if (type == "message/rfc822" || type == "text/rfc822-headers")
        return; // the returned message: its text is the user's, not the server's
    QByteArray decoded = body;
    if (encoding == "base64")
        decoded = QByteArray::fromBase64(QByteArray(body).replace("\r", "").replace("\n", ""));
    else if (encoding == "quoted-printable")
        decoded = decodeQuotedPrintable(body);
    QString text = decodeText(decoded, parameter(contentTypeField, "charset"));
    if (type == "text/html")
        text = stripHtml(text);
    if (type.startsWith("text/") || type.endsWith("delivery-status"))
        parts->append({type, text});
}

// "rfc822; user@example.com" → "user@example.com"; "dns; mx.example.com" → "mx.example.com".
QString typedValue(const QString &value)
{
    const qsizetype semicolon = value.indexOf(u';');
    return (semicolon < 0 ? value : value.mid(semicolon + 1)).trimmed();
}

SmtpCommand stepFrom(const QString &text)
{
    const QString upper = text.toUpper();
    if (upper.contains(QLatin1String("MAIL FROM")))
        return SmtpCommand::MailFrom;
    if (upper.contains(QLatin1String("END OF DATA")) || upper.contains(QLatin1String("END OF MESSAGE")) ||
        upper.contains(QLatin1String("DATA COMMAND")) || upper.endsWith(QLatin1String(" DATA")))
        return SmtpCommand::DataEnd;
    if (upper.contains(QLatin1String("BDAT")))
        return SmtpCommand::Bdat;
    return SmtpCommand::RcptTo;
}

// The reply to explain when the bounce quotes no SMTP code (Postfix's own "X-Postfix; unknown user"):
// the class of Status gives 550 or 450, and the status code goes in front so the explainer sees it.
SmtpReply derivedReply(const QString &status, const QString &diagnostic)
{
    const bool transient = status.startsWith(u'4');
    return SmtpReply(transient ? 450 : 550, {(status + u' ' + diagnostic).trimmed().toUtf8()});
}

BounceParser::Failure failureFrom(const QString &recipient, const QString &diagnosticField,
                                  const QString &status, const QString &remote, const QString &reporting,
                                  bool delayed)
{
    BounceParser::Failure failure;
    failure.recipient = recipient;
    failure.remoteServer = remote;
    failure.reportingHost = reporting;
    failure.delayed = delayed;
    // RFC 3464 "diagnostic-type; text" ("smtp; 550 ...", "X-Postfix; unknown user"), or bare text.
    static const QRegularExpression typed(QStringLiteral("^\\s*([A-Za-z0-9-]+)\\s*;\\s*"));
    const QRegularExpressionMatch typeMatch = typed.match(diagnosticField);
    const QString type = typeMatch.hasMatch() ? typeMatch.captured(1).toLower() : QString();
    const QString diagnostic =
        typeMatch.hasMatch() ? diagnosticField.mid(typeMatch.capturedEnd(0)) : diagnosticField;
    failure.diagnostic = diagnostic.simplified();
    failure.step = stepFrom(diagnostic);
    const std::optional<SmtpReply> quoted = type == QLatin1String("smtp") || type.isEmpty()
                                                ? BounceParser::replyFromText(diagnostic)
                                                : std::nullopt;
    if (quoted) {
        failure.reply = *quoted;
        failure.replyQuoted = true;
    } else {
        failure.reply = derivedReply(
            status.isEmpty() ? (delayed ? QStringLiteral("4.0.0") : QStringLiteral("5.0.0")) : status,
            failure.diagnostic);
    }
    if (failure.diagnostic.isEmpty())
        failure.diagnostic = status;
    return failure;
}

// RFC 3464 section 2: per-message fields, a blank line, then per-recipient field groups.
QList<BounceParser::Failure> parseDeliveryStatus(const QString &text)
{
    QList<BounceParser::Failure> failures;
    QString normalized = text;
    normalized.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    const QStringList groups =
        normalized.split(QRegularExpression(QStringLiteral("\n[ \t]*\n")), Qt::SkipEmptyParts);
    QString reporting;
    for (const QString &group : groups) {
        QHash<QString, QString> fields;
        QString last;
        for (const QString &line : group.split(u'\n')) {
            if ((line.startsWith(u' ') || line.startsWith(u'\t')) && !last.isEmpty()) {
                fields[last] += u' ' + line.trimmed();
                continue;
            }
            const qsizetype colon = line.indexOf(u':');
            if (colon <= 0)
                continue;
            last = line.left(colon).trimmed().toLower();
            fields.insert(last, line.mid(colon + 1).trimmed());
        }
        if (fields.contains(QStringLiteral("reporting-mta")))
            reporting = typedValue(fields.value(QStringLiteral("reporting-mta")));
        const QString action = fields.value(QStringLiteral("action")).toLower();
        if (!fields.contains(QStringLiteral("final-recipient")) ||
            (action != QLatin1String("failed") && action != QLatin1String("delayed")))
            continue;
        QString remote = typedValue(fields.value(QStringLiteral("remote-mta")));
        remote = remote.section(u' ', 0, 0); // Gmail adds "(192.0.2.1, the server for the domain ...)"
        if (remote.endsWith(u'.'))
            remote.chop(1);
        failures.append(failureFrom(typedValue(fields.value(QStringLiteral("final-recipient"))),
                                    fields.value(QStringLiteral("diagnostic-code")),
                                    fields.value(QStringLiteral("status")).section(u' ', 0, 0), remote,
                                    reporting, action == QLatin1String("delayed")));
    }
    return failures;
}

const QRegularExpression &replyPattern()
{
    // A failure reply code, an optional enhanced code, and some words: "550 5.1.1 User unknown", "554
    // DT:SPM".
    static const QRegularExpression pattern(
        QStringLiteral("(?<![0-9.])([45][0-9][0-9])[ -]((?:[245]\\.[0-9]{1,3}\\.[0-9]{1,3} )?[^\\n]{3,})"));
    return pattern;
}

const QRegularExpression &addressPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral("[A-Za-z0-9._%+=-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+"));
    return pattern;
}

// Bounces without a delivery-status part: the text names recipients and quotes the server.
QList<BounceParser::Failure> parseText(const QString &text)
{
    QList<BounceParser::Failure> failures;
    // Paragraphs with continuation lines joined, as Postfix and Exim indent them.
    QString joined = text;
    joined.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    joined.replace(QRegularExpression(QStringLiteral("\n[ \t]+")), QStringLiteral(" "));
    const QStringList lines = joined.split(u'\n');

    // Postfix: "<user@example.com>: host mx.example.com[192.0.2.1] said: 550 5.1.1 ... (in reply to RCPT TO
    // command)"
    static const QRegularExpression postfix(QStringLiteral(
        "^<([^<>\\s]+@[^<>\\s]+)>:\\s*(?:host\\s+(\\S+?)(?:\\[[^\\]]*\\])?\\s+said:\\s*)?(.+?)\\s*$"));
    for (const QString &line : lines) {
        const QRegularExpressionMatch match = postfix.match(line.trimmed());
        if (match.hasMatch())
            failures.append(
                failureFrom(match.captured(1), match.captured(3), {}, match.captured(2), {}, false));
    }
    if (!failures.isEmpty())
        return failures;

    // QQ, NetEase and Exchange texts: the recipient after a label (收件人, 收信人, Recipient), the server's
    // words on a line of their own. Each recipient gets the reply nearest after it.
    static const QRegularExpression label(
        QStringLiteral("(收件人|收信人|收件地址|Recipient|Original recipient|could not be delivered "
                       "to|无法发送到|发送到)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression host(
        QStringLiteral("(?:host|主机|服务器)\\s*[:：]?\\s*([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)"),
        QRegularExpression::CaseInsensitiveOption);
    QStringList recipients;
    QList<qsizetype> recipientLines;
    QString remote;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (label.match(lines.at(i)).hasMatch()) {
            // The address may be on the label's line or the next.
            for (qsizetype j = i; j < qMin(i + 2, lines.size()); ++j) {
                const QRegularExpressionMatch address = addressPattern().match(lines.at(j));
                if (address.hasMatch() && !recipients.contains(address.captured(0))) {
                    recipients << address.captured(0);
                    recipientLines << j;
                    break;
                }
            }
        }
        const QRegularExpressionMatch hostMatch = host.match(lines.at(i));
        if (remote.isEmpty() && hostMatch.hasMatch() && !hostMatch.captured(1).contains(u'@'))
            remote = hostMatch.captured(1);
    }
    QList<std::pair<qsizetype, QString>> replies;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QRegularExpressionMatch match = replyPattern().match(lines.at(i));
        if (match.hasMatch())
            replies.append({i, lines.at(i).mid(match.capturedStart(0)).trimmed()});
    }
    if (replies.isEmpty())
        return failures;
    if (recipients.isEmpty())
        recipients << QString();
    for (qsizetype r = 0; r < recipients.size(); ++r) {
        const qsizetype line = recipientLines.value(r, 0);
        QString words = replies.constFirst().second;
        for (const auto &reply : std::as_const(replies)) {
            if (reply.first >= line) {
                words = reply.second;
                break;
            }
        }
        failures.append(failureFrom(recipients.at(r), words, {}, remote, {}, false));
    }
    return failures;
}

} // namespace

std::optional<SmtpReply> BounceParser::replyFromText(const QString &text)
{
    const QRegularExpressionMatch match = replyPattern().match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const QString code = match.captured(1);
    QString rest = text.mid(match.capturedStart(2)).simplified();
    // Gmail and Exchange fold a multi-line reply into one field: "550-5.1.1 a 550-5.1.1 b 550 5.1.1 c".
    rest.replace(
        QRegularExpression(QStringLiteral("\\s%1[ -](?:[245]\\.[0-9]{1,3}\\.[0-9]{1,3}\\s)?").arg(code)),
        QStringLiteral(" "));
    return SmtpReply(code.toInt(), {rest.toUtf8()});
}

bool BounceParser::looksLikeMessage(const QByteArray &input)
{
    static const QRegularExpression header(QStringLiteral("^[A-Za-z][A-Za-z0-9-]*:[ \\t]"));
    return header.match(QString::fromLatin1(input.left(200))).hasMatch() &&
           !replyPattern().match(QString::fromUtf8(input.left(input.indexOf('\n')))).hasMatch();
}

QList<BounceParser::Failure> BounceParser::parse(const QByteArray &input)
{
    if (!looksLikeMessage(input)) {
        // Pasted replies: consecutive "NNN-" lines end with "NNN ", one reply; several replies may follow.
        QList<Failure> failures;
        QStringList pending;
        for (const QString &line : QString::fromUtf8(input).split(u'\n')) {
            const QString trimmed = line.trimmed();
            static const QRegularExpression start(QStringLiteral("^([245][0-9][0-9])([ -]|$)"));
            const QRegularExpressionMatch match = start.match(trimmed);
            if (!match.hasMatch() || !trimmed.at(0).isDigit() || trimmed.at(0) == u'2')
                continue;
            pending << trimmed;
            if (match.captured(2) == QLatin1String("-"))
                continue;
            if (std::optional<SmtpReply> reply = replyFromText(pending.join(u' '))) {
                Failure failure;
                failure.diagnostic = pending.join(u' ');
                failure.reply = *reply;
                failure.replyQuoted = true;
                failure.step = stepFrom(failure.diagnostic);
                failures.append(failure);
            }
            pending.clear();
        }
        if (!failures.isEmpty())
            return failures;
        return parseText(QString::fromUtf8(input));
    }
    QList<Part> parts;
    collect(input, &parts, 0);
    QList<Failure> failures;
    for (const Part &part : std::as_const(parts)) {
        if (part.contentType.endsWith("delivery-status"))
            failures += parseDeliveryStatus(part.text);
    }
    QString text;
    for (const Part &part : std::as_const(parts)) {
        if (!part.contentType.endsWith("delivery-status"))
            text += part.text + u'\n';
    }
    if (failures.isEmpty())
        return parseText(text);
    // Diagnostic-Code rarely says at which step the server refused; the human-readable part often does
    // (Exim: "SMTP error from remote mail server after end of data", Postfix: "(in reply to end of DATA
    // command)"). Exim answers 451 4.7.1 after the data for content checks, which is not greylisting.
    QString flat = text.simplified();
    static const QRegularExpression stepWords(
        QStringLiteral("(?:after|in reply to) (end of data|end of DATA|MAIL FROM|RCPT TO|DATA|BDAT)"),
        QRegularExpression::CaseInsensitiveOption);
    for (Failure &failure : failures) {
        if (failure.step != SmtpCommand::RcptTo || failure.recipient.isEmpty())
            continue;
        const qsizetype at = flat.indexOf(failure.recipient);
        if (at < 0)
            continue;
        const QRegularExpressionMatch match = stepWords.match(flat.mid(at, 400));
        if (match.hasMatch())
            failure.step = stepFrom(match.captured(0));
    }
    return failures;
}
