#pragma once

#include <QWidget>

class DraftStore;
class OutboxScheduler;
class QLabel;
class QPushButton;
class QTreeWidget;

// Messages that failed to send, each with the reason in words and how often it was tried. Open one to
// edit and send it again; Retry sends it as it is; Delete gives it up.
class OutboxWindow : public QWidget
{
    Q_OBJECT
public:
    explicit OutboxWindow(DraftStore *drafts, QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }
    QPushButton *signInButton() const { return m_signIn; }
    QLabel *detailsLabel() const { return m_details; }
    // Shows when each message will be retried by itself.
    void setScheduler(const OutboxScheduler *scheduler);

public slots:
    void refresh();

signals:
    void openRequested(const QString &draftId, bool sendNow);
    // The message waits for a new sign-in of its account (only a person in a browser can give one).
    void signInRequested(const QString &accountId);

private:
    QString selectedId() const;

    DraftStore *m_drafts;
    const OutboxScheduler *m_scheduler = nullptr;
    QTreeWidget *m_list;
    QLabel *m_details;
    QPushButton *m_open;
    QPushButton *m_retry;
    QPushButton *m_signIn;
    QPushButton *m_delete;
};
