#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

// Reads the header section of a message as a person wants to see it: fields unfolded, RFC 2047
// encoded-words decoded (B and Q, any charset the system's converter knows; undecodable words are left
// as they are), raw UTF-8 (RFC 6532) accepted. For the sandbox mailbox and for showing what arrived.
class HeaderDecoder
{
public:
    using Field = std::pair<QByteArray, QString>; // name as written, decoded value

    // The fields of raw (a whole message or just its header section), in order; reading stops at the
    // first empty line. At most maxFields fields, so a hostile file cannot make the list unbounded.
    static QList<Field> fields(const QByteArray &raw, int maxFields = 1000);
    // The first field named name (case-insensitive), decoded; empty when absent.
    static QString value(const QList<Field> &fields, const QByteArray &name);
    // Decodes the encoded-words in one unfolded field value.
    static QString decode(const QByteArray &value);
};
