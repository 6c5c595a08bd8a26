#include "accountdialog.h"
#include "accountstore.h"
#include "addressparser.h"
#include "composewindow.h"
#include "localization.h"
#include "preferencesdialog.h"
#include "replyexplainer.h"
#include "sandboxserver.h"
#include "secretstore.h"
#include "smtpcommand.h"
#include "smtpreply.h"
#include "widgettesting.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

// CTest starts this test with LANG=zh_CN.UTF-8 (and no LC_ALL or LANGUAGE), as a Chinese desktop session
// would: the interface, the engine's explanations and the command line must then speak Chinese.
class TestLocalization : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void composeWindowSpeaksChinese();
    void failedSendExplainedInChinese();
    void engineExplanationIsChinese();
    void commandLineSpeaksChinese();
    void preferenceOverridesTheSystem();
    void dialogsInChinese();

private:
    static bool hasChinese(const QString &text);
    // A port on loopback that nobody listens on: a connection there is refused.
    static quint16 closedPort();
    // A shown compose window for a server on 127.0.0.1 without encryption, asking no questions.
    static std::unique_ptr<ComposeWindow> compose(quint16 port, const QString &from,
                                                  const QString &accountName);
    QProcessEnvironment commandEnvironment(const QString &configHome) const;

    QTemporaryDir m_dir;
    std::unique_ptr<SandboxServer> m_sandbox;
};

bool TestLocalization::hasChinese(const QString &text)
{
    static const QRegularExpression han(QStringLiteral("\\p{Han}"));
    return text.contains(han);
}

quint16 TestLocalization::closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost);
    return probe.serverPort(); // closed when probe goes
}

std::unique_ptr<ComposeWindow> TestLocalization::compose(quint16 port, const QString &from,
                                                         const QString &accountName)
{
    SmtpServerSettings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = port;
    settings.security = SmtpSecurity::None;
    AddressParser::Error error;
    auto window =
        std::make_unique<ComposeWindow>(settings, AddressParser::parseMailbox(from, &error), accountName);
    window->setConfirmations(false);
    window->show();
    return window;
}

void TestLocalization::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCOMPARE(qEnvironmentVariable("LANG"), QStringLiteral("zh_CN.UTF-8"));
    QStandardPaths::setTestModeEnabled(true);
    QCOMPARE(QLocale::system().language(), QLocale::Chinese);
    // The same call as main(): no choice stored, so the system locale decides.
    QVERIFY(Localization::chosenLanguage().isEmpty());
    QVERIFY(Localization::install(qApp, Localization::localeFor(Localization::chosenLanguage())));
    WidgetTesting::applyDarkPaletteIfAsked();
    m_sandbox = std::make_unique<SandboxServer>(m_dir.filePath(QStringLiteral("sandbox")));
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
}

void TestLocalization::composeWindowSpeaksChinese()
{
    const std::unique_ptr<ComposeWindow> shown = compose(
        m_sandbox->port(), QStringLiteral("张伟 <zhang@sandbox.invalid>"), QStringLiteral("本地沙盒"));
    ComposeWindow &window = *shown;
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QVERIFY2(window.sendButton()->text().contains(QStringLiteral("发送")),
             qPrintable(window.sendButton()->text()));
    QString subjectLabel;
    for (QLabel *label : window.findChildren<QLabel *>()) {
        if (label->buddy() == static_cast<QWidget *>(window.subjectField()))
            subjectLabel = label->text();
    }
    QVERIFY2(subjectLabel.contains(QStringLiteral("主题")), qPrintable(subjectLabel));
    const QList<QAction *> menus = window.menuBar()->actions();
    QVERIFY(!menus.isEmpty());
    QVERIFY2(menus.first()->text().contains(QStringLiteral("文件")), qPrintable(menus.first()->text()));
    for (QAction *menu : menus)
        QVERIFY2(hasChinese(menu->text()), qPrintable(menu->text()));

    WidgetTesting::type(window.toField(), QStringLiteral("李娜 <li@sandbox.invalid>"));
    WidgetTesting::type(window.subjectField(), QStringLiteral("周五的会议"));
    WidgetTesting::type(window.bodyEdit(), QStringLiteral("李娜，你好：\n\n会议改到周五下午三点。\n\n张伟"));
    QSignalSpy finished(&window, &ComposeWindow::sendFinished);
    window.send();
    QVERIFY(finished.wait(20000));
    QVERIFY(!finished.first().first().value<SmtpError>().isError());
    QVERIFY2(hasChinese(window.sentBannerText()->text()), qPrintable(window.sentBannerText()->text()));
    WidgetTesting::screenshot(&window, QStringLiteral("compose-sent-zh_CN"));
}

void TestLocalization::failedSendExplainedInChinese()
{
    const std::unique_ptr<ComposeWindow> shown =
        compose(closedPort(), QStringLiteral("zhang@sandbox.invalid"), QStringLiteral("公司邮箱"));
    ComposeWindow &window = *shown;
    WidgetTesting::type(window.toField(), QStringLiteral("li@sandbox.invalid"));
    WidgetTesting::type(window.subjectField(), QStringLiteral("报价单"));
    WidgetTesting::type(window.bodyEdit(), QStringLiteral("请查收。"));
    QSignalSpy finished(&window, &ComposeWindow::sendFinished);
    window.send();
    QVERIFY(finished.wait(20000));
    const SmtpError failure = finished.first().first().value<SmtpError>();
    QCOMPARE(failure.category, SmtpErrorCategory::Connect);
    QVERIFY2(hasChinese(failure.summary), qPrintable(failure.summary));
    QVERIFY2(hasChinese(failure.explanation), qPrintable(failure.explanation));
    QVERIFY2(hasChinese(window.statusLabel()->text()), qPrintable(window.statusLabel()->text()));
    QCOMPARE(window.subjectField()->text(), QStringLiteral("报价单")); // nothing is lost
    WidgetTesting::screenshot(&window, QStringLiteral("compose-failed-zh_CN"));
}

