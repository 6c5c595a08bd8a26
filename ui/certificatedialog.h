#pragma once

#include <QDialog>
#include <QList>
#include <QSslCertificate>
#include <QSslError>

// Shown when a server's certificate cannot be verified: the exact errors and the chain (subject, issuer,
// validity, SHA-256 fingerprint). The safe answer is the default: refuse. Trusting pins exactly this
// leaf certificate, once (this connection) or always (stored with the account).
class CertificateDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Decision { Refuse, TrustOnce, TrustAlways };

    // previouslyPinned: the account already trusts another certificate for this server, so this one
    // replaced it; the dialog warns that this is what an interception would look like.
    CertificateDialog(const QString &host, const QList<QSslCertificate> &chain,
                      const QList<QSslError> &errors, bool previouslyPinned, QWidget *parent = nullptr);

    Decision decision() const { return m_decision; }

    static QString fingerprint(const QSslCertificate &certificate); // AB:CD:... upper-case hex
    // The usual reasons in words a person can act on (and translated), rather than the TLS library's
    // text, which the dialog keeps as a detail; host is the name that was asked for.
    static QString explanation(const QSslError &error, const QString &host);

private:
    Decision m_decision = Decision::Refuse;
};
