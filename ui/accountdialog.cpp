#include "accountdialog.h"

#include "screenfit.h"

#include "accountstore.h"
#include "certificatedialog.h"
#include "connectiontest.h"
#include "domaincheck.h"
#include "domaincheckdialog.h"
#include "oauthtokens.h"
#include "secretstore.h"
#include "settingsfinder.h"
#include "transcriptmodel.h"
#include "transcriptpanel.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace {

QColor problemColor(const QWidget *widget)
{
    const bool dark = widget->palette().color(QPalette::Window).lightness() < 128;
    return dark ? QColor(0xf2, 0x8b, 0x82) : QColor(0xc5, 0x22, 0x1f);
}

// A sentence from the provider table that names a help page: escaped, with that page as a link.
QString withLink(const QString &text, const QUrl &link)
{
    QString html = text.toHtmlEscaped();
    const QString address = link.toString().toHtmlEscaped();
    if (!address.isEmpty())
        html.replace(address, QStringLiteral("<a href=\"%1\">%1</a>").arg(address));
    return html;
}

} // namespace

AccountDialog::AccountDialog(Account account, AccountStore *store, SecretStore *secrets, QWidget *parent)
    : QDialog(parent)
    , m_account(std::move(account))
    , m_store(store)
    , m_secrets(secrets)
    , m_transcript(new TranscriptModel(this))
    , m_connectionTest(new ConnectionTest(this))
{
    connect(m_connectionTest, &ConnectionTest::transcriptEntryAdded, m_transcript, &TranscriptModel::append);
    connect(m_connectionTest, &ConnectionTest::finished, this, &AccountDialog::onTestFinished);
    if (m_account.identities.isEmpty())
        m_account.identities.append(Identity{});
    m_hasStoredSecret = !m_account.id.isEmpty() && m_account.needsSecret();
    if (m_hasStoredSecret)
        m_savedSecretServer = Account::serverKey(m_account.host, m_account.effectivePort());
    buildUi();
    loadAccount();
    validate();
}

AccountDialog::~AccountDialog()
{
    // The fields outlive this object's members: one that loses focus as it goes must not validate.
    for (QWidget *child : findChildren<QWidget *>())
        child->disconnect(this);
    m_connectionTest->cancel();
}

