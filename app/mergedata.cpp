#include "mergedata.h"

#include "xlsxreader.h"

#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

namespace {
constexpr qint64 kMaxDataFile = 256 * 1024 * 1024; // a mailing list, not a data warehouse
}

int MergeTable::columnIndex(const QString &name) const
{
    for (int i = 0; i < columns.size(); ++i) {
        if (columns.at(i).compare(name, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

QString MergeData::detectEncoding(const QByteArray &bytes)
{
    if (bytes.startsWith("\xEF\xBB\xBF"))
        return QStringLiteral("UTF-8");
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = utf8.decode(bytes); // decoding happens on conversion, not before
    return utf8.hasError() ? QStringLiteral("GB18030") : QStringLiteral("UTF-8");
}

QChar MergeData::sniffDelimiter(const QString &firstLine)
{
    QChar best = u',';
    int bestCount = 0;
    for (const QChar candidate : {u',', u';', u'\t', u'|'}) {
        int count = 0;
        bool quoted = false;
        for (const QChar c : firstLine) {
            if (c == u'"')
                quoted = !quoted;
            else if (!quoted && c == candidate)
                ++count;
        }
        if (count > bestCount) {
            best = candidate;
            bestCount = count;
        }
    }
    return best;
}

std::optional<MergeTable> MergeData::readFile(const QString &path, const Options &options, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    if (file.size() > kMaxDataFile) {
        *error = tr("%1 is larger than 256 MB; split it into several runs.").arg(path);
        return std::nullopt;
    }
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (isWorkbook(path)) {
        std::optional<MergeTable> table = parseXlsx(file.readAll(), options, error);
        if (!table)
            *error = tr("%1: %2").arg(path, *error);
        return table;
    }
    if (suffix == QLatin1String("xls") || suffix == QLatin1String("ods")) {
        *error = tr("%1: .xls and .ods are not read; save it as .xlsx or as CSV (UTF-8 or GB18030) in Excel, "
                    "WPS or LibreOffice and use that file.")
                     .arg(path);
        return std::nullopt;
    }
    return parseCsv(file.readAll(), options, error);
}

bool MergeData::isWorkbook(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("xlsx") || suffix == QLatin1String("xlsm");
}

std::optional<QStringList> MergeData::sheetNames(const QString &path, QString *error)
{
    const std::optional<QList<Sheet>> found = sheets(path, error);
    if (!found)
        return std::nullopt;
    QStringList names;
    for (const Sheet &sheet : *found)
        names << sheet.name;
    return names;
}

std::optional<QList<MergeData::Sheet>> MergeData::sheets(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    if (file.size() > kMaxDataFile) {
        *error = tr("%1 is larger than 256 MB; split it into several runs.").arg(path);
        return std::nullopt;
    }
    XlsxReader reader;
    XlsxReader::Error readError;
    if (!reader.open(file.readAll(), &readError)) {
        *error = readError.message;
        return std::nullopt;
    }
    QList<Sheet> found;
    const QStringList names = reader.sheetNames();
    for (int i = 0; i < names.size(); ++i)
        found << Sheet{names.at(i), !reader.isSheetVisible(i)};
    return found;
}

std::optional<MergeTable> MergeData::parseXlsx(const QByteArray &bytes, const Options &options,
                                               QString *error)
{
    XlsxReader reader;
    XlsxReader::Error readError;
    std::optional<XlsxReader::Sheet> sheet;
    if (reader.open(bytes, &readError))
        sheet = reader.readSheet(options.sheet, &readError);
    if (!sheet) {
        *error = readError.message;
        return std::nullopt;
    }
    // The first non-empty row is the header; a table may start anywhere (C5), so the columns are the
    // header's named cells. A value under no name would be dropped silently: refuse it instead.
    const QMap<int, QString> &header = sheet->rows.first();
    const QList<int> columns = header.keys();
    QList<QStringList> records;
    records << header.values();
    for (qsizetype i = 1; i < sheet->rows.size(); ++i) {
        const QMap<int, QString> &cells = sheet->rows.at(i);
        QStringList record;
        for (const int column : columns)
            record << cells.value(column);
        for (auto cell = cells.cbegin(); cell != cells.cend(); ++cell) {
            if (!header.contains(cell.key())) {
                *error =
                    tr("The cell %1 holds \"%2\", but its column has no name in the header row %3. Name "
                       "the column or clear the cell.")
                        .arg(XlsxReader::columnName(cell.key()) + QString::number(sheet->rowNumbers.at(i)),
                             cell.value().left(40))
                        .arg(sheet->rowNumbers.first());
                return std::nullopt;
            }
        }
        records << record;
    }
    MergeTable table;
    table.sheet = sheet->name;
    return fromRecords(std::move(table), std::move(records), error);
}

std::optional<MergeTable> MergeData::parseCsv(const QByteArray &bytes, const Options &options, QString *error)
{
    MergeTable table;
    table.encoding = options.encoding.isEmpty() ? detectEncoding(bytes) : options.encoding;
    QStringDecoder decoder(table.encoding.toLatin1().constData(), QStringDecoder::Flag::Stateless);
    if (!decoder.isValid()) {
        *error = tr("Unknown encoding \"%1\"; use UTF-8 or GB18030.").arg(table.encoding);
        return std::nullopt;
    }
    QString text = decoder.decode(bytes);
    if (decoder.hasError()) {
        *error =
            tr("The file is not valid %1 text. Choose its encoding (UTF-8 or GB18030).").arg(table.encoding);
        return std::nullopt;
    }
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1); // Excel's "CSV UTF-8" BOM
    table.delimiter =
        options.delimiter.isNull() ? sniffDelimiter(text.left(text.indexOf(u'\n'))) : options.delimiter;

    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    int line = 1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == u'\n')
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == u'"' && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
        } else if (c == table.delimiter) {
            record << field;
            field.clear();
            fieldStarted = false;
        } else if (c == u'\r') {
            continue;
        } else if (c == u'\n') {
            record << field;
            field.clear();
            fieldStarted = false;
            if (!(record.size() == 1 && record.first().isEmpty()))
                records << record; // blank lines are not rows
            record.clear();
            ++line;
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (quoted) {
        *error = tr("A quoted field is not closed (from line %1 on).").arg(line);
        return std::nullopt;
    }
    if (fieldStarted || !record.isEmpty()) {
        record << field;
        records << record;
    }
    if (records.isEmpty()) {
        *error = tr("The file holds no rows.");
        return std::nullopt;
    }
    return fromRecords(std::move(table), std::move(records), error);
}

std::optional<MergeTable> MergeData::fromRecords(MergeTable table, QList<QStringList> records, QString *error)
{
    for (const QString &name : records.takeFirst())
        table.columns << name.trimmed();
    for (int i = 0; i < table.columns.size(); ++i) {
        if (table.columns.at(i).isEmpty()) {
            *error = tr("Column %1 of the first row has no name; the first row must name every column.")
                         .arg(i + 1);
            return std::nullopt;
        }
        if (table.columnIndex(table.columns.at(i)) != i) {
            *error = tr("The column name \"%1\" appears twice.").arg(table.columns.at(i));
            return std::nullopt;
        }
    }
    for (int i = 0; i < records.size(); ++i) {
        QStringList row = records.at(i);
        if (row.size() > table.columns.size()) {
            *error = tr("Row %1 has %2 fields but the first row names %3 columns.")
                         .arg(i + 1)
                         .arg(row.size())
                         .arg(table.columns.size());
            return std::nullopt;
        }
        while (row.size() < table.columns.size())
            row << QString(); // Excel drops trailing empty cells
        table.rows << row;
    }
    return table;
}
