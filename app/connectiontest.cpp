#include "connectiontest.h"

#include "smtpsession.h"

#include <QSslSocket>

ConnectionTest::ConnectionTest(QObject *parent)
    : QObject(parent)
{
}

ConnectionTest::~ConnectionTest()
{
    if (m_session)
        m_session->cancel();
}

bool ConnectionTest::start(const SmtpServerSettings &settings)
{
    if (m_session)
        return false;
    m_session = new SmtpSession(settings, this);
    connect(m_session, &SmtpSession::transcriptEntryAdded, this, &ConnectionTest::transcriptEntryAdded);
    connect(m_session, &SmtpSession::finished, this, [this](const SmtpError &error) {
        SmtpSession *session = m_session;
        m_session = nullptr;
        m_encrypted = session->isEncrypted();
        m_mechanism = session->authenticatedMechanism();
        m_extensions.clear();
        for (const auto &[keyword, parameters] : session->extensions()) {
            Q_UNUSED(parameters)
            m_extensions << QString::fromLatin1(keyword);
        }
        m_rejectedChain = session->rejectedCertificateChain();
        m_rejectedErrors = session->rejectedCertificateErrors();
        session->deleteLater();
        emit finished(error);
    });
    m_session->start(); // no message: connect, TLS, EHLO, AUTH, QUIT
    return true;
}

void ConnectionTest::cancel()
{
    if (m_session)
        m_session->cancel();
}

bool ConnectionTest::isRunning() const
{
    return !m_session.isNull();
}

QString ConnectionTest::tlsLibraryVersion()
{
    return QSslSocket::sslLibraryVersionString();
}

QString ConnectionTest::tlsLibraryBuildVersion()
{
    return QSslSocket::sslLibraryBuildVersionString();
}
