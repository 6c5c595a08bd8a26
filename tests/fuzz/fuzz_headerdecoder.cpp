// libFuzzer target: the header decoder, fed the header section of a message a stranger sent to the
// sandbox mailbox. Invariants: no crash; never more fields than asked for; field names are non-empty and
// hold no colon or line feed; text without encoded-words comes back as it was; decoding never makes the
// text more than twice as long (a hostile header cannot blow up what the window shows).
#include "headerdecoder.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    const QByteArray raw(reinterpret_cast<const char *>(bytes), static_cast<qsizetype>(size));
    constexpr int kMaxFields = 64;
    const QList<HeaderDecoder::Field> fields = HeaderDecoder::fields(raw, kMaxFields);
    if (fields.size() > kMaxFields)
        std::abort();
    for (const HeaderDecoder::Field &field : fields) {
        if (field.first.isEmpty() || field.first.contains(':') || field.first.contains('\n'))
            std::abort();
        if (HeaderDecoder::value(fields, field.first).isNull() && !field.second.isNull())
            std::abort();
    }
    const QString decoded = HeaderDecoder::decode(raw);
    const QString text = QString::fromUtf8(raw);
    if (decoded.size() > 2 * text.size())
        std::abort();
    if (!raw.contains("=?") && decoded != text)
        std::abort();
    return 0;
}
