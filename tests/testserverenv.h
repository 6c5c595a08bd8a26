#pragma once

// The real test servers (Postfix, aiosmtpd) started by tests/servers/start-test-servers.sh for the CTest
// run: their ports and credentials, read from the env file named by SENDSCOPE_TEST_ENV, and a bounded
// wait for what Postfix delivered. Header-only, shared by the test executables.

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QSslCertificate>
#include <QString>
#include <QTest>

class TestServerEnv
{
public:
    // False when the servers are not running (the test was not started through ctest).
    bool load()
    {
        QFile file(qEnvironmentVariable("SENDSCOPE_TEST_ENV"));
        if (!file.open(QIODevice::ReadOnly))
            return false;
        for (const QByteArray &line : file.readAll().split('\n')) {
            const qsizetype eq = line.indexOf('=');
            if (eq > 0)
                m_values.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)));
        }
        QFile passwordFile(value("TEST_PASSWORD_FILE"));
        if (passwordFile.open(QIODevice::ReadOnly))
            m_password = QString::fromUtf8(passwordFile.readAll()).remove(u'\n');
        return !m_values.isEmpty() && !m_password.isEmpty();
    }

    QString value(const char *key) const { return m_values.value(QString::fromLatin1(key)); }
    QString password() const { return m_password; }
    QList<QSslCertificate> caCertificates() const { return QSslCertificate::fromPath(value("CA_CERT")); }

    // Postfix delivers asynchronously after its 250: poll the user's Maildir (bounded, about 10 s) for
    // a complete message containing needle.
    QByteArray waitForMaildir(const QString &user, const QByteArray &needle) const
    {
        const QString root = value("MAILDIR_ROOT") + u'/' + user;
        for (int attempt = 0; attempt < 200; ++attempt) {
            // Only new/ and cur/: Maildir writers fill tmp/ first and rename when the message is complete.
            for (const QString &sub : {QStringLiteral("/new"), QStringLiteral("/cur")}) {
                QDirIterator it(root + sub, QDir::Files);
                while (it.hasNext()) {
                    QFile file(it.next());
                    if (file.open(QIODevice::ReadOnly)) {
                        const QByteArray content = file.readAll();
                        if (content.contains(needle))
                            return content;
                    }
                }
            }
            QTest::qWait(50);
        }
        return {};
    }

    // How many delivered messages of user hold needle (a Message-ID): the exactly-once tests count
    // them once Postfix has nothing left to deliver.
    int countInMaildir(const QString &user, const QByteArray &needle) const
    {
        int count = 0;
        for (const QString &sub : {QStringLiteral("/new"), QStringLiteral("/cur")}) {
            QDirIterator it(value("MAILDIR_ROOT") + u'/' + user + sub, QDir::Files);
            while (it.hasNext()) {
                QFile file(it.next());
                if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
                    ++count;
            }
        }
        return count;
    }

    // Bounded (about 10 s): true once Postfix's queue is empty, so every accepted message is delivered.
    bool waitForEmptyQueue() const
    {
        for (int attempt = 0; attempt < 200; ++attempt) {
            QProcess postqueue;
            postqueue.start(QStringLiteral("/usr/sbin/postqueue"),
                            {QStringLiteral("-c"), value("POSTFIX_CONFIG_DIR"), QStringLiteral("-p")});
            if (postqueue.waitForFinished(5000) &&
                postqueue.readAllStandardOutput().contains("queue is empty"))
                return true;
            QTest::qWait(50);
        }
        return false;
    }

private:
    QHash<QString, QString> m_values;
    QString m_password;
};
