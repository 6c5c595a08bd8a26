#pragma once

#include <QString>

// Sendscope's folders and files hold drafts, addresses, account settings and received test mail: on a
// shared machine other users must not read them, whatever the umask says. Folders are made 0700 and
// files 0600.
class PrivateFiles
{
public:
    // Creates the folder and its missing parents (like mkpath) and makes the folder itself 0700.
    // Returns false when it cannot be created or restricted.
    static bool makeFolder(const QString &path);
    // Makes an existing file 0600. Returns false on failure.
    static bool restrictFile(const QString &path);
};