void AccountDialog::buildUi()
{
    setWindowTitle(m_account.id.isEmpty() ? tr("New account — Sendscope")
                                          : tr("%1 — Account — Sendscope").arg(m_account.name));
    auto *formWidget = new QWidget(this);
    auto *form = new QFormLayout(formWidget);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    // Each field has a line under it for its problem, reserved even while empty: a problem that comes or
    // goes moves nothing (a long one may still take a second line).
    auto addRow = [this, form, formWidget](const QString &label, QWidget *field,
                                           std::optional<Account::Field> key, bool problemLine = true) {
        auto *column = new QVBoxLayout;
        column->setSpacing(2);
        column->addWidget(field);
        QLabel *problem = nullptr;
        if (key || problemLine) {
            problem = new QLabel(formWidget);
            problem->setTextFormat(Qt::PlainText); // quotes what was typed or found, such as the host
            problem->setWordWrap(true);
            problem->setMinimumHeight(problem->fontMetrics().lineSpacing());
            QPalette palette = problem->palette();
            palette.setColor(QPalette::WindowText, problemColor(this));
            problem->setPalette(palette);
            problem->setAccessibleName(tr("Problem with %1").arg(QString(label).remove(u'&').remove(u':')));
            column->addWidget(problem);
            if (key)
                m_problemLabels.insert(int(*key), problem);
        }
        auto *labelWidget = new QLabel(label, formWidget);
        labelWidget->setBuddy(field);
        form->addRow(labelWidget, column);
        field->setAccessibleName(QString(label).remove(u'&').remove(u':'));
        return problem;
    };

    m_name = new QLineEdit(formWidget);
    m_name->setPlaceholderText(tr("Work, Personal, …"));
    addRow(tr("Account &name:"), m_name, Account::Field::Name);
    m_displayName = new QLineEdit(formWidget);
    m_displayName->setPlaceholderText(tr("Your name, as recipients see it"));
    addRow(tr("Your na&me:"), m_displayName, std::nullopt, false);
    m_address = new QLineEdit(formWidget);
    m_address->setPlaceholderText(tr("you@example.com"));
    addRow(tr("Email &address:"), m_address, Account::Field::Address);
    m_find = new QPushButton(tr("&Find settings for me"), formWidget);
    m_find->setToolTip(tr("Look up the server from the address: the provider's autoconfig file, DNS, then "
                          "asking the usual server names"));
    m_find->setAccessibleName(tr("Find settings for me"));
    // Receivers judge the sender's domain by its DNS records (SPF, DKIM, DMARC): checkable from here.
    auto *checkDomain = new QPushButton(tr("Check &domain"), formWidget);
    checkDomain->setObjectName(QStringLiteral("checkDomain"));
    checkDomain->setToolTip(tr("Check the DNS records receivers look at before they accept mail from this "
                               "address's domain: MX, SPF, DKIM, DMARC"));
    connect(checkDomain, &QPushButton::clicked, this, [this] {
        auto *dialog = new DomainCheckDialog(m_address->text().trimmed().section(u'@', -1), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
        dialog->check()->start(m_address->text().trimmed().section(u'@', -1));
    });
    connect(m_address, &QLineEdit::textChanged, checkDomain,
            [checkDomain](const QString &text) { checkDomain->setEnabled(text.contains(u'@')); });
    checkDomain->setEnabled(false);
    auto *findRow = new QHBoxLayout;
    findRow->addWidget(m_find);
    findRow->addWidget(checkDomain);
    findRow->addStretch();
    form->addRow(QString(), findRow);
    // Google and Microsoft want a sign-in in the browser (OAuth 2.0) rather than a password.
    m_signInRow = new QWidget(formWidget);
    auto *signInColumn = new QVBoxLayout(m_signInRow);
    signInColumn->setContentsMargins(0, 0, 0, 0);
    auto *signInButtons = new QHBoxLayout;
    m_signInButton = new QPushButton(m_signInRow);
    m_signInButton->setObjectName(QStringLiteral("signIn"));
    m_signInButton->setToolTip(tr("Sign in in your web browser; Sendscope keeps the sign-in in the system "
                                  "keychain and never sees your password"));
    m_cancelSignIn = new QPushButton(tr("Cancel sign-in"), m_signInRow);
    m_cancelSignIn->setObjectName(QStringLiteral("cancelSignIn"));
    m_cancelSignIn->setVisible(false);
    m_appPassword = new QPushButton(tr("Use an app password instead"), m_signInRow);
    m_appPassword->setObjectName(QStringLiteral("useAppPassword"));
    m_appPassword->setVisible(false);
    signInButtons->addWidget(m_signInButton);
    signInButtons->addWidget(m_cancelSignIn);
    signInButtons->addWidget(m_appPassword);
    signInButtons->addStretch();
    signInColumn->addLayout(signInButtons);
    m_signInStatus = new QLabel(m_signInRow);
    m_signInStatus->setObjectName(QStringLiteral("signInStatus"));
    m_signInStatus->setTextFormat(Qt::RichText); // outside text in it is escaped
    m_signInStatus->setWordWrap(true);
    m_signInStatus->setOpenExternalLinks(true);
    m_signInStatus->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_signInStatus->setAccessibleName(tr("Sign-in status"));
    signInColumn->addWidget(m_signInStatus);
    m_signInRow->setVisible(false);
    form->addRow(QString(), m_signInRow);
    connect(m_signInButton, &QPushButton::clicked, this, [this] { signIn(); });
    connect(m_cancelSignIn, &QPushButton::clicked, this, &AccountDialog::cancelSignIn);
    connect(m_appPassword, &QPushButton::clicked, this, &AccountDialog::useAppPassword);
    m_finder = new SettingsFinder(this);
    connect(m_find, &QPushButton::clicked, this, &AccountDialog::findSettings);
    connect(m_finder, &SettingsFinder::stepLogged, m_transcript, &TranscriptModel::append);
    connect(m_finder, &SettingsFinder::finished, this, &AccountDialog::onFindFinished);
    m_replyTo = new QLineEdit(formWidget);
    m_replyTo->setPlaceholderText(tr("optional: where replies should go"));
    addRow(tr("&Reply-To:"), m_replyTo, Account::Field::ReplyTo);
    m_signature = new QPlainTextEdit(formWidget);
    m_signature->setPlaceholderText(tr("optional: added below the text, after \"-- \""));
    m_signature->setTabChangesFocus(true);
    m_signature->setFixedHeight(m_signature->fontMetrics().lineSpacing() * 3 + 12);
    addRow(tr("Si&gnature:"), m_signature, std::nullopt, false);
    // Defaults for a new message from this account; each message can still change them.
    m_deliveryReceiptDefault =
        new QCheckBox(tr("Request a de&livery receipt (DSN) for new messages"), formWidget);
    m_deliveryReceiptDefault->setObjectName(QStringLiteral("deliveryReceiptDefault"));
    m_deliveryReceiptDefault->setToolTip(
        tr("The server reports delivery, delay or failure to you, when it offers delivery receipts (DSN)"));
    form->addRow(QString(), m_deliveryReceiptDefault);
    m_readReceiptDefault = new QCheckBox(tr("Request a read receipt f&or new messages"), formWidget);
    m_readReceiptDefault->setObjectName(QStringLiteral("readReceiptDefault"));
    m_readReceiptDefault->setToolTip(
        tr("The recipient's mail program may confirm when the message is opened, or not"));
    form->addRow(QString(), m_readReceiptDefault);
    m_identities = new QTableWidget(0, 3, formWidget);
    m_identities->setHorizontalHeaderLabels({tr("Name"), tr("Address"), tr("Reply-To")});
    m_identities->horizontalHeader()->setStretchLastSection(true);
    m_identities->verticalHeader()->hide();
    // Room for the header, three rows (taller with CJK fonts) and a horizontal scroll bar.
    m_identities->setFixedHeight(m_identities->horizontalHeader()->sizeHint().height() +
                                 m_identities->verticalHeader()->defaultSectionSize() * 3 +
                                 m_identities->style()->pixelMetric(QStyle::PM_ScrollBarExtent) +
                                 2 * m_identities->frameWidth());
    m_identities->setToolTip(tr("Other addresses this account may send as, chosen in the From field"));
    auto *identityBox = new QWidget(formWidget);
    auto *identityLayout = new QVBoxLayout(identityBox);
    identityLayout->setContentsMargins(0, 0, 0, 0);
    identityLayout->addWidget(m_identities);
    auto *identityButtons = new QHBoxLayout;
    auto *addIdentity = new QPushButton(tr("Add identity"), identityBox);
    auto *removeIdentity = new QPushButton(tr("Remove identity"), identityBox);
    addIdentity->setObjectName(QStringLiteral("addIdentity"));
    removeIdentity->setObjectName(QStringLiteral("removeIdentity"));
    identityButtons->addWidget(addIdentity);
    identityButtons->addWidget(removeIdentity);
    identityButtons->addStretch(1);
    identityLayout->addLayout(identityButtons);
    addRow(tr("More &identities:"), identityBox, Account::Field::Identities);
    m_identities->setAccessibleName(tr("More identities"));
    connect(addIdentity, &QPushButton::clicked, this, [this] {
        const int row = m_identities->rowCount();
        m_identities->insertRow(row);
        for (int column = 0; column < 3; ++column)
            m_identities->setItem(row, column, new QTableWidgetItem);
        m_identities->editItem(m_identities->item(row, 1));
        validate();
    });
    connect(removeIdentity, &QPushButton::clicked, this, [this] {
        if (m_identities->currentRow() >= 0)
            m_identities->removeRow(m_identities->currentRow());
        validate();
    });
    // A cell is left when its edit is committed.
    connect(m_identities, &QTableWidget::itemChanged, this,
            [this] { showProblemsOf({Account::Field::Identities}); });

    m_host = new QLineEdit(formWidget);
    m_host->setPlaceholderText(tr("smtp.example.com"));
    addRow(tr("&Server:"), m_host, Account::Field::Host);

    m_security = new QComboBox(formWidget);
    m_security->addItem(tr("STARTTLS (port 587)"), int(SmtpSecurity::StartTls));
    m_security->addItem(tr("SSL/TLS (port 465)"), int(SmtpSecurity::ImplicitTls));
    m_security->addItem(tr("None — not encrypted (port 25)"), int(SmtpSecurity::None));
    addRow(tr("S&ecurity:"), m_security, Account::Field::Security);
    m_port = new QSpinBox(formWidget);
    m_port->setRange(1, 65535);
    addRow(tr("&Port:"), m_port, Account::Field::Port);

    m_auth = new QComboBox(formWidget);
    m_auth->addItem(tr("Automatic (strongest offered)"), int(AccountAuth::Automatic));
    m_auth->addItem(QStringLiteral("SCRAM-SHA-256"), int(AccountAuth::ScramSha256));
    m_auth->addItem(QStringLiteral("CRAM-MD5"), int(AccountAuth::CramMd5));
    m_auth->addItem(QStringLiteral("PLAIN"), int(AccountAuth::Plain));
    m_auth->addItem(QStringLiteral("LOGIN"), int(AccountAuth::Login));
    m_auth->addItem(tr("OAuth2 token"), int(AccountAuth::OAuth2Token));
    m_auth->addItem(tr("None (no login)"), int(AccountAuth::None));
    addRow(tr("Aut&hentication:"), m_auth, Account::Field::Auth);
    m_username = new QLineEdit(formWidget);
    addRow(tr("&User name:"), m_username, Account::Field::Username);
    m_password = new QLineEdit(formWidget);
    m_password->setEchoMode(QLineEdit::Password);
    m_passwordProblem = addRow(tr("Pass&word:"), m_password, std::nullopt);
    // QQ, NetEase, Yahoo, iCloud and others refuse the account password: say which code they want.
    m_passwordHint = new QLabel(formWidget);
    m_passwordHint->setObjectName(QStringLiteral("passwordHint"));
    m_passwordHint->setTextFormat(Qt::RichText);
    m_passwordHint->setWordWrap(true);
    m_passwordHint->setOpenExternalLinks(true);
    m_passwordHint->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_passwordHint->setVisible(false);
    form->addRow(QString(), m_passwordHint);
    m_allowPlaintext = new QCheckBox(tr("Allow sending the password without en&cryption"), formWidget);
    m_allowPlaintext->setToolTip(tr("Only for a server on a network you trust completely."));
    form->addRow(QString(), m_allowPlaintext);

    // Certificates trusted always with "Trust always": listed so a mistaken or outdated trust can be
    // seen and taken back. Removing one takes effect when the account is saved.
    m_pinTable = new QTableWidget(0, 3, formWidget);
    m_pinTable->setObjectName(QStringLiteral("pinTable"));
    m_pinTable->setHorizontalHeaderLabels({tr("Server"), tr("SHA-256 fingerprint"), tr("Trusted since")});
    m_pinTable->verticalHeader()->hide();
    m_pinTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_pinTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_pinTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_pinTable->setWordWrap(false);
    // The fingerprint takes the room left and is shortened in the middle (whole in its tooltip).
    m_pinTable->setTextElideMode(Qt::ElideMiddle);
    m_pinTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_pinTable->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_pinTable->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_pinTable->setFixedHeight(m_pinTable->horizontalHeader()->sizeHint().height() +
                               m_pinTable->verticalHeader()->defaultSectionSize() * 3 +
                               m_pinTable->style()->pixelMetric(QStyle::PM_ScrollBarExtent) +
                               2 * m_pinTable->frameWidth());
    m_pinTable->setAccessibleName(tr("Trusted certificates"));
    m_removePin = new QPushButton(tr("Remo&ve"), formWidget);
    m_removePin->setObjectName(QStringLiteral("removePin"));
    m_removePin->setToolTip(tr("Stop trusting the selected certificate; if the server still shows it, "
                               "Sendscope asks again"));
    auto *pinBox = new QWidget(formWidget);
    auto *pinLayout = new QVBoxLayout(pinBox);
    pinLayout->setContentsMargins(0, 0, 0, 0);
    pinLayout->addWidget(m_pinTable);
    auto *pinButtons = new QHBoxLayout;
    pinButtons->addWidget(m_removePin);
    pinButtons->addStretch(1);
    pinLayout->addLayout(pinButtons);
    m_pinLabel = new QLabel(tr("Trusted certificates:"), formWidget);
    form->addRow(m_pinLabel, pinBox);
    m_pinBox = pinBox;
    connect(m_removePin, &QPushButton::clicked, this, &AccountDialog::removeSelectedPin);
    connect(m_pinTable, &QTableWidget::itemSelectionChanged, this,
            [this] { m_removePin->setEnabled(!m_pinTable->selectedItems().isEmpty()); });

    m_verdict = new QLabel(formWidget);
    m_verdict->setWordWrap(true);
    m_verdict->setTextFormat(Qt::RichText);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_verdict->setAccessibleName(tr("Connection test result"));
    m_verdict->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    form->addRow(m_verdict);

    m_transcriptPanel = new TranscriptPanel(m_transcript, this);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    // The form is taller than a 1024×600 or 200 % screen: it scrolls, and Save and Cancel stay in view.
    QScrollArea *formArea = ScreenFit::scrollable(formWidget, splitter);
    // The form keeps the width its labels and fields need (Chinese labels are no narrower), the
    // transcript takes what is left: nothing in the form is cut or hidden under a scroll bar.
    formArea->setMinimumWidth(formWidget->minimumSizeHint().width() +
                              style()->pixelMetric(QStyle::PM_ScrollBarExtent));
    splitter->addWidget(formArea);
    splitter->addWidget(m_transcriptPanel);
    splitter->setCollapsible(0, false);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    auto *buttons = new QDialogButtonBox(this);
    m_test = buttons->addButton(tr("&Test connection"), QDialogButtonBox::ActionRole);
    m_test->setToolTip(tr("Connect, start TLS, log in and disconnect, without sending mail"));
    m_save = buttons->addButton(QDialogButtonBox::Save);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_test, &QPushButton::clicked, this, &AccountDialog::testConnection);
    connect(m_save, &QPushButton::clicked, this, &AccountDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    ScreenFit::resizeWithin(this, {1000, 560});
    // The form is what the dialog is for: it gets the larger share, so that a field's problem fits on
    // the line kept for it; the transcript takes the rest.
    splitter->setSizes({width() * 11 / 20, width() * 9 / 20});

    for (QLineEdit *field : {m_name, m_displayName, m_address, m_replyTo, m_host, m_username, m_password})
        connect(field, &QLineEdit::textChanged, this, &AccountDialog::validate);
    // Leaving a field (after typing in it) shows its problem; tabbing through an untouched one does not.
    for (const auto &[field, key] :
         {std::pair{m_name, Account::Field::Name}, std::pair{m_replyTo, Account::Field::ReplyTo},
          std::pair{m_host, Account::Field::Host}, std::pair{m_username, Account::Field::Username}})
        connect(field, &QLineEdit::editingFinished, this, [this, key] { showProblemsOf({key}); });
    connect(m_address, &QLineEdit::editingFinished, this, [this] {
        // The offers that follow from the address (sign-in, the provider's password hint) change once
        // the address is finished, not at every key, so the form below does not jump while typing.
        m_settledAddress = m_address->text().trimmed();
        showProblemsOf({Account::Field::Address});
    });
    connect(m_password, &QLineEdit::editingFinished, this, [this] {
        m_passwordProblemShown = true;
        validate();
    });
    connect(m_port, &QSpinBox::editingFinished, this, [this] { showProblemsOf({Account::Field::Port}); });
    // A choice in a list is finished when it is made; security and authentication are judged together.
    for (QComboBox *choice : {m_security, m_auth})
        connect(choice, &QComboBox::activated, this, [this] {
            showProblemsOf({Account::Field::Security, Account::Field::Auth});
        });
    connect(m_address, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_username->setPlaceholderText(text.trimmed());
        // A new account is named after its address until the user names it.
        if (!m_nameEdited && m_account.id.isEmpty())
            m_name->setText(text.trimmed());
    });
    connect(m_name, &QLineEdit::textEdited, this, [this] { m_nameEdited = true; });
    connect(m_security, &QComboBox::currentIndexChanged, this, &AccountDialog::onSecurityChanged);
    connect(m_auth, &QComboBox::currentIndexChanged, this, &AccountDialog::validate);
    connect(m_allowPlaintext, &QCheckBox::toggled, this, &AccountDialog::validate);
    connect(m_port, &QSpinBox::valueChanged, this, [this] {
        if (!m_settingPort)
            m_portEdited = true; // from now on the user's port stays
        validate();
    });
    // "Trust once" was said about the certificate of one server.
    connect(m_host, &QLineEdit::textChanged, this, [this] { m_trustedOnce.clear(); });
    connect(m_port, &QSpinBox::valueChanged, this, [this] { m_trustedOnce.clear(); });
}

