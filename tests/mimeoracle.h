#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryFile>

// Runs tests/mimeoracle.py (Python's standard email package) on a message and returns what a mail
// reader would show, as JSON; an empty object when the oracle could not run.
inline QJsonObject runMimeOracle(const QByteArray &message)
{
    QTemporaryFile file;
    if (!file.open())
        return {};
    file.write(message);
    file.flush();
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral(SENDSCOPE_SOURCE_DIR "/tests/mimeoracle.py"), file.fileName()});
    if (!python.waitForFinished(60000) || python.exitCode() != 0) {
        qWarning("mime oracle failed: %s", python.readAllStandardError().constData());
        return {};
    }
    return QJsonDocument::fromJson(python.readAllStandardOutput()).object();
}
