#include "passwordprompt.h"

#include "account.h"

#include <QCoreApplication>
#include <QInputDialog>
#include <QLineEdit>
#include <QPointer>
#include <QWidget>

SendJob::SecretPrompt passwordPromptFor(QWidget *window)
{
    QPointer<QWidget> parent(window);
    return [parent](const Account &needing, const QString &problem,
                    std::function<void(const QString &)> answer) {
        if (!parent) {
            answer({});
            return;
        }
        bool ok = false;
        const QString secret = QInputDialog::getText(
            parent, QCoreApplication::translate("PasswordPrompt", "Password for %1").arg(needing.name),
            QCoreApplication::translate(
                "PasswordPrompt", "%1\n\nPassword for %2 on %3 (kept in memory only until Sendscope quits):")
                .arg(problem, needing.effectiveUsername(), needing.host),
            QLineEdit::Password, QString(), &ok);
        answer(ok ? secret : QString());
    };
}
