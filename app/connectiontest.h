#pragma once

#include "smtperror.h"
#include "smtpserversettings.h"
#include "transcriptentry.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslError>
#include <QStringList>

class SmtpSession;

// "Test connection" in the account dialog: connect, TLS, EHLO, AUTH and QUIT, without any message, and
// what was learnt (encryption, login method, extensions, a refused certificate) for the dialog to show.
class ConnectionTest : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionTest(QObject *parent = nullptr);
    ~ConnectionTest() override;

    // Starts a test; finished() follows once. False when one is running already.
    bool start(const SmtpServerSettings &settings);
    void cancel();
    bool isRunning() const;

    bool wasEncrypted() const { return m_encrypted; }
    // The TLS library in use and the one Qt was built against, for the About box.
    static QString tlsLibraryVersion();
    static QString tlsLibraryBuildVersion();
    QByteArray authenticatedMechanism() const { return m_mechanism; }
    QStringList extensions() const { return m_extensions; }
    QList<QSslCertificate> rejectedCertificateChain() const { return m_rejectedChain; }
    QList<QSslError> rejectedCertificateErrors() const { return m_rejectedErrors; }

signals:
    void transcriptEntryAdded(const TranscriptEntry &entry);
    void finished(const SmtpError &error);

private:
    QPointer<SmtpSession> m_session;
    bool m_encrypted = false;
    QByteArray m_mechanism;
    QStringList m_extensions;
    QList<QSslCertificate> m_rejectedChain;
    QList<QSslError> m_rejectedErrors;
};
