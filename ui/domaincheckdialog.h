#pragma once

#include <QDialog>

class DomainCheck;
class QPlainTextEdit;

// The account dialog's "Check domain": DomainCheck for the domain of the account's address, its findings
// shown as `sendscope check-domain` prints them. Non-modal; the lookups run while it is open.
class DomainCheckDialog : public QDialog
{
    Q_OBJECT
public:
    explicit DomainCheckDialog(const QString &domain, QWidget *parent = nullptr);

    DomainCheck *check() const { return m_check; }
    QString result() const;

private:
    DomainCheck *m_check = nullptr;
    QPlainTextEdit *m_result = nullptr;
};
