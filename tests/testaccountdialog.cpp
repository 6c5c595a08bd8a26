#include "accountdialog.h"
#include "accountstore.h"
#include "certificatedialog.h"
#include "composewindow.h"
#include "secretstore.h"
#include "settingsfinder.h"
#include "testserverenv.h"
#include "transcriptmodel.h"
#include "widgettesting.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QTranslator>
#include <QUuid>

using WidgetTesting::screenshot;
using WidgetTesting::type;

// The account dialog on the offscreen platform: typing into the fields, validation next to them, the
// port following the security, Test connection against the real Postfix (with the certificate
// decision), saving to the account file and the real keychain, and sending with the saved account.
class TestAccountDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void validationAsTheUserTypes();
    void problemsShowOnceAFieldIsLeftOrOnSave();
    void layoutHoldsStillAndNothingOverlaps_data();
    void layoutHoldsStillAndNothingOverlaps();
    void portFollowsSecurityUntilEdited();
    void identitiesAndSignature();
    void receiptDefaultsAreSaved();
    void trustedCertificatesCanBeReviewedAndRemoved();
    void findSettingsFillsTheForm();
    void testConnectionAsksAboutTheCertificate();
    void testConnectionExplainsAWrongPassword();
    void trustOnceIsForgottenWhenTheServerChanges();
    void changedServerAsksBeforeTheSavedPasswordGoesThere();
    void foreignServerFromDnsNeedsConfirmation();
    void saveKeepsThePasswordInTheKeychainOnly();
    void composeWindowSendsWithTheSavedAccount();

private:
    void fillPostfix(AccountDialog &dialog, const QString &password);
    // Clicks the button with objectName in the next modal dialog that opens (bounded wait).
    void answerNextModal(const QString &buttonName);

    TestServerEnv m_servers;
    bool m_haveServers = false;
    bool m_haveKeychain = false;
    QTemporaryDir m_dir;
    std::unique_ptr<AccountStore> m_store;
    std::unique_ptr<SecretStore> m_secrets;
};

void TestAccountDialog::initTestCase()
{
    WidgetTesting::applyDarkPaletteIfAsked();
    m_haveServers = m_servers.load();
    m_haveKeychain = !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
    if (!m_haveKeychain && qEnvironmentVariableIntValue("SENDSCOPE_REQUIRE_KEYCHAIN") == 1)
        QFAIL("SENDSCOPE_REQUIRE_KEYCHAIN=1 but there is no D-Bus session (run through .ci/test.sh)");
    m_secrets = std::make_unique<SecretStore>(
        QStringLiteral("sendscope-test-%1").arg(QUuid::createUuid().toString(QUuid::Id128)));
}

void TestAccountDialog::init()
{
    m_store = std::make_unique<AccountStore>(
        m_dir.filePath(QUuid::createUuid().toString(QUuid::Id128) + QStringLiteral(".conf")));
}

void TestAccountDialog::answerNextModal(const QString &buttonName)
{
    auto *timer = new QTimer(this); // polls for the dialog, bounded to 10 s
    auto attempts = std::make_shared<int>(0);
    connect(timer, &QTimer::timeout, this, [timer, buttonName, attempts] {
        QWidget *modal = QApplication::activeModalWidget();
        auto *button = modal ? modal->findChild<QPushButton *>(buttonName) : nullptr;
        if (button) {
            screenshot(modal, QStringLiteral("certificate-dialog"));
            timer->stop();
            timer->deleteLater();
            button->click();
        } else if (++*attempts >= 200) {
            timer->stop();
            timer->deleteLater();
        }
    });
    timer->start(50);
}

