// GUI responsiveness and start-up, as figures (not a pass/fail test):
//
//   guibench stall [--size-mb N] [--warmup] [--cold]
//                                  sends an N MB attachment (default 50) from a real ComposeWindow to a
//                                  `sendscope sandbox` running as a separate process, while a 1 ms
//                                  timer measures its own lateness: the longest event-loop stall and how
//                                  many exceeded one 60 Hz frame (16 ms). Target: none over 16 ms.
//                                  The TLS backend is loaded first, in a thread, as the app does once its
//                                  window is up; --cold skips that (Send loads it on the GUI thread).
//   guibench startup [--runs N]    starts the real `sendscope` N times (default 7) and measures from
//                                  process start to the compose window's first paint
//                                  (SENDSCOPE_REPORT_FIRST_PAINT). Target: under 300 ms.
//
// Run from a release build: build/release/tests/bench/guibench stall
#include "composewindow.h"
#include "mailaddress.h"
#include "smtpserversettings.h"
#include "tlspreparation.h"
#include "transcriptmodel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(static_cast<size_t>(p * static_cast<double>(values.size() - 1)));
}

int stall(qint64 sizeMb, bool warmup, bool cold)
{
    QTemporaryDir dir;
    QProcess sandbox;
    sandbox.start(QStringLiteral(SENDSCOPE_BINARY),
                  {QStringLiteral("sandbox"), QStringLiteral("--port"), QStringLiteral("0"),
                   QStringLiteral("--store"), dir.filePath(QStringLiteral("store")),
                   QStringLiteral("--max-messages"), warmup ? QStringLiteral("2") : QStringLiteral("1")});
    if (!sandbox.waitForStarted(10000) || !sandbox.waitForReadyRead(10000)) {
        std::fprintf(stderr, "cannot start the sandbox\n");
        return 1;
    }
    const QRegularExpressionMatch port =
        QRegularExpression(QStringLiteral("port (\\d+);")).match(QString::fromUtf8(sandbox.readLine()));
    QFile attachment(dir.filePath(QStringLiteral("big.bin")));
    if (!port.hasMatch() || !attachment.open(QIODevice::WriteOnly))
        return 1;
    QByteArray block(1024 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < block.size(); ++i)
        block[i] = static_cast<char>((i * 131) % 253);
    for (qint64 i = 0; i < sizeMb; ++i)
        attachment.write(block);
    attachment.close();

    SmtpServerSettings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = port.captured(1).toUShort();
    settings.security = SmtpSecurity::None;
    ComposeWindow window(
        settings,
        MailAddress(QStringLiteral("Bench"), QStringLiteral("bench"), QStringLiteral("example.com")),
        QStringLiteral("bench"));
    window.setConfirmations(false);
    window.show();
    window.toField()->setText(QStringLiteral("to@example.com"));
    if (warmup) { // a small send first, so one-time work (fonts, first layout) is out of the way
        // From a window of its own: a window that has sent shows the sent message and never sends again.
        ComposeWindow warmWindow(
            settings,
            MailAddress(QStringLiteral("Bench"), QStringLiteral("bench"), QStringLiteral("example.com")),
            QStringLiteral("bench"));
        warmWindow.setConfirmations(false);
        warmWindow.show();
        warmWindow.toField()->setText(QStringLiteral("to@example.com"));
        warmWindow.subjectField()->setText(QStringLiteral("warm-up"));
        QSignalSpy warm(&warmWindow, &ComposeWindow::sendFinished);
        warmWindow.send();
        if (!warm.wait(30000) || warm.first().first().value<SmtpError>().isError()) {
            std::fprintf(stderr, "the warm-up send failed: %s\n",
                         warm.isEmpty() ? "timeout"
                                        : qPrintable(warm.first().first().value<SmtpError>().summary));
            return 1;
        }
    }
    window.subjectField()->setText(QStringLiteral("50 MB"));
    window.addAttachment(attachment.fileName());
    // As app/guimain.cpp does once the window is up. A person takes seconds to press Send; the bench
    // waits only until the TLS backend is loaded (--cold: not at all, as before that was done).
    if (!cold) {
        TlsPreparation::instance()->start();
        QSignalSpy prepared(TlsPreparation::instance(), &TlsPreparation::finished);
        if (!TlsPreparation::instance()->isDone() && !prepared.wait(30000)) {
            std::fprintf(stderr, "the TLS backend did not load\n");
            return 1;
        }
    }

    // The probe: a 1 ms timer; every gap beyond 1 ms is time the event loop could not answer.
    std::vector<double> lateness;
    lateness.reserve(200000);
    QElapsedTimer clock;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(1);
    qint64 last = 0;
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        lateness.push_back(static_cast<double>(now - last) / 1e6 - 1.0);
        last = now;
    });
    QSignalSpy finished(&window, &ComposeWindow::sendFinished);
    clock.start();
    // CLOCK_MONOTONIC, as `perf record -k CLOCK_MONOTONIC` stamps its samples: `perf report --time` can
    // then look at exactly the first milliseconds after Send.
    std::printf("stall: Send at CLOCK_MONOTONIC %.6f s\n",
                static_cast<double>(clock.msecsSinceReference()) / 1e3);
    probe.start();
    window.send();
    if (!finished.wait(600000)) {
        std::fprintf(stderr, "the send did not finish\n");
        return 1;
    }
    probe.stop();
    const double seconds = static_cast<double>(clock.elapsed()) / 1000.0;
    // The session's own account of its start: "Connected ... in N ms" counts from start(), so it includes
    // creating the socket, which loads the TLS backend when nothing did before.
    for (const QString &line : window.transcriptModel()->visibleText().split(u'\n')) {
        if (line.contains(QLatin1String("Connected to")))
            std::printf("stall: session: %s\n",
                        qPrintable(line.mid(line.indexOf(QLatin1String("Connected")))));
    }
    const auto over = std::count_if(lateness.begin(), lateness.end(), [](double l) { return l > 16.0; });
    const SmtpError error = finished.first().first().value<SmtpError>();
    std::printf("stall: %lld MB attachment sent in %.2f s (%s), %zu probe ticks\n",
                static_cast<long long>(sizeMb), seconds, error.isError() ? qPrintable(error.summary) : "sent",
                lateness.size());
    const auto longest = std::max_element(lateness.begin(), lateness.end());
    double longestAt = 0; // ms after the send began, to tell the start-up work from the streaming
    for (auto it = lateness.begin(); it != longest; ++it)
        longestAt += *it + 1.0;
    // After the first 100 ms the body is streaming; the start holds one-time work (first glyphs of the
    // transcript's fonts, first layout), reported separately so neither hides the other.
    double streamingLongest = 0;
    double at = 0;
    for (double l : lateness) {
        at += l + 1.0;
        if (at > 100.0)
            streamingLongest = std::max(streamingLongest, l);
    }
    std::printf("stall: while streaming (after the first 100 ms): longest %.1f ms\n", streamingLongest);
    std::printf(
        "stall: longest %.1f ms (ending %.0f ms after Send), p99 %.2f ms, p99.9 %.2f ms, ticks over 16 ms: "
        "%lld\n",
        lateness.empty() ? 0.0 : *longest, longestAt + (lateness.empty() ? 0.0 : *longest + 1.0),
        percentile(lateness, 0.99), percentile(lateness, 0.999), static_cast<long long>(over));
    sandbox.waitForFinished(10000);
    if (error.isError())
        std::fprintf(stderr, "sandbox (exit %d, status %d) said: %s %s\n", sandbox.exitCode(),
                     int(sandbox.exitStatus()), sandbox.readAllStandardOutput().constData(),
                     sandbox.readAllStandardError().constData());
    return error.isError() ? 1 : 0;
}

