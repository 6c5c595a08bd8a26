#pragma once

#include <QSize>

class QScrollArea;
class QWidget;

// Every window and dialog opens within the screen it appears on (QScreen::availableGeometry), however
// small or scaled that screen is: a 1024×600 netbook, or 1920×1080 at 200 % (960×540 logical pixels).
// What does not fit then scrolls rather than being cut off.
namespace ScreenFit {

// Resizes window to wanted, or less where the available geometry of its screen (the parent's, when it
// has one) is smaller, leaving room for the frame the window manager adds. A window without a parent is
// also moved inside that geometry, since nothing else (QDialog::adjustPosition) would keep it there.
void resizeWithin(QWidget *window, QSize wanted);

// A frameless, resizable scroll area around content, for forms that may be taller than the screen.
QScrollArea *scrollable(QWidget *content, QWidget *parent);

} // namespace ScreenFit
