#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTableView;
class QTableWidget;
class SandboxMailbox;

// What the local sandbox received: a list (newest first), and for the selected message its headers
// decoded and its raw source, exactly as it arrived.
class SandboxMailboxWindow : public QWidget
{
    Q_OBJECT
public:
    explicit SandboxMailboxWindow(SandboxMailbox *mailbox, QWidget *parent = nullptr);

    QTableView *messageList() const { return m_list; }
    QTableWidget *headerTable() const { return m_headers; }
    QPlainTextEdit *sourceView() const { return m_source; }

private:
    void showMessage(int row);

    SandboxMailbox *m_mailbox;
    QTableView *m_list;
    QTableWidget *m_headers;
    QPlainTextEdit *m_source;
    QLabel *m_empty;
};
