// libFuzzer target: the SMTP reply parser, fed what a hostile server could send, in pieces.
// Invariants: it never crashes, never buffers more than its limits, and every reply it completes has a
// valid code; feeding the same bytes in two pieces or all at once gives the same replies.
#include "replyparser.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

QList<SmtpReply> parse(QByteArrayView data, qsizetype split, ReplyParser::Error *error)
{
    ReplyParser::Limits limits;
    limits.maxLineLength = 512; // small limits reach the bound checks with small inputs
    limits.maxLinesPerReply = 16;
    ReplyParser parser(limits);
    parser.feed(data.first(split));
    parser.feed(data.sliced(split));
    QList<SmtpReply> replies;
    while (parser.hasReply())
        replies.append(parser.takeReply());
    if (parser.bufferedBytes() > limits.maxLineLength * (limits.maxLinesPerReply + 1))
        std::abort(); // memory not bounded
    *error = parser.error();
    return replies;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    const QByteArrayView data(reinterpret_cast<const char *>(bytes), static_cast<qsizetype>(size));
    ReplyParser::Error wholeError = ReplyParser::Error::None;
    const QList<SmtpReply> whole = parse(data, data.size(), &wholeError);
    ReplyParser::Error splitError = ReplyParser::Error::None;
    const QList<SmtpReply> split = parse(data, data.size() / 2, &splitError);
    if (whole.size() != split.size() || wholeError != splitError)
        std::abort();
    for (qsizetype i = 0; i < whole.size(); ++i) {
        const SmtpReply &reply = whole.at(i);
        if (!reply.isValid() || reply.code() != split.at(i).code() || reply.lines() != split.at(i).lines())
            std::abort();
        (void)reply.enhancedCode(); // parses "5.7.8"-style codes from the text
    }
    return 0;
}
