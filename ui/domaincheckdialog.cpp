#include "domaincheckdialog.h"

#include "screenfit.h"

#include "domaincheck.h"

#include <QDialogButtonBox>
#include <QPlainTextEdit>
#include <QVBoxLayout>

DomainCheckDialog::DomainCheckDialog(const QString &domain, QWidget *parent)
    : QDialog(parent)
    , m_check(new DomainCheck(this))
{
    setWindowTitle(tr("Domain check for %1 — Sendscope").arg(domain));
    auto *layout = new QVBoxLayout(this);
    m_result = new QPlainTextEdit(this);
    m_result->setReadOnly(true);
    m_result->setAccessibleName(tr("Domain check"));
    m_result->setPlainText(tr("Looking up the DNS records of %1…").arg(domain));
    layout->addWidget(m_result);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_check, &DomainCheck::finished, this, [this] { m_result->setPlainText(m_check->report()); });
    ScreenFit::resizeWithin(this, {720, 560});
}

QString DomainCheckDialog::result() const
{
    return m_result->toPlainText();
}