void AccountDialog::loadAccount()
{
    const Identity identity = m_account.primaryIdentity();
    m_name->setText(m_account.name);
    m_displayName->setText(identity.name);
    m_address->setText(identity.address);
    m_settledAddress = identity.address.trimmed();
    m_replyTo->setText(identity.replyTo);
    m_signature->setPlainText(identity.signature);
    for (qsizetype i = 1; i < m_account.identities.size(); ++i) {
        const Identity &other = m_account.identities.at(i);
        const int row = m_identities->rowCount();
        m_identities->insertRow(row);
        m_identities->setItem(row, 0, new QTableWidgetItem(other.name));
        m_identities->setItem(row, 1, new QTableWidgetItem(other.address));
        m_identities->setItem(row, 2, new QTableWidgetItem(other.replyTo));
    }
    m_host->setText(m_account.host);
    m_security->setCurrentIndex(m_security->findData(int(m_account.security)));
    m_auth->setCurrentIndex(m_auth->findData(int(m_account.auth)));
    m_username->setText(m_account.username);
    m_allowPlaintext->setChecked(m_account.allowPlaintextAuth);
    m_deliveryReceiptDefault->setChecked(m_account.requestDeliveryReceipt);
    m_readReceiptDefault->setChecked(m_account.requestReadReceipt);
    m_portEdited =
        m_account.port != 0 && m_account.port != SmtpServerSettings::defaultPort(m_account.security);
    m_settingPort = true;
    m_port->setValue(m_account.port ? m_account.port : SmtpServerSettings::defaultPort(m_account.security));
    m_settingPort = false;
    m_allowPlaintext->setVisible(m_account.security == SmtpSecurity::None);
    if (m_hasStoredSecret)
        m_password->setPlaceholderText(tr("stored in the system keychain; type to replace"));
    showPins();
}

