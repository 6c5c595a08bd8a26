#include "sandboxcertificate.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTimer>

SandboxCertificate::SandboxCertificate(QString directory, QObject *parent)
    : QObject(parent)
    , m_directory(std::move(directory))
{
}

QString SandboxCertificate::certificatePath() const
{
    return QDir(m_directory).filePath(QStringLiteral("sandbox-cert.pem"));
}

QString SandboxCertificate::keyPath() const
{
    return QDir(m_directory).filePath(QStringLiteral("sandbox-key.pem"));
}

bool SandboxCertificate::load()
{
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(certificatePath());
    QFile keyFile(keyPath());
    if (certificates.isEmpty() || !keyFile.open(QIODevice::ReadOnly))
        return false;
    const QSslKey key(&keyFile, QSsl::Ec);
    if (key.isNull() || certificates.first().expiryDate() < QDateTime::currentDateTime().addDays(1))
        return false;
    m_certificate = certificates.first();
    m_key = key;
    return true;
}

void SandboxCertificate::ensure()
{
    if (load()) {
        QTimer::singleShot(0, this, &SandboxCertificate::ready);
        return;
    }
    if (!QDir().mkpath(m_directory)) {
        QTimer::singleShot(0, this,
                           [this] { emit failed(tr("Cannot create the folder %1.").arg(m_directory)); });
        return;
    }
    m_openssl = new QProcess(this);
    m_openssl->setProcessChannelMode(QProcess::MergedChannels);
    connect(m_openssl, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        emit failed(tr("The sandbox needs the openssl program to make its TLS certificate for STARTTLS "
                       "(Debian package openssl): %1")
                        .arg(m_openssl->errorString()));
    });
    connect(m_openssl, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
        const QString output = QString::fromLocal8Bit(m_openssl->readAll()).trimmed();
        QFile::setPermissions(keyPath(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        if (status != QProcess::NormalExit || exitCode != 0 || !load()) {
            emit failed(tr("openssl could not make the sandbox certificate: %1").arg(output));
            return;
        }
        emit ready();
    });
    // EC P-256: quick to make, and every TLS library accepts it.
    m_openssl->start(QStringLiteral("openssl"),
                     {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                      QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                      QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                      QStringLiteral("-days"), QStringLiteral("3650"), QStringLiteral("-subj"),
                      QStringLiteral("/CN=localhost/O=Sendscope sandbox"), QStringLiteral("-addext"),
                      QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1"),
                      QStringLiteral("-keyout"), keyPath(), QStringLiteral("-out"), certificatePath()});
}
