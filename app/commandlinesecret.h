#pragma once

#include <QString>

class QCommandLineParser;
class QIODevice;

// A password or token given on a command line the safe ways only: from an environment variable
// (--password-env / --token-env) or the first line of standard input (--password-stdin), never as an
// argument, where every user of the machine could read it in the process list.
struct CommandLineSecret
{
    QString secret;
    bool isToken = false;
    bool given = false; // one of the options was used

    // The longest secret read from standard input; longer input is an error rather than cut silently.
    static constexpr qsizetype kMaxLength = 64 * 1024;

    // Reads the secret named by parser's options. Returns false with error set when more than one option
    // is given, the variable is unset, or standard input cannot be read or is too long. The variable is
    // removed from the environment once read (child processes need not inherit it); on a terminal, the
    // typed secret is not echoed. input replaces stdin (tests). Once a secret is read, the process makes
    // no core dump (see keepOutOfCoreDumps).
    static bool read(const QCommandLineParser &parser, QIODevice *input, CommandLineSecret *out,
                     QString *error);

    // A crash must not write the secret into a core file (or let another process of this user read this
    // one's memory): no core dumps, not dumpable.
    static void keepOutOfCoreDumps();
};
