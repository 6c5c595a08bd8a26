#include "tlspreparation.h"

#include <QCoreApplication>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QThread>

TlsPreparation::TlsPreparation(QObject *parent)
    : QObject(parent)
{
}

// A thread object destroyed while its thread runs aborts the process: the last resort for an
// application object destroyed without quitting (see start()).
TlsPreparation::~TlsPreparation()
{
    if (m_thread)
        m_thread->wait();
}

TlsPreparation *TlsPreparation::instance()
{
    static TlsPreparation *preparation = new TlsPreparation(QCoreApplication::instance());
    return preparation;
}

void TlsPreparation::start()
{
    if (m_thread || m_done)
        return;
    // Qt guards its TLS backend with a mutex: a Send that comes before this is done waits for it,
    // which is no worse than loading it itself.
    m_thread = QThread::create([] {
        if (QSslSocket::supportsSsl())
            QSslConfiguration::defaultConfiguration(); // the default ciphers and curves, filled in once
    });
    m_thread->setObjectName(QStringLiteral("TLS backend"));
    m_thread->setParent(this);
    connect(m_thread, &QThread::finished, this, [this] {
        m_done = true;
        m_thread->deleteLater();
        m_thread = nullptr;
        emit finished();
    });
    // Waiting when the application object is already being destroyed is too late (the loading thread
    // asks it for the library paths): a quit waits while it is still whole.
    connect(QCoreApplication::instance(), &QCoreApplication::aboutToQuit, this, [this] {
        if (m_thread)
            m_thread->wait();
    });
    m_thread->start(QThread::LowPriority);
}
