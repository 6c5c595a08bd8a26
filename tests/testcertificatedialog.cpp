#include "certificatedialog.h"
#include "widgettesting.h"

#include <QLocale>
#include <QSslCertificate>
#include <QSslError>
#include <QTest>
#include <QTextBrowser>

// The certificate dialog names the usual TLS errors in plain (translatable) words instead of the TLS
// library's text, which stays as a technical detail.
class TestCertificateDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void explainsTheUsualErrors_data();
    void explainsTheUsualErrors();
    void keepsTheLibraryTextAsADetail();

private:
    QSslCertificate m_certificate; // self-signed, for mail.example.net and smtp.example.net
};

// Made with: openssl req -x509 -newkey ec ... -subj "/CN=mail.example.net/O=Example Mail"
// -addext "subjectAltName=DNS:mail.example.net,DNS:smtp.example.net" -days 36500
static const char kCertificate[] = "-----BEGIN CERTIFICATE-----\n"
                                   "MIIB7TCCAZKgAwIBAgIUXD7ZtQFEp0zlteeZ0KeouOMrMqMwCgYIKoZIzj0EAwIw\n"
                                   "MjEZMBcGA1UEAwwQbWFpbC5leGFtcGxlLm5ldDEVMBMGA1UECgwMRXhhbXBsZSBN\n"
                                   "YWlsMCAXDTI2MTEzMDAxNTc0MFoYDzIxMjYxMTA2MDE1NzQwWjAyMRkwFwYDVQQD\n"
                                   "DBBtYWlsLmV4YW1wbGUubmV0MRUwEwYDVQQKDAxFeGFtcGxlIE1haWwwWTATBgcq\n"
                                   "hkjOPQIBBggqhkjOPQMBBwNCAAT9BVDGZCFj50JxvPUQR5IA0QL9zJJy01flUeCb\n"
                                   "AWrCAV7LdJJjmYaWw7BH64SNXS9mykoe+oLOPoaLaEeiJa7eo4GDMIGAMB0GA1Ud\n"
                                   "DgQWBBRaVqLmg+QBrUUELQIFwnjJP7YO5jAfBgNVHSMEGDAWgBRaVqLmg+QBrUUE\n"
                                   "LQIFwnjJP7YO5jAPBgNVHRMBAf8EBTADAQH/MC0GA1UdEQQmMCSCEG1haWwuZXhh\n"
                                   "bXBsZS5uZXSCEHNtdHAuZXhhbXBsZS5uZXQwCgYIKoZIzj0EAwIDSQAwRgIhAK4M\n"
                                   "EiuOBwyDTGaXi8IAABf4joSG+LPihc1aGLDuNBO8AiEA3j+KbA+YAemJRLxCzR/A\n"
                                   "7v807G/aT7fxmpMk3N/CSp4=\n"
                                   "-----END CERTIFICATE-----\n";

void TestCertificateDialog::initTestCase()
{
    WidgetTesting::applyDarkPaletteIfAsked();
    m_certificate = QSslCertificate(QByteArray(kCertificate), QSsl::Pem);
    QVERIFY(!m_certificate.isNull());
}

void TestCertificateDialog::explainsTheUsualErrors_data()
{
    QTest::addColumn<int>("error");
    QTest::addColumn<bool>("withCertificate");
    QTest::addColumn<QString>("expected");

    const QString expiry = QLocale().toString(m_certificate.expiryDate().toLocalTime(), QLocale::ShortFormat);
    const QString effective =
        QLocale().toString(m_certificate.effectiveDate().toLocalTime(), QLocale::ShortFormat);
    QTest::newRow("expired") << int(QSslError::CertificateExpired) << true
                             << QStringLiteral("The certificate expired on %1.").arg(expiry);
    QTest::newRow("expired, no certificate")
        << int(QSslError::CertificateExpired) << false << QStringLiteral("The certificate has expired.");
    QTest::newRow("not yet valid") << int(QSslError::CertificateNotYetValid) << true
                                   << QStringLiteral("not valid until %1").arg(effective);
    QTest::newRow("self-signed") << int(QSslError::SelfSignedCertificate) << true
                                 << QStringLiteral("self-signed: the server vouches for itself");
    QTest::newRow("self-signed in chain") << int(QSslError::SelfSignedCertificateInChain) << true
                                          << QStringLiteral("chain ends in a self-signed certificate");
    QTest::newRow("host name mismatch")
        << int(QSslError::HostNameMismatch) << true
        << QStringLiteral("made for mail.example.net, smtp.example.net, not for smtp.other.example");
    QTest::newRow("host name mismatch, no certificate")
        << int(QSslError::HostNameMismatch) << false
        << QStringLiteral("made for another server, not for smtp.other.example");
    QTest::newRow("unknown local issuer") << int(QSslError::UnableToGetLocalIssuerCertificate) << true
                                          << QStringLiteral("issued by \"mail.example.net\", an authority");
    QTest::newRow("unknown issuer") << int(QSslError::UnableToGetIssuerCertificate) << false
                                    << QStringLiteral("issued by an authority this computer does not know");
    QTest::newRow("first certificate") << int(QSslError::UnableToVerifyFirstCertificate) << false
                                       << QStringLiteral("an authority this computer does not know");
    QTest::newRow("revoked") << int(QSslError::CertificateRevoked) << false << QStringLiteral("revoked");
}

void TestCertificateDialog::explainsTheUsualErrors()
{
    QFETCH(int, error);
    QFETCH(bool, withCertificate);
    QFETCH(QString, expected);
    const QSslError sslError = withCertificate ? QSslError(QSslError::SslError(error), m_certificate)
                                               : QSslError(QSslError::SslError(error));
    const QString text = CertificateDialog::explanation(sslError, QStringLiteral("smtp.other.example"));
    QVERIFY2(text.contains(expected), qPrintable(text));
    QVERIFY(text != sslError.errorString()); // not the library's words
}

void TestCertificateDialog::keepsTheLibraryTextAsADetail()
{
    const QList<QSslError> errors{QSslError(QSslError::SelfSignedCertificate, m_certificate),
                                  QSslError(QSslError::HostNameMismatch, m_certificate)};
    CertificateDialog dialog(QStringLiteral("smtp.other.example"), {m_certificate}, errors, false);
    dialog.show();
    const QString shown = dialog.findChild<QTextBrowser *>()->toPlainText();
    for (const QSslError &error : errors) {
        QVERIFY2(shown.contains(CertificateDialog::explanation(error, QStringLiteral("smtp.other.example"))),
                 qPrintable(shown));
        QVERIFY2(shown.contains(error.errorString()), qPrintable(shown));
    }
    WidgetTesting::screenshot(&dialog, QStringLiteral("certificate-explained"));
}

QTEST_MAIN(TestCertificateDialog)
#include "testcertificatedialog.moc"
