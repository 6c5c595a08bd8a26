#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class TranscriptModel;

// The live SMTP conversation beside the composer: one line per event with time and direction marker,
// colours per direction that follow the palette, a filter, search, copy and save. The text is redacted
// by the engine (AUTH payloads never arrive here), and a badge says so.
class TranscriptPanel : public QWidget
{
    Q_OBJECT
public:
    explicit TranscriptPanel(TranscriptModel *model, QWidget *parent = nullptr);

    QListView *view() const { return m_view; }
    // The selected line in full, wrapped: the list keeps one row per line (fast with 100 000 lines), so a
    // long reply or a multi-line entry is cut there; here it can be read whole, without a scrollbar.
    QPlainTextEdit *detailView() const { return m_detail; }

public slots:
    // Shows commands and replies and selects the last line that went wrong (error, 4xx or 5xx reply).
    // Returns its text, empty when nothing went wrong.
    QString showProblem();
    void copyAll();
    void saveAs();

private:
    void findNext();
    void showDetail();

    TranscriptModel *m_model;
    QListView *m_view;
    QComboBox *m_filter;
    QLineEdit *m_search;
    QLabel *m_badge;
    QPlainTextEdit *m_detail;
};