void TestAccountDialog::validationAsTheUserTypes()
{
    AccountDialog dialog(Account{}, m_store.get(), m_secrets.get());
    dialog.show();
    QVERIFY(!dialog.isComplete());
    QVERIFY(!dialog.testButton()->isEnabled());

    type(dialog.nameField(), QStringLiteral("工作"));
    type(dialog.addressField(), QStringLiteral("zhang@"));
    QVERIFY2(dialog.problemText(Account::Field::Address).contains(QStringLiteral("position")),
             qPrintable(dialog.problemText(Account::Field::Address)));
    type(dialog.addressField(), QStringLiteral("example.com"));
    QVERIFY(dialog.problemText(Account::Field::Address).isEmpty());
    QCOMPARE(dialog.usernameField()->placeholderText(), QStringLiteral("zhang@example.com"));

    type(dialog.hostField(), QStringLiteral("smtp example.com"));
    QVERIFY(dialog.problemText(Account::Field::Host).contains(QStringLiteral("not a valid host")));
    dialog.hostField()->clear();
    type(dialog.hostField(), QStringLiteral("smtp.example.com"));
    QVERIFY(dialog.problemText(Account::Field::Host).isEmpty());
    QVERIFY(dialog.passwordProblem().contains(QStringLiteral("password")));
    QVERIFY(!dialog.isComplete());
    QVERIFY(dialog.testButton()->isEnabled()); // testing needs no saved password yet

    // No encryption with a password: refused, the reason next to Security.
    dialog.securityField()->setCurrentIndex(dialog.securityField()->findData(int(SmtpSecurity::None)));
    QVERIFY(dialog.problemText(Account::Field::Security).contains(QStringLiteral("clear text")));
    dialog.authField()->setCurrentIndex(dialog.authField()->findData(int(AccountAuth::None)));
    QVERIFY(dialog.problemText(Account::Field::Security).isEmpty());
    QVERIFY(dialog.passwordProblem().isEmpty());
    QVERIFY(dialog.isComplete());
    screenshot(&dialog, QStringLiteral("account-validation"));

    dialog.authField()->setCurrentIndex(dialog.authField()->findData(int(AccountAuth::Automatic)));
    dialog.securityField()->setCurrentIndex(dialog.securityField()->findData(int(SmtpSecurity::StartTls)));
    type(dialog.passwordField(), QStringLiteral("secret"));
    QVERIFY(dialog.isComplete());
    dialog.nameField()->clear();
    QVERIFY(dialog.problemText(Account::Field::Name).contains(QStringLiteral("name")));
    QVERIFY(!dialog.isComplete());
}

// Where each field of the form is, relative to the dialog: what must not move when a problem appears.
static QList<QRect> fieldGeometries(AccountDialog &dialog)
{
    QCoreApplication::sendPostedEvents();
    QApplication::processEvents();
    QList<QRect> rects;
    for (QWidget *field : std::initializer_list<QWidget *>{
             dialog.nameField(), dialog.addressField(), dialog.replyToField(), dialog.identityTable(),
             dialog.hostField(), dialog.portField(), dialog.usernameField(), dialog.passwordField()})
        rects << QRect(field->mapTo(&dialog, QPoint()), field->size());
    return rects;
}

void TestAccountDialog::problemsShowOnceAFieldIsLeftOrOnSave()
{
    AccountDialog dialog(Account{}, m_store.get(), m_secrets.get());
    dialog.resize(1000, 560); // as on a 1024×600 screen (the default offscreen screen is smaller)
    dialog.show();
    QApplication::setActiveWindow(&dialog);
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    // A fresh dialog is incomplete, but says nothing red about fields nobody has touched yet.
    QVERIFY(!dialog.isComplete());
    QVERIFY(!dialog.problemText(Account::Field::Address).isEmpty());
    for (const Account::Field field : {Account::Field::Name, Account::Field::Address, Account::Field::Host,
                                       Account::Field::Username, Account::Field::Security})
        QVERIFY2(dialog.shownProblemText(field).isEmpty(), qPrintable(dialog.shownProblemText(field)));
    QVERIFY(dialog.shownPasswordProblem().isEmpty());
    QVERIFY(dialog.saveButton()->isEnabled()); // Save is how to find out what is missing
    const QList<QRect> before = fieldGeometries(dialog);

    // Typing: still nothing, the person is not finished.
    dialog.addressField()->setFocus();
    type(dialog.addressField(), QStringLiteral("zhang@"));
    QVERIFY(!dialog.problemText(Account::Field::Address).isEmpty());
    QVERIFY(dialog.shownProblemText(Account::Field::Address).isEmpty());
    // Leaving the field (Tab): its problem is shown, and only its own.
    QTest::keyClick(dialog.addressField(), Qt::Key_Tab);
    QVERIFY(!dialog.addressField()->hasFocus());
    QCOMPARE(dialog.shownProblemText(Account::Field::Address), dialog.problemText(Account::Field::Address));
    QVERIFY(dialog.shownProblemText(Account::Field::Host).isEmpty());
    // Nothing moved: the line for the problem was there all along.
    QCOMPARE(fieldGeometries(dialog), before);
    screenshot(&dialog, QStringLiteral("account-left-address"));

    // Fixed while typing, the problem goes at once (no need to leave again).
    type(dialog.addressField(), QStringLiteral("example.com"));
    QVERIFY(dialog.shownProblemText(Account::Field::Address).isEmpty());

    // Save shows every problem, saves nothing, and puts the cursor in the first field to fix.
    QSignalSpy saved(&dialog, &AccountDialog::saved);
    QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
    QCOMPARE(saved.size(), 0);
    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.shownProblemText(Account::Field::Host).isEmpty());
    QCOMPARE(dialog.shownPasswordProblem(), QStringLiteral("Enter the password."));
    QVERIFY(dialog.hostField()->hasFocus());
    // Down to the server field nothing moved; a problem too long for its line (the server's, here)
    // takes a second one and moves what is below it by that line.
    QCOMPARE(fieldGeometries(dialog).mid(0, 5), before.mid(0, 5));
    screenshot(&dialog, QStringLiteral("account-after-save"));
}

