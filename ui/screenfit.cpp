#include "screenfit.h"

#include <QGuiApplication>
#include <QScreen>
#include <QScrollArea>
#include <QStyle>
#include <QWidget>

namespace ScreenFit {

void resizeWithin(QWidget *window, QSize wanted)
{
    const QWidget *anchor = window->parentWidget() ? window->parentWidget()->window() : window;
    QScreen *screen = anchor->screen() ? anchor->screen() : QGuiApplication::primaryScreen();
    if (!screen) {
        window->resize(wanted);
        return;
    }
    const QRect available = screen->availableGeometry();
    // The frame is unknown until the window manager has decorated the window: allow for a title bar
    // and borders, so that the frame, not only the contents, fits.
    const int border = 8;
    const int titleBar = window->style()->pixelMetric(QStyle::PM_TitleBarHeight) + border;
    const QSize room(available.width() - 2 * border, available.height() - titleBar - border);
    window->resize(wanted.boundedTo(room));
    if (!window->parentWidget()) {
        QRect frame(QPoint(), window->size() + QSize(2 * border, titleBar + border));
        frame.moveCenter(available.center());
        window->move(frame.topLeft()); // a window's position is that of its frame
    }
}

QScrollArea *scrollable(QWidget *content, QWidget *parent)
{
    auto *area = new QScrollArea(parent);
    area->setWidget(content);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    // The content's own size hint, so that on a large screen the form is shown whole, without scrollbars.
    area->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    return area;
}

} // namespace ScreenFit
