#pragma once

#include <QSettings>
#include <QString>

#include <memory>

// The user's own settings (language, window geometry), in ~/.config/sendscope/sendscope.conf beside
// accounts.conf. QSettings() itself would choose "~/.config/Unknown Organization/" because Sendscope sets
// no organization (which keeps its data directories at ~/.local/share/sendscope).
class UserPreferences
{
public:
    static QString path();
    static std::unique_ptr<QSettings> open();

    // Where the Attach dialog opens: the folder files were last attached from, while it exists, else
    // the home folder (never the working directory, which for a desktop launch is meaningless).
    static QString attachFolder();
    static void setAttachFolder(const QString &folder);
};