void TestAccountDialog::layoutHoldsStillAndNothingOverlaps_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QString();
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
}

void TestAccountDialog::layoutHoldsStillAndNothingOverlaps()
{
    QFETCH(QString, language);
    QTranslator translator;
    if (!language.isEmpty()) {
        QVERIFY(translator.load(QLocale(language), QStringLiteral("sendscope"), QStringLiteral("_"),
                                QStringLiteral(":/i18n")));
        QCoreApplication::installTranslator(&translator);
    }
    const auto removeTranslator =
        qScopeGuard([&translator] { QCoreApplication::removeTranslator(&translator); });
    Account account;
    account.name = QStringLiteral("Work");
    account.identities.append({QStringLiteral("张伟"), QStringLiteral("zhang@example.com"), {}, {}});
    for (int i = 0; i < 8; ++i) // enough to scroll the identity table
        account.identities.append(
            {QStringLiteral("Team %1").arg(i), QStringLiteral("team%1@example.com").arg(i), {}, {}});
    account.host = QStringLiteral("smtp.example.com");
    AccountDialog dialog(account, m_store.get(), m_secrets.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCoreApplication::sendPostedEvents();
    QApplication::processEvents();
    screenshot(
        &dialog,
        QStringLiteral("account-identities-%1").arg(language.isEmpty() ? QStringLiteral("en") : language));

    // The identity buttons sit below the table, clear of its rows and its scroll bars.
    QTableWidget *table = dialog.identityTable();
    const QRect tableRect(table->mapTo(&dialog, QPoint()), table->size());
    for (const char *name : {"addIdentity", "removeIdentity"}) {
        auto *button = dialog.findChild<QPushButton *>(QLatin1String(name));
        QVERIFY(button);
        const QRect buttonRect(button->mapTo(&dialog, QPoint()), button->size());
        QVERIFY2(!buttonRect.intersects(tableRect), name);
        QVERIFY2(buttonRect.top() >= tableRect.bottom(), name);
        QVERIFY2(button->width() >= button->minimumSizeHint().width(), name); // its text not cut
    }
    QVERIFY(table->verticalScrollBar()->isVisible());
    const QRect viewport(table->viewport()->mapTo(&dialog, QPoint()), table->viewport()->size());
    QVERIFY(tableRect.contains(viewport));

    // Nothing in the form is cut: each field label and button gets the width its text needs.
    auto *area =
        qobject_cast<QScrollArea *>(dialog.nameField()->parentWidget()->parentWidget()->parentWidget());
    QVERIFY(area);
    for (QLabel *label : area->widget()->findChildren<QLabel *>()) {
        if (label->buddy() && label->isVisible())
            QVERIFY2(label->width() >= label->minimumSizeHint().width(), qPrintable(label->text()));
    }
    for (QPushButton *button : area->widget()->findChildren<QPushButton *>()) {
        if (button->isVisible())
            QVERIFY2(button->width() >= button->minimumSizeHint().width(), qPrintable(button->text()));
    }
    QVERIFY2(area->horizontalScrollBar()->maximum() == 0 || !area->horizontalScrollBar()->isVisible(),
             "the form scrolls sideways");
}

void TestAccountDialog::portFollowsSecurityUntilEdited()
{
    AccountDialog dialog(Account{}, m_store.get(), m_secrets.get());
    QCOMPARE(dialog.portField()->value(), 587);
    dialog.securityField()->setCurrentIndex(dialog.securityField()->findData(int(SmtpSecurity::ImplicitTls)));
    QCOMPARE(dialog.portField()->value(), 465);
    dialog.securityField()->setCurrentIndex(dialog.securityField()->findData(int(SmtpSecurity::None)));
    QCOMPARE(dialog.portField()->value(), 25);
    dialog.portField()->setValue(2525);
    dialog.securityField()->setCurrentIndex(dialog.securityField()->findData(int(SmtpSecurity::StartTls)));
    QCOMPARE(dialog.portField()->value(), 2525); // the user's choice stays
    QCOMPARE(dialog.account().port, quint16(2525));
}

void TestAccountDialog::identitiesAndSignature()
{
    AccountDialog dialog(Account{}, m_store.get(), m_secrets.get());
    dialog.show();
    type(dialog.addressField(), QStringLiteral("zhang@example.com"));
    QCOMPARE(dialog.nameField()->text(), QStringLiteral("zhang@example.com")); // named after the address
    type(dialog.hostField(), QStringLiteral("smtp.example.com"));
    dialog.authField()->setCurrentIndex(dialog.authField()->findData(int(AccountAuth::None)));
    QVERIFY(dialog.isComplete());

    type(dialog.replyToField(), QStringLiteral("team@"));
    QVERIFY(!dialog.problemText(Account::Field::ReplyTo).isEmpty());
    QVERIFY(!dialog.isComplete());
    type(dialog.replyToField(), QStringLiteral("example.com"));
    QVERIFY(dialog.problemText(Account::Field::ReplyTo).isEmpty());
    dialog.signatureField()->setPlainText(QStringLiteral("张伟\n产品部"));

    QTableWidget *identities = dialog.identityTable();
    identities->insertRow(0);
    identities->setItem(0, 0, new QTableWidgetItem(QStringLiteral("Support")));
    identities->setItem(0, 1, new QTableWidgetItem(QStringLiteral("support@")));
    identities->setItem(0, 2, new QTableWidgetItem);
    QVERIFY2(dialog.problemText(Account::Field::Identities).contains(QStringLiteral("Identity 2")),
             qPrintable(dialog.problemText(Account::Field::Identities)));
    QVERIFY(!dialog.isComplete());
    identities->item(0, 1)->setText(QStringLiteral("support@example.com"));
    QVERIFY(dialog.problemText(Account::Field::Identities).isEmpty());
    QVERIFY(dialog.isComplete());

    QSignalSpy saved(&dialog, &AccountDialog::saved);
    dialog.save();
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 5000); // no password: saved at once, no keychain involved
    const Account account = *m_store->findByName(QStringLiteral("zhang@example.com"));
    QCOMPARE(account.identities.size(), 2);
    QCOMPARE(account.identities.at(0).replyTo, QStringLiteral("team@example.com"));
    QCOMPARE(account.identities.at(1).address, QStringLiteral("support@example.com"));

    // The compose window offers both, and swaps the signature with the identity until the user edits it.
    ComposeWindow window({}, {}, {});
    window.setAccounts(m_store.get(), m_secrets.get(), 0);
    QCOMPARE(window.fromSelector()->count(), 2);
    QCOMPARE(window.bodyEdit()->toPlainText(), QStringLiteral("\n\n-- \n张伟\n产品部"));
    window.bodyEdit()->setPlainText(QStringLiteral("Hi") + window.bodyEdit()->toPlainText());
    window.fromSelector()->setCurrentIndex(1);
    QVERIFY(window.bodyEdit()->toPlainText().startsWith(QStringLiteral("Hi\n\n-- \n张伟")));
}

