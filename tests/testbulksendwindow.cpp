#include "accountstore.h"
#include "bulksendwindow.h"
#include "composewindow.h"
#include "localization.h"
#include "mergejournal.h"
#include "mergerun.h"
#include "mimeoracle.h"
#include "pacingprofile.h"
#include "sandboxserver.h"
#include "secretstore.h"
#include "sendservice.h"
#include "widgettesting.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>
#include <QTimer>

using WidgetTesting::screenshot;
using WidgetTesting::type;

// File → New bulk send… driven as a person would: a small UTF-8 CSV with Chinese names, payslips per
// row, the checks, a preview and a test to oneself, the run into the built-in sandbox, a cancel midway
// and a resume without duplicates, and the report. Set SENDSCOPE_SCREENSHOT_DIR for a PNG of each step.
class TestBulkSendWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void payslipsThroughTheSandbox();
    void cancelledRunResumesWithoutDuplicates();
    void oversizedRowRefusedThenRetried();
    void composeWindowOpensItWithItsMessage();
    void closingDuringARunStopsItFirst();
    void workbookSheetChosen();
    void pacingFollowsTheAccount();
    void dailyQuotaMakesTheRunWait();
    void rowsInDoubtDecidedInTheWindow();
    void richTextSendsHtmlWithPlainAlternative();

private:
    QString writeFile(const QString &name, const QByteArray &bytes);
    void fillTemplate(BulkSendWindow *window, bool withAttachments);

    QTemporaryDir m_dir;
    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<AccountStore> m_accounts;
    std::unique_ptr<SendService> m_service;
};

void TestBulkSendWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    // As main() does: the session's language (LANG=zh_CN.UTF-8 for Chinese screenshots).
    Localization::install(qApp, Localization::localeFor(QString()));
    WidgetTesting::applyDarkPaletteIfAsked();
    m_sandbox = std::make_unique<SandboxServer>(m_dir.filePath(QStringLiteral("sandbox")));
    QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
    m_accounts = std::make_unique<AccountStore>(m_dir.filePath(QStringLiteral("accounts.conf")));
    Account local; // as main() makes it on first start
    local.name = QStringLiteral("Local sandbox");
    local.identities.append({QStringLiteral("人事部"), QStringLiteral("hr@sandbox.invalid"), {}, {}});
    local.host = QStringLiteral("127.0.0.1");
    local.security = SmtpSecurity::None;
    local.auth = AccountAuth::None;
    local.isSandbox = true;
    QVERIFY(m_accounts->save(local).ok());
    m_accounts->setDefaultAccountId(local.id);
    m_service = std::make_unique<SendService>(m_accounts.get(), nullptr, nullptr);
    m_service->setSandboxPort(m_sandbox->port());
}

QString TestBulkSendWindow::writeFile(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(bytes);
    return path;
}

void TestBulkSendWindow::fillTemplate(BulkSendWindow *window, bool withAttachments)
{
    window->showStep(BulkSendWindow::MessageStep);
    type(window->subjectField(), QStringLiteral("{{姓名}}的工资单"));
    type(window->textEdit(), QStringLiteral("{{姓名}}，您好：\n附件是本月的工资单。工号 "));
    // Insert field puts {{工号}} into the text, where the cursor is.
    window->textEdit()->setFocus();
    const QList<QAction *> fields = window->insertFieldButton()->menu()->actions();
    QCOMPARE(fields.size(), 3);
    fields.at(0)->trigger();
    QVERIFY2(window->textEdit()->toPlainText().endsWith(QStringLiteral("工号 {{工号}}")),
             qPrintable(window->textEdit()->toPlainText()));
    if (withAttachments)
        type(window->attachmentsField(), QStringLiteral("payslips/{{工号}}.pdf"));
    window->rateField()->setValue(0); // no pacing against the sandbox
}

