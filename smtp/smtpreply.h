#pragma once

#include "enhancedstatuscode.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

// One complete (possibly multi-line) SMTP reply as RFC 5321 section 4.2 defines it.
class SmtpReply
{
public:
    SmtpReply() = default;
    SmtpReply(int code, QList<QByteArray> lines);

    int code() const { return m_code; }
    bool isValid() const { return m_code >= 200 && m_code <= 599; }
    bool isPositiveCompletion() const { return m_code / 100 == 2; }
    bool isPositiveIntermediate() const { return m_code / 100 == 3; }
    bool isTransientFailure() const { return m_code / 100 == 4; }
    bool isPermanentFailure() const { return m_code / 100 == 5; }
    bool isFailure() const { return isTransientFailure() || isPermanentFailure(); }

    // Text of each line after "NNN-" / "NNN " (the enhanced status code, if any, is kept).
    const QList<QByteArray> &lines() const { return m_lines; }
    // The enhanced status code found at the start of the first line, if the reply has one.
    std::optional<EnhancedStatusCode> enhancedCode() const { return m_enhanced; }
    // All lines' text with the enhanced code stripped, joined by '\n', decoded as UTF-8 (lossy).
    QString text() const;
    // The reply as it appeared on the wire, lines joined by "\r\n" (no trailing CRLF).
    QByteArray toWireFormat() const;

private:
    int m_code = 0;
    QList<QByteArray> m_lines;
    std::optional<EnhancedStatusCode> m_enhanced;
};

Q_DECLARE_METATYPE(SmtpReply)
