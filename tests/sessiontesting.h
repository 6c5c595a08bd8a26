#pragma once

// What the SmtpSession tests share: canned server lines, settings for a scripted server on loopback,
// and running a session to its end (bounded) while keeping what it reported.

#include "messagesource.h"
#include "smtpsession.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>
#include <QStringList>

namespace SessionTesting {

inline const QByteArray kGreeting = "220 fake.example.com ESMTP ready\r\n";
inline const QByteArray kEhloPipelining =
    "250-fake.example.com\r\n250-PIPELINING\r\n250-8BITMIME\r\n250-SIZE 100000\r\n"
    "250 ENHANCEDSTATUSCODES\r\n";
inline const QByteArray kSimpleBody = "Subject: t\r\n\r\nhello\r\n.starts with dot\r\n.\r\nend\r\n";
inline const QByteArray kStuffedBody = "Subject: t\r\n\r\nhello\r\n..starts with dot\r\n..\r\nend\r\n";

inline SmtpServerSettings plainSettings(quint16 port)
{
    SmtpServerSettings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = port;
    settings.security = SmtpSecurity::None;
    settings.localHostName = QStringLiteral("client.example.com");
    settings.replyTimeoutMs = 3000;
    settings.connectTimeoutMs = 3000;
    return settings;
}

inline SmtpServerSettings tlsSettings(quint16 port, const QSslCertificate &trusted)
{
    SmtpServerSettings settings = plainSettings(port);
    settings.security = SmtpSecurity::StartTls;
    settings.extraCaCertificates = {trusted};
    return settings;
}

inline OutgoingMessage message(const QByteArray &body,
                               const QStringList &recipients = {QStringLiteral("b@example.com")})
{
    OutgoingMessage outgoing;
    outgoing.from = QStringLiteral("a@example.com");
    outgoing.recipients = recipients;
    outgoing.source = MessageSource::fromData(body);
    return outgoing;
}

struct Run
{
    SmtpError error;
    QList<MessageResult> results;
    QString transcript;
    int finishedCount = 0;
    qint64 lastBytesSent = 0;
};

// Starts the session and waits (at most timeoutMs) for it to finish.
inline Run run(SmtpSession &session, int timeoutMs = 10000)
{
    QSignalSpy finished(&session, &SmtpSession::finished);
    Run result;
    QObject::connect(&session, &SmtpSession::bytesSent, &session,
                     [&result](qint64 sent, qint64) { result.lastBytesSent = sent; });
    session.start();
    finished.wait(timeoutMs);
    result.finishedCount = static_cast<int>(finished.size());
    if (!finished.isEmpty())
        result.error = finished.first().first().value<SmtpError>();
    result.results = session.results();
    QStringList lines;
    for (const TranscriptEntry &entry : session.transcript())
        lines << entry.toDisplayString();
    result.transcript = lines.join(u'\n');
    return result;
}

// A self-signed certificate for 127.0.0.1 and localhost, made with openssl in directory.
inline bool makeSelfSignedCertificate(const QString &directory, QSslCertificate *certificate, QSslKey *key)
{
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=localhost"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost"), QStringLiteral("-days"),
                   QStringLiteral("2"), QStringLiteral("-keyout"), directory + QStringLiteral("/key.pem"),
                   QStringLiteral("-out"), directory + QStringLiteral("/cert.pem")});
    if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0)
        return false;
    *certificate = QSslCertificate::fromPath(directory + QStringLiteral("/cert.pem")).value(0);
    QFile keyFile(directory + QStringLiteral("/key.pem"));
    if (!keyFile.open(QIODevice::ReadOnly))
        return false;
    *key = QSslKey(keyFile.readAll(), QSsl::Rsa);
    return !certificate->isNull() && !key->isNull();
}

} // namespace SessionTesting