void AccountDialog::showPins()
{
    const QList<Account::CertificatePin> pins = m_account.certificatePins();
    m_pinTable->setRowCount(0);
    const QLocale locale;
    for (const Account::CertificatePin &pin : pins) {
        const int row = m_pinTable->rowCount();
        m_pinTable->insertRow(row);
        auto *server = new QTableWidgetItem(pin.server);
        server->setData(Qt::UserRole, pin.sha256);
        m_pinTable->setItem(row, 0, server);
        const QString fingerprint = QString::fromLatin1(pin.sha256.toHex(':').toUpper());
        auto *digest = new QTableWidgetItem(fingerprint);
        digest->setToolTip(fingerprint);
        m_pinTable->setItem(row, 1, digest);
        auto *since =
            new QTableWidgetItem(pin.trustedAt.isValid() ? locale.toString(pin.trustedAt.toLocalTime().date(),
                                                                           QLocale::ShortFormat)
                                                         : tr("not recorded"));
        if (pin.trustedAt.isValid())
            since->setToolTip(locale.toString(pin.trustedAt.toLocalTime(), QLocale::LongFormat));
        m_pinTable->setItem(row, 2, since);
    }
    m_pinLabel->setVisible(!pins.isEmpty());
    m_pinBox->setVisible(!pins.isEmpty());
    m_removePin->setEnabled(!m_pinTable->selectedItems().isEmpty());
}

void AccountDialog::removeSelectedPin()
{
    const QList<QTableWidgetItem *> selected = m_pinTable->selectedItems();
    if (selected.isEmpty())
        return;
    const QTableWidgetItem *server = m_pinTable->item(selected.first()->row(), 0);
    m_account.removeCertificatePin(server->text(), server->data(Qt::UserRole).toByteArray());
    m_trustedOnce.clear();
    showPins();
    setVerdict(tr("The certificate is no longer trusted once the account is saved.").toHtmlEscaped(), false);
}

Account AccountDialog::account() const
{
    Account account = m_account;
    account.name = m_name->text().trimmed();
    Identity &identity = account.identities[0];
    identity.name = m_displayName->text().trimmed();
    identity.address = m_address->text().trimmed();
    identity.replyTo = m_replyTo->text().trimmed();
    identity.signature = m_signature->toPlainText();
    const QString signature = identity.signature; // identity is invalidated by the appends below
    account.identities.resize(1);
    for (int row = 0; row < m_identities->rowCount(); ++row) {
        auto text = [this, row](int column) {
            const QTableWidgetItem *item = m_identities->item(row, column);
            return item ? item->text().trimmed() : QString();
        };
        if (text(0).isEmpty() && text(1).isEmpty() && text(2).isEmpty())
            continue; // an untouched new row
        account.identities.append({text(0), text(1), text(2), signature});
    }
    account.host = m_host->text().trimmed();
    account.security = SmtpSecurity(m_security->currentData().toInt());
    account.auth = AccountAuth(m_auth->currentData().toInt());
    account.username = m_username->text().trimmed();
    account.allowPlaintextAuth = m_allowPlaintext->isChecked();
    account.requestDeliveryReceipt = m_deliveryReceiptDefault->isChecked();
    account.requestReadReceipt = m_readReceiptDefault->isChecked();
    const quint16 port = static_cast<quint16>(m_port->value());
    account.port = port == SmtpServerSettings::defaultPort(account.security) ? 0 : port;
    return account;
}

