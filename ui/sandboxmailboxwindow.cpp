#include "sandboxmailboxwindow.h"

#include "screenfit.h"

#include "sandboxmailbox.h"

#include <QDesktopServices>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>

SandboxMailboxWindow::SandboxMailboxWindow(SandboxMailbox *mailbox, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_mailbox(mailbox)
    , m_list(new QTableView(this))
    , m_headers(new QTableWidget(0, 2, this))
    , m_source(new QPlainTextEdit(this))
    , m_empty(new QLabel(this))
{
    setWindowTitle(tr("Sandbox mailbox — Sendscope"));
    // A tool window beside the compose window: Esc puts it away, as it would a dialog.
    auto *closeKey = new QShortcut(QKeySequence::Cancel, this);
    connect(closeKey, &QShortcut::activated, this, &QWidget::close);
    m_list->setModel(mailbox);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->horizontalHeader()->setSectionResizeMode(SandboxMailbox::Subject, QHeaderView::Stretch);
    m_list->setWordWrap(false);
    m_list->setAccessibleName(tr("Received messages"));
    m_headers->setHorizontalHeaderLabels({tr("Field"), tr("Value (decoded)")});
    m_headers->horizontalHeader()->setStretchLastSection(true);
    m_headers->verticalHeader()->hide();
    m_headers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_headers->setAccessibleName(tr("Headers"));
    m_source->setReadOnly(true);
    m_source->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_source->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_source->setAccessibleName(tr("Raw source"));

    auto *tabs = new QTabWidget(this);
    tabs->addTab(m_headers, tr("&Headers"));
    tabs->addTab(m_source, tr("&Raw source"));
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_list);
    splitter->addWidget(tabs);
    splitter->setStretchFactor(1, 2);

    m_empty->setWordWrap(true);
    m_empty->setText(
        tr("Messages sent to the Local sandbox account appear here. They are kept in %1 and never "
           "leave this computer.")
            .arg(mailbox->directory()));

    auto *refresh = new QPushButton(tr("Re&fresh"), this);
    auto *open = new QPushButton(tr("&Open folder"), this);
    auto *remove = new QPushButton(tr("&Delete"), this);
    connect(refresh, &QPushButton::clicked, mailbox, &SandboxMailbox::refresh);
    connect(open, &QPushButton::clicked, this,
            [mailbox] { QDesktopServices::openUrl(QUrl::fromLocalFile(mailbox->directory())); });
    connect(remove, &QPushButton::clicked, this, [this] {
        const QModelIndexList rows = m_list->selectionModel()->selectedRows();
        if (!rows.isEmpty())
            m_mailbox->remove(rows.first().row());
    });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_empty, 1);
    buttons->addWidget(refresh);
    buttons->addWidget(open);
    buttons->addWidget(remove);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);

    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showMessage(current.row()); });
    connect(mailbox, &QAbstractItemModel::modelReset, this, [this] {
        if (m_mailbox->rowCount() > 0)
            m_list->selectRow(0);
        else
            showMessage(-1);
    });
    if (mailbox->rowCount() > 0)
        m_list->selectRow(0);
    ScreenFit::resizeWithin(this, {900, 620});
}

void SandboxMailboxWindow::showMessage(int row)
{
    const QList<HeaderDecoder::Field> fields = m_mailbox->headers(row);
    m_headers->setRowCount(static_cast<int>(fields.size()));
    for (int i = 0; i < fields.size(); ++i) {
        m_headers->setItem(i, 0, new QTableWidgetItem(QString::fromLatin1(fields.at(i).first)));
        m_headers->setItem(i, 1, new QTableWidgetItem(fields.at(i).second));
    }
    m_headers->resizeColumnToContents(0);
    const QByteArray source = m_mailbox->source(row);
    m_source->setPlainText(QString::fromUtf8(source));
}
