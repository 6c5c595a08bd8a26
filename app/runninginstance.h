#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class QLocalServer;

// One Sendscope per user and settings directory. A second launch (a mailto: link clicked while Sendscope
// runs, `sendscope --attach FILE`) hands its arguments to the running one and exits, instead of starting
// a second process that would restore and autosave the same drafts.
class RunningInstance : public QObject
{
    Q_OBJECT
public:
    // The socket's path: per user (the runtime directory, 0700; never a shared /tmp) and per settings
    // directory (so that tests and separate profiles with their own XDG_CONFIG_HOME do not meet).
    static QString defaultName();

    explicit RunningInstance(QString name = defaultName(), QObject *parent = nullptr);
    ~RunningInstance() override;

    // Gives the arguments (and the directory they are relative to) to a running instance. True when one
    // took them; false at once when none runs, or after timeoutMs when one does not answer.
    bool handOver(const QStringList &arguments, const QString &workingDirectory, int timeoutMs = 3000);
    // Becomes the running instance. A socket left behind by a crashed instance is replaced.
    bool listen();
    QString name() const { return m_name; }
    // Both ends check with SO_PEERCRED that the other is this user (and the launch, that the socket file
    // is this user's): another user must neither feed arguments to this instance nor receive a launch's.
    // Tests pretend to be someone else by expecting another uid.
    void setExpectedUidForTesting(uint uid) { m_uid = uid; }

signals:
    void argumentsReceived(const QStringList &arguments, const QString &workingDirectory);

private:
    void onNewConnection();

    bool socketIsOurs() const;

    QString m_name;
    uint m_uid;
    QLocalServer *m_server = nullptr;
};
