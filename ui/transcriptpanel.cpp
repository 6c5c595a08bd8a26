#include "transcriptpanel.h"

#include "transcriptmodel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPainter>
#include <QPlainTextEdit>
#include <QSaveFile>
#include <QScrollBar>
#include <QStyledItemDelegate>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

// Colours chosen against the current palette's base, so they stay readable in light and dark themes.
class TranscriptDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const bool dark = option->palette.color(QPalette::Base).lightness() < 128;
        const auto kind = static_cast<TranscriptEntry::Kind>(index.data(TranscriptModel::KindRole).toInt());
        QColor color;
        switch (kind) {
        case TranscriptEntry::Kind::Client:
            color = dark ? QColor(0x8a, 0xb4, 0xf8) : QColor(0x1a, 0x56, 0xc4);
            break;
        case TranscriptEntry::Kind::Server:
            color = option->palette.color(QPalette::Text);
            break;
        case TranscriptEntry::Kind::Tls:
            color = dark ? QColor(0x81, 0xc9, 0x95) : QColor(0x1e, 0x7b, 0x34);
            break;
        case TranscriptEntry::Kind::Error:
            color = dark ? QColor(0xf2, 0x8b, 0x82) : QColor(0xc5, 0x22, 0x1f);
            option->font.setBold(true);
            break;
        case TranscriptEntry::Kind::Info:
            color = option->palette.color(QPalette::PlaceholderText);
            break;
        }
        option->palette.setColor(QPalette::Text, color);
    }

    // A thin rule above the first line of each client flight (commands written together), so the
    // round trips read as groups: what was sent at once, then the replies it got.
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::paint(painter, option, index);
        if (index.row() == 0 ||
            static_cast<TranscriptEntry::Kind>(index.data(TranscriptModel::KindRole).toInt()) !=
                TranscriptEntry::Kind::Client)
            return;
        const QModelIndex previous = index.sibling(index.row() - 1, 0);
        if (previous.data(TranscriptModel::FlightRole) == index.data(TranscriptModel::FlightRole))
            return;
        painter->save();
        QColor rule = option.palette.color(QPalette::PlaceholderText);
        rule.setAlpha(110);
        painter->setPen(QPen(rule, 0, Qt::DotLine));
        painter->drawLine(option.rect.topLeft(), option.rect.topRight());
        painter->restore();
    }
};

} // namespace

TranscriptPanel::TranscriptPanel(TranscriptModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QListView(this))
    , m_filter(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_badge(new QLabel(this))
    , m_detail(new QPlainTextEdit(this))
{
    m_view->setModel(m_model);
    m_view->setItemDelegate(new TranscriptDelegate(m_view));
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setUniformItemSizes(true); // stays fast with 100 000 lines
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideNone);
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setAccessibleName(tr("SMTP transcript"));

    m_detail->setReadOnly(true);
    m_detail->setFont(m_view->font());
    m_detail->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere); // long base64 has no spaces
    m_detail->setPlaceholderText(tr("Select a line to read it here in full."));
    m_detail->setAccessibleName(tr("Selected transcript line"));
    m_detail->setTabChangesFocus(true);
    // About four lines: enough for a long reply, little taken from the conversation above it.
    m_detail->setFixedHeight(m_detail->fontMetrics().lineSpacing() * 4 + 2 * m_detail->frameWidth() +
                             static_cast<int>(2 * m_detail->document()->documentMargin()));
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &TranscriptPanel::showDetail);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TranscriptPanel::showDetail);

    m_filter->addItem(tr("All events"), QVariant::fromValue(TranscriptModel::Filter::All));
    m_filter->addItem(tr("Commands and replies"),
                      QVariant::fromValue(TranscriptModel::Filter::CommandsAndReplies));
    m_filter->addItem(tr("Errors only"), QVariant::fromValue(TranscriptModel::Filter::ErrorsOnly));
    m_filter->setAccessibleName(tr("Transcript filter"));
    connect(m_filter, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setFilter(m_filter->currentData().value<TranscriptModel::Filter>()); });

    m_search->setPlaceholderText(tr("Search"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search the transcript"));
    connect(m_search, &QLineEdit::returnPressed, this, &TranscriptPanel::findNext);

    m_badge->setText(tr("Redacted: passwords and tokens are never shown"));
    m_badge->setToolTip(tr("AUTH exchanges show their structure only; message bodies are summarised."));
    m_badge->setForegroundRole(QPalette::PlaceholderText);

    auto *copy = new QToolButton(this);
    copy->setText(tr("Copy all"));
    copy->setToolTip(tr("Copy the visible lines (redacted)"));
    connect(copy, &QToolButton::clicked, this, &TranscriptPanel::copyAll);
    auto *save = new QToolButton(this);
    save->setText(tr("Save as…"));
    connect(save, &QToolButton::clicked, this, &TranscriptPanel::saveAs);
    auto *clear = new QToolButton(this);
    clear->setText(tr("Clear"));
    connect(clear, &QToolButton::clicked, m_model, &TranscriptModel::clear);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter);
    bar->addWidget(m_search, 1);
    bar->addWidget(copy);
    bar->addWidget(save);
    bar->addWidget(clear);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_detail);
    layout->addWidget(m_badge);

    // Follow the conversation as it grows, unless the user scrolled up to read.
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_view->verticalScrollBar()->value() >= m_view->verticalScrollBar()->maximum() - 2)
            m_view->scrollToBottom();
    });
}

