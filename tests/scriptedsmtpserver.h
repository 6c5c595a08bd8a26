#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTimer>

// A fake SMTP server for edge cases no real server produces on demand: replies split at every byte, ten
// replies in one write, a STARTTLS answer with injected bytes, a server that closes mid-DATA, goes silent,
// or trickles. It follows a script of steps and records every client line with the client flight it
// arrived in (a flight is what the client wrote between two server writes). Once a connection has ended,
// the next one continues the script where it stopped (a client that retries).
class ScriptedSmtpServer : public QTcpServer
{
    Q_OBJECT
public:
    struct Step
    {
        enum class Kind { Send, Expect, ReceiveData, ReceiveBdat, StartTls, Close, Reset, Silent, Trickle };
        Kind kind;
        QByteArray bytes; // Send/Trickle: what to write; Expect: the line prefix expected
        int chunk = 0;    // Send: write in pieces of this many bytes, one per event-loop turn (0: at once)
        int intervalMs = 0;
    };
    struct ReceivedLine
    {
        QByteArray line;
        int flight = 0;
    };

    explicit ScriptedSmtpServer(QObject *parent = nullptr);

    void setCertificate(const QSslCertificate &certificate, const QSslKey &key);
    void setImplicitTls(bool on) { m_implicitTls = on; }

    ScriptedSmtpServer &send(const QByteArray &bytes, int chunk = 0);
    ScriptedSmtpServer &expect(const QByteArray &prefix);
    ScriptedSmtpServer &receiveData(); // lines until "." alone; body kept (still dot-stuffed)
    ScriptedSmtpServer &receiveBdat(); // the body of the preceding "BDAT n" line, n bytes
    ScriptedSmtpServer &startTls();    // server side handshake now
    ScriptedSmtpServer &closeConnection();
    // Drops the connection with a TCP reset (RST), as a crashing server or a middlebox does.
    ScriptedSmtpServer &resetConnection();
    ScriptedSmtpServer &silent();
    ScriptedSmtpServer &trickle(const QByteArray &bytes, int intervalMs);
    // Common openings: greeting, EHLO answered with ehlo, STARTTLS agreed and the handshake done...
    ScriptedSmtpServer &upToTls(const QByteArray &greeting, const QByteArray &ehlo);
    // ...or, one reply per command (ehlo without PIPELINING), MAIL and RCPT accepted and DATA answered 354.
    ScriptedSmtpServer &upToData(const QByteArray &greeting, const QByteArray &ehlo);

    quint16 port() const { return serverPort(); }
    const QList<ReceivedLine> &lines() const { return m_lines; }
    QList<QByteArray> lineTexts() const;
    int flightOf(const QByteArray &prefix) const; // flight of the first line starting with prefix, or -1
    const QList<QByteArray> &bodies() const { return m_bodies; }
    bool scriptFinished() const { return m_step >= m_script.size(); }
    bool clientDisconnected() const { return m_disconnected; }
    QString failure() const { return m_failure; } // a line the script did not expect

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void onReadyRead();
    void run();
    void write(const QByteArray &bytes);
    bool takeLine(QByteArray *line);

    QList<Step> m_script;
    qsizetype m_step = 0;
    QPointer<QSslSocket> m_socket;
    QSslCertificate m_certificate;
    QSslKey m_key;
    bool m_implicitTls = false;
    QByteArray m_buffer;
    QList<ReceivedLine> m_lines;
    QList<QByteArray> m_bodies;
    QByteArray m_currentBody;
    qint64 m_bdatRemaining = -1;
    int m_flight = 0;
    bool m_wroteSinceRead = true;
    bool m_busy = false;
    bool m_disconnected = false;
    QString m_failure;
};
