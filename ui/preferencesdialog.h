#pragma once

#include <QDialog>

class QComboBox;

// Settings that belong to the user rather than to an account: for now the interface language, which
// overrides the system locale from the next start on (widgets are built once, in the language they start in).
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    QComboBox *languageBox() const { return m_language; }

    // Stores the choice; returns true when it differs from what was stored.
    bool apply();

private:
    QComboBox *m_language;
};