void TestBulkSendWindow::payslipsThroughTheSandbox()
{
    const QString data =
        writeFile(QStringLiteral("payroll/员工.csv"),
                  QStringLiteral("工号,姓名,邮箱\n1001,张三,zhangsan@example.com\n"
                                 "1002,李四,lisi@example.com\n1003,王五,wangwu@example.com\n")
                      .toUtf8());
    QVERIFY(!data.isEmpty());
    QVERIFY(!writeFile(QStringLiteral("payroll/payslips/1001.pdf"), "%PDF-1.4 张三\n").isEmpty());
    QVERIFY(!writeFile(QStringLiteral("payroll/payslips/1002.pdf"), "%PDF-1.4 李四\n").isEmpty());

    BulkSendWindow window(m_accounts.get(), m_service.get());
    window.setConfirmations(false);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // 1. The data: encoding detected, the address column guessed, To follows it.
    QVERIFY2(window.loadDataFile(data), qPrintable(window.dataStatus()->text()));
    QCOMPARE(window.encodingSelector()->currentData().toString(), QStringLiteral("UTF-8"));
    QCOMPARE(window.delimiterSelector()->currentData().toChar(), QChar(u','));
    QCOMPARE(window.addressColumnSelector()->currentText(), QStringLiteral("邮箱"));
    QCOMPARE(window.dataTable()->rowCount(), 3);
    QCOMPARE(window.dataTable()->item(1, 1)->text(), QStringLiteral("李四"));
    screenshot(&window, QStringLiteral("bulk-1-data"));

    // 2. The message, asking for a read receipt, high priority.
    fillTemplate(&window, true);
    QCOMPARE(window.toField()->text(), QStringLiteral("{{邮箱}}"));
    window.priorityBox()->setCurrentIndex(window.priorityBox()->findData(int(MimeMessage::Priority::High)));
    window.readReceiptBox()->setChecked(true);
    QVERIFY(window.fromSelector()->currentText().contains(QStringLiteral("hr@sandbox.invalid")));
    screenshot(&window, QStringLiteral("bulk-2-message"));

    // 3. The checks: row 3's payslip is missing, and Start is blocked until it is there.
    QSignalSpy checked(&window, &BulkSendWindow::checked);
    window.showStep(BulkSendWindow::CheckStep);
    QVERIFY(!checked.isEmpty());
    QCOMPARE(checked.last().first().toBool(), false);
    bool sawMissing = false;
    for (int i = 0; i < window.problemList()->count(); ++i) {
        const QString text = window.problemList()->item(i)->text();
        sawMissing =
            sawMissing || (text.contains(QStringLiteral("3")) && text.contains(QStringLiteral("1003.pdf")));
    }
    QVERIFY2(sawMissing, qPrintable(window.problemList()->count() ? window.problemList()->item(0)->text()
                                                                  : QStringLiteral("no problem shown")));
    QVERIFY(!window.startButton()->isEnabled());
    screenshot(&window, QStringLiteral("bulk-3-checks-problem"));
    QVERIFY(!writeFile(QStringLiteral("payroll/payslips/1003.pdf"), "%PDF-1.4 王五\n").isEmpty());
    QVERIFY(window.runChecks());
    QCOMPARE(window.problemList()->count(), 0);
    QVERIFY2(window.summaryLabel()->text().contains(QStringLiteral("3")),
             qPrintable(window.summaryLabel()->text()));
    QVERIFY(window.startButton()->isEnabled());
    screenshot(&window, QStringLiteral("bulk-3-checks"));

    // 4. Row 2 exactly as it will go, and a test of it to oneself.
    window.showStep(BulkSendWindow::PreviewStep);
    window.previewRowField()->setValue(2);
    const QString preview = window.previewView()->toPlainText();
    QVERIFY2(preview.contains(QStringLiteral("李四的工资单")), qPrintable(preview));
    QVERIFY2(preview.contains(QStringLiteral("lisi@example.com")), qPrintable(preview));
    QVERIFY2(preview.contains(QStringLiteral("1002.pdf")), qPrintable(preview));
    QVERIFY2(preview.contains(QStringLiteral("李四，您好")), qPrintable(preview));
    screenshot(&window, QStringLiteral("bulk-4-preview"));

    QSignalSpy stored(m_sandbox.get(), &SandboxServer::messageStored);
    QSignalSpy tested(&window, &BulkSendWindow::testFinished);
    window.sendTest();
    QVERIFY(tested.wait(10000));
    QVERIFY2(tested.first().first().toBool(), qPrintable(window.testStatus()->text()));
    QTRY_COMPARE_WITH_TIMEOUT(stored.size(), 1, 5000);
    QCOMPARE(stored.first().at(2).toStringList(), QStringList{QStringLiteral("hr@sandbox.invalid")});
    {
        QFile eml(stored.first().first().toString());
        QVERIFY(eml.open(QIODevice::ReadOnly));
        const QJsonObject seen = runMimeOracle(eml.readAll());
        const QJsonObject headers = seen.value(QStringLiteral("headers")).toObject();
        QCOMPARE(headers.value(QStringLiteral("Subject")).toString(), QStringLiteral("[TEST] 李四的工资单"));
        QCOMPARE(headers.value(QStringLiteral("Importance")).toString(), QStringLiteral("high"));
        QVERIFY2(headers.value(QStringLiteral("Disposition-Notification-To"))
                     .toString()
                     .contains(QStringLiteral("hr@sandbox.invalid")),
                 QJsonDocument(headers).toJson().constData());
    }
    screenshot(&window, QStringLiteral("bulk-4-test-sent"));
    stored.clear();

    // 5. The run: every row accepted in the table, one message per row with its own payslip.
    window.showStep(BulkSendWindow::SendStep);
    QSignalSpy finished(&window, &BulkSendWindow::runFinished);
    window.startButton()->click();
    QVERIFY(window.isRunning());
    QVERIFY(finished.wait(20000));
    QVERIFY2(finished.first().first().toString().isEmpty(), qPrintable(finished.first().first().toString()));
    QCOMPARE(window.runTable()->rowCount(), 3);
    for (int row = 0; row < 3; ++row)
        QCOMPARE(window.runTable()->item(row, 2)->text(),
                 MergeJournal::stateLabel(MergeJournal::State::Accepted));
    QVERIFY(window.runTable()->item(0, 3)->text().startsWith(QStringLiteral("250")));
    screenshot(&window, QStringLiteral("bulk-5-send"));

    QTRY_COMPARE_WITH_TIMEOUT(stored.size(), 3, 5000);
    const QHash<QString, QString> expected{
        {QStringLiteral("zhangsan@example.com"), QStringLiteral("1001.pdf")},
        {QStringLiteral("lisi@example.com"), QStringLiteral("1002.pdf")},
        {QStringLiteral("wangwu@example.com"), QStringLiteral("1003.pdf")}};
    QSet<QString> seenRecipients;
    for (const QList<QVariant> &message : std::as_const(stored)) {
        const QStringList recipients = message.at(2).toStringList();
        QCOMPARE(recipients.size(), 1);
        seenRecipients << recipients.first();
        QFile eml(message.first().toString());
        QVERIFY(eml.open(QIODevice::ReadOnly));
        const QJsonObject seen = runMimeOracle(eml.readAll());
        const QJsonArray attachments = seen.value(QStringLiteral("attachments")).toArray();
        QCOMPARE(attachments.size(), 1);
        QCOMPARE(attachments.at(0).toObject().value(QStringLiteral("filename")).toString(),
                 expected.value(recipients.first()));
    }
    QCOMPARE(seenRecipients.size(), 3);

    // The report: the original columns, then state, reply, time and Message-ID.
    const QString report = m_dir.filePath(QStringLiteral("payroll/report.csv"));
    QVERIFY(window.exportReport(report));
    QFile file(report);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll())
                                  .remove(QChar(0xFEFF))
                                  .split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QVERIFY2(lines.first().startsWith(QStringLiteral("工号,姓名,邮箱,")), qPrintable(lines.first()));
    QVERIFY(lines.first().contains(QStringLiteral("Message-ID")));
    for (int i = 1; i < lines.size(); ++i)
        QVERIFY2(lines.at(i).contains(QStringLiteral(",accepted,")), qPrintable(lines.at(i)));
    QVERIFY(!window.retryButton()->isEnabled()); // nothing refused or deferred
}

