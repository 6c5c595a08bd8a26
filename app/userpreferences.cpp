#include "userpreferences.h"

#include <QStandardPaths>

QString UserPreferences::path()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) +
           QStringLiteral("/sendscope.conf");
}

std::unique_ptr<QSettings> UserPreferences::open()
{
    return std::make_unique<QSettings>(path(), QSettings::IniFormat);
}