void TranscriptPanel::findNext()
{
    const QString needle = m_search->text();
    if (needle.isEmpty())
        return;
    const int start = m_view->currentIndex().isValid() ? m_view->currentIndex().row() + 1 : 0;
    for (int i = 0; i < m_model->rowCount(); ++i) {
        const QModelIndex index = m_model->index((start + i) % m_model->rowCount());
        if (index.data().toString().contains(needle, Qt::CaseInsensitive)) {
            m_view->setCurrentIndex(index);
            m_view->scrollTo(index);
            return;
        }
    }
}

void TranscriptPanel::showDetail()
{
    const QModelIndex current = m_view->currentIndex();
    m_detail->setPlainText(current.isValid() ? current.data().toString() : QString());
}

void TranscriptPanel::copyAll()
{
    QApplication::clipboard()->setText(m_model->visibleText());
}

void TranscriptPanel::saveAs()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save transcript"), QStringLiteral("transcript.txt"), tr("Text files (*.txt)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_model->visibleText().toUtf8()) < 0 || !file.commit())
        QMessageBox::warning(this, tr("Save transcript"),
                             tr("Could not save %1: %2").arg(path, file.errorString()));
}

QString TranscriptPanel::showProblem()
{
    m_filter->setCurrentIndex(
        m_filter->findData(QVariant::fromValue(TranscriptModel::Filter::CommandsAndReplies)));
    auto kindOf = [this](int row) {
        return static_cast<TranscriptEntry::Kind>(
            m_model->index(row).data(TranscriptModel::KindRole).toInt());
    };
    auto failedReply = [this, &kindOf](int row) {
        const QString text = m_model->index(row).data(Qt::ToolTipRole).toString(); // the text without markers
        return kindOf(row) == TranscriptEntry::Kind::Server &&
               (text.startsWith(u'4') || text.startsWith(u'5'));
    };
    // The server's own words first: in the last run of failures (back to the previous positive reply),
    // the earliest 4xx/5xx, which is the cause; a pipelined DATA's "no valid recipients" only follows it.
    int target = -1;
    for (int row = m_model->rowCount() - 1; row >= 0; --row) {
        if (failedReply(row))
            target = row;
        else if (kindOf(row) == TranscriptEntry::Kind::Server && target >= 0)
            break; // a positive reply ends the run
    }
    for (int row = m_model->rowCount() - 1; row >= 0 && target < 0; --row) {
        if (kindOf(row) == TranscriptEntry::Kind::Error)
            target = row;
    }
    if (target < 0)
        return {};
    const QModelIndex found = m_model->index(target);
    m_view->setCurrentIndex(found);
    m_view->scrollTo(found, QAbstractItemView::PositionAtCenter);
    m_view->setFocus();
    return found.data().toString();
}
