#include "mainwindow.h"

#include <QLabel>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Sendscope"));
    auto *placeholder =
        new QLabel(tr("<h2>Sendscope</h2><p>The compose window is not built yet.</p>"
                      "<p>Send from the command line meanwhile: <tt>sendscope send --help</tt></p>"),
                   this);
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setMargin(24);
    setCentralWidget(placeholder);
    resize(640, 400);
}
