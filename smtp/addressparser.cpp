#include "addressparser.h"

#include <QCoreApplication>

namespace {

bool fail(AddressParser::Error *error, AddressParser::ErrorCode code, qsizetype position,
          const QString &message)
{
    if (error)
        *error = {code, position, message};
    return false;
}

bool isAtext(QChar c)
{
    if (c.unicode() >= 0x80)
        return !c.isSpace() && c.category() != QChar::Other_Control; // RFC 6532 allows UTF-8
    if (c.isLetterOrNumber())
        return true;
    return QStringLiteral("!#$%&'*+-/=?^_`{|}~").contains(c);
}

QString shown(QChar c)
{
    return c.isPrint() ? QString(c) : QStringLiteral("U+%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
}

// Replaces (comments) outside quoted strings by spaces, keeping positions.
bool blankComments(QString &text, qsizetype base, AddressParser::Error *error)
{
    int depth = 0;
    bool inQuote = false;
    qsizetype opened = -1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inQuote) {
            if (c == u'\\')
                ++i;
            else if (c == u'"')
                inQuote = false;
            continue;
        }
        if (depth == 0 && c == u'"') {
            inQuote = true;
        } else if (c == u'(') {
            if (depth++ == 0)
                opened = i;
            text[i] = u' ';
        } else if (depth > 0) {
            if (c == u')')
                --depth;
            else if (c == u'\\' && i + 1 < text.size())
                text[++i] = u' ';
            text[i] = u' ';
        }
    }
    if (depth > 0)
        return fail(
            error, AddressParser::ErrorCode::UnterminatedComment, base + opened,
            AddressParser::tr("the comment opened at position %1 is not closed").arg(base + opened + 1));
    return true;
}

bool validateDomain(const QString &domain, qsizetype base, AddressParser::Error *error)
{
    if (domain.startsWith(u'[')) {
        if (!domain.endsWith(u']'))
            return fail(
                error, AddressParser::ErrorCode::BadDomain, base,
                AddressParser::tr("the address literal at position %1 is not closed with ]").arg(base + 1));
        return true;
    }
    qsizetype labelStart = 0;
    for (qsizetype i = 0; i <= domain.size(); ++i) {
        if (i == domain.size() || domain.at(i) == u'.') {
            const qsizetype length = i - labelStart;
            if (length == 0)
                return fail(
                    error, AddressParser::ErrorCode::BadDomain, base + i,
                    AddressParser::tr("the domain has an empty part at position %1").arg(base + i + 1));
            if (domain.at(labelStart) == u'-' || domain.at(i - 1) == u'-')
                return fail(error, AddressParser::ErrorCode::BadDomain, base + labelStart,
                            AddressParser::tr("a domain part cannot start or end with a hyphen (position %1)")
                                .arg(base + labelStart + 1));
            if (domain.mid(labelStart, length).toUtf8().size() > 63)
                return fail(error, AddressParser::ErrorCode::BadDomain, base + labelStart,
                            AddressParser::tr("the domain part at position %1 is longer than 63 characters")
                                .arg(base + labelStart + 1));
            labelStart = i + 1;
            continue;
        }
        const QChar c = domain.at(i);
        if (!(c.isLetterOrNumber() || c == u'-' || (c.unicode() >= 0x80 && !c.isSpace())))
            return fail(error, AddressParser::ErrorCode::InvalidCharacter, base + i,
                        AddressParser::tr("invalid character '%1' in the domain at position %2")
                            .arg(shown(c))
                            .arg(base + i + 1));
    }
    return true;
}

bool validateAddress(const QString &address, qsizetype base, QString *local, QString *domain,
                     AddressParser::Error *error)
{
    qsizetype at = -1;
    if (address.startsWith(u'"')) {
        qsizetype i = 1;
        for (; i < address.size(); ++i) {
            if (address.at(i) == u'\\')
                ++i;
            else if (address.at(i) == u'"')
                break;
        }
        if (i >= address.size())
            return fail(error, AddressParser::ErrorCode::UnterminatedQuote, base,
                        AddressParser::tr("the quoted name at position %1 is not closed").arg(base + 1));
        if (i + 1 >= address.size() || address.at(i + 1) != u'@')
            return fail(error, AddressParser::ErrorCode::MissingAt, base + i + 1,
                        AddressParser::tr("missing @ at position %1").arg(base + i + 2));
        at = i + 1;
    } else {
        at = address.lastIndexOf(u'@');
        if (at < 0)
            return fail(error, AddressParser::ErrorCode::MissingAt, base + address.size(),
                        AddressParser::tr("missing @ in \"%1\" (expected at position %2)")
                            .arg(address)
                            .arg(base + address.size() + 1));
        if (at == 0)
            return fail(error, AddressParser::ErrorCode::EmptyLocalPart, base,
                        AddressParser::tr("nothing before the @ at position %1").arg(base + 1));
        const QString localPart = address.left(at);
        for (qsizetype i = 0; i < localPart.size(); ++i) {
            const QChar c = localPart.at(i);
            if (c == u'.') {
                if (i == 0 || i == localPart.size() - 1 || localPart.at(i - 1) == u'.')
                    return fail(error, AddressParser::ErrorCode::InvalidCharacter, base + i,
                                AddressParser::tr(
                                    "a dot at position %1 cannot start, end or double in the name before @")
                                    .arg(base + i + 1));
                continue;
            }
            if (!isAtext(c))
                return fail(error, AddressParser::ErrorCode::InvalidCharacter, base + i,
                            AddressParser::tr("invalid character '%1' at position %2")
                                .arg(shown(c))
                                .arg(base + i + 1));
        }
    }
    *local = address.left(at);
    *domain = address.mid(at + 1);
    if (local->toUtf8().size() > 64)
        return fail(
            error, AddressParser::ErrorCode::LocalPartTooLong, base,
            AddressParser::tr("the part before @ has more than 64 characters (position %1)").arg(base + 1));
    if (domain->isEmpty())
        return fail(error, AddressParser::ErrorCode::EmptyDomain, base + at + 1,
                    AddressParser::tr("no domain after the @ at position %1").arg(base + at + 1));
    if (address.toUtf8().size() > 254)
        return fail(
            error, AddressParser::ErrorCode::AddressTooLong, base,
            AddressParser::tr("the address at position %1 is longer than 254 characters").arg(base + 1));
    return validateDomain(*domain, base + at + 1, error);
}

