#pragma once

#include <QObject>

class QThread;

// Loads Qt's TLS backend once per process in a worker thread: the plugin scan, dlopen of the OpenSSL
// backend with libssl and libcrypto, and OpenSSL's initialisation. Done on the GUI thread by the first
// QSslSocket, it stalled the window for 16 to 48 ms right after the first Send (profile in
// tests/bench/README.md). The command line does not use it: it needs TLS at once, so there is nothing
// to overlap the loading with.
class TlsPreparation : public QObject
{
    Q_OBJECT
public:
    static TlsPreparation *instance(); // owned by the application object
    ~TlsPreparation() override;

    void start(); // once; later calls do nothing
    bool isDone() const { return m_done; }

signals:
    void finished();

private:
    explicit TlsPreparation(QObject *parent);

    QThread *m_thread = nullptr;
    bool m_done = false;
};
