#include "localization.h"

#include "userpreferences.h"

#include <QLibraryInfo>
#include <QTranslator>

#include <memory>

namespace {
const QString kSettingsKey = QStringLiteral("ui/language");
} // namespace

QList<Localization::Language> Localization::languages()
{
    return {{QString(), tr("Follow the system")},
            {QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
}

QString Localization::chosenLanguage()
{
    return UserPreferences::open()->value(kSettingsKey).toString();
}

void Localization::setChosenLanguage(const QString &code)
{
    const auto settings = UserPreferences::open();
    if (code.isEmpty())
        settings->remove(kSettingsKey);
    else
        settings->setValue(kSettingsKey, code);
}

QLocale Localization::localeFor(const QString &code)
{
    return code.isEmpty() ? QLocale::system() : QLocale(code);
}

bool Localization::install(QCoreApplication *application, const QLocale &locale)
{
    QLocale::setDefault(locale);
    // Qt's own strings (the buttons of standard dialogs, context menus of text fields).
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        qt->setParent(application);
        QCoreApplication::installTranslator(qt.release());
    }

    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return true; // the source strings are English
    auto own = std::make_unique<QTranslator>();
    if (!own->load(locale, QStringLiteral("sendscope"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        return false;
    own->setParent(application);
    QCoreApplication::installTranslator(own.release());
    return true;
}