void TestAccountDialog::trustedCertificatesCanBeReviewedAndRemoved()
{
    Account account;
    account.name = QStringLiteral("Pinned");
    account.identities.append({{}, QStringLiteral("pinned@example.com"), {}, {}});
    account.host = QStringLiteral("smtp.example.com");
    account.auth = AccountAuth::None;
    const QString server = Account::serverKey(account.host, account.effectivePort());
    const QString backup = Account::serverKey(QStringLiteral("backup.example.com"), 465);
    account.pinCertificate(server, QByteArray(32, '\xab'), QDateTime::currentDateTimeUtc());
    account.pinCertificate(backup, QByteArray(32, '\x01'), QDateTime::currentDateTimeUtc());
    QVERIFY(m_store->save(account).ok());

    // A new account has nothing trusted: no empty list to puzzle over.
    {
        AccountDialog fresh(Account{}, m_store.get(), m_secrets.get());
        fresh.show();
        QVERIFY(!fresh.pinTable()->isVisible());
    }

    AccountDialog dialog(*m_store->findById(account.id), m_store.get(), m_secrets.get());
    dialog.show();
    QTableWidget *pins = dialog.pinTable();
    QVERIFY(pins->isVisible());
    QCOMPARE(pins->rowCount(), 2);
    QCOMPARE(pins->item(0, 0)->text(), backup);
    QCOMPARE(pins->item(1, 0)->text(), server);
    QVERIFY2(pins->item(1, 1)->text().startsWith(QStringLiteral("AB:AB:AB")),
             qPrintable(pins->item(1, 1)->text()));
    QCOMPARE(pins->item(1, 1)->text().size(), 32 * 3 - 1);
    QVERIFY(!pins->item(1, 2)->text().isEmpty());    // since when
    QVERIFY(!dialog.removePinButton()->isEnabled()); // nothing selected
    for (QWidget *w = pins; w; w = w->parentWidget()) {
        if (auto *area = qobject_cast<QScrollArea *>(w)) {
            area->ensureWidgetVisible(dialog.removePinButton());
            break;
        }
    }
    screenshot(&dialog, QStringLiteral("account-pins"));

    pins->selectRow(1);
    QVERIFY(dialog.removePinButton()->isEnabled());
    QTest::mouseClick(dialog.removePinButton(), Qt::LeftButton);
    QCOMPARE(pins->rowCount(), 1);
    QCOMPARE(pins->item(0, 0)->text(), backup);
    // Nothing is written before Save; Cancel would keep the trust.
    QCOMPARE(m_store->findById(account.id)->certificatePins().size(), 2);

    QSignalSpy saved(&dialog, &AccountDialog::saved);
    dialog.save();
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 5000);
    const Account stored = *m_store->findById(account.id);
    QVERIFY(stored.currentPins().isEmpty());
    QCOMPARE(stored.certificatePins().size(), 1);
    QCOMPARE(stored.certificatePins().first().server, backup);
}

