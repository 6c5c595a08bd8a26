#include "userpreferences.h"

#include "privatefiles.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

QString UserPreferences::path()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) +
           QStringLiteral("/sendscope.conf");
}

std::unique_ptr<QSettings> UserPreferences::open()
{
    PrivateFiles::prepareFile(path()); // 0600 in a 0700 folder, before QSettings writes it
    return std::make_unique<QSettings>(path(), QSettings::IniFormat);
}

QString UserPreferences::attachFolder()
{
    const QString folder = open()->value(QStringLiteral("attachFolder")).toString();
    return !folder.isEmpty() && QFileInfo(folder).isDir() ? folder : QDir::homePath();
}

void UserPreferences::setAttachFolder(const QString &folder)
{
    open()->setValue(QStringLiteral("attachFolder"), folder);
}
