#pragma once

// What the widget tests share: typing as a person would (with an input method for non-ASCII text), a
// dark palette on request (SENDSCOPE_SCREENSHOT_DARK) and screenshots (SENDSCOPE_SCREENSHOT_DIR).

#include <QApplication>
#include <QDir>
#include <QInputMethodEvent>
#include <QPalette>
#include <QStyleFactory>
#include <QTest>
#include <QWidget>

#include <algorithm>

namespace WidgetTesting {

// Types ASCII key by key; other text arrives as an input method would commit it, in one piece.
inline void type(QWidget *widget, const QString &text)
{
    const bool ascii = std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; });
    if (ascii) {
        QTest::keyClicks(widget, text);
        return;
    }
    widget->setFocus();
    QInputMethodEvent event;
    event.setCommitString(text);
    QApplication::sendEvent(widget, &event);
}

// A dark palette as a desktop in dark mode would give, to look at the colours.
inline void applyDarkPaletteIfAsked()
{
    if (!qEnvironmentVariableIsSet("SENDSCOPE_SCREENSHOT_DARK"))
        return;
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3a));
    dark.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    dark.setColor(QPalette::Highlight, QColor(0x3d, 0x6f, 0xb4));
    dark.setColor(QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
    dark.setColor(QPalette::Link, QColor(0x7a, 0xb4, 0xff));
    dark.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3a));
    dark.setColor(QPalette::ToolTipText, QColor(0xe8, 0xe8, 0xe8));
    // Disabled controls (Cancel while idle, Save while the form is invalid) must stay readable, dimmed.
    for (const QPalette::ColorRole role :
         {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::HighlightedText})
        dark.setColor(QPalette::Disabled, role, QColor(0x7f, 0x7f, 0x7f));
    dark.setColor(QPalette::Disabled, QPalette::Button, QColor(0x33, 0x33, 0x33));
    dark.setColor(QPalette::Disabled, QPalette::Base, QColor(0x26, 0x26, 0x26));
    QApplication::setPalette(dark);
}

inline void screenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("SENDSCOPE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    // Let pending layout requests run, as the next event loop turn would before the screen updates.
    QCoreApplication::sendPostedEvents();
    QApplication::processEvents();
    widget->grab().save(dir + u'/' + name + QStringLiteral(".png"));
}

} // namespace WidgetTesting