void TestAccountDialog::fillPostfix(AccountDialog &dialog, const QString &password)
{
    type(dialog.nameField(), QStringLiteral("Postfix"));
    type(dialog.displayNameField(), QStringLiteral("测试者"));
    type(dialog.addressField(), m_servers.value("TEST_USER"));
    type(dialog.hostField(), m_servers.value("SMTP_HOST"));
    dialog.portField()->setValue(m_servers.value("POSTFIX_SUBMISSION_PORT").toInt());
    type(dialog.passwordField(), password);
}

void TestAccountDialog::receiptDefaultsAreSaved()
{
    Account existing;
    existing.name = QStringLiteral("Receipts");
    existing.identities.append({{}, QStringLiteral("receipts@example.com"), {}, {}});
    existing.host = QStringLiteral("smtp.example.com");
    existing.auth = AccountAuth::None;
    existing.requestReadReceipt = true;
    QVERIFY(m_store->save(existing).ok());
    AccountDialog dialog(existing, m_store.get(), m_secrets.get());
    dialog.show();
    auto *delivery = dialog.findChild<QCheckBox *>(QStringLiteral("deliveryReceiptDefault"));
    auto *read = dialog.findChild<QCheckBox *>(QStringLiteral("readReceiptDefault"));
    QVERIFY(delivery && read);
    QVERIFY(!delivery->isChecked());
    QVERIFY(read->isChecked());
    delivery->click();
    read->click();
    QSignalSpy saved(&dialog, &AccountDialog::saved);
    dialog.save();
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 5000);
    const std::optional<Account> stored = m_store->findById(existing.id);
    QVERIFY(stored);
    QVERIFY(stored->requestDeliveryReceipt);
    QVERIFY(!stored->requestReadReceipt);
}

void TestAccountDialog::findSettingsFillsTheForm()
{
    if (!m_haveServers)
        QSKIP("the test servers are not running (run through ctest)");
    AccountDialog dialog(Account{}, m_store.get(), m_secrets.get());
    dialog.show();
    QVERIFY(!dialog.findButton()->isEnabled()); // nothing to search from yet
    type(dialog.addressField(), QStringLiteral("tester@sendscope.test"));
    QVERIFY(dialog.findButton()->isEnabled());
    // The provider is the test Postfix on loopback: no autoconfig file, no DNS, probing finds it.
    SettingsFinder *finder = dialog.settingsFinder();
    finder->setDnsEnabled(false);
    finder->setExtraCaCertificates(m_servers.caCertificates());
    finder->setAutoconfigUrls({QUrl(QStringLiteral("https://127.0.0.1:1/mail/config-v1.1.xml"))});
    finder->setProbeHosts({m_servers.value("SMTP_HOST")});
    finder->setProbePorts({{m_servers.value("POSTFIX_SUBMISSION_PORT").toUShort(), SmtpSecurity::StartTls},
                           {m_servers.value("POSTFIX_SMTPS_PORT").toUShort(), SmtpSecurity::ImplicitTls}});
    QSignalSpy found(&dialog, &AccountDialog::findFinished);
    QTest::mouseClick(dialog.findButton(), Qt::LeftButton);
    QVERIFY(!dialog.findButton()->isEnabled()); // while searching
    QVERIFY(found.wait(30000));
    QVERIFY(found.first().first().toBool());
    QCOMPARE(dialog.hostField()->text(), m_servers.value("SMTP_HOST"));
    QCOMPARE(dialog.portField()->value(), m_servers.value("POSTFIX_SMTPS_PORT").toInt());
    QCOMPARE(SmtpSecurity(dialog.securityField()->currentData().toInt()), SmtpSecurity::ImplicitTls);
    QVERIFY2(dialog.verdict().contains(QStringLiteral("most secure")), qPrintable(dialog.verdict()));
    const QString transcript = dialog.transcriptModel()->visibleText();
    QVERIFY(transcript.contains(QStringLiteral("Autoconfig: asking")));
    QVERIFY(transcript.contains(QStringLiteral("Probe ")));
    QVERIFY(dialog.findButton()->isEnabled());
    screenshot(&dialog, QStringLiteral("account-find-settings"));
}

