// Renders the SVG application icon into the PNG sizes of the hicolor icon theme, at build time, so that
// desktops and software centres that do not read SVG still get a sharp icon.
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

int main(int argc, char **argv)
{
    if (argc < 4) {
        std::fputs("usage: iconrenderer SVG OUTPUT_DIR NAME [SIZE...]\n", stderr);
        return 2;
    }
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication application(argc, argv);
    const QStringList arguments = QGuiApplication::arguments();
    QSvgRenderer renderer(arguments.at(1));
    if (!renderer.isValid()) {
        std::fprintf(stderr, "iconrenderer: cannot read %s\n", qPrintable(arguments.at(1)));
        return 1;
    }
    for (qsizetype i = 4; i < arguments.size(); ++i) {
        const int size = arguments.at(i).toInt();
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        renderer.render(&painter);
        painter.end();
        const QString directory = QStringLiteral("%1/%2x%2/apps").arg(arguments.at(2)).arg(size);
        const QString file = directory + u'/' + arguments.at(3) + QStringLiteral(".png");
        if (!QDir().mkpath(directory) || !image.save(file)) {
            std::fprintf(stderr, "iconrenderer: cannot write %s\n", qPrintable(file));
            return 1;
        }
    }
    return 0;
}