void TestBulkSendWindow::cancelledRunResumesWithoutDuplicates()
{
    QByteArray csv = "工号;姓名;邮箱\n";
    for (int i = 1; i <= 4; ++i)
        csv += QStringLiteral("%1;客户%1;c%1@example.com\n").arg(i).toUtf8();
    const QString data = writeFile(QStringLiteral("resume/客户.csv"), csv);
    QSignalSpy stored(m_sandbox.get(), &SandboxServer::messageStored);
    int acceptedBefore = 0;
    {
        BulkSendWindow window(m_accounts.get(), m_service.get());
        window.setConfirmations(false);
        window.show();
        QVERIFY(window.loadDataFile(data));
        QCOMPARE(window.delimiterSelector()->currentData().toChar(), QChar(u';'));
        fillTemplate(&window, false);
        window.showStep(BulkSendWindow::SendStep);
        QSignalSpy finished(&window, &BulkSendWindow::runFinished);
        window.start();
        QVERIFY(window.mergeRun());
        // Cancel as soon as the first row is accepted: the run stops after it.
        connect(window.mergeRun(), &MergeRun::rowFinished, &window, [&window] { window.cancelRun(); });
        QVERIFY(finished.wait(20000));
        QVERIFY(!finished.first().first().toString().isEmpty()); // cancelled: says rows are left
        acceptedBefore = window.mergeRun()->journal().count(MergeJournal::State::Accepted);
        QVERIFY(acceptedBefore >= 1 && acceptedBefore < 4);
        QVERIFY(window.startButton()->isEnabled());
        screenshot(&window, QStringLiteral("bulk-5-cancelled"));
    }
    QTRY_COMPARE_WITH_TIMEOUT(stored.size(), acceptedBefore, 5000);

    // A new window on the same file and message: the journal shows what went, Start sends the rest.
    BulkSendWindow window(m_accounts.get(), m_service.get());
    window.setConfirmations(false);
    window.show();
    QVERIFY(window.loadDataFile(data));
    fillTemplate(&window, false);
    // The checks estimate only the rows still to send, from the journal, before the run is opened.
    window.showStep(BulkSendWindow::CheckStep);
    QVERIFY(!window.mergeRun());
    QString estimate = window.estimateLabel()->text();
    estimate.remove(QRegularExpression(QStringLiteral("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d")));
    QCOMPARE(estimate, MergeRun::describeEstimate(4 - acceptedBefore, 0, 0, QDateTime()));
    window.showStep(BulkSendWindow::SendStep);
    QVERIFY(window.mergeRun());
    QCOMPARE(window.runTable()->item(0, 2)->text(), MergeJournal::stateLabel(MergeJournal::State::Accepted));
    QCOMPARE(window.runTable()->item(3, 2)->text(), MergeJournal::stateLabel(MergeJournal::State::Pending));
    QVERIFY(window.exportButton()->isEnabled());
    screenshot(&window, QStringLiteral("bulk-5-resumable"));
    QSignalSpy finished(&window, &BulkSendWindow::runFinished);
    QSignalSpy paused(&window, &BulkSendWindow::runPaused);
    window.start();
    // Pause after the next row: the run hangs up and waits; Resume goes on with the rest.
    auto pauseOnce =
        connect(window.mergeRun(), &MergeRun::rowFinished, &window, [&window] { window.pause(); });
    QVERIFY(paused.wait(20000));
    disconnect(pauseOnce);
    QVERIFY(window.isRunning());
    QVERIFY(window.mergeRun()->isPaused());
    QVERIFY(window.mergeRun()->journal().count(MergeJournal::State::Pending) > 0);
    QVERIFY(window.cancelButton()->isEnabled());
    screenshot(&window, QStringLiteral("bulk-5-paused"));
    window.pauseButton()->click(); // Resume
    QVERIFY(!window.mergeRun()->isPaused());
    QVERIFY(finished.wait(20000));
    QVERIFY2(finished.first().first().toString().isEmpty(), qPrintable(finished.first().first().toString()));
    for (int row = 0; row < 4; ++row)
        QCOMPARE(window.runTable()->item(row, 2)->text(),
                 MergeJournal::stateLabel(MergeJournal::State::Accepted));
    QTRY_COMPARE_WITH_TIMEOUT(stored.size(), 4, 5000);
    QStringList recipients;
    for (const QList<QVariant> &message : std::as_const(stored))
        recipients << message.at(2).toStringList();
    recipients.sort();
    QCOMPARE(recipients, (QStringList{QStringLiteral("c1@example.com"), QStringLiteral("c2@example.com"),
                                      QStringLiteral("c3@example.com"), QStringLiteral("c4@example.com")}));
}