void TestLocalization::engineExplanationIsChinese()
{
    const SmtpReply reply(535, {QByteArray("5.7.8 Authentication credentials invalid")});
    const SmtpError error = ReplyExplainer::explain(SmtpCommand::Auth, reply);
    QVERIFY2(error.summary.contains(QStringLiteral("密码")), qPrintable(error.summary));
    QVERIFY2(hasChinese(error.explanation), qPrintable(error.explanation));
    // The meaning of the enhanced status code (RFC 3463 registry) is translated too.
    QVERIFY2(hasChinese(reply.enhancedCode()->description()),
             qPrintable(reply.enhancedCode()->description()));
}

QProcessEnvironment TestLocalization::commandEnvironment(const QString &configHome) const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LANG"), QStringLiteral("zh_CN.UTF-8"));
    environment.remove(QStringLiteral("LC_ALL"));
    environment.remove(QStringLiteral("LANGUAGE"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome);
    return environment;
}

void TestLocalization::commandLineSpeaksChinese()
{

    QFile body(m_dir.filePath(QStringLiteral("body.txt")));
    QVERIFY(body.open(QIODevice::WriteOnly));
    body.write("你好\n");
    body.close();
    QProcess send;
    send.setProcessEnvironment(commandEnvironment(m_dir.filePath(QStringLiteral("config-system"))));
    send.start(QStringLiteral(SENDSCOPE_BINARY),
               {QStringLiteral("send"), QStringLiteral("--server"), QStringLiteral("127.0.0.1"),
                QStringLiteral("--port"), QString::number(closedPort()), QStringLiteral("--security"),
                QStringLiteral("none"), QStringLiteral("--from"), QStringLiteral("zhang@sandbox.invalid"),
                QStringLiteral("--to"), QStringLiteral("li@sandbox.invalid"), QStringLiteral("--subject"),
                QStringLiteral("测试"), QStringLiteral("--body-file"),
                m_dir.filePath(QStringLiteral("body.txt"))});
    QVERIFY(send.waitForFinished(30000));
    QCOMPARE(send.exitCode(), 11); // connect
    const QString errors = QString::fromUtf8(send.readAllStandardError());
    QVERIFY2(hasChinese(errors), qPrintable(errors));

    QProcess help;
    help.setProcessEnvironment(commandEnvironment(m_dir.filePath(QStringLiteral("config-system"))));
    help.start(QStringLiteral(SENDSCOPE_BINARY), {QStringLiteral("--help")});
    QVERIFY(help.waitForFinished(30000));
    const QString usage = QString::fromUtf8(help.readAllStandardOutput());
    QVERIFY2(usage.contains(QStringLiteral("用法")), qPrintable(usage));
}

void TestLocalization::preferenceOverridesTheSystem()
{
    QCOMPARE(Localization::localeFor(QStringLiteral("en")).language(), QLocale::English);
    QCOMPARE(Localization::localeFor(QString()).language(), QLocale::Chinese);

    // English chosen in Preferences wins over LANG=zh_CN for the real program.
    const QString configHome = m_dir.filePath(QStringLiteral("config-english"));
    QVERIFY(QDir().mkpath(configHome + QStringLiteral("/sendscope")));
    QFile settings(configHome + QStringLiteral("/sendscope/sendscope.conf"));
    QVERIFY(settings.open(QIODevice::WriteOnly));
    settings.write("[ui]\nlanguage=en\n");
    settings.close();
    QProcess help;
    help.setProcessEnvironment(commandEnvironment(configHome));
    help.start(QStringLiteral(SENDSCOPE_BINARY), {QStringLiteral("--help")});
    QVERIFY(help.waitForFinished(30000));
    const QString usage = QString::fromUtf8(help.readAllStandardOutput());
    QVERIFY2(usage.startsWith(QStringLiteral("Usage:\n  sendscope")), qPrintable(usage));
}

void TestLocalization::dialogsInChinese()
{
    PreferencesDialog preferences;
    preferences.show();
    QVERIFY(QTest::qWaitForWindowExposed(&preferences));
    QVERIFY2(preferences.windowTitle().contains(QStringLiteral("首选项")),
             qPrintable(preferences.windowTitle()));
    // Each language is offered in its own name, whatever the interface language.
    QVERIFY(preferences.languageBox()->findText(QStringLiteral("English")) >= 0);
    QVERIFY(preferences.languageBox()->findText(QStringLiteral("简体中文")) >= 0);
    QCOMPARE(preferences.languageBox()->currentData().toString(), QString()); // follows the system
    WidgetTesting::screenshot(&preferences, QStringLiteral("preferences-zh_CN"));

    AccountStore store(m_dir.filePath(QStringLiteral("accounts.conf")));
    SecretStore secrets(QStringLiteral("sendscope-test-localization")); // never the user's own entries
    AccountDialog account(Account{}, &store, &secrets);
    account.show();
    QVERIFY(QTest::qWaitForWindowExposed(&account));
    QVERIFY2(hasChinese(account.windowTitle()), qPrintable(account.windowTitle()));
    WidgetTesting::screenshot(&account, QStringLiteral("account-dialog-zh_CN"));
}

QTEST_MAIN(TestLocalization)
#include "testlocalization.moc"
