#pragma once

#include <QCoreApplication>
#include <QList>
#include <QLocale>
#include <QString>

// Which language the user interface speaks: the system locale (LANG, LC_ALL, LANGUAGE), unless the user
// chose one in Preferences. Installs Sendscope's own translation and Qt's for the standard dialogs.
class Localization
{
    Q_DECLARE_TR_FUNCTIONS(Localization)

public:
    struct Language
    {
        QString code; // empty: follow the system
        QString nativeName;
    };

    // "Follow the system" first, then every language that ships, each named in its own language.
    static QList<Language> languages();

    // The code chosen in Preferences, or empty to follow the system.
    static QString chosenLanguage();
    static void setChosenLanguage(const QString &code);

    // The locale the interface uses for a choice (empty: the system's).
    static QLocale localeFor(const QString &code);

    // Loads the translators into the application (they are its children). Returns true when Sendscope's
    // own translation for that locale was found; English needs none and also returns true.
    static bool install(QCoreApplication *application, const QLocale &locale);
};
