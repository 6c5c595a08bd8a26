#include "certificatedialog.h"

#include "screenfit.h"

#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStringList>
#include <QTextBrowser>
#include <QVBoxLayout>

CertificateDialog::CertificateDialog(const QString &host, const QList<QSslCertificate> &chain,
                                     const QList<QSslError> &errors, bool previouslyPinned, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Untrusted certificate — %1").arg(host));
    auto *layout = new QVBoxLayout(this);

    auto *headline = new QLabel(this);
    headline->setWordWrap(true);
    headline->setTextFormat(Qt::RichText);
    QString intro = tr("<b>The certificate of %1 cannot be verified.</b> Someone could be intercepting the "
                       "connection. Nothing has been sent.")
                        .arg(host.toHtmlEscaped());
    if (previouslyPinned) {
        intro += QStringLiteral("<br><br><b>") +
                 tr("Warning: this account trusts a different certificate for this server. A changed "
                    "certificate is what an interception looks like; trust this one only if the server's "
                    "administrator confirms the change.")
                     .toHtmlEscaped() +
                 QStringLiteral("</b>");
    }
    headline->setText(intro);
    layout->addWidget(headline);

    QString details = QStringLiteral("<p><b>%1</b></p><ul>").arg(tr("Why").toHtmlEscaped());
    for (const QSslError &error : errors) {
        const QString explained = explanation(error, host);
        details += explained == error.errorString()
                       ? QStringLiteral("<li>%1</li>").arg(explained.toHtmlEscaped())
                       : QStringLiteral("<li>%1<br><small>%2</small></li>")
                             .arg(explained.toHtmlEscaped(),
                                  tr("Technical detail: %1").arg(error.errorString()).toHtmlEscaped());
    }
    details += QStringLiteral("</ul>");
    const QLocale locale;
    for (qsizetype i = 0; i < chain.size(); ++i) {
        const QSslCertificate &certificate = chain.at(i);
        details +=
            QStringLiteral("<p><b>%1</b><br>%2: %3<br>%4: %5<br>%6: %7 – %8<br>%9:<br><tt>%10</tt></p>")
                .arg((i == 0 ? tr("Server certificate") : tr("Issuer certificate %1").arg(i)).toHtmlEscaped(),
                     tr("Subject").toHtmlEscaped(), certificate.subjectDisplayName().toHtmlEscaped(),
                     tr("Issuer").toHtmlEscaped(), certificate.issuerDisplayName().toHtmlEscaped(),
                     tr("Valid").toHtmlEscaped(),
                     locale.toString(certificate.effectiveDate(), QLocale::ShortFormat).toHtmlEscaped(),
                     locale.toString(certificate.expiryDate(), QLocale::ShortFormat).toHtmlEscaped(),
                     tr("SHA-256 fingerprint").toHtmlEscaped())
                .arg(fingerprint(certificate));
    }
    auto *browser = new QTextBrowser(this);
    browser->setHtml(details);
    browser->setAccessibleName(tr("Certificate details"));
    layout->addWidget(browser, 1);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *refuse = buttons->addButton(tr("&Refuse"), QDialogButtonBox::RejectRole);
    QPushButton *once = buttons->addButton(tr("Trust &once"), QDialogButtonBox::AcceptRole);
    QPushButton *always =
        buttons->addButton(tr("Trust &always for this account"), QDialogButtonBox::AcceptRole);
    once->setObjectName(QStringLiteral("trustOnce"));
    always->setObjectName(QStringLiteral("trustAlways"));
    refuse->setObjectName(QStringLiteral("refuse"));
    refuse->setDefault(true);
    refuse->setFocus();
    connect(refuse, &QPushButton::clicked, this, [this] {
        m_decision = Decision::Refuse;
        reject();
    });
    connect(once, &QPushButton::clicked, this, [this] {
        m_decision = Decision::TrustOnce;
        accept();
    });
    connect(always, &QPushButton::clicked, this, [this] {
        m_decision = Decision::TrustAlways;
        accept();
    });
    layout->addWidget(buttons);
    ScreenFit::resizeWithin(this, {620, 460});
}

QString CertificateDialog::fingerprint(const QSslCertificate &certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

QString CertificateDialog::explanation(const QSslError &error, const QString &host)
{
    const QSslCertificate certificate = error.certificate();
    const QLocale locale;
    switch (error.error()) {
    case QSslError::CertificateExpired:
        return certificate.isNull()
                   ? tr("The certificate has expired.")
                   : tr("The certificate expired on %1.")
                         .arg(locale.toString(certificate.expiryDate().toLocalTime(), QLocale::ShortFormat));
    case QSslError::CertificateNotYetValid:
        return certificate.isNull()
                   ? tr("The certificate is not valid yet.")
                   : tr("The certificate is not valid until %1. Check that this computer's clock is right.")
                         .arg(locale.toString(certificate.effectiveDate().toLocalTime(),
                                              QLocale::ShortFormat));
    case QSslError::SelfSignedCertificate:
        return tr("The certificate is self-signed: the server vouches for itself, and no certificate "
                  "authority this computer knows confirms it.");
    case QSslError::SelfSignedCertificateInChain:
        return tr("The certificate chain ends in a self-signed certificate that this computer does not "
                  "trust (a private or company certificate authority).");
    case QSslError::HostNameMismatch: {
        QStringList names = certificate.subjectAlternativeNames().values(QSsl::DnsEntry);
        if (names.isEmpty())
            names = certificate.subjectInfo(QSslCertificate::CommonName);
        names.removeDuplicates();
        names.sort(Qt::CaseInsensitive);
        return names.isEmpty() ? tr("The certificate was made for another server, not for %1.").arg(host)
                               : tr("The certificate was made for %1, not for %2.")
                                     .arg(names.join(QStringLiteral(", ")), host);
    }
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
        return certificate.isNull() || certificate.issuerDisplayName().isEmpty()
                   ? tr("The certificate was issued by an authority this computer does not know.")
                   : tr("The certificate was issued by \"%1\", an authority this computer does not know.")
                         .arg(certificate.issuerDisplayName());
    case QSslError::CertificateRevoked:
        return tr("The certificate has been revoked by the authority that issued it.");
    case QSslError::CertificateUntrusted:
    case QSslError::CertificateRejected:
        return tr("The certificate is not trusted for this purpose.");
    default:
        return error.errorString();
    }
}
