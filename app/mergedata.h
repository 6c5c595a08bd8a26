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
    QString encoding;        // as detected or chosen: "UTF-8", "GB18030"
    QChar delimiter;

    int columnIndex(const QString &name) const;
};

// Reads .csv as Excel, WPS and LibreOffice save it: UTF-8 with or without BOM, or GB18030/GBK (what
// Excel and WPS in China write without a BOM), with the delimiter sniffed (, ; tab |) and RFC 4180
// quoting (quoted delimiters, doubled quotes, line breaks inside quotes).
class MergeData
{
    Q_DECLARE_TR_FUNCTIONS(MergeData)

public:
    struct Options
    {
        QString encoding;        // empty: detect
        QChar delimiter = u'\0'; // null: sniff
    };
    static std::optional<MergeTable> readFile(const QString &path, const Options &options, QString *error);
    static std::optional<MergeTable> parseCsv(const QByteArray &bytes, const Options &options,
                                              QString *error);
    // "UTF-8" when bytes are valid UTF-8 (a BOM is dropped later), else "GB18030".
    static QString detectEncoding(const QByteArray &bytes);
    static QChar sniffDelimiter(const QString &firstLine);
};