void TestAccountDialog::testConnectionAsksAboutTheCertificate()
{
    if (!m_haveServers)
        QSKIP("the test servers are not running (run through ctest)");
    AccountDialog dialog(Account{}, m_store.get(), m_secrets.get());
    dialog.show();
    fillPostfix(dialog, m_servers.password());
    QSignalSpy finished(&dialog, &AccountDialog::testFinished);

    // The test CA is not in the system store: the certificate is refused first...
    answerNextModal(QStringLiteral("refuse"));
    dialog.testConnection();
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.last().first().value<SmtpError>().category, SmtpErrorCategory::Certificate);
    QVERIFY(dialog.verdict().contains(QStringLiteral("not trusted")));
    QVERIFY(dialog.account().pinnedCertificates.isEmpty());

    // ...then trusted always: the test runs again by itself and passes, and the pin goes with the account.
    answerNextModal(QStringLiteral("trustAlways"));
    dialog.testConnection();
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 3, 20000);
    const SmtpError error = finished.last().first().value<SmtpError>();
    QVERIFY2(!error.isError(), qPrintable(error.summary));
    QVERIFY2(dialog.verdict().contains(QStringLiteral("The settings work")), qPrintable(dialog.verdict()));
    QVERIFY(dialog.verdict().contains(QStringLiteral("encrypted")));
    QVERIFY(dialog.verdict().contains(QStringLiteral("logged in with")));
    QCOMPARE(dialog.account().pinnedCertificates.size(), 1);
    QCOMPARE(dialog.account().currentPins().size(), 1); // for this host and port
    // ...and listed at once for review, with when it was trusted.
    QCOMPARE(dialog.pinTable()->rowCount(), 1);
    QCOMPARE(dialog.account().certificatePins().first().trustedAt.date(), QDate::currentDate());
    const QString transcript = dialog.transcriptModel()->visibleText();
    QVERIFY(transcript.contains(QStringLiteral("QUIT")));
    QVERIFY(!transcript.contains(QStringLiteral("MAIL FROM"))); // a test sends no mail
    QVERIFY(!transcript.contains(m_servers.password()));
    screenshot(&dialog, QStringLiteral("account-test-passed"));

    // Trusted once, in another dialog: the test passes, and nothing is pinned in that account.
    AccountDialog once(Account{}, m_store.get(), m_secrets.get());
    once.show();
    fillPostfix(once, m_servers.password());
    QSignalSpy onceFinished(&once, &AccountDialog::testFinished);
    answerNextModal(QStringLiteral("trustOnce"));
    once.testConnection();
    QTRY_VERIFY_WITH_TIMEOUT(onceFinished.size() == 2, 20000);
    QVERIFY2(!onceFinished.last().first().value<SmtpError>().isError(),
             qPrintable(onceFinished.last().first().value<SmtpError>().summary));
    QVERIFY(once.account().pinnedCertificates.isEmpty());
}

void TestAccountDialog::testConnectionExplainsAWrongPassword()
{
    if (!m_haveServers)
        QSKIP("the test servers are not running (run through ctest)");
    Account account;
    account.pinnedCertificates[Account::serverKey(m_servers.value("SMTP_HOST"),
                                                  m_servers.value("POSTFIX_SUBMISSION_PORT").toUShort())]
        << QSslCertificate::fromPath(m_servers.value("SERVER_CERT"))
               .value(0)
               .digest(QCryptographicHash::Sha256);
    AccountDialog dialog(account, m_store.get(), m_secrets.get());
    dialog.show();
    fillPostfix(dialog, QStringLiteral("wrong password "));
    QSignalSpy finished(&dialog, &AccountDialog::testFinished);
    dialog.testConnection();
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.last().first().value<SmtpError>().category, SmtpErrorCategory::Auth);
    QVERIFY2(dialog.verdict().contains(QStringLiteral("password")), qPrintable(dialog.verdict()));
    QVERIFY(dialog.transcriptModel()->visibleText().contains(QStringLiteral("535")));
    screenshot(&dialog, QStringLiteral("account-test-wrong-password"));
}

void TestAccountDialog::trustOnceIsForgottenWhenTheServerChanges()
{
    if (!m_haveServers)
        QSKIP("the test servers are not running (run through ctest)");
    AccountDialog dialog(Account{}, m_store.get(), m_secrets.get());
    dialog.show();
    fillPostfix(dialog, m_servers.password());
    QSignalSpy finished(&dialog, &AccountDialog::testFinished);
    answerNextModal(QStringLiteral("trustOnce"));
    dialog.testConnection();
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 2, 20000);
    QVERIFY(!finished.last().first().value<SmtpError>().isError());

    // Another port (the same Postfix, the same certificate): "trust once" was said about the other one,
    // so the certificate is asked about again.
    dialog.securityField()->setCurrentIndex(dialog.securityField()->findData(int(SmtpSecurity::ImplicitTls)));
    dialog.portField()->setValue(m_servers.value("POSTFIX_SMTPS_PORT").toInt());
    answerNextModal(QStringLiteral("refuse"));
    dialog.testConnection();
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 3, 20000);
    QCOMPARE(finished.last().first().value<SmtpError>().category, SmtpErrorCategory::Certificate);
    QVERIFY(!dialog.transcriptModel()->visibleText().contains(QStringLiteral("AUTH")));
}

