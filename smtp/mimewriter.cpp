#include "mimewriter.h"

#include "headerencoder.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QMimeDatabase>
#include <QRandomGenerator>
#include <QStringDecoder>

namespace {

bool isAscii(const QByteArray &bytes)
{
    return std::all_of(bytes.begin(), bytes.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// A text file in UTF-8 with something beyond ASCII: without a charset, readers assume US-ASCII (RFC 2046)
// or guess, and show its letters as mojibake. Bytes that are not UTF-8 (GB18030, Latin-1) get no charset
// rather than a wrong one. Very large files are not read through for this.
bool isNonAsciiUtf8File(const QString &path, qint64 size)
{
    if (size <= 0 || size > 32 * 1024 * 1024)
        return false;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray bytes = file.read(size);
    if (isAscii(bytes))
        return false;
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder(bytes);
    return !decoder.hasError() && !text.isEmpty();
}

QByteArray crlf(QByteArray text)
{
    text.replace("\r\n", "\n");
    text.replace('\r', '\n');
    text.replace("\n", "\r\n");
    return text;
}

qsizetype longestLine(const QByteArray &text)
{
    qsizetype longest = 0;
    qsizetype start = 0;
    while (start <= text.size()) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0)
            end = text.size();
        longest = std::max(longest, end - start - (end > start && text.at(end - 1) == '\r' ? 1 : 0));
        start = end + 1;
    }
    return longest;
}

QByteArray randomToken(int length)
{
    static const char alphabet[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    QByteArray out(length, Qt::Uninitialized);
    for (char &c : out)
        c = alphabet[QRandomGenerator::system()->bounded(36)];
    return out;
}

// One body part as headers + content (content already transfer-encoded, CRLF line ends).
struct TextPart
{
    QByteArray headers;
    QByteArray content;
    bool eightBit = false;
};

TextPart textPart(const QString &text, const QByteArray &subtype, bool allowEightBit, bool flowable)
{
    TextPart part;
    QString body = text;
    body.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    // format=flowed needs lines without trailing spaces: a trailing space means "continues". Where the
    // author typed trailing spaces, send the text fixed, so it arrives exactly as written.
    bool flowed = false;
    if (flowable) {
        const QStringList lines = body.split(u'\n');
        flowed =
            std::none_of(lines.begin(), lines.end(), [](const QString &line) { return line.endsWith(u' '); });
        if (flowed)
            body = MimeWriter::flow(body);
    }
    const QByteArray utf8 = crlf(body.toUtf8());
    const bool ascii = isAscii(utf8);
    const bool shortLines = longestLine(utf8) <= 998;
    QByteArray encoding;
    if (ascii && shortLines) {
        encoding = "7bit";
        part.content = utf8;
    } else if (allowEightBit && shortLines) {
        encoding = "8bit";
        part.content = utf8;
        part.eightBit = true;
    } else {
        encoding = "quoted-printable";
        part.content = MimeWriter::quotedPrintable(utf8);
    }
    // A text body ends with a line break, as every mail reader shows it; this also keeps the message's
    // last line terminated, which SMTP requires.
    if (!part.content.endsWith("\r\n"))
        part.content += "\r\n";
    part.headers = "Content-Type: text/" + subtype + "; charset=utf-8" + (flowed ? "; format=flowed" : "") +
                   "\r\nContent-Transfer-Encoding: " + encoding + "\r\n";
    return part;
}

QByteArray addressList(const QByteArray &name, const QList<MailAddress> &addresses, bool smtpUtf8)
{
    QByteArray out = name + ":";
    qsizetype lineLength = out.size();
    for (qsizetype i = 0; i < addresses.size(); ++i) {
        const QByteArray item = addresses.at(i).toHeader(smtpUtf8) + (i + 1 < addresses.size() ? "," : "");
        const qsizetype firstLine = item.contains("\r\n") ? item.indexOf("\r\n") : item.size();
        if (lineLength + 1 + firstLine > 78 && lineLength > name.size() + 1) {
            out += "\r\n";
            lineLength = 0;
        }
        out += ' ' + item;
        lineLength =
            item.contains("\r\n") ? item.size() - item.lastIndexOf("\r\n") - 2 : lineLength + 1 + item.size();
    }
    return out + "\r\n";
}

} // namespace

QByteArray MimeWriter::rfc5322Date(const QDateTime &date)
{
    // RFC 5322 section 3.3: English day and month names whatever the user's locale, numeric zone.
    const int offset = date.offsetFromUtc() / 60;
    const QString zone = QStringLiteral("%1%2%3")
                             .arg(offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
                             .arg(std::abs(offset) / 60, 2, 10, QLatin1Char('0'))
                             .arg(std::abs(offset) % 60, 2, 10, QLatin1Char('0'));
    return (QLocale::c().toString(date, QStringLiteral("ddd, d MMM yyyy HH:mm:ss ")) + zone).toLatin1();
}

QByteArray MimeWriter::quotedPrintable(const QByteArray &utf8)
{
    QByteArray out;
    out.reserve(utf8.size() * 3 / 2 + 16);
    const QList<QByteArray> lines = QByteArray(utf8).replace("\r\n", "\n").split('\n');
    for (qsizetype l = 0; l < lines.size(); ++l) {
        const QByteArray &line = lines.at(l);
        int lineLength = 0;
        for (qsizetype i = 0; i < line.size(); ++i) {
            const auto byte = static_cast<unsigned char>(line.at(i));
            const bool last = i == line.size() - 1;
            // '=' always; controls and 8-bit; a space or tab at the end of a line (it would be lost); a
            // leading '.' or "From " (mangled by some transports).
            const bool encode = byte == '=' || byte >= 0x7f || (byte < 32 && byte != '\t') ||
                                ((byte == ' ' || byte == '\t') && last) || (byte == '.' && lineLength == 0) ||
                                (byte == 'F' && lineLength == 0 && line.mid(i, 5) == "From ");
            const QByteArray token = encode
                                         ? '=' + QByteArray::number(byte, 16).toUpper().rightJustified(2, '0')
                                         : QByteArray(1, static_cast<char>(byte));
            // Keep room for the soft break "=" within 76 characters.
            if (lineLength + token.size() > (last ? 76 : 75)) {
                out += "=\r\n";
                lineLength = 0;
            }
            out += token;
            lineLength += static_cast<int>(token.size());
        }
        if (l + 1 < lines.size())
            out += "\r\n";
    }
    return out;
}

QString MimeWriter::flow(const QString &text)
{
    QStringList out;
    for (const QString &line : text.split(u'\n')) {
        // Space-stuffing (RFC 3676 section 4.4): lines that start with space, '>' or "From ".
        auto stuffed = [](const QString &piece) {
            return piece.startsWith(u' ') || piece.startsWith(u'>') ||
                           piece.startsWith(QStringLiteral("From "))
                       ? u' ' + piece
                       : piece;
        };
        if (line.size() <= 78) {
            out << stuffed(line);
            continue;
        }
        // Wrap at spaces; each wrapped line keeps its trailing space, which marks the soft break.
        QString rest = line;
        while (rest.size() > 78) {
            qsizetype cut = rest.lastIndexOf(u' ', 77);
            if (cut <= 0)
                cut = rest.indexOf(u' ', 78); // a word longer than a line stays whole
            if (cut <= 0)
                break;
            out << stuffed(rest.left(cut + 1));
            rest = rest.mid(cut + 1);
        }
        out << stuffed(rest);
    }
    return out.join(u'\n');
}

std::unique_ptr<MessageStream> MimeWriter::write(const MimeMessage &message, const Options &options,
                                                 Error *error, MessageSource::Scan *scan)
{
    auto failWith = [error](ErrorCode code, const QString &text) {
        if (error)
            *error = {code, text};
        return nullptr;
    };
    if (message.from.isNull())
        return failWith(ErrorCode::NoSender, MimeWriter::tr("The message has no sender (From)."));
    if (message.envelopeRecipients().isEmpty())
        return failWith(ErrorCode::NoRecipients,
                        MimeWriter::tr("The message has no recipients: add a To, Cc or Bcc address."));
    struct Field
    {
        const char *name;
        QString value;
    };
    // The names are translated where the message is put together.
    QList<Field> fields{{QT_TRANSLATE_NOOP("MimeWriter", "subject"), message.subject},
                        {QT_TRANSLATE_NOOP("MimeWriter", "User-Agent field"), message.userAgent}};
    QList<MailAddress> everyone = message.to + message.cc + message.bcc + message.replyTo;
    everyone << message.from;
    if (message.sender)
        everyone << *message.sender;
    for (const MailAddress &address : std::as_const(everyone)) {
        fields.append({QT_TRANSLATE_NOOP("MimeWriter", "display name"), address.displayName()});
        fields.append({QT_TRANSLATE_NOOP("MimeWriter", "address"), address.address()});
    }
    for (const MimeAttachment &attachment : message.attachments)
        fields.append({QT_TRANSLATE_NOOP("MimeWriter", "attachment name"), attachment.fileName});
    for (const Field &field : std::as_const(fields)) {
        if (HeaderEncoder::hasForbiddenCharacters(field.value))
            return failWith(
                ErrorCode::HeaderInjection,
                MimeWriter::tr(
                    "The %1 contains a line break or NUL character, which is not allowed in a header: "
                    "\"%2\"")
                    .arg(MimeWriter::tr(field.name),
                         HeaderEncoder::withoutForbiddenCharacters(field.value.left(80))));
    }
    for (const QByteArray &id :
         QList<QByteArray>{message.inReplyTo, message.messageId} + message.references) {
        if (!id.isEmpty() && (!id.startsWith('<') || !id.endsWith('>') || id.contains('\r') ||
                              id.contains('\n') || id.contains('\0') || id.contains(' ')))
            return failWith(
                ErrorCode::InvalidMessageId,
                MimeWriter::tr("\"%1\" is not a valid message ID (expected <id@host>).")
                    .arg(HeaderEncoder::withoutForbiddenCharacters(QString::fromUtf8(id.left(80)))));
    }

    // Attachments: readable now, with a size to promise.
    QList<MimeAttachment> attachments = message.attachments;
    QMimeDatabase mimeDatabase;
    for (MimeAttachment &attachment : attachments) {
        const QFileInfo info(attachment.path);
        if (!info.isFile() || !info.isReadable())
            return failWith(ErrorCode::UnreadableAttachment,
                            MimeWriter::tr("The attachment %1 cannot be read: %2")
                                .arg(attachment.path, info.exists() ? MimeWriter::tr("permission denied")
                                                                    : MimeWriter::tr("no such file")));
        if (attachment.size < 0)
            attachment.size = info.size();
        else if (attachment.size != info.size())
            return failWith(
                ErrorCode::UnreadableAttachment,
                MimeWriter::tr(
                    "The attachment %1 changed since it was added (%2 bytes, now %3); attach it again.")
                    .arg(attachment.path)
                    .arg(attachment.size)
                    .arg(info.size()));
        if (attachment.fileName.isEmpty())
            attachment.fileName = info.fileName();
        if (attachment.mimeType.isEmpty())
            attachment.mimeType = mimeDatabase.mimeTypeForFile(info).name();
        if (attachment.mimeType.startsWith(QLatin1String("text/")) && !attachment.mimeType.contains(u';') &&
            isNonAsciiUtf8File(attachment.path, attachment.size))
            attachment.mimeType += QStringLiteral("; charset=utf-8");
    }

    const bool smtpUtf8 = message.requiresSmtpUtf8();
    const QByteArray domain = message.from.asciiDomain();
    const QDateTime date = message.date.isValid() ? message.date : QDateTime::currentDateTime();
    const QByteArray messageId =
        !message.messageId.isEmpty() ? message.messageId : newMessageId(domain, date);

    QByteArray headers;
    headers += addressList("From", {message.from}, smtpUtf8);
    if (message.sender && message.sender->address().compare(message.from.address(), Qt::CaseInsensitive) != 0)
        headers += addressList("Sender", {*message.sender}, smtpUtf8);
    if (!message.to.isEmpty())
        headers += addressList("To", message.to, smtpUtf8);
    if (!message.cc.isEmpty())
        headers += addressList("Cc", message.cc, smtpUtf8);
    if (!message.replyTo.isEmpty())
        headers += addressList("Reply-To", message.replyTo, smtpUtf8);
    headers += HeaderEncoder::unstructured("Subject", message.subject, smtpUtf8) + "\r\n";
    headers += "Date: " + rfc5322Date(date) + "\r\n";
    headers += "Message-ID: " + messageId + "\r\n";
    if (!message.inReplyTo.isEmpty())
        headers += "In-Reply-To: " + message.inReplyTo + "\r\n";
    if (!message.references.isEmpty()) {
        QByteArray references = "References:";
        qsizetype lineLength = references.size();
        for (const QByteArray &id : message.references) {
            if (lineLength + 1 + id.size() > 78 && lineLength > 11) {
                references += "\r\n";
                lineLength = 0;
            }
            references += ' ' + id;
            lineLength += 1 + id.size();
        }
        headers += references + "\r\n";
    }
    if (message.requestReadReceipt)
        headers += addressList("Disposition-Notification-To", {message.from}, smtpUtf8);
    // X-Priority for the readers that know it (Outlook, Thunderbird, Foxmail), Importance (RFC 2156) for
    // the others; both say the same.
    switch (message.priority) {
    case MimeMessage::Priority::Normal:
        break;
    case MimeMessage::Priority::High:
        headers += "X-Priority: 1\r\nImportance: high\r\n";
        break;
    case MimeMessage::Priority::Low:
        headers += "X-Priority: 5\r\nImportance: low\r\n";
        break;
    }
    headers += "MIME-Version: 1.0\r\n";
    if (!message.userAgent.isEmpty())
        headers += HeaderEncoder::unstructured("User-Agent", message.userAgent) + "\r\n";

    // The body tree: text | alternative(text, html | related(html, images)), then mixed with attachments.
    const TextPart plain = textPart(message.text, "plain", options.allowEightBit, true);
    const bool hasHtml = !message.html.isEmpty();
    const TextPart html = hasHtml ? textPart(message.html, "html", options.allowEightBit, false) : TextPart{};
    QList<MimeAttachment> inlineImages;
    QList<MimeAttachment> files;
    for (const MimeAttachment &attachment : std::as_const(attachments))
        (hasHtml && !attachment.contentId.isEmpty() ? inlineImages : files) << attachment;

    // Boundaries start with "=_", which quoted-printable and base64 can never produce; the 7bit and 8bit
    // texts are checked, and a clashing boundary is drawn again.
    const QByteArray literalText = plain.content + html.content;
    auto newBoundary = [&literalText] {
        QByteArray boundary;
        do
            boundary = "=_sendscope_" + randomToken(24);
        while (literalText.contains(boundary));
        return boundary;
    };

    auto stream = std::make_unique<MessageStream>();
    bool eightBit = plain.eightBit || html.eightBit;
    auto attachmentHeaders = [&](const MimeAttachment &attachment, bool isInline) {
        QByteArray out = "Content-Type: " + attachment.mimeType.toLatin1();
        // name= in encoded-word form for readers that predate RFC 2231.
        const bool plainName = attachment.fileName.toUtf8() == attachment.fileName.toLatin1() &&
                               isAscii(attachment.fileName.toUtf8()) && !attachment.fileName.contains(u'"') &&
                               attachment.fileName.size() < 60;
        out += plainName ? ";\r\n name=\"" + attachment.fileName.toUtf8() + '"'
                         : ";\r\n name=\"" + HeaderEncoder::encodedWords(attachment.fileName, 7) + '"';
        out += "\r\nContent-Disposition: " + QByteArray(isInline ? "inline" : "attachment") +
               HeaderEncoder::parameter("filename", attachment.fileName) + "\r\n";
        out += "Content-Transfer-Encoding: base64\r\n";
        if (isInline)
            out += "Content-ID: <" + attachment.contentId + ">\r\n";
        return out + "\r\n";
    };
    auto appendAttachment = [&](const MimeAttachment &attachment, bool isInline) {
        stream->appendLiteral(attachmentHeaders(attachment, isInline));
        stream->appendBase64File(attachment.path, attachment.size);
    };
    auto appendBody = [&](const QByteArray &prefix) {
        // prefix: the Content-Type line(s) of the enclosing part's headers are written by the caller.
        if (!hasHtml) {
            stream->appendLiteral(prefix + plain.headers + "\r\n" + plain.content);
            return;
        }
        const QByteArray alternative = newBoundary();
        stream->appendLiteral(prefix + "Content-Type: multipart/alternative;\r\n boundary=\"" + alternative +
                              "\"\r\n\r\n--" + alternative + "\r\n" + plain.headers + "\r\n" + plain.content +
                              "\r\n--" + alternative + "\r\n");
        if (inlineImages.isEmpty()) {
            stream->appendLiteral(html.headers + "\r\n" + html.content);
        } else {
            const QByteArray related = newBoundary();
            stream->appendLiteral("Content-Type: multipart/related;\r\n boundary=\"" + related +
                                  "\";\r\n type=\"text/html\"\r\n\r\n--" + related + "\r\n" + html.headers +
                                  "\r\n" + html.content);
            for (const MimeAttachment &image : std::as_const(inlineImages)) {
                stream->appendLiteral("\r\n--" + related + "\r\n");
                appendAttachment(image, true);
            }
            stream->appendLiteral("\r\n--" + related + "--\r\n");
        }
        stream->appendLiteral("\r\n--" + alternative + "--\r\n");
    };

    if (files.isEmpty()) {
        appendBody(headers);
    } else {
        const QByteArray mixed = newBoundary();
        stream->appendLiteral(headers + "Content-Type: multipart/mixed;\r\n boundary=\"" + mixed +
                              "\"\r\n\r\n" + "This is a multi-part message in MIME format.\r\n\r\n--" +
                              mixed + "\r\n");
        appendBody({});
        for (const MimeAttachment &file : std::as_const(files)) {
            stream->appendLiteral("\r\n--" + mixed + "\r\n");
            appendAttachment(file, false);
        }
        stream->appendLiteral("\r\n--" + mixed + "--\r\n");
    }
    stream->open(QIODevice::ReadOnly);

    if (scan) {
        *scan = {};
        scan->canonicalSize = stream->size();
        scan->hasEightBit = eightBit || (smtpUtf8 && !isAscii(headers));
        scan->headersNonAscii = smtpUtf8 && !isAscii(headers);
        scan->longestLine = std::max<qint64>({longestLine(headers), longestLine(plain.content),
                                              longestLine(html.content), attachments.isEmpty() ? 0 : 76});
        scan->lineCount = stream->size() / 40; // an estimate: only the progress display uses it
    }
    if (error)
        *error = {};
    return stream;
}

std::unique_ptr<MessageSource> MimeWriter::source(const MimeMessage &message, const Options &options,
                                                  Error *error)
{
    MessageSource::Scan scan;
    std::unique_ptr<MessageStream> stream = write(message, options, error, &scan);
    if (!stream)
        return nullptr;
    return MessageSource::fromCanonicalDevice(std::move(stream), scan);
}

QByteArray MimeWriter::newMessageId(const QByteArray &asciiDomain, const QDateTime &now)
{
    return '<' + QByteArray::number(now.toMSecsSinceEpoch(), 36) + '.' + randomToken(16) + '@' +
           (asciiDomain.isEmpty() ? QByteArray("sendscope.invalid") : asciiDomain) + '>';
}
