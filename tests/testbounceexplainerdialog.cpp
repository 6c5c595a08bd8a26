#include "accountdialog.h"
#include "accountstore.h"
#include "bounceexplainerdialog.h"
#include "secretstore.h"

#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

// The GUI ends of issue 15: File → Explain a bounce… and the account dialog's Check domain button.
class TestBounceExplainerDialog : public QObject
{
    Q_OBJECT
private slots:
    void pastedReplyIsExplained();
    void emlFileIsExplained();
    void nothingFound();
    void accountDialogOffersDomainCheck();
};

void TestBounceExplainerDialog::pastedReplyIsExplained()
{
    BounceExplainerDialog dialog;
    auto *input = dialog.findChild<QPlainTextEdit *>();
    QVERIFY(input);
    input->setPlainText(
        QStringLiteral("554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException"));
    auto *explain = dialog.findChild<QPushButton *>(QStringLiteral("explain"));
    QVERIFY(explain);
    explain->click();
    QVERIFY2(dialog.result().startsWith(QLatin1String("Server said: \"554 5.2.0")),
             qPrintable(dialog.result()));
    QVERIFY2(dialog.result().contains(QStringLiteral("sending limit")), qPrintable(dialog.result()));
}

void TestBounceExplainerDialog::emlFileIsExplained()
{
    BounceExplainerDialog dialog;
    QVERIFY(dialog.openFile(QStringLiteral(SENDSCOPE_SOURCE_DIR "/tests/data/bounces/qq-tuixin.eml")));
    QVERIFY2(dialog.result().contains(QStringLiteral("Failed recipient: zhangsan@example.cn")),
             qPrintable(dialog.result()));
}

void TestBounceExplainerDialog::nothingFound()
{
    BounceExplainerDialog dialog;
    dialog.explain("Dear friend, how are you?");
    QVERIFY(dialog.result().isEmpty());
}

// Only the button: clicking it would ask the system's DNS, and tests stay on loopback (testcheckdomain
// covers DomainCheck against dnsmasq).
void TestBounceExplainerDialog::accountDialogOffersDomainCheck()
{
    QTemporaryDir dir;
    AccountStore store(dir.filePath(QStringLiteral("accounts.conf")));
    SecretStore secrets(QStringLiteral("sendscope-test-%1").arg(QUuid::createUuid().toString(QUuid::Id128)));
    AccountDialog dialog(Account{}, &store, &secrets);
    auto *check = dialog.findChild<QPushButton *>(QStringLiteral("checkDomain"));
    QVERIFY(check);
    QVERIFY(!check->isEnabled());
    dialog.addressField()->setText(QStringLiteral("me@example.com"));
    QVERIFY(check->isEnabled());
}

QTEST_MAIN(TestBounceExplainerDialog)
#include "testbounceexplainerdialog.moc"