void TestAccountDialog::changedServerAsksBeforeTheSavedPasswordGoesThere()
{
    if (!m_haveServers)
        QSKIP("the test servers are not running (run through ctest)");
    // A saved account whose password is in the (in-memory) keychain, for the submission port.
    Account account;
    account.name = QStringLiteral("Saved password");
    account.identities.append({{}, m_servers.value("TEST_USER"), {}, {}});
    account.host = m_servers.value("SMTP_HOST");
    account.port = m_servers.value("POSTFIX_SUBMISSION_PORT").toUShort();
    QVERIFY(m_store->save(account).ok());
    m_secrets->keepInMemory(account.id, m_servers.password());
    AccountDialog dialog(account, m_store.get(), m_secrets.get());
    dialog.show();
    dialog.securityField()->setCurrentIndex(dialog.securityField()->findData(int(SmtpSecurity::ImplicitTls)));
    dialog.portField()->setValue(m_servers.value("POSTFIX_SMTPS_PORT").toInt());
    QVERIFY(dialog.passwordField()->text().isEmpty());
    QSignalSpy finished(&dialog, &AccountDialog::testFinished);

    // No: nothing is sent, and the person is asked to type the password for the new server.
    answerNextModal(QStringLiteral("cancel"));
    dialog.testConnection();
    QVERIFY2(dialog.verdict().contains(QStringLiteral("Type the password")), qPrintable(dialog.verdict()));
    QVERIFY(dialog.transcriptModel()->visibleText().isEmpty());
    // Saving is asked the same way, and no means nothing is saved.
    answerNextModal(QStringLiteral("cancel"));
    dialog.save();
    QCOMPARE(m_store->findById(account.id)->port, account.port);

    // Yes: the test goes ahead (here to the certificate question, as nothing is pinned for that port).
    answerNextModal(QStringLiteral("sendSavedPassword"));
    answerNextModal(QStringLiteral("refuse"));
    dialog.testConnection();
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.last().first().value<SmtpError>().category, SmtpErrorCategory::Certificate);
    m_secrets->forgetInMemory(account.id);
}

void TestAccountDialog::foreignServerFromDnsNeedsConfirmation()
{
    if (!m_haveServers)
        QSKIP("the test servers are not running (run through ctest)");
    AccountDialog dialog(Account{}, m_store.get(), m_secrets.get());
    dialog.show();
    fillPostfix(dialog, m_servers.password());
    // What "Find settings" proposes from an SRV answer naming a host outside the domain (the finder's own
    // test shows the marking against a real DNS server).
    SettingsFinder::Proposal proposal;
    proposal.host = m_servers.value("SMTP_HOST");
    proposal.port = m_servers.value("POSTFIX_SUBMISSION_PORT").toUShort();
    proposal.security = SmtpSecurity::StartTls;
    proposal.source = SettingsFinder::Source::DnsSrv;
    proposal.hostOutsideDomain = true;
    proposal.domain = QStringLiteral("example.com");
    proposal.reason = QStringLiteral("Warning: not part of example.com.");
    dialog.applyProposal(proposal);
    QVERIFY(dialog.verdict().contains(QStringLiteral("not part of example.com")));
    QSignalSpy finished(&dialog, &AccountDialog::testFinished);

    // The question names the host and the domain; no (the default) sends nothing.
    QString question;
    auto *timer = new QTimer(this);
    connect(timer, &QTimer::timeout, this, [&question, timer] {
        if (QWidget *modal = QApplication::activeModalWidget()) {
            if (auto *box = qobject_cast<QMessageBox *>(modal)) {
                question = box->text();
                timer->deleteLater();
                box->defaultButton()->click();
            }
        }
    });
    timer->start(50);
    dialog.testConnection();
    QVERIFY2(
        question.contains(
            QStringLiteral("Send your password to %1, which is not part of example.com?").arg(proposal.host)),
        qPrintable(question));
    QVERIFY2(dialog.verdict().contains(QStringLiteral("Nothing was sent")), qPrintable(dialog.verdict()));
    QVERIFY(dialog.transcriptModel()->visibleText().isEmpty());
    QCOMPARE(finished.size(), 0);

    // Yes: the test goes ahead (to the certificate question), and it is asked only once.
    answerNextModal(QStringLiteral("sendToForeignHost"));
    answerNextModal(QStringLiteral("refuse"));
    dialog.testConnection();
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 1, 20000);
    QCOMPARE(finished.last().first().value<SmtpError>().category, SmtpErrorCategory::Certificate);
    answerNextModal(QStringLiteral("refuse"));
    dialog.testConnection();
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 2, 20000);
}

