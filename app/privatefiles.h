#pragma once

#include <QString>

// Sendscope's folders and files hold drafts, addresses, account settings and received test mail: on a
// shared machine other users must not read them, whatever the umask says. Folders are made 0700 and
// files 0600.
class PrivateFiles
{
public:
    // Creates the folder and its missing parents (like mkpath); the folder and every parent created
    // here are made 0700, and so is an existing folder (made by an older version or a loose umask).
    // Returns false when it cannot be created or restricted.
    static bool makeFolder(const QString &path);
    // Makes an existing file 0600. Returns false on failure.
    static bool restrictFile(const QString &path);
    // For a file that QSettings will write: its folder private, and the file created empty and 0600 if
    // missing. QSettings writes through QSaveFile, which keeps an existing file's permissions.
    static bool prepareFile(const QString &path);
};
