#pragma once

#include <QMainWindow>

// The application window. The compose window and transcript panel replace its placeholder content.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
};