int startup(int runs)
{
    QTemporaryDir home;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), home.path());
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("SENDSCOPE_REPORT_FIRST_PAINT"), QStringLiteral("1"));
    if (!environment.contains(QStringLiteral("QT_QPA_PLATFORM")))
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), environment.contains(QStringLiteral("DISPLAY"))
                                                                  ? QStringLiteral("xcb")
                                                                  : QStringLiteral("offscreen"));
    std::vector<double> times;
    for (int run = 0; run <= runs; ++run) {
        QProcess app;
        app.setProcessEnvironment(environment);
        app.setReadChannel(QProcess::StandardError);
        QElapsedTimer clock;
        clock.start();
        app.start(QStringLiteral(SENDSCOPE_BINARY), QStringList{});
        QByteArray err;
        while (!err.contains("first-paint") && app.waitForReadyRead(10000))
            err += app.readAllStandardError();
        const double ms = static_cast<double>(clock.nsecsElapsed()) / 1e6;
        app.waitForFinished(10000);
        if (!err.contains("first-paint")) {
            std::fprintf(stderr, "no first paint reported: %s\n", err.constData());
            return 1;
        }
        if (run > 0) // the first run warms the page cache and creates the settings
            times.push_back(ms);
    }
    std::printf(
        "startup: process start to first paint over %d runs (platform %s): median %.0f ms, min %.0f ms, "
        "max %.0f ms\n",
        runs, qPrintable(environment.value(QStringLiteral("QT_QPA_PLATFORM"))), percentile(times, 0.5),
        *std::min_element(times.begin(), times.end()), *std::max_element(times.begin(), times.end()));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList arguments = QApplication::arguments();
    const QString mode = arguments.value(1);
    if (mode == QLatin1String("stall")) {
        const qsizetype at = arguments.indexOf(QStringLiteral("--size-mb"));
        return stall(at > 0 ? arguments.value(at + 1).toLongLong() : 50,
                     arguments.contains(QStringLiteral("--warmup")),
                     arguments.contains(QStringLiteral("--cold")));
    }
    if (mode == QLatin1String("startup")) {
        const qsizetype at = arguments.indexOf(QStringLiteral("--runs"));
        return startup(at > 0 ? arguments.value(at + 1).toInt() : 7);
    }
    std::fprintf(stderr, "usage: guibench stall [--size-mb N] [--warmup] [--cold] | startup [--runs N]\n");
    return 2;
}
