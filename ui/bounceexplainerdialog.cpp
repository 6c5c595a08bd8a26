#include "bounceexplainerdialog.h"

#include "screenfit.h"

#include "bounceparser.h"
#include "explaincommand.h"

#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QLabel>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

BounceExplainerDialog::BounceExplainerDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Explain a bounce — Sendscope"));
    setAcceptDrops(true);
    auto *layout = new QVBoxLayout(this);
    auto *intro =
        new QLabel(tr("Paste the server's reply or the whole bounce message, or open or drop an .eml "
                      "file."),
                   this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_input = new QPlainTextEdit(this);
    m_input->setAccessibleName(tr("Reply or bounce"));
    m_input->setPlaceholderText(
        tr("550 5.1.1 <someone@example.com>: Recipient address rejected: User unknown"));
    m_input->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(m_input, 1);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_result = new QPlainTextEdit(this);
    m_result->setReadOnly(true);
    m_result->setAccessibleName(tr("Explanation"));
    layout->addWidget(m_result, 2);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *explainButton = buttons->addButton(tr("&Explain"), QDialogButtonBox::ActionRole);
    explainButton->setObjectName(QStringLiteral("explain"));
    QPushButton *open = buttons->addButton(tr("&Open .eml…"), QDialogButtonBox::ActionRole);
    connect(explainButton, &QPushButton::clicked, this, [this] { explain(m_input->toPlainText().toUtf8()); });
    connect(open, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open a bounce"), QString(),
                                                          tr("Messages (*.eml *.msg *.txt);;All files (*)"));
        if (!path.isEmpty())
            openFile(path);
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    ScreenFit::resizeWithin(this, {760, 620});
}

void BounceExplainerDialog::explain(const QByteArray &input)
{
    const QList<BounceParser::Failure> failures = BounceParser::parse(input);
    if (failures.isEmpty()) {
        m_status->setText(tr("No SMTP reply (like \"550 5.1.1 ...\") and no bounce found in this text."));
        m_result->clear();
        return;
    }
    m_status->setText(failures.size() == 1 ? tr("1 failure found.")
                                           : tr("%1 failures found.").arg(failures.size()));
    m_result->setPlainText(ExplainCommand::report(failures));
}

bool BounceExplainerDialog::openFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_status->setText(tr("Cannot read %1: %2").arg(path, file.errorString()));
        return false;
    }
    const QByteArray content = file.read(16 * 1024 * 1024);
    // Shown as text so the user sees what was explained; the bytes go to the parser unchanged (charsets).
    m_input->setPlainText(QString::fromUtf8(content));
    explain(content);
    return true;
}

QString BounceExplainerDialog::result() const
{
    return m_result->toPlainText();
}

void BounceExplainerDialog::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() || event->mimeData()->hasText())
        event->acceptProposedAction();
}

void BounceExplainerDialog::dropEvent(QDropEvent *event)
{
    const QMimeData *mime = event->mimeData();
    if (mime->hasUrls() && mime->urls().constFirst().isLocalFile()) {
        openFile(mime->urls().constFirst().toLocalFile());
    } else if (mime->hasText()) {
        m_input->setPlainText(mime->text());
        explain(mime->text().toUtf8());
    }
    event->acceptProposedAction();
}