bool parseMailboxAt(const QString &segment, qsizetype base, MailAddress *result, AddressParser::Error *error)
{
    QString text = segment;
    if (!blankComments(text, base, error))
        return false;
    const qsizetype angle = [&] {
        bool inQuote = false;
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (text.at(i) == u'\\' && inQuote)
                ++i;
            else if (text.at(i) == u'"')
                inQuote = !inQuote;
            else if (text.at(i) == u'<' && !inQuote)
                return i;
        }
        return qsizetype(-1);
    }();
    QString displayName;
    QString address;
    qsizetype addressBase = base;
    if (angle >= 0) {
        const qsizetype close = text.indexOf(u'>', angle);
        if (close < 0)
            return fail(error, AddressParser::ErrorCode::UnterminatedAngle, base + angle,
                        AddressParser::tr("the < at position %1 has no matching >").arg(base + angle + 1));
        for (qsizetype i = close + 1; i < text.size(); ++i) {
            if (!text.at(i).isSpace())
                return fail(error, AddressParser::ErrorCode::InvalidCharacter, base + i,
                            AddressParser::tr("unexpected '%1' after the address at position %2")
                                .arg(shown(text.at(i)))
                                .arg(base + i + 1));
        }
        QString name = text.left(angle).trimmed();
        if (name.startsWith(u'"')) {
            if (name.size() < 2 || !name.endsWith(u'"'))
                return fail(error, AddressParser::ErrorCode::UnterminatedQuote, base + text.indexOf(u'"'),
                            AddressParser::tr("the quoted name at position %1 is not closed")
                                .arg(base + text.indexOf(u'"') + 1));
            name = name.mid(1, name.size() - 2);
            QString unescaped;
            for (qsizetype i = 0; i < name.size(); ++i) {
                if (name.at(i) == u'\\' && i + 1 < name.size())
                    ++i;
                unescaped += name.at(i);
            }
            name = unescaped;
        }
        displayName = name.simplified();
        const QString inner = text.mid(angle + 1, close - angle - 1);
        address = inner.trimmed();
        addressBase = base + angle + 1 + (address.isEmpty() ? 0 : inner.indexOf(address));
    } else {
        address = text.trimmed();
        addressBase = base + (address.isEmpty() ? 0 : text.indexOf(address));
        for (qsizetype i = 0; i < address.size(); ++i) {
            if (address.at(i).isSpace())
                return fail(error, AddressParser::ErrorCode::InvalidCharacter, addressBase + i,
                            AddressParser::tr("a space at position %1: put a name in front as Name <address>")
                                .arg(addressBase + i + 1));
        }
    }
    if (address.isEmpty())
        return fail(error, AddressParser::ErrorCode::Empty, base,
                    AddressParser::tr("an address is empty at position %1").arg(base + 1));
    QString local;
    QString domain;
    if (!validateAddress(address, addressBase, &local, &domain, error))
        return false;
    *result = MailAddress(displayName, local, domain);
    return true;
}

} // namespace

QList<MailAddress> AddressParser::parseList(const QString &text, Error *error)
{
    if (error)
        *error = {};
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\r' || c == u'\n' || c == QChar(0)) {
            fail(error, ErrorCode::ForbiddenControl, i,
                 AddressParser::tr("a line break or NUL at position %1").arg(i + 1));
            return {};
        }
    }
    QList<MailAddress> out;
    bool inQuote = false;
    int comment = 0;
    int angle = 0;
    qsizetype start = 0;
    qsizetype quoteStart = -1;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        const bool end = i == text.size();
        if (end && inQuote) {
            fail(error, ErrorCode::UnterminatedQuote, quoteStart,
                 AddressParser::tr("the quotation mark at position %1 is not closed").arg(quoteStart + 1));
            return {};
        }
        if (!end) {
            const QChar c = text.at(i);
            if (inQuote) {
                if (c == u'\\')
                    ++i;
                else if (c == u'"')
                    inQuote = false;
                continue;
            }
            if (c == u'"' && comment == 0) {
                inQuote = true;
                quoteStart = i;
            } else if (c == u'(')
                ++comment;
            else if (c == u')' && comment > 0)
                --comment;
            else if (c == u'<' && comment == 0)
                ++angle;
            else if (c == u'>' && comment == 0 && angle > 0)
                --angle;
            if (!((c == u',' || c == u';') && comment == 0 && angle == 0))
                continue;
        }
        const QString segment = text.mid(start, i - start);
        if (!segment.trimmed().isEmpty()) {
            MailAddress address;
            if (!parseMailboxAt(segment, start, &address, error))
                return {};
            out << address;
        }
        start = i + 1;
    }
    if (out.isEmpty())
        fail(error, ErrorCode::Empty, 0, AddressParser::tr("no address given"));
    return out;
}

MailAddress AddressParser::parseMailbox(const QString &text, Error *error)
{
    const QList<MailAddress> list = parseList(text, error);
    if (list.size() > 1) {
        fail(error, ErrorCode::InvalidCharacter, text.indexOf(u','),
             AddressParser::tr("only one address is allowed here"));
        return {};
    }
    return list.value(0);
}
