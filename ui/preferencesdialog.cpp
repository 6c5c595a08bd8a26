#include "preferencesdialog.h"

#include "localization.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent)
    , m_language(new QComboBox(this))
{
    setWindowTitle(tr("Preferences"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    const QString chosen = Localization::chosenLanguage();
    for (const Localization::Language &language : Localization::languages()) {
        m_language->addItem(language.nativeName, language.code);
        if (language.code == chosen)
            m_language->setCurrentIndex(m_language->count() - 1);
    }
    m_language->setObjectName(QStringLiteral("language"));
    m_language->setAccessibleName(tr("Language"));
    form->addRow(tr("&Language:"), m_language);
    layout->addLayout(form);

    // A session without a language (LANG=C, POSIX, unset) has no name to show: say what follows from it.
    const QString systemLanguage = QLocale::system().nativeLanguageName();
    auto *note = new QLabel(
        systemLanguage.isEmpty()
            ? tr("A new language takes effect the next time Sendscope starts. Your desktop session does not "
                 "name a language, so \"Follow the system\" uses English.")
            : tr("A new language takes effect the next time Sendscope starts. \"Follow the system\" uses the "
                 "language of your desktop session (%1).")
                  .arg(systemLanguage),
        this);
    note->setObjectName(QStringLiteral("languageNote"));
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    // A wrapped label only gets the height its text needs when the dialog is wide enough to start with.
    note->setMinimumWidth(note->fontMetrics().averageCharWidth() * 48);
    layout->addWidget(note);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    layout->setSizeConstraint(QLayout::SetMinimumSize);
}

bool PreferencesDialog::apply()
{
    const QString code = m_language->currentData().toString();
    if (code == Localization::chosenLanguage())
        return false;
    Localization::setChosenLanguage(code);
    return true;
}
