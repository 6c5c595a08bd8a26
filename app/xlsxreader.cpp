#include "xlsxreader.h"

#include <QDate>
#include <QDir>
#include <QHash>
#include <QLocale>
#include <QMap>
#include <QRegularExpression>
#include <QTime>
#include <QXmlStreamReader>

#include <zip.h>

#include <cmath>

namespace {

// The spreadsheet's own limits: a reference beyond them is not from a spreadsheet.
constexpr int kMaxColumns = 16384; // XFD
constexpr int kMaxRows = 1048576;

QString attribute(const QXmlStreamReader &reader, QLatin1String name)
{
    for (const QXmlStreamAttribute &attribute : reader.attributes()) {
        if (attribute.name() == name && attribute.namespaceUri().isEmpty())
            return attribute.value().toString();
    }
    return {};
}

// r:id, whatever the prefix and whichever relationships namespace (transitional or strict) it uses.
QString relationshipId(const QXmlStreamReader &reader)
{
    for (const QXmlStreamAttribute &attribute : reader.attributes()) {
        if (attribute.name() == QLatin1String("id") && !attribute.namespaceUri().isEmpty())
            return attribute.value().toString();
    }
    return {};
}

// Excel writes characters XML cannot carry (a carriage return in a cell) as _xHHHH_.
QString unescapeOoxml(QString text)
{
    if (!text.contains(QLatin1String("_x")))
        return text;
    static const QRegularExpression escaped(QStringLiteral("_x([0-9A-Fa-f]{4})_"));
    QString out;
    qsizetype last = 0;
    for (const QRegularExpressionMatch &match : escaped.globalMatch(text)) {
        out += QStringView(text).mid(last, match.capturedStart() - last);
        out += QChar(static_cast<char16_t>(match.captured(1).toUShort(nullptr, 16)));
        last = match.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

// The text of a shared or inline string: plain <t>, or rich-text runs <r><t>, without the phonetic
// guide (<rPh>) that Japanese Excel adds.
QString readRichText(QXmlStreamReader &reader)
{
    QString text;
    while (reader.readNextStartElement()) {
        if (reader.name() == QLatin1String("t")) {
            text += reader.readElementText();
        } else if (reader.name() == QLatin1String("r")) {
            while (reader.readNextStartElement()) {
                if (reader.name() == QLatin1String("t"))
                    text += reader.readElementText();
                else
                    reader.skipCurrentElement();
            }
        } else {
            reader.skipCurrentElement();
        }
    }
    return unescapeOoxml(text);
}

QString partDirectory(const QString &part)
{
    const qsizetype slash = part.lastIndexOf(u'/');
    return slash < 0 ? QString() : part.left(slash);
}

QString resolveTarget(const QString &sourcePart, const QString &target)
{
    if (target.startsWith(u'/'))
        return QDir::cleanPath(target.mid(1));
    const QString directory = partDirectory(sourcePart);
    return QDir::cleanPath(directory.isEmpty() ? target : directory + u'/' + target);
}

QString relsPartOf(const QString &part)
{
    const QString directory = partDirectory(part);
    const QString file = part.mid(directory.isEmpty() ? 0 : directory.size() + 1);
    return (directory.isEmpty() ? QString() : directory + u'/') + QStringLiteral("_rels/") + file +
           QStringLiteral(".rels");
}

struct Relationship
{
    QString type;
    QString target;
};

QHash<QString, Relationship> parseRelationships(const QByteArray &xml, const QString &sourcePart)
{
    QHash<QString, Relationship> relationships;
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        if (reader.readNext() == QXmlStreamReader::StartElement &&
            reader.name() == QLatin1String("Relationship") &&
            attribute(reader, QLatin1String("TargetMode")) != QLatin1String("External")) {
            relationships.insert(attribute(reader, QLatin1String("Id")),
                                 {attribute(reader, QLatin1String("Type")),
                                  resolveTarget(sourcePart, attribute(reader, QLatin1String("Target")))});
        }
    }
    return relationships;
}

QString builtInFormat(int id)
{
    switch (id) {
    case 1:
        return QStringLiteral("0");
    case 2:
        return QStringLiteral("0.00");
    case 3:
        return QStringLiteral("#,##0");
    case 4:
        return QStringLiteral("#,##0.00");
    case 9:
        return QStringLiteral("0%");
    case 10:
        return QStringLiteral("0.00%");
    case 14:
    case 15:
    case 16:
    case 17:
        return QStringLiteral("yyyy-mm-dd");
    case 18:
    case 20:
    case 45:
        return QStringLiteral("h:mm");
    case 19:
    case 21:
    case 47:
        return QStringLiteral("h:mm:ss");
    case 22:
        return QStringLiteral("yyyy-mm-dd h:mm");
    default:
        break;
    }
    // The East Asian built-in formats (ECMA-376 18.8.30): 27–31, 36 and 50–58 are dates in a Chinese,
    // Japanese or Korean Excel; 32–35 times.
    if ((id >= 27 && id <= 31) || id == 36 || (id >= 50 && id <= 58))
        return QStringLiteral("yyyy-mm-dd");
    if (id >= 32 && id <= 35)
        return QStringLiteral("h:mm:ss");
    return {};
}

// The format code's first section without quoted text, escapes, fills and [colour]/[$locale] parts:
// what is left says whether it shows a date, a time or a number.
QString formatSkeleton(const QString &code)
{
    QString skeleton;
    bool quoted = false;
    bool bracket = false;
    for (qsizetype i = 0; i < code.size(); ++i) {
        const QChar c = code.at(i);
        if (quoted) {
            quoted = c != u'"';
        } else if (bracket) {
            bracket = c != u']';
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u'[') {
            bracket = true;
        } else if (c == u'\\' || c == u'_' || c == u'*') {
            ++i; // the next character is literal, a space as wide as it, or a fill
        } else if (c == u';') {
            break;
        } else {
            skeleton += c.toLower();
        }
    }
    return skeleton;
}

QDateTime serialToDateTime(double serial, bool date1904)
{
    double days = std::floor(serial);
    qint64 seconds = std::llround((serial - days) * 86400.0);
    if (seconds >= 86400) {
        days += 1;
        seconds -= 86400;
    }
    QDate date;
    if (date1904)
        date = QDate(1904, 1, 1).addDays(static_cast<qint64>(days));
    else if (days < 61)
        // Excel counts 1900-02-29, which did not exist (Lotus 1-2-3's leap year bug): before it, day 1 is
        // 1900-01-01.
        date = QDate(1899, 12, 31).addDays(static_cast<qint64>(days));
    else
        date = QDate(1899, 12, 30).addDays(static_cast<qint64>(days));
    return QDateTime(date, QTime(0, 0).addSecs(static_cast<int>(seconds)));
}

} // namespace

struct XlsxReader::Zip
{
    zip_t *archive = nullptr;
    ~Zip()
    {
        if (archive)
            zip_discard(archive); // read only: nothing to write back
    }
};

XlsxReader::XlsxReader() = default;
XlsxReader::~XlsxReader() = default;

QString XlsxReader::columnName(int column)
{
    QString name;
    for (int n = column + 1; n > 0; n = (n - 1) / 26)
        name.prepend(QChar(u'A' + (n - 1) % 26));
    return name;
}

int XlsxReader::columnIndex(QStringView letters)
{
    if (letters.isEmpty() || letters.size() > 3)
        return -1;
    int index = 0;
    for (const QChar c : letters) {
        const char16_t upper = c.toUpper().unicode();
        if (upper < u'A' || upper > u'Z')
            return -1;
        index = index * 26 + (upper - u'A' + 1);
    }
    return index - 1;
}

bool XlsxReader::isDateFormat(int numFmtId, const QString &formatCode)
{
    const QString code = formatCode.isEmpty() ? builtInFormat(numFmtId) : formatCode;
    if (code.isEmpty())
        return false;
    const QString skeleton = formatSkeleton(code);
    return std::any_of(skeleton.cbegin(), skeleton.cend(),
                       [](QChar c) { return c == u'y' || c == u'm' || c == u'd' || c == u'h' || c == u's'; });
}

QString XlsxReader::formatNumber(double value, const QString &formatCode, bool date1904)
{
    const QString skeleton = formatSkeleton(formatCode);
    if (isDateFormat(0, formatCode) && std::isfinite(value) && value >= 0 && value < 2958466) {
        const bool hasDate =
            skeleton.contains(u'y') || skeleton.contains(u'd') ||
            (skeleton.contains(u'm') && !skeleton.contains(u'h') && !skeleton.contains(u's'));
        const bool hasTime = skeleton.contains(u'h') || skeleton.contains(u's');
        const QDateTime moment = serialToDateTime(value, date1904);
        const QString time = skeleton.contains(u's') ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm");
        if (hasDate && hasTime)
            return moment.toString(QStringLiteral("yyyy-MM-dd ") + time);
        if (hasTime)
            return moment.time().toString(time);
        return moment.date().toString(Qt::ISODate);
    }
    const bool integral = std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15;
    // "00000": an employee number stored as a number but shown with its leading zeros.
    static const QRegularExpression zeros(QStringLiteral("^0+$"));
    if (integral && zeros.match(skeleton).hasMatch())
        return QStringLiteral("%1").arg(static_cast<qint64>(value), static_cast<int>(skeleton.size()), 10,
                                        QChar(u'0'));
    // Fixed decimals, thousands separators and percentages, the formats amounts and rates use.
    static const QRegularExpression fixed(QStringLiteral("^(#,##)?0(\\.(0+))?(%)?$"));
    const QRegularExpressionMatch match = fixed.match(skeleton);
    if (match.hasMatch() && std::isfinite(value)) {
        const bool percent = !match.captured(4).isEmpty();
        const int decimals = static_cast<int>(match.captured(3).size());
        const double shown = percent ? value * 100 : value;
        QString text = match.captured(1).isEmpty() ? QString::number(shown, 'f', decimals)
                                                   : QLocale(QLocale::English).toString(shown, 'f', decimals);
        return percent ? text + u'%' : text;
    }
    if (integral)
        return QString::number(static_cast<qint64>(value));
    // General: at most 15 significant digits, as Excel shows (0.1 + 0.2 is stored 0.30000000000000004).
    return QString::number(value, 'g', 15);
}

std::optional<QByteArray> XlsxReader::readPart(const QString &name, Error *error) const
{
    const zip_int64_t index = zip_name_locate(m_zip->archive, name.toUtf8().constData(), ZIP_FL_NOCASE);
    if (index < 0)
        return QByteArray(); // absent; the caller decides whether it must be there
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(m_zip->archive, static_cast<zip_uint64_t>(index), 0, &stat) == 0 &&
        (stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE) {
        *error = {ErrorCode::Encrypted, tr("The workbook is encrypted; save it without a password.")};
        return std::nullopt;
    }
    if ((stat.valid & ZIP_STAT_SIZE) && stat.size > static_cast<zip_uint64_t>(m_limits.maxPartBytes)) {
        *error = {ErrorCode::TooLarge, tr("The part %1 of the workbook unpacks to more than %2 MB; split the "
                                          "table into several files.")
                                           .arg(name)
                                           .arg(m_limits.maxPartBytes / (1024 * 1024))};
        return std::nullopt;
    }
    zip_file_t *file = zip_fopen_index(m_zip->archive, static_cast<zip_uint64_t>(index), 0);
    if (!file) {
        *error = {ErrorCode::Malformed, tr("The part %1 of the workbook cannot be read: %2")
                                            .arg(name, QString::fromUtf8(zip_strerror(m_zip->archive)))};
        return std::nullopt;
    }
    // The size in the directory can lie: count what actually comes out.
    QByteArray bytes;
    char buffer[64 * 1024];
    zip_int64_t got = 0;
    while ((got = zip_fread(file, buffer, sizeof buffer)) > 0) {
        if (bytes.size() + got > m_limits.maxPartBytes) {
            zip_fclose(file);
            *error = {ErrorCode::TooLarge, tr("The part %1 of the workbook unpacks to more than %2 MB; split "
                                              "the table into several files.")
                                               .arg(name)
                                               .arg(m_limits.maxPartBytes / (1024 * 1024))};
            return std::nullopt;
        }
        bytes.append(buffer, static_cast<qsizetype>(got));
    }
    const QString reason = got < 0 ? QString::fromUtf8(zip_file_strerror(file)) : QString();
    zip_fclose(file);
    if (got < 0) {
        *error = {ErrorCode::Malformed,
                  tr("The part %1 of the workbook cannot be read: %2").arg(name, reason)};
        return std::nullopt;
    }
    return bytes;
}

bool XlsxReader::open(const QByteArray &bytes, Error *error)
{
    m_zip.reset(); // before the bytes it reads from go
    m_bytes = bytes;
    m_sheetNames.clear();
    m_sheetParts.clear();
    m_sheetVisible.clear();
    m_stylesRead = false;
    m_sharedStrings.clear();
    if (bytes.startsWith("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
        // An OLE compound file: a password-protected .xlsx is one (its streams EncryptedPackage and
        // EncryptionInfo), and so is an old .xls.
        const QByteArray encrypted = QByteArray("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32);
        if (bytes.contains(encrypted))
            *error = {ErrorCode::Encrypted,
                      tr("The workbook is protected by a password; save a copy without one (File → Info → "
                         "Protect Workbook in Excel) and use that.")};
        else
            *error = {
                ErrorCode::NotZip,
                tr("This is an old Excel 97–2003 workbook (.xls), not .xlsx; save it as .xlsx or CSV.")};
        return false;
    }
    zip_error_t zipError;
    zip_error_init(&zipError);
    zip_source_t *source = zip_source_buffer_create(m_bytes.constData(),
                                                    static_cast<zip_uint64_t>(m_bytes.size()), 0, &zipError);
    zip_t *archive = source ? zip_open_from_source(source, ZIP_RDONLY, &zipError) : nullptr;
    if (!archive) {
        if (source)
            zip_source_free(source);
        const int code = zip_error_code_zip(&zipError);
        const QString reason = QString::fromUtf8(zip_error_strerror(&zipError));
        zip_error_fini(&zipError);
        *error = {ErrorCode::NotZip, code == ZIP_ER_NOZIP || code == ZIP_ER_INCONS
                                         ? tr("The file is not an .xlsx workbook (not a zip archive).")
                                         : tr("The workbook cannot be opened: %1").arg(reason)};
        return false;
    }
    zip_error_fini(&zipError);
    m_zip = std::make_unique<Zip>();
    m_zip->archive = archive;

    std::optional<QByteArray> rootRels = readPart(QStringLiteral("_rels/.rels"), error);
    if (!rootRels)
        return false;
    QString workbookPart = QStringLiteral("xl/workbook.xml");
    for (const Relationship &relationship : parseRelationships(*rootRels, QString())) {
        if (relationship.type.endsWith(QLatin1String("/officeDocument")))
            workbookPart = relationship.target;
    }
    const std::optional<QByteArray> workbook = readPart(workbookPart, error);
    if (!workbook)
        return false;
    if (workbook->isEmpty()) {
        *error = {
            ErrorCode::NotWorkbook,
            tr("The file is a zip archive but not an .xlsx workbook (it has no %1).").arg(workbookPart)};
        return false;
    }
    const std::optional<QByteArray> workbookRels = readPart(relsPartOf(workbookPart), error);
    if (!workbookRels)
        return false;
    const QHash<QString, Relationship> relationships = parseRelationships(*workbookRels, workbookPart);
    for (const Relationship &relationship : relationships) {
        if (relationship.type.endsWith(QLatin1String("/sharedStrings")))
            m_sharedStringsPart = relationship.target;
        else if (relationship.type.endsWith(QLatin1String("/styles")))
            m_stylesPart = relationship.target;
    }
    QXmlStreamReader reader(*workbook);
    while (!reader.atEnd()) {
        if (reader.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (reader.name() == QLatin1String("workbookPr")) {
            const QString value = attribute(reader, QLatin1String("date1904"));
            m_date1904 = value == QLatin1String("1") || value == QLatin1String("true");
        } else if (reader.name() == QLatin1String("sheet")) {
            const Relationship relationship = relationships.value(relationshipId(reader));
            if (!relationship.type.endsWith(QLatin1String("/worksheet")))
                continue; // a chart sheet has no cells
            m_sheetNames << attribute(reader, QLatin1String("name"));
            m_sheetParts << relationship.target;
            const QString state = attribute(reader, QLatin1String("state"));
            m_sheetVisible << (state.isEmpty() || state == QLatin1String("visible"));
        }
    }
    if (reader.hasError()) {
        *error = {ErrorCode::Malformed,
                  tr("The workbook's sheet list cannot be read: %1").arg(reader.errorString())};
        return false;
    }
    if (m_sheetNames.isEmpty()) {
        *error = {ErrorCode::NotWorkbook, tr("The workbook has no worksheet.")};
        return false;
    }
    return true;
}

bool XlsxReader::readStyles(const QString &path, Error *error)
{
    m_stylesRead = true;
    if (path.isEmpty())
        return true;
    const std::optional<QByteArray> xml = readPart(path, error);
    if (!xml)
        return false;
    if (xml->isEmpty())
        return true; // listed but absent: every cell is General
    QHash<int, QString> custom;
    QXmlStreamReader reader(*xml);
    bool inCellFormats = false;
    while (!reader.atEnd()) {
        const QXmlStreamReader::TokenType token = reader.readNext();
        if (token == QXmlStreamReader::EndElement && reader.name() == QLatin1String("cellXfs"))
            inCellFormats = false;
        if (token != QXmlStreamReader::StartElement)
            continue;
        if (reader.name() == QLatin1String("numFmt")) {
            custom.insert(attribute(reader, QLatin1String("numFmtId")).toInt(),
                          attribute(reader, QLatin1String("formatCode")));
        } else if (reader.name() == QLatin1String("cellXfs")) {
            inCellFormats = true;
        } else if (inCellFormats && reader.name() == QLatin1String("xf")) {
            const int id = attribute(reader, QLatin1String("numFmtId")).toInt();
            m_cellFormatIds << id;
            m_cellFormats << custom.value(id, builtInFormat(id));
        }
    }
    if (reader.hasError()) {
        *error = {ErrorCode::Malformed,
                  tr("The workbook's styles cannot be read: %1").arg(reader.errorString())};
        return false;
    }
    return true;
}

bool XlsxReader::readSharedStrings(const QString &path, Error *error)
{
    if (path.isEmpty())
        return true;
    const std::optional<QByteArray> xml = readPart(path, error);
    if (!xml)
        return false;
    if (xml->isEmpty())
        return true; // listed but absent; a cell that refers to a string is reported then
    QXmlStreamReader reader(*xml);
    while (!reader.atEnd()) {
        if (reader.readNext() == QXmlStreamReader::StartElement && reader.name() == QLatin1String("si")) {
            if (m_sharedStrings.size() >= m_limits.maxCells) {
                *error = {ErrorCode::TooLarge,
                          tr("The workbook holds more than %1 strings; split the table into several files.")
                              .arg(m_limits.maxCells)};
                return false;
            }
            m_sharedStrings << readRichText(reader);
        }
    }
    if (reader.hasError()) {
        *error = {ErrorCode::Malformed,
                  tr("The workbook's shared strings cannot be read: %1").arg(reader.errorString())};
        return false;
    }
    return true;
}

std::optional<XlsxReader::Sheet> XlsxReader::readSheet(const QString &name, Error *error)
{
    if (!m_zip) {
        *error = {ErrorCode::NotWorkbook, tr("No workbook is open.")};
        return std::nullopt;
    }
    qsizetype index = -1;
    if (name.isEmpty()) {
        index = m_sheetVisible.indexOf(true);
        if (index < 0)
            index = 0;
    } else {
        index = m_sheetNames.indexOf(name);
        if (index < 0) {
            for (qsizetype i = 0; i < m_sheetNames.size() && index < 0; ++i) {
                if (m_sheetNames.at(i).trimmed().compare(name.trimmed(), Qt::CaseInsensitive) == 0)
                    index = i; // Excel's sheet names are case-insensitive too
            }
        }
        if (index < 0) {
            *error = {ErrorCode::NoSuchSheet, tr("The workbook has no sheet \"%1\"; its sheets are: %2.")
                                                  .arg(name, m_sheetNames.join(QStringLiteral(", ")))};
            return std::nullopt;
        }
    }
    if (!m_stylesRead && (!readStyles(m_stylesPart, error) || !readSharedStrings(m_sharedStringsPart, error)))
        return std::nullopt;
    const std::optional<QByteArray> xml = readPart(m_sheetParts.at(index), error);
    if (!xml)
        return std::nullopt;
    if (xml->isEmpty()) {
        *error = {ErrorCode::Malformed, tr("The workbook lists the sheet \"%1\", but its part %2 is missing.")
                                            .arg(m_sheetNames.at(index), m_sheetParts.at(index))};
        return std::nullopt;
    }

    Sheet sheet;
    sheet.name = m_sheetNames.at(index);
    QMap<int, QMap<int, QString>> cells; // row → column → text; only non-empty cells
    qint64 cellCount = 0;
    QXmlStreamReader reader(*xml);
    int rowNumber = 0;
    int column = -1;
    static const QRegularExpression reference(QStringLiteral("^\\$?([A-Za-z]{1,3})\\$?([0-9]{1,7})$"));
    while (!reader.atEnd()) {
        if (reader.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (reader.name() == QLatin1String("row")) {
            const QString r = attribute(reader, QLatin1String("r"));
            rowNumber = r.isEmpty() ? rowNumber + 1 : r.toInt();
            column = -1;
            continue;
        }
        if (reader.name() != QLatin1String("c"))
            continue;
        const QString r = attribute(reader, QLatin1String("r"));
        if (r.isEmpty()) {
            ++column;
        } else {
            const QRegularExpressionMatch match = reference.match(r);
            if (!match.hasMatch()) {
                *error = {
                    ErrorCode::Malformed,
                    tr("The sheet \"%1\" has a cell with the bad reference \"%2\".").arg(sheet.name, r)};
                return std::nullopt;
            }
            column = columnIndex(match.capturedView(1));
            rowNumber = match.capturedView(2).toInt();
        }
        if (column < 0 || column >= kMaxColumns || rowNumber < 1 || rowNumber > kMaxRows) {
            *error = {ErrorCode::Malformed,
                      tr("The sheet \"%1\" has a cell outside the spreadsheet (%2).").arg(sheet.name, r)};
            return std::nullopt;
        }
        const QString type = attribute(reader, QLatin1String("t"));
        const int style = attribute(reader, QLatin1String("s")).toInt();
        QString value;
        bool hasValue = false;
        while (reader.readNextStartElement()) {
            if (reader.name() == QLatin1String("v")) {
                value = reader.readElementText();
                hasValue = true;
            } else if (reader.name() == QLatin1String("is")) {
                value = readRichText(reader);
                hasValue = true;
            } else {
                reader.skipCurrentElement(); // <f>: the formula; its cached result is in <v>
            }
        }
        if (!hasValue)
            continue;
        QString text;
        if (type == QLatin1String("s")) {
            bool ok = false;
            const int stringIndex = value.toInt(&ok);
            if (!ok || stringIndex < 0 || stringIndex >= m_sharedStrings.size()) {
                *error = {ErrorCode::Malformed,
                          tr("The cell %1 of the sheet \"%2\" refers to a missing string.")
                              .arg(columnName(column) + QString::number(rowNumber), sheet.name)};
                return std::nullopt;
            }
            text = m_sharedStrings.at(stringIndex);
        } else if (type == QLatin1String("inlineStr")) {
            text = value;
        } else if (type == QLatin1String("str") || type == QLatin1String("e")) {
            text = unescapeOoxml(value);
        } else if (type == QLatin1String("b")) {
            text = value.trimmed() == QLatin1String("1") ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
        } else if (type == QLatin1String("d")) {
            // Strict OOXML's ISO 8601 date cells.
            text = value.trimmed();
            if (text.endsWith(QLatin1String("T00:00:00")))
                text.chop(9);
            text.replace(u'T', u' ');
        } else {
            bool ok = false;
            const double number = value.trimmed().toDouble(&ok);
            text = ok ? formatNumber(number, m_cellFormats.value(style), m_date1904) : value;
        }
        if (text.isEmpty())
            continue;
        if (++cellCount > m_limits.maxCells) {
            *error = {ErrorCode::TooLarge,
                      tr("The sheet \"%1\" holds more than %2 cells; split the table into several files.")
                          .arg(sheet.name)
                          .arg(m_limits.maxCells)};
            return std::nullopt;
        }
        cells[rowNumber].insert(column, text);
    }
    if (reader.hasError()) {
        *error = {ErrorCode::Malformed,
                  tr("The sheet \"%1\" cannot be read: %2").arg(sheet.name, reader.errorString())};
        return std::nullopt;
    }
    if (cells.isEmpty()) {
        *error = {ErrorCode::EmptySheet, m_sheetNames.size() > 1
                                             ? tr("The sheet \"%1\" is empty; the workbook's sheets are: %2.")
                                                   .arg(sheet.name, m_sheetNames.join(QStringLiteral(", ")))
                                             : tr("The sheet \"%1\" is empty.").arg(sheet.name)};
        return std::nullopt;
    }
    for (auto row = cells.cbegin(); row != cells.cend(); ++row) {
        sheet.rowNumbers << row.key();
        sheet.rows << *row;
    }
    return sheet;
}