void AccountDialog::onSecurityChanged()
{
    if (!m_portEdited) {
        m_settingPort = true;
        m_port->setValue(SmtpServerSettings::defaultPort(SmtpSecurity(m_security->currentData().toInt())));
        m_settingPort = false;
    }
    m_allowPlaintext->setVisible(SmtpSecurity(m_security->currentData().toInt()) == SmtpSecurity::None);
    validate();
}

void AccountDialog::validate()
{
    const Account current = account();
    m_problems.clear();
    const QList<Account::Problem> problems = current.validate();
    for (const Account::Problem &problem : problems) {
        if (!m_problems.contains(int(problem.field)))
            m_problems.insert(int(problem.field), problem.message);
    }
    // The account file refused the name at the last Save: it stays refused until it is changed.
    if (!m_takenName.isEmpty() && current.name.compare(m_takenName, Qt::CaseInsensitive) == 0 &&
        !m_problems.contains(int(Account::Field::Name)))
        m_problems.insert(int(Account::Field::Name), m_takenNameProblem);
    // A problem is shown once the person has left the field (or pressed Save), never while a field is
    // still untouched; from then on it follows the typing, so it goes away as soon as it is fixed.
    for (auto it = m_problemLabels.cbegin(); it != m_problemLabels.cend(); ++it) {
        const QString text = m_shownProblems.contains(it.key()) ? m_problems.value(it.key()) : QString();
        if (it.value()->text() != text)
            it.value()->setText(text);
    }
    QString passwordProblem;
    if (current.usesSignIn() && !m_hasStoredSecret)
        passwordProblem = tr("Sign in with %1 first.").arg(current.oauthSettings().providerName);
    else if (current.needsSecret() && !m_hasStoredSecret && m_password->text().isEmpty())
        passwordProblem =
            current.usesToken() ? tr("Paste the OAuth2 access token.") : tr("Enter the password.");
    m_passwordProblemText = passwordProblem;
    m_passwordProblem->setText(m_passwordProblemShown ? passwordProblem : QString());
    m_complete = m_problems.isEmpty() && passwordProblem.isEmpty();
    // Save stays available while the form is incomplete: pressing it shows what is missing.
    m_save->setEnabled(!m_connectionTest->isRunning());
    // Testing needs only the server part of the form.
    const bool serverProblems =
        std::any_of(problems.cbegin(), problems.cend(),
                    [](const Account::Problem &problem) { return problem.field != Account::Field::Name; });
    m_test->setEnabled(!serverProblems && !m_connectionTest->isRunning());
    m_find->setEnabled(!m_connectionTest->isRunning() && !m_finder->isRunning() &&
                       !m_problems.contains(int(Account::Field::Address)) &&
                       !m_address->text().trimmed().isEmpty());
    if (isSigningIn()) {
        m_save->setEnabled(false);
        m_test->setEnabled(false);
    }
    updateSignInOffer();
}

void AccountDialog::showProblemsOf(std::initializer_list<Account::Field> fields)
{
    for (const Account::Field field : fields)
        m_shownProblems.insert(int(field));
    validate();
}

bool AccountDialog::showAllProblems()
{
    for (const int field : m_problemLabels.keys())
        m_shownProblems.insert(field);
    m_passwordProblemShown = true;
    validate();
    if (m_complete)
        return true;
    // The first field with a problem, in the order of the form.
    const QList<std::pair<Account::Field, QWidget *>> order = {
        {Account::Field::Name, m_name},        {Account::Field::Address, m_address},
        {Account::Field::ReplyTo, m_replyTo},  {Account::Field::Identities, m_identities},
        {Account::Field::Host, m_host},        {Account::Field::Security, m_security},
        {Account::Field::Port, m_port},        {Account::Field::Auth, m_auth},
        {Account::Field::Username, m_username}};
    for (const auto &[field, widget] : order) {
        if (m_problems.contains(int(field))) {
            widget->setFocus();
            return false;
        }
    }
    if (m_password->isEnabled())
        m_password->setFocus();
    return false;
}

void AccountDialog::findSettings()
{
    m_transcript->clear();
    m_settledAddress = m_address->text().trimmed();
    setVerdict(tr("Looking for the settings of %1…").arg(m_address->text().trimmed()).toHtmlEscaped(), false);
    m_finder->find(m_address->text().trimmed());
    validate();
}

void AccountDialog::onFindFinished(bool found)
{
    validate();
    // A domain of its own whose mail Google or Microsoft handle: their SMTP server and a sign-in, not the
    // MX host (which takes mail for the domain, not from its people) or whatever the probes found.
    if (const std::optional<OAuthProvider> provider = OAuthProvider::forMxHost(m_finder->mxHost());
        provider && !OAuthProvider::forAddress(m_address->text().trimmed())) {
        m_host->setText(provider->smtpHost);
        m_security->setCurrentIndex(m_security->findData(int(provider->smtpSecurity)));
        m_settingPort = true;
        m_port->setValue(provider->smtpPort);
        m_settingPort = false;
        m_portEdited = false;
        m_foreignHost.clear(); // the provider's own server, from the table, not from DNS
        setVerdict(QStringLiteral("<b>%1</b><br>%2")
                       .arg(tr("Mail for %1 is handled by %2 (MX %3).")
                                .arg(m_address->text().trimmed().section(u'@', -1), provider->name,
                                     m_finder->mxHost())
                                .toHtmlEscaped(),
                            tr("Sign in with %1 to send through %2.")
                                .arg(provider->name, provider->smtpHost)
                                .toHtmlEscaped()),
                   false);
        validate();
        emit findFinished(true);
        return;
    }
    if (!found) {
        setVerdict(
            tr("No outgoing server was found from the address alone. Ask the provider for its SMTP server "
               "name, port and security.")
                .toHtmlEscaped(),
            true);
        emit findFinished(false);
        return;
    }
    applyProposal(*m_finder->proposal());
    emit findFinished(true);
}

void AccountDialog::applyProposal(const SettingsFinder::Proposal &proposal)
{
    m_host->setText(proposal.host);
    m_security->setCurrentIndex(m_security->findData(int(proposal.security)));
    m_settingPort = true;
    m_port->setValue(proposal.port);
    m_settingPort = false;
    m_portEdited = proposal.port != SmtpServerSettings::defaultPort(proposal.security);
    m_auth->setCurrentIndex(m_auth->findData(int(proposal.auth)));
    if (!proposal.username.isEmpty())
        m_username->setText(proposal.username);
    // Remembered until the person confirms, at the first Test connection or Save that would send or
    // keep the password for it.
    m_foreignHost = proposal.needsConfirmation() ? proposal.host : QString();
    m_foreignDomain = proposal.domain;
    setVerdict(QStringLiteral("<b>%1</b><br>%2<br>%3")
                   .arg(tr("Proposed: %1 port %2.").arg(proposal.host).arg(proposal.port).toHtmlEscaped(),
                        proposal.reason.toHtmlEscaped(),
                        tr("Enter the password and use Test connection to check.").toHtmlEscaped()),
               proposal.needsConfirmation());
    validate();
}