// A row over the server's SIZE is refused and the others go; the window then knows the limit and
// its checks name the row; once the file is smaller, Retry sends that row alone.
void TestBulkSendWindow::oversizedRowRefusedThenRetried()
{
    const SandboxServer::Limits normal = m_sandbox->limits();
    SandboxServer::Limits small = normal;
    small.messageSize = 64 * 1024;
    m_sandbox->setLimits(small);
    const auto restore = qScopeGuard([this, normal] { m_sandbox->setLimits(normal); });
    const QString data = writeFile(QStringLiteral("size/名单.csv"),
                                   QStringLiteral("工号,姓名,邮箱\n7,甲,a7@example.com\n"
                                                  "8,乙,a8@example.com\n9,丙,a9@example.com\n")
                                       .toUtf8());
    QVERIFY(!writeFile(QStringLiteral("size/7.bin"), "small").isEmpty());
    QVERIFY(!writeFile(QStringLiteral("size/8.bin"), QByteArray(200 * 1024, 'x')).isEmpty());
    QVERIFY(!writeFile(QStringLiteral("size/9.bin"), "small").isEmpty());
    QSignalSpy stored(m_sandbox.get(), &SandboxServer::messageStored);

    BulkSendWindow window(m_accounts.get(), m_service.get());
    window.setConfirmations(false);
    window.show();
    QVERIFY(window.loadDataFile(data));
    fillTemplate(&window, false);
    window.attachmentsField()->setText(QStringLiteral("{{工号}}.bin"));
    window.showStep(BulkSendWindow::SendStep);
    QSignalSpy finished(&window, &BulkSendWindow::runFinished);
    window.start();
    QVERIFY(finished.wait(20000));
    const MergeJournal &journal = window.mergeRun()->journal();
    QCOMPARE(journal.row(1)->state, MergeJournal::State::Accepted);
    QCOMPARE(journal.row(2)->state, MergeJournal::State::Refused);
    QCOMPARE(journal.row(3)->state, MergeJournal::State::Accepted);
    QCOMPARE(window.runTable()->item(1, 2)->text(), MergeJournal::stateLabel(MergeJournal::State::Refused));
    QVERIFY(window.retryButton()->isEnabled());
    screenshot(&window, QStringLiteral("bulk-5-refused"));

    // The checks now know the server's SIZE.
    QVERIFY(!window.runChecks());
    QCOMPARE(window.problemList()->count(), 1);
    QVERIFY2(window.problemList()->item(0)->text().contains(QStringLiteral("2")),
             qPrintable(window.problemList()->item(0)->text()));

    QVERIFY(!writeFile(QStringLiteral("size/8.bin"), "small now").isEmpty());
    QVERIFY(window.runChecks());
    finished.clear();
    window.retryButton()->click();
    QVERIFY(finished.wait(20000));
    QVERIFY2(finished.first().first().toString().isEmpty(), qPrintable(finished.first().first().toString()));
    for (int row = 1; row <= 3; ++row)
        QCOMPARE(window.mergeRun()->journal().row(row)->state, MergeJournal::State::Accepted);
    QTRY_COMPARE_WITH_TIMEOUT(stored.size(), 3, 5000);
    QStringList recipients;
    for (const QList<QVariant> &message : std::as_const(stored))
        recipients << message.at(2).toStringList();
    recipients.sort();
    QCOMPARE(recipients, (QStringList{QStringLiteral("a7@example.com"), QStringLiteral("a8@example.com"),
                                      QStringLiteral("a9@example.com")}));
}

// File → New bulk send… in the compose window: a window of its own, offering the message as template.
void TestBulkSendWindow::composeWindowOpensItWithItsMessage()
{
    SecretStore secrets(QStringLiteral("sendscope-test-bulk-send"));
    ComposeWindow compose(SmtpServerSettings{}, MailAddress{}, QStringLiteral("Local sandbox"));
    compose.setConfirmations(false);
    compose.setAccounts(m_accounts.get(), &secrets, m_sandbox->port());
    compose.setSendService(m_service.get()); // as the desk gives every window its own
    compose.show();
    QVERIFY(QTest::qWaitForWindowExposed(&compose));
    type(compose.subjectField(), QStringLiteral("十一月工资单"));
    type(compose.bodyEdit(), QStringLiteral("您好，附件是工资单。"));
    auto *action = compose.findChild<QAction *>(QStringLiteral("newBulkSend"));
    QVERIFY(action);
    action->trigger();
    BulkSendWindow *window = nullptr;
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (auto *bulk = qobject_cast<BulkSendWindow *>(widget))
            window = bulk;
    }
    QVERIFY(window);
    // The service here is the test's, as the desk's is in the app: closing the message leaves a run alone.
    QVERIFY(!compose.isAncestorOf(window));
    QVERIFY(window->isWindow());
    QTRY_VERIFY(window->isVisible());
    QVERIFY(window->fromSelector()->currentText().contains(QStringLiteral("hr@sandbox.invalid")));
    window->loadComposeTemplate();
    QCOMPARE(window->subjectField()->text(), QStringLiteral("十一月工资单"));
    QVERIFY(window->textEdit()->toPlainText().startsWith(QStringLiteral("您好，附件是工资单。")));
    QVERIFY(window->toField()->text().isEmpty()); // the compose window's recipients are not the run's
    window->close();
}

