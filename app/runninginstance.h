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
    // The socket name: per user (the runtime directory) and per settings directory (so that tests and
    // separate profiles with their own XDG_CONFIG_HOME do not meet).
    static QString defaultName();

    explicit RunningInstance(QString name = defaultName(), QObject *parent = nullptr);
    ~RunningInstance() override;

    // Gives the arguments (and the directory they are relative to) to a running instance. True when one
    // took them; false at once when none runs, or after timeoutMs when one does not answer.
    bool handOver(const QStringList &arguments, const QString &workingDirectory, int timeoutMs = 3000);
    // Becomes the running instance. A socket left behind by a crashed instance is replaced.
    bool listen();
    QString name() const { return m_name; }

signals:
    void argumentsReceived(const QStringList &arguments, const QString &workingDirectory);

private:
    void onNewConnection();

    QString m_name;
    QLocalServer *m_server = nullptr;
};