QString AccountDialog::problemText(Account::Field field) const
{
    return m_problems.value(int(field));
}

QString AccountDialog::shownProblemText(Account::Field field) const
{
    const QLabel *label = m_problemLabels.value(int(field));
    return label ? label->text() : QString();
}

QString AccountDialog::passwordProblem() const
{
    return m_passwordProblemText;
}

QString AccountDialog::shownPasswordProblem() const
{
    return m_passwordProblem->text();
}

QString AccountDialog::verdict() const
{
    return m_verdict->text();
}

void AccountDialog::setVerdict(const QString &html, bool error)
{
    m_verdict->setText(html);
    QPalette palette = m_verdict->palette();
    palette.setColor(QPalette::WindowText,
                     error ? problemColor(this) : QApplication::palette().color(QPalette::WindowText));
    m_verdict->setPalette(palette);
}

void AccountDialog::testConnection()
{
    if (m_connectionTest->isRunning())
        return;
    const Account current = account();
    if (current.usesSignIn()) {
        // The keychain holds the refresh token, which only the provider's token endpoint may see: the
        // server gets an access token renewed from it.
        if (!m_tokens)
            m_tokens = new OAuthTokens(m_secrets, this);
        m_test->setEnabled(false);
        setVerdict(tr("Renewing the sign-in…").toHtmlEscaped(), false);
        m_tokens->accessToken(current, false, [this](const OAuthTokens::Result &result) {
            validate();
            if (result.error.isError()) {
                setVerdict(QStringLiteral("<b>%1</b><br>%2")
                               .arg(tr("The sign-in could not be renewed.").toHtmlEscaped(),
                                    result.error.explanation.toHtmlEscaped()),
                           true);
                return;
            }
            runTest(result.accessToken);
        });
        return;
    }
    if (!current.needsSecret() || !m_password->text().isEmpty()) {
        if (current.needsSecret() && !confirmPasswordDestination(current, false))
            return;
        runTest(m_password->text());
        return;
    }
    if (!m_hasStoredSecret) {
        setVerdict(tr("Enter the password first."), true);
        return;
    }
    if (!confirmPasswordDestination(current, true))
        return;
    m_test->setEnabled(false);
    m_secrets->read(current.id, [this](const SecretStore::Result &result) {
        m_test->setEnabled(true);
        if (!result.ok()) {
            setVerdict(result.message.toHtmlEscaped(), true);
            return;
        }
        runTest(result.secret);
    });
}

void AccountDialog::runTest(const QString &secret)
{
    const Account current = account();
    SmtpServerSettings settings = current.serverSettings();
    settings.secret = secret;
    settings.trustedFingerprints += m_trustedOnce;
    settings.connectTimeoutMs = 20'000;
    settings.replyTimeoutMs = 30'000;
    m_transcript->clear();
    setVerdict(tr("Testing %1 port %2…").arg(settings.host).arg(settings.effectivePort()).toHtmlEscaped(),
               false);
    m_test->setEnabled(false);
    m_save->setEnabled(false);
    m_connectionTest->start(settings); // no message: connect, TLS, EHLO, AUTH, QUIT
}

void AccountDialog::onTestFinished(const SmtpError &error)
{
    const ConnectionTest *test = m_connectionTest;
    validate();
    if (error.isError()) {
        setVerdict(QStringLiteral("<b>%1</b><br>%2")
                       .arg(error.summary.toHtmlEscaped(), error.explanation.toHtmlEscaped()),
                   true);
        if (error.category == SmtpErrorCategory::Certificate) {
            const QList<QSslCertificate> chain = test->rejectedCertificateChain();
            const QList<QSslError> errors = test->rejectedCertificateErrors();
            emit testFinished(error);
            if (chain.isEmpty())
                return;
            CertificateDialog dialog(m_host->text().trimmed(), chain, errors,
                                     !account().currentPins().isEmpty(), this);
            dialog.exec();
            const QByteArray pin = chain.first().digest(QCryptographicHash::Sha256);
            switch (dialog.decision()) {
            case CertificateDialog::Decision::Refuse:
                return;
            case CertificateDialog::Decision::TrustOnce:
                m_trustedOnce << pin;
                break;
            case CertificateDialog::Decision::TrustAlways: {
                // For this host and port only; a changed certificate replaces the old pin rather than
                // piling up pins.
                const Account current = account();
                m_account.pinCertificate(Account::serverKey(current.host, current.effectivePort()), pin,
                                         QDateTime::currentDateTimeUtc());
                showPins();
                break;
            }
            }
            testConnection();
            return;
        }
        if (const std::optional<OAuthProvider> provider = AccountSignIn::offerFor(error, account())) {
            m_offeredProvider = provider->id;
            setSignInStatus(tr("%1 wants a sign-in here rather than a password: use Sign in with %1.")
                                .arg(provider->name)
                                .toHtmlEscaped(),
                            false);
            updateSignInOffer();
        }
        emit testFinished(error);
        return;
    }
    QStringList facts;
    facts << (test->wasEncrypted() ? tr("the connection is encrypted")
                                   : tr("the connection is NOT encrypted"));
    if (!test->authenticatedMechanism().isEmpty())
        facts << tr("logged in with %1").arg(QString::fromLatin1(test->authenticatedMechanism()));
    const QStringList extensions = test->extensions();
    // What the server offers (delivery receipts, for one) is known before the first send.
    const Account tested = account();
    if (m_store && !tested.id.isEmpty())
        m_store->rememberExtensions(tested.id, Account::serverKey(tested.host, tested.effectivePort()),
                                    extensions);
    setVerdict(
        QStringLiteral("<b>%1</b><br>%2<br>%3")
            .arg(tr("The settings work.").toHtmlEscaped(), facts.join(QStringLiteral("; ")).toHtmlEscaped(),
                 tr("The server offers: %1").arg(extensions.join(QStringLiteral(", "))).toHtmlEscaped()),
        false);
    emit testFinished(error);
}

