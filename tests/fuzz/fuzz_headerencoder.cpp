// libFuzzer target: the MIME header encoder, fed any text a person could put in a Subject or a name.
// Invariants: no crash; the output is 7-bit ASCII with CRLF only as folding (CRLF + space); no line is
// longer than RFC 5322's 998 octets; and decoding the encoded-words gives the text back exactly.
#include "headerdecoder.h"
#include "headerencoder.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

[[noreturn]] void fail(const char *why, const QByteArray &field)
{
    std::fprintf(stderr, "fuzz_headerencoder: %s in: %s\n", why,
                 field.toPercentEncoding(" :;=?\"").constData());
    std::abort();
}

void checkFolded(const QByteArray &field)
{
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < field.size(); ++i) {
        const char c = field.at(i);
        if (static_cast<unsigned char>(c) >= 0x80 || c == '\0')
            fail("not 7-bit", field);
        if (c == '\r') {
            if (i + 2 >= field.size() || field.at(i + 1) != '\n' ||
                (field.at(i + 2) != ' ' && field.at(i + 2) != '\t'))
                fail("a line break that is not folding", field); // header injection
            if (i - lineStart > 998)
                fail("a line over 998 octets", field);
            lineStart = i + 2;
            ++i; // the LF of this CRLF
        } else if (c == '\n') {
            fail("a bare LF", field);
        }
    }
    if (field.size() - lineStart > 998)
        fail("a line over 998 octets", field);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    QString text = QString::fromUtf8(reinterpret_cast<const char *>(bytes), static_cast<qsizetype>(size));
    if (HeaderEncoder::hasForbiddenCharacters(text))
        return 0; // refused before encoding (MimeWriter reports it to the person)
    const QByteArray subject = HeaderEncoder::unstructured("Subject", text);
    checkFolded(subject);
    checkFolded(HeaderEncoder::phrase(text));
    checkFolded("Content-Disposition: attachment" + HeaderEncoder::parameter("filename", text));

    // Round trip: what a mail reader decodes is what the person typed (whitespace runs at the ends and
    // around folds are not significant in an unstructured field, so compare the simplified text).
    const QList<HeaderDecoder::Field> fields = HeaderDecoder::fields(subject + "\r\n\r\n");
    const QString decoded = HeaderDecoder::value(fields, "Subject");
    if (decoded.simplified() != text.simplified())
        fail("decoding does not give the text back", subject);
    return 0;
}
