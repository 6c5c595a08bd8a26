// libFuzzer target: Draft::fromJson, fed a draft or outbox file as it could be found on disk after a
// crash, a full disk or an edit by hand. Invariants: no crash; whatever it reads, writing it and reading
// that again gives the same draft (so a damaged file settles after one save instead of drifting).
#include "draft.h"

#include <QJsonDocument>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    const QJsonDocument document = QJsonDocument::fromJson(
        QByteArray::fromRawData(reinterpret_cast<const char *>(bytes), static_cast<qsizetype>(size)));
    if (!document.isObject())
        return 0;
    const Draft draft = Draft::fromJson(document.object());
    const QJsonObject written = draft.toJson();
    const Draft reread = Draft::fromJson(written);
    if (reread.toJson() != written)
        std::abort();
    (void)draft.isEmpty();
    return 0;
}
