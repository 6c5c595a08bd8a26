#pragma once

#include <QObject>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>

class QProcess;

// The sandbox's own TLS identity, so STARTTLS can be rehearsed: a self-signed certificate for localhost
// and 127.0.0.1, made once with the openssl command line tool (Qt has no API to create certificates)
// and kept in the sandbox folder. The client side pins its SHA-256 fingerprint.
class SandboxCertificate : public QObject
{
    Q_OBJECT
public:
    explicit SandboxCertificate(QString directory, QObject *parent = nullptr);

    // Loads the pair from the directory, or generates it; ready() or failed() follows, asynchronously.
    void ensure();

    QSslCertificate certificate() const { return m_certificate; }
    QSslKey key() const { return m_key; }
    QString certificatePath() const;
    QString keyPath() const;

signals:
    void ready();
    void failed(const QString &message);

private:
    bool load();

    QString m_directory;
    QSslCertificate m_certificate;
    QSslKey m_key;
    QProcess *m_openssl = nullptr;
};
