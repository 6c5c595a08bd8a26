#pragma once

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QString>

enum class SmtpSecurity {
    None,        // plain text; AUTH only when allowPlaintextAuth
    StartTls,    // RFC 3207; refuses to go on in clear text when STARTTLS is missing or fails
    ImplicitTls, // RFC 8314, usually port 465
};

// Everything SmtpSession needs to know about the server and the login. Plain data, no QObject.
struct SmtpServerSettings
{
    QString host;
    quint16 port = 0; // 0: the default for the security (25, 587, 465)
    SmtpSecurity security = SmtpSecurity::StartTls;

    QByteArray authMechanism; // empty: the strongest offered; "NONE": do not authenticate
    QString username;         // empty: do not authenticate
    QString secret;           // password or OAuth bearer token
    bool secretIsToken = false;
    bool allowPlaintextAuth = false; // send credentials over an unencrypted link (the user said so)

    QList<QSslCertificate> extraCaCertificates; // trusted in addition to the system's
    QList<QByteArray> trustedFingerprints;      // SHA-256 of leaf certificates (raw 32 bytes) accepted
                                                // even when verification fails
    QString localHostName;                      // EHLO argument; empty: FQDN or address literal

    int connectTimeoutMs = 30'000;
    int replyTimeoutMs = 120'000; // for one reply; RFC 5321 suggests minutes, users do not wait that long
    int sessionTimeoutMs = 0;     // whole session; 0: none
    bool usePipelining = true;    // use PIPELINING when offered
    bool useChunking = true;      // use CHUNKING (BDAT) when offered

    quint16 effectivePort() const;
    static quint16 defaultPort(SmtpSecurity security);
    static QString securityName(SmtpSecurity security); // "none", "starttls", "tls"
};
