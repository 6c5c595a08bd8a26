// libFuzzer target: MailtoUri::parse, fed the mailto: link a web page or another program hands over.
// Invariants: no crash; either a link or a reason in words; the subject is one line; written back as a
// canonical link (every field percent-encoded), it parses to the same recipients, subject and In-Reply-To.
// The body is left out of the round trip: its CRLF-to-LF step is not meant to be repeated.
#include "mailtouri.h"

#include <QUrl>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    const QString text =
        QString::fromUtf8(reinterpret_cast<const char *>(bytes), static_cast<qsizetype>(size));
    QString error;
    const std::optional<MailtoUri> uri = MailtoUri::parse(text, &error);
    if (!uri) {
        if (error.isEmpty())
            std::abort();
        return 0;
    }
    if (uri->subject.contains(u'\r') || uri->subject.contains(u'\n'))
        std::abort();
    auto encode = [](const QString &value) { return QString::fromLatin1(QUrl::toPercentEncoding(value)); };
    const QString canonical = QStringLiteral("mailto:%1?cc=%2&bcc=%3&subject=%4&in-reply-to=%5")
                                  .arg(encode(uri->to), encode(uri->cc), encode(uri->bcc),
                                       encode(uri->subject), encode(uri->inReplyTo));
    QString again;
    const std::optional<MailtoUri> reparsed = MailtoUri::parse(canonical, &again);
    if (!reparsed || reparsed->to != uri->to || reparsed->cc != uri->cc || reparsed->bcc != uri->bcc ||
        reparsed->subject != uri->subject || reparsed->inReplyTo != uri->inReplyTo)
        std::abort();
    return 0;
}