void TestAccountDialog::saveKeepsThePasswordInTheKeychainOnly()
{
    if (!m_haveKeychain)
        QSKIP("needs a keychain (run through .ci/test.sh)");
    AccountDialog dialog(Account{}, m_store.get(), m_secrets.get());
    dialog.show();
    type(dialog.nameField(), QStringLiteral("Saved"));
    type(dialog.addressField(), QStringLiteral("saved@example.com"));
    type(dialog.hostField(), QStringLiteral("smtp.example.com"));
    type(dialog.passwordField(), QStringLiteral("only in the keychain"));
    QSignalSpy saved(&dialog, &AccountDialog::saved);
    dialog.save();
    QVERIFY(saved.wait(10000));
    const Account account = saved.first().first().value<Account>();
    QVERIFY(!account.id.isEmpty());
    QVERIFY(m_store->findByName(QStringLiteral("saved")));
    QFile file(m_store->filePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray settings = file.readAll();
    QVERIFY(settings.contains("saved@example.com"));
    QVERIFY(!settings.contains("only in the keychain"));
    QVERIFY(!settings.contains(QByteArray("only in the keychain").toBase64()));

    std::optional<SecretStore::Result> read;
    m_secrets->read(account.id, [&](const SecretStore::Result &result) { read = result; });
    QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 10000);
    QVERIFY(!read->fromMemory);
    QCOMPARE(read->secret, QStringLiteral("only in the keychain"));

    // Editing it again: the password is not shown, and an untouched password field keeps it.
    AccountDialog edit(account, m_store.get(), m_secrets.get());
    QVERIFY(edit.passwordField()->text().isEmpty());
    QVERIFY(edit.passwordField()->placeholderText().contains(QStringLiteral("keychain")));
    QVERIFY(edit.isComplete());
    m_secrets->remove(account.id, [](const SecretStore::Result &) {});
}

void TestAccountDialog::composeWindowSendsWithTheSavedAccount()
{
    if (!m_haveServers || !m_haveKeychain)
        QSKIP("needs the test servers and a keychain (run through .ci/test.sh)");
    Account account;
    account.name = QStringLiteral("Postfix");
    account.identities.append({QStringLiteral("测试者"), m_servers.value("TEST_USER"), {}, {}});
    account.host = m_servers.value("SMTP_HOST");
    account.port = m_servers.value("POSTFIX_SUBMISSION_PORT").toUShort();
    account.setCurrentPins({QSslCertificate::fromPath(m_servers.value("SERVER_CERT"))
                                .value(0)
                                .digest(QCryptographicHash::Sha256)});
    QVERIFY(m_store->save(account).ok());
    std::optional<SecretStore::Result> written;
    m_secrets->write(account.id, m_servers.password(),
                     [&](const SecretStore::Result &result) { written = result; });
    QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 10000);
    QVERIFY2(written->ok(), qPrintable(written->message));

    ComposeWindow window({}, {}, {});
    window.setConfirmations(false);
    window.setAccounts(m_store.get(), m_secrets.get(), 0);
    window.show();
    QCOMPARE(window.fromSelector()->count(), 1);
    QVERIFY(window.fromSelector()->currentText().contains(QStringLiteral("测试者")));
    const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
    type(window.toField(), QStringLiteral("alice@sendscope.test"));
    type(window.subjectField(), token);
    type(window.bodyEdit(), QStringLiteral("From the saved account."));
    QSignalSpy finished(&window, &ComposeWindow::sendFinished);
    window.send();
    QVERIFY(finished.wait(30000));
    const SmtpError error = finished.first().first().value<SmtpError>();
    QVERIFY2(!error.isError(), qPrintable(error.summary + u' ' + error.explanation));
    QVERIFY(!m_servers.waitForMaildir(QStringLiteral("alice"), token.toUtf8()).isEmpty());

    // Account → Remove this account: the account and its keychain entry go.
    QSignalSpy removed(&window, &ComposeWindow::accountRemoved);
    window.removeAccount();
    QVERIFY(removed.wait(10000));
    QVERIFY(!m_store->findById(account.id));
    QCOMPARE(window.fromSelector()->count(), 0);
    std::optional<SecretStore::Result> read;
    m_secrets->read(account.id, [&](const SecretStore::Result &result) { read = result; });
    QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 10000);
    QCOMPARE(read->status, SecretStore::Status::NotFound);
}

QTEST_MAIN(TestAccountDialog)
#include "testaccountdialog.moc"
