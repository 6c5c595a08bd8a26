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

    // Reads the secret named by parser's options. Returns false with error set when more than one option
    // is given, the variable is unset, or standard input cannot be read. input replaces stdin (tests).
    static bool read(const QCommandLineParser &parser, QIODevice *input, CommandLineSecret *out,
                     QString *error);
};
