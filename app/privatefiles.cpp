#include "privatefiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

namespace {
constexpr QFileDevice::Permissions kFolder =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
constexpr QFileDevice::Permissions kFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
} // namespace

bool PrivateFiles::makeFolder(const QString &path)
{
    // The folders mkpath() is about to create: only these (and the folder itself) are tightened, never
    // a parent that already existed, such as ~/.local/share.
    QStringList created;
    for (QString folder = QDir::cleanPath(QDir(path).absolutePath()); !QFileInfo::exists(folder);
         folder = QFileInfo(folder).path()) {
        created << folder;
        if (QFileInfo(folder).path() == folder)
            break;
    }
    if (!QDir().mkpath(path))
        return false;
    bool ok = QFile::setPermissions(path, kFolder);
    for (const QString &folder : std::as_const(created))
        ok = QFile::setPermissions(folder, kFolder) && ok;
    return ok;
}

bool PrivateFiles::restrictFile(const QString &path)
{
    return QFile::setPermissions(path, kFile);
}

bool PrivateFiles::prepareFile(const QString &path)
{
    if (!makeFolder(QFileInfo(path).absolutePath()))
        return false;
    if (!QFileInfo::exists(path)) {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, kFile))
            return false;
    }
    return restrictFile(path);
}