void AccountDialog::save()
{
    if (!showAllProblems() || !m_save->isEnabled())
        return;
    Account current = account();
    // A signed-in account's keychain entry is its refresh token; nothing typed may replace it.
    const QString secret = current.usesSignIn() ? QString() : m_password->text();
    if (current.needsSecret() && !current.usesSignIn() &&
        !confirmPasswordDestination(current, secret.isEmpty()))
        return;
    if (current.id.isEmpty())
        current.id = Account::newId();
    m_account = current;
    if (!current.needsSecret() || secret.isEmpty()) {
        if (!current.needsSecret() && m_hasStoredSecret)
            m_secrets->remove(current.id, [](const SecretStore::Result &) {});
        finishSave();
        return;
    }
    m_save->setEnabled(false);
    m_secrets->write(current.id, secret, [this, secret](const SecretStore::Result &result) {
        m_save->setEnabled(true);
        if (result.ok()) {
            m_savedSecretServer = Account::serverKey(m_account.host, m_account.effectivePort());
            finishSave();
            return;
        }
        // No keychain, or a locked or refusing one: the password can still be used, kept in memory only.
        if (result.status == SecretStore::Status::NoKeychain ||
            result.status == SecretStore::Status::AccessDenied) {
            const auto answer = QMessageBox::question(
                this, tr("Keychain not available"),
                result.message + QStringLiteral("\n\n") +
                    tr("Save the account and ask for the password each time Sendscope starts?"),
                QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Yes);
            if (answer != QMessageBox::Yes)
                return;
            m_secrets->keepInMemory(m_account.id, secret);
            finishSave();
            return;
        }
        setVerdict(result.message.toHtmlEscaped(), true);
    });
}

bool AccountDialog::confirmPasswordDestination(const Account &current, bool savedSecret)
{
    const QString server = Account::serverKey(current.host, current.effectivePort());
    auto ask = [this](const QString &title, const QString &text, const QString &yes, const QString &name) {
        QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::NoButton, this);
        QPushButton *send = box.addButton(yes, QMessageBox::AcceptRole);
        send->setObjectName(name);
        QPushButton *no = box.addButton(QMessageBox::Cancel);
        no->setObjectName(QStringLiteral("cancel"));
        box.setDefaultButton(no); // the safe answer
        box.exec();
        return box.clickedButton() == send;
    };
    if (!m_foreignHost.isEmpty() && current.host.compare(m_foreignHost, Qt::CaseInsensitive) == 0) {
        if (!ask(tr("A server outside %1").arg(m_foreignDomain),
                 tr("Send your password to %1, which is not part of %2?\n\nThis server was named by an "
                    "answer from DNS, which anyone on the way can forge. Say yes only if %2 tells you to "
                    "use it.")
                     .arg(m_foreignHost, m_foreignDomain),
                 tr("Send to %1").arg(m_foreignHost), QStringLiteral("sendToForeignHost"))) {
            setVerdict(tr("Nothing was sent to %1.").arg(m_foreignHost).toHtmlEscaped(), true);
            return false;
        }
        m_foreignHost.clear(); // asked once
    }
    if (savedSecret && m_hasStoredSecret && server != m_savedSecretServer &&
        server != m_confirmedSecretServer) {
        const QString host = current.host;
        if (!ask(tr("Another server"),
                 tr("Send the saved password to %1?\n\nIt was saved for %2. If the new server is not run by "
                    "the same provider, type its password instead.")
                     .arg(host, m_account.host.isEmpty() ? m_savedSecretServer : m_account.host),
                 tr("Send the saved password"), QStringLiteral("sendSavedPassword"))) {
            setVerdict(tr("Type the password for %1.").arg(host).toHtmlEscaped(), true);
            m_password->setFocus();
            return false;
        }
        m_confirmedSecretServer = server;
    }
    return true;
}

void AccountDialog::finishSave()
{
    const AccountStore::Result result = m_store->save(m_account);
    if (!result.ok()) {
        setVerdict(result.message.toHtmlEscaped(), true);
        if (result.status == AccountStore::Status::NameTaken) {
            m_takenName = m_account.name;
            m_takenNameProblem = result.message;
            validate();
            m_name->setFocus();
        }
        return;
    }
    m_signedInUnsaved = false;
    emit saved(m_account);
    accept();
}

QString AccountDialog::signInStatus() const
{
    return m_signInStatus->text();
}

QString AccountDialog::passwordHint() const
{
    return m_passwordHint->isHidden() ? QString() : m_passwordHint->text();
}

void AccountDialog::setSignInStatus(const QString &html, bool error)
{
    m_signInStatus->setText(html);
    QPalette palette = m_signInStatus->palette();
    palette.setColor(QPalette::WindowText,
                     error ? problemColor(this) : QApplication::palette().color(QPalette::WindowText));
    m_signInStatus->setPalette(palette);
    m_signInRow->setVisible(m_signInRow->isVisibleTo(this) || !html.isEmpty());
}

std::optional<OAuthProvider> AccountDialog::signInProvider() const
{
    if (!m_offeredProvider.isEmpty())
        return OAuthProvider::find(m_offeredProvider);
    const Account current = account();
    if (current.usesSignIn())
        return OAuthProvider::find(current.oauthProvider); // nothing for a custom provider
    return AccountSignIn::providerFor(m_settledAddress, m_finder->mxHost());
}

std::optional<Account> AccountDialog::signInAccount() const
{
    Account current = account();
    // The MX host takes mail for the domain; the provider's submission server is the one to sign in to.
    if (!m_finder->mxHost().isEmpty() && current.host.compare(m_finder->mxHost(), Qt::CaseInsensitive) == 0)
        current.host.clear();
    if (const std::optional<OAuthProvider> provider = signInProvider())
        return AccountSignIn::preparedFor(current, *provider);
    if (current.usesSignIn())
        return current;
    return std::nullopt;
}

void AccountDialog::updateSignInOffer()
{
    const Account current = account();
    const std::optional<OAuthProvider> provider = signInProvider();
    const bool offered = provider || current.usesSignIn();
    if (provider)
        m_signInButton->setText(tr("Sign in with %1").arg(provider->name));
    else
        m_signInButton->setText(tr("Sign in…"));
    m_signInButton->setVisible(offered);
    m_signInButton->setEnabled(!isSigningIn());
    m_cancelSignIn->setVisible(isSigningIn());
    m_signInRow->setVisible(offered || !m_signInStatus->text().isEmpty());

    const std::optional<OAuthProvider::PasswordHint> hint =
        OAuthProvider::passwordHintFor(m_settledAddress, m_finder->mxHost());
    const bool showHint = hint && !current.usesSignIn();
    m_passwordHint->setText(showHint ? withLink(OAuthProvider::passwordHintText(*hint), hint->help)
                                     : QString());
    m_passwordHint->setVisible(showHint);
    // Whatever is typed there would replace the refresh token.
    m_password->setEnabled(!current.usesSignIn());
}

