#pragma once

#include <QByteArrayView>
#include <QString>

#include <optional>

// An RFC 3463 enhanced status code ("5.7.8"), as carried at the start of an SMTP reply's text.
class EnhancedStatusCode
{
public:
    EnhancedStatusCode() = default;
    EnhancedStatusCode(int klass, int subject, int detail);

    // Parses "class.subject.detail" at the start of text (leading spaces allowed). Class must be 2, 4 or 5;
    // subject 0-999, detail 0-999 (RFC 3463 section 2). Returns nullopt when text does not start with one.
    static std::optional<EnhancedStatusCode> parse(QByteArrayView text, qsizetype *consumed = nullptr);

    int klass() const { return m_class; }
    int subject() const { return m_subject; }
    int detail() const { return m_detail; }
    bool isValid() const { return m_class != 0; }
    bool isPermanent() const { return m_class == 5; }
    bool isTransient() const { return m_class == 4; }
    QString toString() const;

    // Meaning from the IANA "Enumerated Status Codes" registry (translated), e.g. "Bad destination mailbox
    // address" for X.1.1. Falls back to the subject's meaning ("Addressing status") for unregistered details.
    QString description() const;

    friend bool operator==(const EnhancedStatusCode &, const EnhancedStatusCode &) = default;

private:
    int m_class = 0;
    int m_subject = 0;
    int m_detail = 0;
};
