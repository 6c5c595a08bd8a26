#include "privatefiles.h"

#include <QDir>
#include <QFile>

bool PrivateFiles::makeFolder(const QString &path)
{
    if (!QDir().mkpath(path))
        return false;
    // Also an existing folder: one made by an older version, or under a loose umask, is tightened.
    return QFile::setPermissions(path,
                                 QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
}

bool PrivateFiles::restrictFile(const QString &path)
{
    return QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}