void AccountDialog::signIn(const QString &providerId)
{
    if (isSigningIn())
        return;
    if (!providerId.isEmpty())
        m_offeredProvider = providerId;
    m_settledAddress = m_address->text().trimmed();
    m_appPassword->setVisible(false);
    const std::optional<Account> prepared = signInAccount();
    if (!prepared) {
        setSignInStatus(tr("Sendscope knows no sign-in for this address: use the password the provider gives "
                           "you for mail programs.")
                            .toHtmlEscaped(),
                        true);
        emit signInFinished(false);
        return;
    }
    const OAuthSettings settings = prepared->oauthSettings();
    if (settings.clientId.isEmpty()) {
        // Never silently: why sign-in is not possible here, and the way that works instead.
        const std::optional<OAuthProvider> provider = OAuthProvider::find(prepared->oauthProvider);
        m_appPasswordProvider = provider ? provider->id : QString();
        setSignInStatus(provider
                            ? withLink(OAuthProvider::noClientIdText(*provider), provider->appPasswordHelp)
                            : tr("This account's sign-in has no client id.").toHtmlEscaped(),
                        true);
        m_appPassword->setVisible(provider.has_value());
        emit signInFinished(false);
        return;
    }
    m_signIn = new AccountSignIn(
        *prepared, m_secrets, [](const QUrl &url) { return QDesktopServices::openUrl(url); }, this);
    m_signIn->setTimeout(m_signInTimeoutMs);
    const QString provider = settings.providerName;
    const QString minutes = QLocale().toString(m_signInTimeoutMs / 60000.0, 'g', 2);
    connect(
        m_signIn, &AccountSignIn::authorizationUrlReady, this,
        [this, provider, minutes](const QUrl &url, bool started) {
            const QString text =
                started ? tr("Sign in with %1 in your web browser. Sendscope waits up to %2 minutes for it "
                             "to come back.")
                              .arg(provider, minutes)
                        : tr("No web browser could be opened. Open the sign-in page of %1 below in a browser "
                             "yourself; "
                             "Sendscope waits up to %2 minutes for it to come back.")
                              .arg(provider, minutes);
            setSignInStatus(QStringLiteral("%1<br><a href=\"%2\">%3</a>")
                                .arg(text.toHtmlEscaped(), url.toString(QUrl::FullyEncoded).toHtmlEscaped(),
                                     tr("The sign-in page of %1").arg(provider).toHtmlEscaped()),
                            false);
        });
    connect(m_signIn, &AccountSignIn::finished, this, &AccountDialog::onSignInFinished);
    setSignInStatus(tr("Starting the sign-in with %1…").arg(provider).toHtmlEscaped(), false);
    m_signIn->start();
    validate();
}

void AccountDialog::cancelSignIn()
{
    if (isSigningIn())
        m_signIn->cancel();
}

void AccountDialog::onSignInFinished(const AccountSignIn::Result &result)
{
    m_signIn->deleteLater();
    m_signIn = nullptr;
    if (result.error.isError()) {
        QString html = result.error.explanation.toHtmlEscaped();
        if (!result.error.serverReply.isEmpty())
            html += QStringLiteral("<br>") +
                    tr("The sign-in server answered: %1").arg(result.error.serverReply).toHtmlEscaped();
        setSignInStatus(html, result.error.code != OAuthError::Code::Cancelled);
        validate();
        emit signInFinished(false);
        return;
    }
    const Account &signedIn = result.account;
    m_signedInUnsaved = m_signedInUnsaved || m_account.id.isEmpty();
    m_account.id = signedIn.id;
    m_account.oauthProvider = signedIn.oauthProvider;
    m_account.oauthAuthorizeUrl = signedIn.oauthAuthorizeUrl;
    m_account.oauthTokenUrl = signedIn.oauthTokenUrl;
    m_account.oauthClientId = signedIn.oauthClientId;
    m_account.oauthScope = signedIn.oauthScope;
    m_hasStoredSecret = true;
    m_offeredProvider.clear();
    m_appPasswordProvider.clear();
    // The form follows: the provider's server if none was entered, OAuth, the signed-in user name.
    m_host->setText(signedIn.host);
    m_security->setCurrentIndex(m_security->findData(int(signedIn.security)));
    m_settingPort = true;
    m_port->setValue(signedIn.effectivePort());
    m_settingPort = false;
    m_portEdited = signedIn.port != 0;
    m_auth->setCurrentIndex(m_auth->findData(int(AccountAuth::OAuth2Token)));
    m_username->setText(signedIn.username);
    m_password->clear();
    m_password->setPlaceholderText(tr("signed in: kept in the system keychain"));
    m_savedSecretServer = Account::serverKey(signedIn.host, signedIn.effectivePort());
    QString html =
        tr("Signed in as %1. The sign-in is kept in the system keychain; save the account to use it.")
            .arg(signedIn.effectiveUsername())
            .toHtmlEscaped();
    if (!result.fromWarning.isEmpty())
        html += QStringLiteral("<br><b>%1</b>").arg(result.fromWarning.toHtmlEscaped());
    setSignInStatus(html, !result.fromWarning.isEmpty());
    validate();
    emit signInFinished(true);
}

void AccountDialog::useAppPassword()
{
    const std::optional<OAuthProvider> provider = OAuthProvider::find(m_appPasswordProvider);
    m_offeredProvider.clear();
    m_account.oauthProvider.clear();
    if (provider && (m_host->text().trimmed().isEmpty() ||
                     m_host->text().trimmed().compare(m_finder->mxHost(), Qt::CaseInsensitive) == 0)) {
        m_host->setText(provider->smtpHost);
        m_security->setCurrentIndex(m_security->findData(int(provider->smtpSecurity)));
        m_settingPort = true;
        m_port->setValue(provider->smtpPort);
        m_settingPort = false;
    }
    m_auth->setCurrentIndex(m_auth->findData(int(AccountAuth::Automatic)));
    m_appPassword->setVisible(false);
    setSignInStatus(tr("Make an app password at %1 and enter it in the Password field.")
                        .arg(provider ? provider->name : tr("your provider"))
                        .toHtmlEscaped(),
                    false);
    validate();
    m_password->setFocus();
}

void AccountDialog::reject()
{
    cancelSignIn();
    // Nobody will ever use the sign-in of an account that was not saved.
    if (m_signedInUnsaved)
        m_secrets->remove(m_account.id, [](const SecretStore::Result &) {});
    m_signedInUnsaved = false;
    QDialog::reject();
}
