#pragma once

#include <QString>

// sendscope(1) in troff, built from the same QCommandLineParser option definitions that `--help` prints,
// so the manual cannot drift from the program. `sendscope --man` prints it; the build installs it.
class ManPage
{
public:
    static QString troff();
};