// Esc or Close during a run (asked first, unless told not to): the message in flight finishes, then the
// run stops and the window goes, deleting itself as the compose window's do.
void TestBulkSendWindow::closingDuringARunStopsItFirst()
{
    QByteArray csv = "工号,姓名,邮箱\n";
    for (int i = 1; i <= 3; ++i)
        csv += QStringLiteral("%1,职员%1,d%1@example.com\n").arg(i).toUtf8();
    const QString data = writeFile(QStringLiteral("close/名单.csv"), csv);
    QSignalSpy stored(m_sandbox.get(), &SandboxServer::messageStored);
    QPointer<BulkSendWindow> window = new BulkSendWindow(m_accounts.get(), m_service.get());
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setConfirmations(false);
    window->show();
    QVERIFY(window->loadDataFile(data));
    fillTemplate(window, false);
    window->showStep(BulkSendWindow::SendStep);
    window->start();
    QVERIFY(window->isRunning());
    QVERIFY(!window->close()); // not while a message is in flight
    QVERIFY(window->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(window.isNull(), 20000);
    // The row in flight went; the run stopped before the others, as its journal says.
    MergeJournal journal;
    QString error;
    QVERIFY2(journal.open(MergeRun::defaultJournalPath(data), &error), qPrintable(error));
    const int accepted = journal.count(MergeJournal::State::Accepted);
    QVERIFY(accepted <= 1);
    QCOMPARE(journal.count(MergeJournal::State::Pending), 3 - accepted);
    QTRY_COMPARE_WITH_TIMEOUT(stored.size(), accepted, 5000);
}

// An .xlsx workbook: a sheet choice instead of encoding and delimiter, the first visible sheet by default;
// another sheet's rows in the table and in the run; a sheet that cannot be read says why.
void TestBulkSendWindow::workbookSheetChosen()
{
    QFile fixture(QStringLiteral(SENDSCOPE_SOURCE_DIR "/tests/data/merge/excel-style.xlsx"));
    QVERIFY(fixture.open(QIODevice::ReadOnly));
    // A copy: the journal goes next to the data, not into the source tree.
    const QString data = writeFile(QStringLiteral("book/名单.xlsx"), fixture.readAll());
    QVERIFY(!data.isEmpty());
    QSignalSpy stored(m_sandbox.get(), &SandboxServer::messageStored);

    BulkSendWindow window(m_accounts.get(), m_service.get());
    window.setConfirmations(false);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY2(window.loadDataFile(data), qPrintable(window.dataStatus()->text()));
    QVERIFY(window.sheetSelector()->isVisible());
    QVERIFY(!window.encodingSelector()->isVisible());
    QVERIFY(!window.delimiterSelector()->isVisible());
    // The visible sheets in the workbook's order, then the hidden one (first in the workbook), marked:
    // it can still be chosen.
    QCOMPARE(window.sheetSelector()->count(), 5);
    QStringList listed;
    for (int i = 0; i < window.sheetSelector()->count(); ++i)
        listed << window.sheetSelector()->itemData(i).toString();
    QCOMPARE(listed, (QStringList{QStringLiteral("名单"), QStringLiteral("Notes"), QStringLiteral("空白"),
                                  QStringLiteral("无名列"), QStringLiteral("Hidden")}));
    for (int i = 0; i < 4; ++i)
        QCOMPARE(window.sheetSelector()->itemText(i), listed.at(i));
    const QString hiddenText = window.sheetSelector()->itemText(4);
    QVERIFY2(hiddenText.startsWith(QStringLiteral("Hidden")) && hiddenText != QStringLiteral("Hidden"),
             qPrintable(hiddenText));
    QCOMPARE(window.sheetSelector()->currentText(), QStringLiteral("名单"));
    QCOMPARE(window.dataTable()->rowCount(), 3);
    QCOMPARE(window.dataTable()->item(1, 1)->text(), QStringLiteral("李娜"));
    QCOMPARE(window.addressColumnSelector()->currentText(), QStringLiteral("email"));
    QVERIFY2(window.dataStatus()->text().contains(QStringLiteral("名单")),
             qPrintable(window.dataStatus()->text()));
    screenshot(&window, QStringLiteral("bulk-1-data-workbook"));

    // The hidden sheet, chosen, is read by its own name.
    window.sheetSelector()->setCurrentIndex(4);
    QVERIFY2(window.dataStatus()->text().contains(QStringLiteral("Hidden")),
             qPrintable(window.dataStatus()->text()));
    QCOMPARE(window.sheetSelector()->currentIndex(), 4);
    QCOMPARE(window.dataTable()->horizontalHeaderItem(0)->text(), QStringLiteral("secret"));
    screenshot(&window, QStringLiteral("bulk-1-data-hidden-sheet"));
    window.sheetSelector()->setCurrentIndex(0);
    QCOMPARE(window.dataTable()->rowCount(), 3);

    // An empty sheet: why, in the window; the steps after wait for data.
    window.sheetSelector()->setCurrentIndex(window.sheetSelector()->findText(QStringLiteral("空白")));
    QCOMPARE(window.dataTable()->rowCount(), 0);
    QVERIFY2(window.dataStatus()->text().contains(QStringLiteral("空白")),
             qPrintable(window.dataStatus()->text()));
    window.showStep(BulkSendWindow::MessageStep);
    QCOMPARE(window.currentStep(), BulkSendWindow::DataStep);

    window.sheetSelector()->setCurrentIndex(window.sheetSelector()->findText(QStringLiteral("Notes")));
    QCOMPARE(window.dataTable()->rowCount(), 1);
    QCOMPARE(window.dataTable()->horizontalHeaderItem(0)->text(), QStringLiteral("项目"));
    QCOMPARE(window.dataTable()->item(0, 0)->text(), QStringLiteral("说明在此"));
    QCOMPARE(window.sheetSelector()->currentText(), QStringLiteral("Notes"));

    window.showStep(BulkSendWindow::MessageStep);
    window.toField()->setText(QStringLiteral("notes@example.com"));
    type(window.subjectField(), QStringLiteral("{{项目}}"));
    type(window.textEdit(), QStringLiteral("见主题。"));
    window.showStep(BulkSendWindow::SendStep);
    QSignalSpy finished(&window, &BulkSendWindow::runFinished);
    window.start();
    QVERIFY(finished.wait(20000));
    QVERIFY2(finished.first().first().toString().isEmpty(), qPrintable(finished.first().first().toString()));
    QCOMPARE(window.runTable()->rowCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(stored.size(), 1, 5000);
    QFile eml(stored.first().first().toString());
    QVERIFY(eml.open(QIODevice::ReadOnly));
    const QJsonObject seen = runMimeOracle(eml.readAll());
    QCOMPARE(seen.value(QStringLiteral("headers")).toObject().value(QStringLiteral("Subject")).toString(),
             QStringLiteral("说明在此"));

    // Not a workbook after all: said in the window, as for a CSV file it cannot read.
    const QString bad = writeFile(QStringLiteral("book/坏.xlsx"), "工号,姓名\n1,2\n");
    QVERIFY(!window.loadDataFile(bad));
    QVERIFY(!window.dataStatus()->text().isEmpty());
    QCOMPARE(window.dataTable()->rowCount(), 0);
    QCOMPARE(window.sheetSelector()->count(), 0);
}

// The limits follow the provider of the account chosen: Gmail's for smtp.gmail.com, none for the
// sandbox; each stays editable, and the checks say when the run would finish.
void TestBulkSendWindow::pacingFollowsTheAccount()
{
    Account gmail;
    gmail.name = QStringLiteral("Gmail");
    gmail.identities.append({QStringLiteral("张三"), QStringLiteral("zhangsan@gmail.com"), {}, {}});
    gmail.host = QStringLiteral("smtp.gmail.com");
    gmail.port = 587;
    QVERIFY(m_accounts->save(gmail).ok());
    const auto removeAccount = qScopeGuard([this, &gmail] { m_accounts->remove(gmail.id); });
    const PacingProfile gmailProfile =
        PacingProfile::forServer(gmail.host, QStringLiteral("zhangsan@gmail.com"));
    QCOMPARE(gmailProfile.id, QStringLiteral("gmail"));
    const QString data = writeFile(QStringLiteral("pace/名单.csv"),
                                   QStringLiteral("工号,姓名,邮箱\n1,甲,p1@example.com\n2,乙,p2@example.com\n"
                                                  "3,丙,p3@example.com\n")
                                       .toUtf8());

    BulkSendWindow window(m_accounts.get(), m_service.get());
    window.setConfirmations(false);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.loadDataFile(data));
    window.showStep(BulkSendWindow::MessageStep);
    // The sandbox (the default account): no provider limits.
    QCOMPARE(window.rateField()->value(), 0);
    QCOMPARE(window.perDayField()->value(), 0);
    const int gmailIndex = window.fromSelector()->findData(gmail.id);
    QVERIFY(gmailIndex >= 0);
    window.fromSelector()->setCurrentIndex(gmailIndex);
    QCOMPARE(window.rateField()->value(), gmailProfile.perMinute);
    QCOMPARE(window.perDayField()->value(), gmailProfile.perDay);
    QVERIFY2(window.pacingProfileLabel()->text().contains(gmailProfile.name()),
             qPrintable(window.pacingProfileLabel()->text()));
    type(window.subjectField(), QStringLiteral("{{姓名}}"));
    type(window.textEdit(), QStringLiteral("您好"));
    screenshot(&window, QStringLiteral("bulk-2-message-limits"));

    // Changed by hand: the run takes these, and the estimate follows them.
    window.perDayField()->setValue(2);
    window.showStep(BulkSendWindow::CheckStep);
    QVERIFY2(window.runChecks(),
             qPrintable(window.problemList()->count() ? window.problemList()->item(0)->text() : QString()));
    const QString estimate = window.estimateLabel()->text();
    QVERIFY2(window.estimateLabel()->isVisible() && !estimate.isEmpty(), qPrintable(estimate));
    // 3 recipients, 2 a day: the last one goes a day after the first.
    const QString tomorrow = QDate::currentDate().addDays(1).toString(QStringLiteral("yyyy-MM-dd"));
    const QString dayAfter = QDate::currentDate().addDays(2).toString(QStringLiteral("yyyy-MM-dd"));
    QVERIFY2(estimate.contains(tomorrow) || estimate.contains(dayAfter), qPrintable(estimate));
    screenshot(&window, QStringLiteral("bulk-3-checks-estimate"));

    // Back to the sandbox: its profile, no limits again.
    window.showStep(BulkSendWindow::MessageStep);
    window.fromSelector()->setCurrentIndex(window.fromSelector()->findData(m_accounts->defaultAccountId()));
    QCOMPARE(window.rateField()->value(), 0);
    QCOMPARE(window.perDayField()->value(), 0);
    QVERIFY2(window.pacingProfileLabel()->text().contains(
                 PacingProfile::forServer(QStringLiteral("127.0.0.1"), QString()).name()),
             qPrintable(window.pacingProfileLabel()->text()));
    QVERIFY(!window.pacingProfileLabel()->text().contains(gmailProfile.name()));
}

// Over the daily quota the window's run waits (it does not stop) and says until when; Cancel stops it.
void TestBulkSendWindow::dailyQuotaMakesTheRunWait()
{
    QByteArray csv = "工号,姓名,邮箱\n";
    for (int i = 1; i <= 3; ++i)
        csv += QStringLiteral("%1,员工%1,q%1@example.com\n").arg(i).toUtf8();
    const QString data = writeFile(QStringLiteral("quota/名单.csv"), csv);
    // The tests before this one sent from the same address, and the quota counts every run from it
    // (BulkQuotaLog): this one starts a fresh day.
    QFile::remove(BulkQuotaLog::defaultPath());
    QSignalSpy stored(m_sandbox.get(), &SandboxServer::messageStored);
    BulkSendWindow window(m_accounts.get(), m_service.get());
    window.setConfirmations(false);
    window.show();
    QVERIFY(window.loadDataFile(data));
    fillTemplate(&window, false);
    window.perDayField()->setValue(2);
    window.showStep(BulkSendWindow::SendStep);
    QVERIFY2(!window.runEstimateLabel()->text().isEmpty(), qPrintable(window.progressLabel()->text()));
    window.start();
    QVERIFY(window.mergeRun());
    QSignalSpy exhausted(window.mergeRun(), &MergeRun::quotaExhausted);
    QVERIFY(exhausted.wait(20000));
    QVERIFY(window.isRunning());
    QVERIFY(window.mergeRun()->isWaitingForQuota());
    QCOMPARE(window.mergeRun()->quotaUsed(), 2);
    const QString when =
        MergeRun::describeWhen(window.mergeRun()->waitingUntil(), QDateTime::currentDateTime());
    QTRY_VERIFY2(window.runEstimateLabel()->text().contains(when),
                 qPrintable(window.runEstimateLabel()->text()));
    QVERIFY(window.cancelButton()->isEnabled());
    screenshot(&window, QStringLiteral("bulk-5-quota"));
    QSignalSpy finished(&window, &BulkSendWindow::runFinished);
    window.cancelButton()->click();
    QVERIFY(finished.wait(20000));
    QCOMPARE(window.mergeRun()->journal().count(MergeJournal::State::Accepted), 2);
    QCOMPARE(window.mergeRun()->journal().count(MergeJournal::State::Pending), 1);
    QTRY_COMPARE_WITH_TIMEOUT(stored.size(), 2, 5000);
}

// A run stopped after rows 2 and 3 had left and before the server answered: the window says so above
// the table. Row 2, found in its mailbox, is marked delivered and never sent; row 3 is sent again (after
// a question naming its recipient), exactly once, with the Message-ID it had.
void TestBulkSendWindow::rowsInDoubtDecidedInTheWindow()
{
    QByteArray csv = "工号,姓名,邮箱\n";
    for (int i = 1; i <= 3; ++i)
        csv += QStringLiteral("%1,客户%1,d%1@example.com\n").arg(i).toUtf8();
    const QString data = writeFile(QStringLiteral("doubt/客户.csv"), csv);
    QString journalPath;
    {
        BulkSendWindow window(m_accounts.get(), m_service.get());
        window.setConfirmations(false);
        window.show();
        QVERIFY(window.loadDataFile(data));
        fillTemplate(&window, false);
        QVERIFY(window.runChecks());
        // The journal as Start begins it, nothing sent yet.
        QVERIFY(window.exportReport(m_dir.filePath(QStringLiteral("doubt/report.csv"))));
        journalPath = window.journalPath();
    }
    {
        // Row 1 went; rows 2 and 3 were on their way when the run stopped.
        MergeJournal journal;
        QString error;
        QVERIFY2(journal.open(journalPath, &error), qPrintable(error));
        QVERIFY(journal.setState(1, MergeJournal::State::Accepted, QStringLiteral("250 ok"), {}, &error));
        QVERIFY(journal.recordSending(QStringLiteral("2"), &error));
        QVERIFY(journal.recordSending(QStringLiteral("3"), &error));
    }

    QSignalSpy stored(m_sandbox.get(), &SandboxServer::messageStored);
    BulkSendWindow window(m_accounts.get(), m_service.get());
    window.setConfirmations(false);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.loadDataFile(data));
    QVERIFY(!window.doubtNotice()->isVisible());
    fillTemplate(&window, false);
    window.showStep(BulkSendWindow::SendStep);
    QVERIFY(window.mergeRun());
    QVERIFY(window.doubtNotice()->isVisible());
    QVERIFY2(window.doubtNoticeLabel()->text().startsWith(QStringLiteral("2")),
             qPrintable(window.doubtNoticeLabel()->text()));
    const QString inDoubt = MergeJournal::stateLabel(MergeJournal::State::Unknown);
    QCOMPARE(window.runTable()->item(1, 2)->text(), inDoubt);
    QCOMPARE(window.runTable()->item(2, 2)->text(), inDoubt);
    // The first row in doubt is chosen already; the actions concern it.
    QCOMPARE(window.runTable()->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(window.runTable()->selectionModel()->selectedRows().first().row(), 1);
    QVERIFY(window.markDeliveredButton()->isEnabled());
    QVERIFY(window.sendAgainButton()->isEnabled());
    // Rows in doubt are not done: the bar counts row 1 only.
    QCOMPARE(window.progressBar()->maximum(), 3);
    QCOMPARE(window.progressBar()->value(), 1);
    screenshot(&window, QStringLiteral("bulk-5-in-doubt"));

    // Row 2 arrived: accepted, the decision in its reply, never sent.
    window.markDeliveredButton()->click();
    const std::optional<MergeJournal::Row> delivered = window.mergeRun()->journal().row(2);
    QCOMPARE(delivered->state, MergeJournal::State::Accepted);
    QVERIFY(!delivered->decision.isEmpty());
    QCOMPARE(window.runTable()->item(1, 2)->text(), MergeJournal::stateLabel(MergeJournal::State::Accepted));
    QCOMPARE(window.runTable()->item(1, 3)->text(), delivered->decision.simplified());
    QCOMPARE(window.progressBar()->value(), 2);
    QVERIFY(window.doubtNotice()->isVisible());
    QVERIFY2(window.doubtNoticeLabel()->text().startsWith(QStringLiteral("1")),
             qPrintable(window.doubtNoticeLabel()->text()));
    // Selecting a row not in doubt offers nothing to decide.
    window.runTable()->selectRow(0);
    QVERIFY(!window.sendAgainButton()->isEnabled());
    QVERIFY(!window.resolveSelectedInDoubt(MergeJournal::Resolution::SendAgain));

    // Row 3 did not: Send again asks first, naming the recipient and the Message-ID kept.
    window.runTable()->selectRow(2);
    QVERIFY(window.sendAgainButton()->isEnabled());
    window.setConfirmations(true);
    QString asked;
    QTimer::singleShot(0, &window, [&asked] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        asked = box->text();
        screenshot(box, QStringLiteral("bulk-5-send-again-question"));
        box->reject();
    });
    QVERIFY(!window.resolveSelectedInDoubt(MergeJournal::Resolution::SendAgain)); // not confirmed
    QVERIFY2(asked.contains(QStringLiteral("d3@example.com")), qPrintable(asked));
    QVERIFY2(asked.contains(QStringLiteral("Message-ID")), qPrintable(asked));
    QCOMPARE(window.mergeRun()->journal().row(3)->state, MergeJournal::State::Unknown);
    window.setConfirmations(false);
    window.sendAgainButton()->click();
    QCOMPARE(window.mergeRun()->journal().row(3)->state, MergeJournal::State::Pending);
    QCOMPARE(window.runTable()->item(2, 2)->text(), MergeJournal::stateLabel(MergeJournal::State::Pending));
    QVERIFY(!window.doubtNotice()->isVisible());
    screenshot(&window, QStringLiteral("bulk-5-in-doubt-decided"));

    // Start sends row 3 alone, once, as it was.
    const QByteArray messageId = window.mergeRun()->journal().row(3)->messageId;
    QSignalSpy finished(&window, &BulkSendWindow::runFinished);
    window.startButton()->click();
    QVERIFY(finished.wait(20000));
    QVERIFY2(finished.first().first().toString().isEmpty(), qPrintable(finished.first().first().toString()));
    QCOMPARE(window.mergeRun()->journal().count(MergeJournal::State::Accepted), 3);
    QTRY_COMPARE_WITH_TIMEOUT(stored.size(), 1, 5000);
    QCOMPARE(stored.first().at(2).toStringList(), QStringList{QStringLiteral("d3@example.com")});
    QFile eml(stored.first().first().toString());
    QVERIFY(eml.open(QIODevice::ReadOnly));
    QVERIFY(eml.readAll().contains("Message-ID: " + messageId));
}

