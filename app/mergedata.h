#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The table a bulk run reads its rows from: the first row names the columns (the template's fields).
struct MergeTable
{
    QStringList columns;
    QList<QStringList> rows; // each as long as columns
    QString encoding;        // as detected or chosen: "UTF-8", "GB18030"; empty for a workbook
    QChar delimiter;
    QString sheet; // the workbook sheet the rows come from; empty for CSV

    int columnIndex(const QString &name) const;
};

// Reads .csv as Excel, WPS and LibreOffice save it: UTF-8 with or without BOM, or GB18030/GBK (what
// Excel and WPS in China write without a BOM), with the delimiter sniffed (, ; tab |) and RFC 4180
// quoting (quoted delimiters, doubled quotes, line breaks inside quotes). Reads .xlsx workbooks too
// (XlsxReader): one sheet, whose first non-empty row names the columns.
class MergeData
{
    Q_DECLARE_TR_FUNCTIONS(MergeData)

public:
    struct Options
    {
        QString encoding;        // empty: detect
        QChar delimiter = u'\0'; // null: sniff
        QString sheet;           // .xlsx: the sheet's name; empty: the first (visible) sheet
    };
    static std::optional<MergeTable> readFile(const QString &path, const Options &options, QString *error);
    struct Sheet
    {
        QString name;
        bool hidden = false; // the workbook hides it ("hidden" or "veryHidden")
    };
    // The sheets of an .xlsx workbook in its order, for a choice; nothing (and why) when it is not a
    // readable workbook.
    static std::optional<QList<Sheet>> sheets(const QString &path, QString *error);
    static std::optional<QStringList> sheetNames(const QString &path, QString *error);
    static bool isWorkbook(const QString &path);
    static std::optional<MergeTable> parseXlsx(const QByteArray &bytes, const Options &options,
                                               QString *error);
    static std::optional<MergeTable> parseCsv(const QByteArray &bytes, const Options &options,
                                              QString *error);
    // "UTF-8" when bytes are valid UTF-8 (a BOM is dropped later), else "GB18030".
    static QString detectEncoding(const QByteArray &bytes);
    static QChar sniffDelimiter(const QString &firstLine);

private:
    // The first record names the columns; checks the names and pads short rows.
    static std::optional<MergeTable> fromRecords(MergeTable table, QList<QStringList> records,
                                                 QString *error);
};
