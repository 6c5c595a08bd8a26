#include "outboxwindow.h"

#include "screenfit.h"

#include "draftstore.h"
#include "outboxscheduler.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QTreeWidget>
#include <QVBoxLayout>

OutboxWindow::OutboxWindow(DraftStore *drafts, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_drafts(drafts)
    , m_list(new QTreeWidget(this))
    , m_details(new QLabel(this))
    , m_open(new QPushButton(tr("&Open and edit"), this))
    , m_retry(new QPushButton(tr("&Retry now"), this))
    , m_signIn(new QPushButton(tr("&Sign in again…"), this))
    , m_delete(new QPushButton(tr("&Delete"), this))
{
    setWindowTitle(tr("Outbox — Sendscope"));
    // A tool window beside the compose window: Esc puts it away, as it would a dialog.
    auto *closeKey = new QShortcut(QKeySequence::Cancel, this);
    connect(closeKey, &QShortcut::activated, this, &QWidget::close);
    m_list->setHeaderLabels({tr("Subject"), tr("To"), tr("Why it was not sent"), tr("Attempts"),
                             tr("Last attempt"), tr("Next attempt")});
    m_list->setRootIsDecorated(false);
    m_list->setAccessibleName(tr("Messages not sent"));
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setAccessibleName(tr("Error details"));

    connect(m_open, &QPushButton::clicked, this, [this] {
        if (!selectedId().isEmpty())
            emit openRequested(selectedId(), false);
    });
    connect(m_retry, &QPushButton::clicked, this, [this] {
        if (!selectedId().isEmpty())
            emit openRequested(selectedId(), true);
    });
    m_signIn->setObjectName(QStringLiteral("signInAgain"));
    m_signIn->setVisible(false);
    connect(m_signIn, &QPushButton::clicked, this, [this] {
        const QTreeWidgetItem *item = m_list->currentItem();
        if (item && item->data(0, Qt::UserRole + 2).toBool())
            emit signInRequested(item->data(0, Qt::UserRole + 3).toString());
    });
    connect(m_delete, &QPushButton::clicked, this, [this] {
        const QString id = selectedId();
        if (id.isEmpty())
            return;
        if (QMessageBox::question(this, tr("Delete message"), tr("Delete this unsent message for good?")) ==
            QMessageBox::Yes)
            m_drafts->remove(id);
    });
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        m_details->setText(item ? item->data(0, Qt::UserRole + 1).toString() : QString());
        for (QPushButton *button : {m_open, m_retry, m_delete})
            button->setEnabled(item != nullptr);
        m_signIn->setVisible(item && item->data(0, Qt::UserRole + 2).toBool());
    });
    connect(m_list, &QTreeWidget::itemActivated, this, [this] { emit openRequested(selectedId(), false); });
    connect(drafts, &DraftStore::changed, this, &OutboxWindow::refresh);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_open);
    buttons->addWidget(m_signIn);
    buttons->addWidget(m_retry);
    buttons->addWidget(m_delete);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_details);
    layout->addLayout(buttons);
    ScreenFit::resizeWithin(this, {860, 420});
    refresh();
}

void OutboxWindow::refresh()
{
    const QString selected = selectedId();
    m_list->clear();
    const QLocale locale;
    for (const Draft &draft : m_drafts->drafts(Draft::State::Outbox)) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, draft.subject.isEmpty() ? tr("(no subject)") : draft.subject);
        item->setText(1, draft.to);
        item->setText(2, draft.errorSummary);
        item->setText(3, QString::number(draft.attempts));
        // Today's times without the date, so that the reason column keeps its room.
        const auto when = [&locale](const QDateTime &time) {
            return time.date() == QDate::currentDate() ? locale.toString(time.time(), QLocale::ShortFormat)
                                                       : locale.toString(time, QLocale::ShortFormat);
        };
        item->setText(4, when(draft.lastAttempt));
        const std::optional<QDateTime> next = m_scheduler ? m_scheduler->nextAttempt(draft) : std::nullopt;
        item->setText(5, next ? when(*next) : tr("when you retry"));
        item->setData(0, Qt::UserRole, draft.id);
        QString details = draft.errorExplanation;
        if (draft.deliveryUncertain)
            details += u' ' + tr("It may have been delivered; check before sending it again.");
        else if (draft.errorTemporary && next)
            details +=
                u' ' + tr("This looks temporary: Sendscope tries again by itself at %1.").arg(when(*next));
        else if (draft.errorTemporary)
            details += u' ' + tr("This looks temporary: retrying later may work.");
        // What the message asks for goes with it on every retry.
        QStringList asks;
        if (draft.requestDeliveryReceipt)
            asks << tr("a delivery receipt");
        if (draft.requestReadReceipt)
            asks << tr("a read receipt");
        if (draft.priority == MimeMessage::Priority::High)
            asks << tr("high priority");
        else if (draft.priority == MimeMessage::Priority::Low)
            asks << tr("low priority");
        if (!asks.isEmpty())
            details += u' ' + tr("It is sent with %1.").arg(locale.createSeparatedList(asks));
        item->setData(0, Qt::UserRole + 1, details);
        item->setData(0, Qt::UserRole + 2, draft.signInRequired);
        item->setData(0, Qt::UserRole + 3, draft.accountId);
        if (draft.id == selected)
            m_list->setCurrentItem(item);
    }
    if (!m_list->currentItem() && m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    if (m_list->topLevelItemCount() == 0) {
        m_details->setText(tr("Nothing waiting: every message was sent."));
        for (QPushButton *button : {m_open, m_retry, m_delete})
            button->setEnabled(false);
        m_signIn->setVisible(false);
        return;
    }
    const QTreeWidgetItem *current = m_list->currentItem();
    m_signIn->setVisible(current && current->data(0, Qt::UserRole + 2).toBool());
}

void OutboxWindow::setScheduler(const OutboxScheduler *scheduler)
{
    m_scheduler = scheduler;
    refresh();
}

QString OutboxWindow::selectedId() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->data(0, Qt::UserRole).toString() : QString();
}