// Rich text: the message goes with an HTML version (bold kept, each value HTML-escaped) and the same
// words as its plain alternative; back to plain text, the words stay.
void TestBulkSendWindow::richTextSendsHtmlWithPlainAlternative()
{
    const QString data = writeFile(QStringLiteral("rich/名单.csv"),
                                   QStringLiteral("姓名,邮箱\n张&三,rich1@example.com\n").toUtf8());
    QSignalSpy stored(m_sandbox.get(), &SandboxServer::messageStored);
    BulkSendWindow window(m_accounts.get(), m_service.get());
    window.setConfirmations(false);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(window.loadDataFile(data));
    window.showStep(BulkSendWindow::MessageStep);
    type(window.subjectField(), QStringLiteral("通知"));
    type(window.textEdit(), QStringLiteral("您好 {{姓名}}：请查收。"));
    window.rateField()->setValue(0);
    QVERIFY(!window.richTextEdit()->isVisible());
    window.richTextCheck()->click();
    QVERIFY(window.isRichText());
    QVERIFY(window.richTextEdit()->isVisible());
    QVERIFY(!window.textEdit()->isVisible());
    QCOMPARE(window.richTextEdit()->toPlainText(), QStringLiteral("您好 {{姓名}}：请查收。"));
    // "请查收" in bold, with Ctrl+B as a person would.
    QTextCursor cursor = window.richTextEdit()->textCursor();
    cursor.movePosition(QTextCursor::End);
    cursor.movePosition(QTextCursor::Left);
    cursor.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, 3);
    window.richTextEdit()->setTextCursor(cursor);
    window.richTextEdit()->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), window.richTextEdit());
    QTest::keyClick(window.richTextEdit(), Qt::Key_B, Qt::ControlModifier);
    QTextCursor bold = window.richTextEdit()->textCursor();
    bold.setPosition(bold.selectionEnd()); // the format of the character before: the last one chosen
    QVERIFY(bold.charFormat().fontWeight() > QFont::Normal);
    screenshot(&window, QStringLiteral("bulk-2-message-rich"));

    window.showStep(BulkSendWindow::PreviewStep);
    QVERIFY2(window.previewView()->toPlainText().contains(QStringLiteral("您好 张&三：请查收。")),
             qPrintable(window.previewView()->toPlainText()));
    window.showStep(BulkSendWindow::SendStep);
    QSignalSpy finished(&window, &BulkSendWindow::runFinished);
    window.start();
    QVERIFY(finished.wait(20000));
    QVERIFY2(finished.first().first().toString().isEmpty(), qPrintable(finished.first().first().toString()));
    QTRY_COMPARE_WITH_TIMEOUT(stored.size(), 1, 5000);
    QFile eml(stored.first().first().toString());
    QVERIFY(eml.open(QIODevice::ReadOnly));
    const QJsonObject seen = runMimeOracle(eml.readAll());
    QVERIFY(
        seen.value(QStringLiteral("structure")).toArray().contains(QStringLiteral("multipart/alternative")));
    QCOMPARE(seen.value(QStringLiteral("text")).toString().trimmed(), QStringLiteral("您好 张&三：请查收。"));
    const QString html = seen.value(QStringLiteral("html")).toString();
    QVERIFY2(html.contains(QStringLiteral("张&amp;三")), qPrintable(html));
    QVERIFY2(html.contains(QStringLiteral("font-weight")) && html.contains(QStringLiteral(">请查收<")),
             qPrintable(html));
    QVERIFY2(!html.contains(QStringLiteral("{{")), qPrintable(html));

    // Back to plain text: the words stay, the formatting goes.
    window.showStep(BulkSendWindow::MessageStep);
    window.richTextCheck()->click();
    QVERIFY(!window.isRichText());
    QVERIFY(window.textEdit()->isVisible());
    QCOMPARE(window.textEdit()->toPlainText(), QStringLiteral("您好 {{姓名}}：请查收。"));
}

QTEST_MAIN(TestBulkSendWindow)
#include "testbulksendwindow.moc"
