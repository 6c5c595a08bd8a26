#pragma once

#include <QByteArray>
#include <QString>

// Header field encoding for RFC 5322 messages: RFC 2047 encoded-words for unstructured text and display
// names, RFC 2231 for MIME parameters, and folding. Every line it produces stays within 78 octets where
// the content allows it (an unbreakable ASCII word longer than that is kept whole, up to RFC 5322's 998).
class HeaderEncoder
{
public:
    // "Subject: " + value, folded, with encoded-words where the value is not printable ASCII. When
    // smtpUtf8 is true, non-ASCII text is written as raw UTF-8 (RFC 6532) instead of encoded-words.
    static QByteArray unstructured(const QByteArray &name, const QString &value, bool smtpUtf8 = false);

    // A display name for "Name <addr>": as is when it is a plain atom sequence, quoted when it has
    // specials, encoded-words when it is not ASCII.
    static QByteArray phrase(const QString &value, bool smtpUtf8 = false);

    // encoded-words for text (B or Q, whichever is shorter), each at most 75 octets, split only at
    // character boundaries, separated by CRLF + space. firstLineUsed is how much of the first line the
    // header name already takes.
    static QByteArray encodedWords(const QString &text, int firstLineUsed);

    // A MIME parameter: name="value" for plain ASCII, otherwise RFC 2231 name*=utf-8''percent-encoded,
    // split into name*0*, name*1* ... sections that keep lines short. Starts with "; " and folding.
    static QByteArray parameter(const QByteArray &name, const QString &value);

    // True when value holds CR, LF or NUL: a header injection attempt or a paste accident.
    static bool hasForbiddenCharacters(const QString &value);
    // For error messages that quote such a value: CR, LF and NUL shown as spaces, so it stays one line.
    static QString withoutForbiddenCharacters(QString value);
};
