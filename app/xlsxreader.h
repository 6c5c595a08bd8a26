#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

// Reads the cells of one sheet of an .xlsx workbook (Office Open XML, as Excel, WPS and LibreOffice save
// it) as text the way the spreadsheet shows it: shared and inline strings (rich-text runs joined),
// numbers without a trailing ".0", booleans, dates (a number with a date format) as ISO dates. The zip
// container is read with libzip; every part is capped in size, so a small zip bomb cannot fill memory.
class XlsxReader
{
    Q_DECLARE_TR_FUNCTIONS(XlsxReader)

public:
    enum class ErrorCode {
        None,
        NotZip,
        Encrypted,
        NotWorkbook,
        NoSuchSheet,
        EmptySheet,
        TooLarge,
        Malformed
    };
    struct Error
    {
        ErrorCode code = ErrorCode::None;
        QString message;
    };
    struct Limits
    {
        qint64 maxPartBytes = 64 * 1024 * 1024; // uncompressed, per part (sheet, shared strings, ...)
        qint64 maxCells = 4'000'000;            // non-empty cells, and shared strings
    };
    // The sheet's non-empty rows in order, sparse: a cell far to the right costs no memory for the
    // columns before it.
    struct Sheet
    {
        QString name;
        QList<int> rowNumbers;          // 1-based, as the spreadsheet shows them
        QList<QMap<int, QString>> rows; // 0-based column → text; only non-empty cells
    };

    XlsxReader();
    ~XlsxReader();
    XlsxReader(const XlsxReader &) = delete;
    XlsxReader &operator=(const XlsxReader &) = delete;

    void setLimits(const Limits &limits) { m_limits = limits; }
    // Opens the workbook and reads its sheet list. The bytes are kept until the reader goes away.
    bool open(const QByteArray &bytes, Error *error);
    QStringList sheetNames() const { return m_sheetNames; }
    // False for a sheet its workbook hides (state "hidden" or "veryHidden"), by sheetNames()' index.
    bool isSheetVisible(int index) const { return m_sheetVisible.value(index, true); }
    // The named sheet, or the first visible one when name is empty.
    std::optional<Sheet> readSheet(const QString &name, Error *error);

    // "A" for 0, "AB" for 27; and back (-1 when not letters).
    static QString columnName(int column);
    static int columnIndex(QStringView letters);
    // The text a spreadsheet shows for a number with this format code (dates as ISO 8601).
    static QString formatNumber(double value, const QString &formatCode, bool date1904);
    static bool isDateFormat(int numFmtId, const QString &formatCode);

private:
    struct Zip;
    std::optional<QByteArray> readPart(const QString &name, Error *error) const;
    bool readStyles(const QString &path, Error *error);
    bool readSharedStrings(const QString &path, Error *error);

    Limits m_limits;
    QByteArray m_bytes;
    std::unique_ptr<Zip> m_zip;
    QStringList m_sheetNames;
    QStringList m_sheetParts; // zip entry name of each sheet
    QList<bool> m_sheetVisible;
    QString m_sharedStringsPart;
    QString m_stylesPart;
    bool m_date1904 = false;
    bool m_stylesRead = false;
    QStringList m_sharedStrings;
    QStringList m_cellFormats; // format code per cellXfs index; empty: General
    QList<int> m_cellFormatIds;
};
