#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;

// File → Explain a bounce…: paste a server's reply or a bounce, open or drop an .eml, and read for each
// failed recipient what the server said and what to do. The reading is ExplainCommand's, the same as
// `sendscope explain` prints.
class BounceExplainerDialog : public QDialog
{
    Q_OBJECT
public:
    explicit BounceExplainerDialog(QWidget *parent = nullptr);

    // Explains input (a reply, or a whole message) and shows the result; for the menu, drops and tests.
    void explain(const QByteArray &input);
    bool openFile(const QString &path);
    QString result() const;

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    QPlainTextEdit *m_input = nullptr;
    QPlainTextEdit *m_result = nullptr;
    QLabel *m_status = nullptr;
};
