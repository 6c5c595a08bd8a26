#include "bulksendwindow.h"

#include "passwordprompt.h"
#include "textstyle.h"

#include "accountstore.h"
#include "addressparser.h"
#include "mergetemplate.h"
#include "pacingprofile.h"
#include "screenfit.h"
#include "sendservice.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStyle>
#include <QTableWidget>
#include <QTextEdit>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <utility>

namespace {
constexpr int kDataPreviewRows = 50;
enum RunColumn { RowColumn, AddressColumn, StateColumn, ReplyColumn, TimeColumn };
} // namespace

BulkSendWindow::BulkSendWindow(AccountStore *accounts, SendService *service, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_accounts(accounts)
    , m_service(service)
{
    setWindowTitle(tr("Bulk send — Sendscope"));
    m_steps = new QListWidget(this);
    m_steps->setAccessibleName(tr("Steps"));
    for (const QString &name :
         {tr("1. Data"), tr("2. Message"), tr("3. Checks"), tr("4. Preview"), tr("5. Send")})
        m_steps->addItem(name);
    m_steps->setMaximumWidth(m_steps->sizeHintForColumn(0) + 2 * m_steps->frameWidth() + 24);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(buildDataPage());
    m_pages->addWidget(ScreenFit::scrollable(buildMessagePage(), m_pages));
    m_pages->addWidget(buildCheckPage());
    m_pages->addWidget(buildPreviewPage());
    m_pages->addWidget(buildSendPage());

    m_back = new QPushButton(tr("Bac&k"), this);
    m_next = new QPushButton(tr("&Next"), this);
    m_close = new QPushButton(tr("Close"), this);
    connect(m_back, &QPushButton::clicked, this, [this] { showStep(Step(currentStep() - 1)); });
    connect(m_next, &QPushButton::clicked, this, [this] { showStep(Step(currentStep() + 1)); });
    connect(m_close, &QPushButton::clicked, this, &QWidget::close);
    connect(m_steps, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        m_pages->setCurrentIndex(row);
        m_back->setEnabled(row > DataStep);
        m_next->setEnabled(row < SendStep && m_table.has_value());
        if (row >= CheckStep && !m_checksCurrent)
            runChecks();
        if (row == PreviewStep)
            showPreview(m_previewRow->value());
        if (row == SendStep)
            openRunForDisplay();
    });
    // A tool window beside the compose window: Esc puts it away (closeEvent() asks during a run).
    auto *closeKey = new QShortcut(QKeySequence::Cancel, this);
    connect(closeKey, &QShortcut::activated, this, &QWidget::close);
    // Insert field goes where the person was typing last.
    m_focusWatch = connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        for (QWidget *editor : std::initializer_list<QWidget *>{m_to, m_cc, m_bcc, m_subject, m_text,
                                                                m_richEdit, m_attachments}) {
            if (now == editor)
                m_lastEditor = editor;
        }
    });

    auto *top = new QHBoxLayout;
    top->addWidget(m_steps);
    top->addWidget(m_pages, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_back);
    buttons->addWidget(m_next);
    buttons->addStretch(1);
    buttons->addWidget(m_close);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addLayout(buttons);

    fillFromSelector(m_accounts ? m_accounts->defaultAccountId() : QString(), 0);
    m_steps->setCurrentRow(DataStep);
    for (int i = MessageStep; i <= SendStep; ++i)
        m_steps->item(i)->setFlags(m_steps->item(i)->flags() & ~Qt::ItemIsEnabled);
    updateRunControls();
    ScreenFit::resizeWithin(this, {980, 660});
}

BulkSendWindow::~BulkSendWindow()
{
    // ~QWidget closes the window, which moves the focus: by then this is no BulkSendWindow any more,
    // and ~QObject would disconnect too late.
    disconnect(m_focusWatch);
}

QWidget *BulkSendWindow::buildDataPage()
{
    auto *page = new QWidget;
    m_dataFile = new QLineEdit(page);
    m_dataFile->setReadOnly(true);
    m_dataFile->setPlaceholderText(tr("A .csv file or an .xlsx workbook whose first row names the columns"));
    auto *choose = new QPushButton(tr("C&hoose…"), page);
    connect(choose, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Choose the data file"),
                                                          QFileInfo(m_dataPath).absolutePath(),
                                                          tr("Tables (*.csv *.xlsx *.txt);;All files (*)"));
        if (!path.isEmpty())
            loadDataFile(path);
    });
    m_encoding = new QComboBox(page);
    m_encoding->addItem(QStringLiteral("UTF-8"), QStringLiteral("UTF-8"));
    m_encoding->addItem(tr("GB18030 (GBK)"), QStringLiteral("GB18030"));
    m_delimiter = new QComboBox(page);
    m_delimiter->addItem(tr("Comma ,"), QChar(u','));
    m_delimiter->addItem(tr("Semicolon ;"), QChar(u';'));
    m_delimiter->addItem(tr("Tab"), QChar(u'\t'));
    m_delimiter->addItem(tr("Bar |"), QChar(u'|'));
    m_sheet = new QComboBox(page);
    m_sheet->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_sheet->setToolTip(tr("The workbook's sheet whose rows are sent; its first non-empty row names the "
                           "columns"));
    m_addressColumn = new QComboBox(page);
    m_encoding->setToolTip(tr("What Excel and WPS in China save a CSV file in, unless told UTF-8"));
    m_addressColumn->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_addressColumn->setMinimumContentsLength(12);
    for (QComboBox *box : {m_encoding, m_delimiter, m_sheet}) {
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_filling && !m_dataPath.isEmpty())
                reloadData();
        });
    }
    connect(m_addressColumn, &QComboBox::currentIndexChanged, this, &BulkSendWindow::onAddressColumnChanged);
    m_dataStatus = new QLabel(page);
    m_dataStatus->setWordWrap(true);
    m_dataStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_dataTable = new QTableWidget(page);
    m_dataTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_dataTable->setAccessibleName(tr("The first rows of the data"));
    m_dataTable->setMinimumHeight(120);

    auto *fileLabel = new QLabel(tr("Data &file:"), page);
    fileLabel->setBuddy(m_dataFile);
    m_encodingLabel = new QLabel(tr("&Encoding:"), page);
    m_encodingLabel->setBuddy(m_encoding);
    m_delimiterLabel = new QLabel(tr("&Delimiter:"), page);
    m_delimiterLabel->setBuddy(m_delimiter);
    m_sheetLabel = new QLabel(tr("&Sheet:"), page);
    m_sheetLabel->setBuddy(m_sheet);
    auto *addressLabel = new QLabel(tr("&Address column:"), page);
    addressLabel->setBuddy(m_addressColumn);
    auto *grid = new QGridLayout;
    grid->addWidget(fileLabel, 0, 0);
    grid->addWidget(m_dataFile, 0, 1, 1, 4);
    grid->addWidget(choose, 0, 5);
    grid->addWidget(m_encodingLabel, 1, 0);
    grid->addWidget(m_encoding, 1, 1);
    grid->addWidget(m_delimiterLabel, 1, 2);
    grid->addWidget(m_delimiter, 1, 3);
    // A workbook has sheets instead of an encoding and a delimiter: the same row, one or the other shown.
    grid->addWidget(m_sheetLabel, 1, 0);
    grid->addWidget(m_sheet, 1, 1, 1, 3, Qt::AlignLeft);
    grid->addWidget(addressLabel, 2, 0);
    grid->addWidget(m_addressColumn, 2, 1);
    grid->setColumnStretch(4, 1);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(grid);
    layout->addWidget(m_dataStatus);
    layout->addWidget(m_dataTable, 1);
    showDataControls(false);
    return page;
}

QWidget *BulkSendWindow::buildMessagePage()
{
    auto *page = new QWidget;
    m_from = new QComboBox(page);
    m_from->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_from->setMinimumContentsLength(24);
    m_to = new QLineEdit(page);
    m_cc = new QLineEdit(page);
    m_bcc = new QLineEdit(page);
    m_subject = new QLineEdit(page);
    m_text = new QPlainTextEdit(page);
    m_text->setMinimumHeight(90);
    m_text->setTabChangesFocus(true);
    m_richEdit = new QTextEdit(page);
    m_richEdit->setMinimumHeight(90);
    m_richEdit->setTabChangesFocus(true);
    m_richEdit->setAcceptRichText(true);
    m_richEdit->setAccessibleName(tr("Message text (rich)"));
    m_richEdit->hide();
    // As in the compose window: bold, italic and underline from the keyboard (paste keeps formatting).
    const std::array styles{std::pair{TextStyle::Bold, QKeySequence(QKeySequence::Bold)},
                            std::pair{TextStyle::Italic, QKeySequence(QKeySequence::Italic)},
                            std::pair{TextStyle::Underline, QKeySequence(QKeySequence::Underline)}};
    for (const auto &[textStyle, key] : styles) {
        auto *style = new QAction(m_richEdit);
        style->setShortcut(key);
        style->setShortcutContext(Qt::WidgetShortcut);
        m_richEdit->addAction(style);
        connect(style, &QAction::triggered, this,
                [this, textStyle = textStyle] { toggleTextStyle(m_richEdit, textStyle); });
    }
    m_richText = new QCheckBox(tr("&Rich text (adds an HTML version)"), page);
    m_richText->setToolTip(tr("Bold, italic and underline (Ctrl+B, Ctrl+I, Ctrl+U) or pasted formatting; "
                              "the same words go as plain text too, for programs that show no HTML"));
    connect(m_richText, &QCheckBox::toggled, this, &BulkSendWindow::setRichText);
    // As in the compose window's Options menu; the account's default for the read receipt is applied
    // when the sender is chosen.
    m_priority = new QComboBox(page);
    m_priority->addItem(tr("Normal"), int(MimeMessage::Priority::Normal));
    m_priority->addItem(tr("High"), int(MimeMessage::Priority::High));
    m_priority->addItem(tr("Low"), int(MimeMessage::Priority::Low));
    m_readReceipt = new QCheckBox(tr("Ask for a read recei&pt"), page);
    m_readReceipt->setToolTip(tr("Each recipient's mail program is asked to tell the From address when the "
                                 "message is opened; many do not, or ask the reader first"));
    m_attachments = new QLineEdit(page);
    m_attachments->setPlaceholderText(tr("payslips/{{工号}}.pdf — relative to the data file's folder; "
                                         "several separated by ;"));
    m_rate = new QSpinBox(page);
    m_rate->setRange(0, 600);
    m_rate->setValue(30);
    m_rate->setSpecialValueText(tr("no pacing"));
    m_rate->setToolTip(tr("Servers count messages per minute and per day; the provider's limits are filled "
                          "in for the account chosen"));
    m_perDay = new QSpinBox(page);
    m_perDay->setRange(0, 1000000);
    m_perDay->setSpecialValueText(tr("no limit"));
    m_perDay->setToolTip(tr("Recipients in any 24 hours (To, Cc and Bcc each count); when they are used up "
                            "the run waits until the quota frees"));
    m_pacingProfile = new QLabel(page);
    m_insertField = new QPushButton(tr("&Insert field"), page);
    m_insertField->setMenu(new QMenu(m_insertField));
    m_insertField->setToolTip(tr("Puts {{column}} where the cursor is: each row's value replaces it"));
    m_loadTemplate = new QPushButton(tr("&Load from the compose window"), page);
    m_loadTemplate->setEnabled(false);
    connect(m_loadTemplate, &QPushButton::clicked, this, &BulkSendWindow::loadComposeTemplate);
    for (QLineEdit *field : {m_to, m_cc, m_bcc, m_subject, m_attachments})
        connect(field, &QLineEdit::textChanged, this, &BulkSendWindow::invalidateChecks);
    connect(m_text, &QPlainTextEdit::textChanged, this, &BulkSendWindow::invalidateChecks);
    connect(m_richEdit, &QTextEdit::textChanged, this, &BulkSendWindow::invalidateChecks);
    connect(m_from, &QComboBox::currentIndexChanged, this, &BulkSendWindow::applyPacingProfile);
    connect(m_from, &QComboBox::currentIndexChanged, this, &BulkSendWindow::invalidateChecks);
    connect(m_rate, &QSpinBox::valueChanged, this, &BulkSendWindow::invalidateChecks);
    connect(m_perDay, &QSpinBox::valueChanged, this, &BulkSendWindow::invalidateChecks);

    auto *form = new QFormLayout;
    auto add = [&form, page](const QString &label, QWidget *field) {
        auto *name = new QLabel(label, page);
        name->setBuddy(field);
        form->addRow(name, field);
    };
    add(tr("Fro&m:"), m_from);
    add(tr("&To:"), m_to);
    add(tr("&Cc:"), m_cc);
    add(tr("&Bcc:"), m_bcc);
    add(tr("&Subject:"), m_subject);
    // One of the two editors shows, in the same place.
    auto *textBox = new QVBoxLayout;
    textBox->setContentsMargins(0, 0, 0, 0);
    textBox->addWidget(m_text);
    textBox->addWidget(m_richEdit);
    m_textLabel = new QLabel(tr("Te&xt:"), page);
    m_textLabel->setBuddy(m_text);
    form->addRow(m_textLabel, textBox);
    add(tr("Attachments per ro&w:"), m_attachments);
    auto *optionsRow = new QHBoxLayout;
    optionsRow->addWidget(m_priority);
    optionsRow->addWidget(m_readReceipt);
    optionsRow->addStretch(1);
    auto *priorityLabel = new QLabel(tr("Pri&ority:"), page);
    priorityLabel->setBuddy(m_priority);
    form->addRow(priorityLabel, optionsRow);
    // Numbers, not text: the boxes as wide as their numbers, the provider they came from beside them.
    auto *rateRow = new QHBoxLayout;
    rateRow->addWidget(m_rate);
    rateRow->addWidget(m_pacingProfile);
    rateRow->addStretch(1);
    auto *perDayRow = new QHBoxLayout;
    perDayRow->addWidget(m_perDay);
    perDayRow->addStretch(1);
    auto *rateLabel = new QLabel(tr("Messages per min&ute:"), page);
    rateLabel->setBuddy(m_rate);
    form->addRow(rateLabel, rateRow);
    auto *perDayLabel = new QLabel(tr("Recipients per &day:"), page);
    perDayLabel->setBuddy(m_perDay);
    form->addRow(perDayLabel, perDayRow);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_insertField);
    buttons->addWidget(m_richText);
    buttons->addWidget(m_loadTemplate);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form, 1);
    layout->addLayout(buttons);
    return page;
}

QWidget *BulkSendWindow::buildCheckPage()
{
    auto *page = new QWidget;
    m_summary = new QLabel(page);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_estimate = new QLabel(page);
    m_estimate->setWordWrap(true);
    m_estimate->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problems = new QListWidget(page);
    m_problems->setWordWrap(true);
    m_problems->setAccessibleName(tr("Problems and warnings"));
    auto *again = new QPushButton(tr("Check a&gain"), page);
    connect(again, &QPushButton::clicked, this, &BulkSendWindow::runChecks);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(again);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_summary);
    layout->addWidget(m_estimate);
    layout->addWidget(m_problems, 1);
    layout->addLayout(buttons);
    return page;
}

QWidget *BulkSendWindow::buildPreviewPage()
{
    auto *page = new QWidget;
    m_previewRow = new QSpinBox(page);
    m_previewRow->setRange(1, 1);
    connect(m_previewRow, &QSpinBox::valueChanged, this, &BulkSendWindow::showPreview);
    m_preview = new QPlainTextEdit(page);
    m_preview->setReadOnly(true);
    m_preview->setAccessibleName(tr("The row's message as it will be sent"));
    m_test = new QPushButton(tr("Send a test to m&yself"), page);
    m_test->setToolTip(tr("This row's message to your own address, with [TEST] before the subject"));
    connect(m_test, &QPushButton::clicked, this, &BulkSendWindow::sendTest);
    m_testStatus = new QLabel(page);
    m_testStatus->setWordWrap(true);
    m_testStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *rowLabel = new QLabel(tr("&Row:"), page);
    rowLabel->setBuddy(m_previewRow);
    auto *top = new QHBoxLayout;
    top->addWidget(rowLabel);
    top->addWidget(m_previewRow);
    top->addStretch(1);
    top->addWidget(m_test);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(top);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_testStatus);
    return page;
}

QWidget *BulkSendWindow::buildSendPage()
{
    auto *page = new QWidget;
    m_progressText = new QLabel(page);
    m_progressText->setWordWrap(true);
    m_progressText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_runEstimate = new QLabel(page);
    m_runEstimate->setWordWrap(true);
    m_runEstimate->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar(page);
    m_runTable = new QTableWidget(0, 5, page);
    m_runTable->setHorizontalHeaderLabels(
        {tr("Row"), tr("Address"), tr("State"), tr("Server reply"), tr("Time")});
    m_runTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_runTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_runTable->verticalHeader()->hide();
    m_runTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_runTable->horizontalHeader()->setSectionResizeMode(ReplyColumn, QHeaderView::Stretch);
    m_runTable->setAccessibleName(tr("Rows and their state"));
    m_start = new QPushButton(tr("&Start"), page);
    m_pause = new QPushButton(tr("&Pause"), page);
    m_cancel = new QPushButton(tr("Cance&l"), page);
    m_cancel->setToolTip(tr("Stops after the message in flight; Start later resumes"));
    m_retry = new QPushButton(tr("Re&try refused and deferred"), page);
    m_export = new QPushButton(tr("E&xport report…"), page);
    connect(m_start, &QPushButton::clicked, this, &BulkSendWindow::start);
    connect(m_pause, &QPushButton::clicked, this, [this] {
        if (m_run && m_run->isPaused())
            resume();
        else
            pause();
    });
    connect(m_cancel, &QPushButton::clicked, this, &BulkSendWindow::cancelRun);
    connect(m_retry, &QPushButton::clicked, this, &BulkSendWindow::retryRefusedAndDeferred);
    connect(m_export, &QPushButton::clicked, this, [this] { exportReport(); });
    // Rows in doubt wait for the person's decision: said above the table, with the two ways beside it.
    m_doubtBar = new QFrame(page);
    static_cast<QFrame *>(m_doubtBar)->setFrameShape(QFrame::StyledPanel);
    auto *doubtIcon = new QLabel(m_doubtBar);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    doubtIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(iconSize, iconSize));
    doubtIcon->setAlignment(Qt::AlignTop);
    m_doubtNotice = new QLabel(m_doubtBar);
    m_doubtNotice->setWordWrap(true);
    m_doubtNotice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_markDelivered = new QPushButton(tr("&Mark as delivered"), m_doubtBar);
    m_markDelivered->setToolTip(tr("You found it in the recipient's mailbox or the server's log: it is "
                                   "counted as accepted and never sent"));
    m_sendAgain = new QPushButton(tr("Send a&gain…"), m_doubtBar);
    m_sendAgain->setToolTip(tr("It did not arrive: the next run sends it, with the same Message-ID"));
    connect(m_markDelivered, &QPushButton::clicked, this,
            [this] { resolveSelectedInDoubt(MergeJournal::Resolution::MarkDelivered); });
    connect(m_sendAgain, &QPushButton::clicked, this,
            [this] { resolveSelectedInDoubt(MergeJournal::Resolution::SendAgain); });
    connect(m_runTable, &QTableWidget::itemSelectionChanged, this, [this] {
        const bool chosen = !selectedRowsInDoubt().isEmpty();
        m_markDelivered->setEnabled(chosen);
        m_sendAgain->setEnabled(chosen);
    });
    auto *doubtActions = new QVBoxLayout;
    doubtActions->addWidget(m_markDelivered);
    doubtActions->addWidget(m_sendAgain);
    doubtActions->addStretch(1);
    auto *doubtLayout = new QHBoxLayout(m_doubtBar);
    doubtLayout->addWidget(doubtIcon);
    doubtLayout->addWidget(m_doubtNotice, 1);
    doubtLayout->addLayout(doubtActions);
    m_doubtBar->hide();

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_pause);
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    buttons->addWidget(m_retry);
    buttons->addWidget(m_export);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_progressText);
    layout->addWidget(m_runEstimate);
    layout->addWidget(m_progress);
    layout->addWidget(m_doubtBar);
    layout->addWidget(m_runTable, 1);
    layout->addLayout(buttons);
    return page;
}

void BulkSendWindow::setComposeTemplate(const Draft &draft)
{
    m_composeTemplate = draft;
    m_loadTemplate->setEnabled(true);
    if (!draft.accountId.isEmpty())
        fillFromSelector(draft.accountId, draft.identityIndex);
}

void BulkSendWindow::loadComposeTemplate()
{
    if (!m_composeTemplate)
        return;
    // To stays the address column: the compose window's recipients are not this run's.
    m_subject->setText(m_composeTemplate->subject);
    m_cc->setText(m_composeTemplate->cc);
    m_bcc->setText(m_composeTemplate->bcc);
    m_readReceipt->setChecked(m_composeTemplate->requestReadReceipt);
    m_priority->setCurrentIndex(std::max(0, m_priority->findData(int(m_composeTemplate->priority))));
    setRichText(!m_composeTemplate->html.isEmpty());
    if (isRichText())
        m_richEdit->setHtml(m_composeTemplate->html);
    else
        m_text->setPlainText(m_composeTemplate->text);
}

bool BulkSendWindow::isRichText() const
{
    return m_richText->isChecked();
}

void BulkSendWindow::setRichText(bool on)
{
    if (on == !m_richEdit->isHidden())
        return;
    if (on) {
        m_richEdit->setPlainText(m_text->toPlainText());
        m_text->hide();
        m_richEdit->show();
        m_textLabel->setBuddy(m_richEdit);
    } else {
        // Back to plain text: the words stay, the formatting goes.
        m_text->setPlainText(m_richEdit->toPlainText());
        m_richEdit->hide();
        m_text->show();
        m_textLabel->setBuddy(m_text);
    }
    if (m_lastEditor == m_text || m_lastEditor == m_richEdit)
        m_lastEditor = on ? static_cast<QWidget *>(m_richEdit) : m_text;
    const QSignalBlocker blocker(m_richText);
    m_richText->setChecked(on);
    invalidateChecks();
}

void BulkSendWindow::fillFromSelector(const QString &accountId, int identityIndex)
{
    m_from->clear();
    if (!m_accounts)
        return;
    int select = 0;
    for (const Account &account : m_accounts->accounts()) {
        for (int i = 0; i < account.identities.size(); ++i) {
            if (account.id == accountId && i == identityIndex)
                select = m_from->count();
            m_from->addItem(
                QStringLiteral("%1  —  %2").arg(account.identities.at(i).displayString(), account.name),
                account.id);
            m_from->setItemData(m_from->count() - 1, i, Qt::UserRole + 1);
        }
    }
    m_from->setCurrentIndex(m_from->count() > 0 ? select : -1);
}

std::optional<Account> BulkSendWindow::currentAccount() const
{
    if (!m_accounts || m_from->currentIndex() < 0)
        return std::nullopt;
    return m_accounts->findById(m_from->currentData().toString());
}

Identity BulkSendWindow::currentIdentity() const
{
    const std::optional<Account> account = currentAccount();
    return account ? account->identities.value(m_from->currentData(Qt::UserRole + 1).toInt()) : Identity{};
}

bool BulkSendWindow::loadDataFile(const QString &path)
{
    m_dataPath = path;
    m_dataFile->setText(QDir::toNativeSeparators(path));
    m_filling = true;
    m_encoding->setCurrentIndex(-1);
    m_delimiter->setCurrentIndex(-1);
    m_sheet->clear();
    const bool workbook = MergeData::isWorkbook(path);
    if (workbook) {
        // Not readable as a workbook: reading it says why, in the status line.
        QString unused;
        const QList<MergeData::Sheet> sheets =
            MergeData::sheets(path, &unused).value_or(QList<MergeData::Sheet>());
        // The sheets people see in Excel first; the hidden ones after them, marked, still to be chosen
        // (a list kept out of sight is sometimes the one to send to).
        for (const bool hidden : {false, true}) {
            for (const MergeData::Sheet &sheet : sheets) {
                if (sheet.hidden == hidden)
                    m_sheet->addItem(hidden ? tr("%1 (hidden)").arg(sheet.name) : sheet.name, sheet.name);
            }
        }
        m_sheet->setCurrentIndex(-1); // the first visible sheet, as the reader picks it
    }
    showDataControls(workbook);
    m_filling = false;
    reloadData();
    return m_table.has_value();
}

void BulkSendWindow::reloadData()
{
    MergeData::Options options; // nothing chosen: detected and sniffed
    if (m_encoding->currentIndex() >= 0)
        options.encoding = m_encoding->currentData().toString();
    if (m_delimiter->currentIndex() >= 0)
        options.delimiter = m_delimiter->currentData().toChar();
    if (m_sheet->currentIndex() >= 0)
        options.sheet = m_sheet->currentData().toString();
    QString error;
    m_table = MergeData::readFile(m_dataPath, options, &error);
    m_filling = true;
    const QString previousColumn = m_addressColumn->currentText();
    m_addressColumn->clear();
    if (m_table) {
        m_encoding->setCurrentIndex(m_encoding->findData(m_table->encoding));
        m_delimiter->setCurrentIndex(m_delimiter->findData(m_table->delimiter));
        if (!m_table->sheet.isEmpty())
            m_sheet->setCurrentIndex(m_sheet->findData(m_table->sheet));
        m_addressColumn->addItems(m_table->columns);
        const QString guess =
            m_table->columnIndex(previousColumn) >= 0 ? previousColumn : MergeRun::addressColumn(*m_table);
        m_addressColumn->setCurrentIndex(guess.isEmpty() ? -1 : m_addressColumn->findText(guess));
        if (m_table->sheet.isEmpty())
            m_dataStatus->setText(tr("Rows: %1, columns: %2, encoding: %3.")
                                      .arg(m_table->rows.size())
                                      .arg(m_table->columns.size())
                                      .arg(m_table->encoding));
        else
            m_dataStatus->setText(tr("Rows: %1, columns: %2, sheet: %3.")
                                      .arg(m_table->rows.size())
                                      .arg(m_table->columns.size())
                                      .arg(m_table->sheet));
        m_previewRow->setRange(1, std::max<int>(1, int(m_table->rows.size())));
    } else {
        m_dataStatus->setText(error);
    }
    m_filling = false;
    m_dataStatus->setStyleSheet(m_table ? QString() : QStringLiteral("color: #c0392b"));
    fillDataTable();
    QMenu *menu = m_insertField->menu();
    menu->clear();
    if (m_table) {
        for (const QString &column : m_table->columns)
            menu->addAction(QStringLiteral("{{%1}}").arg(column).replace(u'&', QStringLiteral("&&")), this,
                            [this, column] { insertField(column); });
    }
    for (int i = MessageStep; i <= SendStep; ++i) {
        QListWidgetItem *item = m_steps->item(i);
        item->setFlags(m_table ? item->flags() | Qt::ItemIsEnabled : item->flags() & ~Qt::ItemIsEnabled);
    }
    m_next->setEnabled(currentStep() < SendStep && m_table.has_value());
    onAddressColumnChanged();
    m_run.reset(); // another file, or the same read differently: another journal state to show
    m_doubtBar->hide();
    invalidateChecks();
}

void BulkSendWindow::fillDataTable()
{
    m_dataTable->clear();
    if (!m_table) {
        m_dataTable->setRowCount(0);
        m_dataTable->setColumnCount(0);
        return;
    }
    const int rows = std::min<int>(kDataPreviewRows, int(m_table->rows.size()));
    m_dataTable->setColumnCount(int(m_table->columns.size()));
    m_dataTable->setRowCount(rows);
    m_dataTable->setHorizontalHeaderLabels(m_table->columns);
    for (int row = 0; row < rows; ++row) {
        for (int column = 0; column < m_table->columns.size(); ++column)
            m_dataTable->setItem(row, column, new QTableWidgetItem(m_table->rows.at(row).value(column)));
    }
    m_dataTable->resizeColumnsToContents();
}

void BulkSendWindow::showDataControls(bool workbook)
{
    for (QWidget *csvOnly :
         std::initializer_list<QWidget *>{m_encodingLabel, m_encoding, m_delimiterLabel, m_delimiter})
        csvOnly->setVisible(!workbook);
    m_sheetLabel->setVisible(workbook);
    m_sheet->setVisible(workbook);
}

void BulkSendWindow::applyPacingProfile()
{
    const std::optional<Account> account = currentAccount();
    if (!account) {
        m_pacingProfile->clear();
        return;
    }
    m_readReceipt->setChecked(account->requestReadReceipt);
    const QString host = m_service ? m_service->settingsFor(*account).host : account->host;
    const PacingProfile profile = PacingProfile::forServer(host, currentIdentity().address);
    m_pacingProfile->setText(tr("Limits for %1 (editable)").arg(profile.name()));
    m_pacingProfile->setToolTip(profile.describe());
    // Another identity of the same provider keeps limits the person changed.
    if (profile.id == m_profile.id)
        return;
    m_profile = profile;
    m_rate->setValue(profile.perMinute);
    m_perDay->setValue(profile.perDay);
}

void BulkSendWindow::updateEstimate()
{
    // The run's own once there is one (it counts the journal's history), else the checks'.
    const MergeRun *source = m_run ? m_run.get() : (m_checksPassed ? m_checker.get() : nullptr);
    QString text;
    if (source) {
        // A resumed run counts only the rows it still has to send (the checks read its journal).
        const int rows = source->rowsToSend();
        const QDateTime finish = source->estimatedFinish();
        if (rows > 0 && finish.isValid())
            text = MergeRun::describeEstimate(rows, m_rate->value(), m_perDay->value(), finish);
        if (m_run && m_run->isRunning() && m_run->isWaitingForQuota())
            text = tr("Daily quota used up: continues %1.")
                       .arg(MergeRun::describeWhen(m_run->waitingUntil(), QDateTime::currentDateTime())) +
                   (text.isEmpty() ? QString() : u' ' + text);
    }
    m_estimate->setText(text);
    m_estimate->setVisible(!text.isEmpty());
    m_runEstimate->setText(text);
    m_runEstimate->setVisible(!text.isEmpty());
}

void BulkSendWindow::onAddressColumnChanged()
{
    if (m_filling)
        return;
    const QString column = m_addressColumn->currentText();
    const QString wanted = column.isEmpty() ? QString() : QStringLiteral("{{%1}}").arg(column);
    // Follows the column only while the person has not written a To template of their own.
    if (m_to->text().trimmed().isEmpty() || m_to->text() == m_addressDefault)
        m_to->setText(wanted);
    m_addressDefault = wanted;
}

void BulkSendWindow::insertField(const QString &column)
{
    const QString field = QStringLiteral("{{%1}}").arg(column);
    QWidget *target = m_lastEditor ? m_lastEditor.data() : static_cast<QWidget *>(m_text);
    if (target == m_text && isRichText())
        target = m_richEdit;
    if (auto *line = qobject_cast<QLineEdit *>(target))
        line->insert(field);
    else if (target == m_richEdit)
        m_richEdit->insertPlainText(field);
    else
        m_text->insertPlainText(field);
    target->setFocus();
}

BulkSendWindow::Step BulkSendWindow::currentStep() const
{
    return Step(std::max(0, m_steps->currentRow()));
}

void BulkSendWindow::showStep(Step step)
{
    if (step < DataStep || step > SendStep)
        return;
    if (step > DataStep && !m_table)
        return;
    m_steps->setCurrentRow(step);
}

QString BulkSendWindow::journalPath() const
{
    return m_dataPath.isEmpty() ? QString() : MergeRun::defaultJournalPath(m_dataPath);
}

std::optional<MergeSpec> BulkSendWindow::currentSpec(QString *problem) const
{
    if (!m_table) {
        *problem = tr("Choose a data file first (step 1).");
        return std::nullopt;
    }
    const std::optional<Account> account = currentAccount();
    const Identity identity = currentIdentity();
    if (!account || identity.address.isEmpty()) {
        *problem = tr("Choose who the messages are from (step 2); add an account in the compose window's "
                      "Account menu.");
        return std::nullopt;
    }
    MergeSpec spec;
    AddressParser::Error error;
    spec.from = AddressParser::parseMailbox(identity.displayString(), &error);
    if (spec.from.isNull()) {
        *problem = tr("From: %1").arg(error.message);
        return std::nullopt;
    }
    if (!identity.replyTo.trimmed().isEmpty())
        spec.replyTo = AddressParser::parseList(identity.replyTo, &error);
    spec.table = *m_table;
    spec.dataPath = m_dataPath;
    spec.subject = MergeTemplate(m_subject->text());
    if (isRichText()) {
        // The formatted text as HTML, its words as the plain alternative.
        spec.text = MergeTemplate(m_richEdit->toPlainText());
        spec.html = MergeTemplate(m_richEdit->toHtml(), MergeTemplate::Syntax::Html);
    } else {
        spec.text = MergeTemplate(m_text->toPlainText());
    }
    spec.to = MergeTemplate(m_to->text());
    spec.cc = MergeTemplate(m_cc->text());
    spec.bcc = MergeTemplate(m_bcc->text());
    spec.attachments = MergeTemplate(m_attachments->text());
    spec.requestReadReceipt = m_readReceipt->isChecked();
    spec.priority = static_cast<MimeMessage::Priority>(m_priority->currentData().toInt());
    spec.settings = m_service->settingsFor(*account);
    if (account->needsSecret())
        spec.account = account;
    spec.ratePerMinute = m_rate->value();
    spec.perDay = m_perDay->value();
    if (m_profile.maxRecipients > 0)
        spec.maxRecipientsPerMessage = m_profile.maxRecipients;
    spec.stopWhenQuotaUsed = false; // the window stays open and the run waits, its wait shown
    spec.journalPath = journalPath();
    spec.quotaLogPath = BulkQuotaLog::defaultPath();
    spec.sizeLimit = m_sizeLimits.value(account->id);
    return spec;
}

void BulkSendWindow::invalidateChecks()
{
    m_checksCurrent = false;
    m_checksPassed = false;
    if (isVisible() && currentStep() >= CheckStep)
        runChecks();
    else
        updateRunControls();
}

bool BulkSendWindow::runChecks()
{
    m_problems->clear();
    m_checksCurrent = true;
    m_checksPassed = false;
    QString problem;
    const std::optional<MergeSpec> spec = currentSpec(&problem);
    const QIcon errorIcon = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    const QIcon warningIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    if (!spec) {
        m_checker.reset();
        m_summary->setText(tr("Nothing can be sent yet."));
        m_problems->addItem(new QListWidgetItem(errorIcon, problem));
        updateRunControls();
        updateEstimate();
        emit checked(false);
        return false;
    }
    m_checker = std::make_unique<MergeRun>(*spec, m_service);
    m_checksPassed = m_checker->check();
    auto describe = [](const MergeRun::Problem &found) {
        return found.row > 0 ? tr("Row %1: %2").arg(found.row).arg(found.message) : found.message;
    };
    for (const MergeRun::Problem &found : m_checker->problems())
        m_problems->addItem(new QListWidgetItem(errorIcon, describe(found)));
    for (const MergeRun::Problem &found : m_checker->warnings())
        m_problems->addItem(new QListWidgetItem(warningIcon, describe(found)));
    if (m_subject->text().trimmed().isEmpty())
        m_problems->addItem(new QListWidgetItem(warningIcon, tr("The messages have no subject.")));
    const MergeRun::Summary summary = m_checker->summary();
    QString text = tr("%1 messages to %2 distinct addresses, %3.")
                       .arg(summary.messages)
                       .arg(summary.distinctAddresses)
                       .arg(QLocale().formattedDataSize(summary.bytes));
    if (!m_checksPassed)
        text += u' ' + tr("Nothing is sent until the problems marked below are fixed.");
    else if (QFileInfo::exists(journalPath()))
        text += u' ' + tr("This data file was sent from before (journal %1): Start resumes that run, and "
                          "rows already accepted are not sent again.")
                           .arg(QDir::toNativeSeparators(journalPath()));
    else
        text += u' ' + tr("No problems found: step 5 sends them.");
    m_summary->setText(text);
    updateRunControls();
    updateEstimate();
    emit checked(m_checksPassed);
    return m_checksPassed;
}

void BulkSendWindow::showPreview(int row)
{
    if (!m_checksCurrent)
        runChecks();
    if (!m_checker) {
        m_preview->setPlainText(m_problems->count() > 0 ? m_problems->item(0)->text() : QString());
        return;
    }
    QString problem;
    const std::optional<MimeMessage> message = m_checker->message(row - 1, &problem);
    if (!message) {
        m_preview->setPlainText(tr("Row %1 cannot be sent: %2").arg(row).arg(problem));
        return;
    }
    auto list = [](const QList<MailAddress> &addresses) {
        QStringList shown;
        for (const MailAddress &address : addresses)
            shown << address.toDisplayString();
        return shown.join(QStringLiteral(", "));
    };
    QStringList lines;
    lines << tr("From: %1").arg(message->from.toDisplayString());
    if (!message->replyTo.isEmpty())
        lines << tr("Reply-To: %1").arg(list(message->replyTo));
    lines << tr("To: %1").arg(list(message->to));
    if (!message->cc.isEmpty())
        lines << tr("Cc: %1").arg(list(message->cc));
    if (!message->bcc.isEmpty())
        lines << tr("Bcc: %1").arg(list(message->bcc));
    lines << tr("Subject: %1").arg(message->subject);
    for (const MimeAttachment &attachment : message->attachments) {
        const QFileInfo info(attachment.path);
        lines << tr("Attachment: %1 (%2)").arg(info.fileName(), QLocale().formattedDataSize(info.size()));
    }
    if (!message->html.isEmpty())
        lines << tr("With a formatted (HTML) version; below, its plain text alternative.");
    lines << QString() << message->text;
    m_preview->setPlainText(lines.join(u'\n'));
}

void BulkSendWindow::sendTest()
{
    if (!m_checksCurrent)
        runChecks();
    QString problem;
    const std::optional<MergeSpec> spec = currentSpec(&problem);
    std::optional<MimeMessage> message;
    if (spec && m_checker)
        message = m_checker->testMessage(m_previewRow->value() - 1, spec->from, &problem);
    std::optional<OutgoingMessage> outgoing =
        message ? SendService::outgoing(*message, &problem) : std::optional<OutgoingMessage>();
    if (!outgoing) {
        m_testStatus->setText(tr("The test was not sent: %1").arg(problem));
        emit testFinished(false);
        return;
    }
    SendService::MessageRequest request;
    request.settings = spec->settings;
    request.account = spec->account;
    request.prompt = secretPrompt();
    request.message = std::move(*outgoing);
    SendJob *job = m_service->sendMessage(std::move(request));
    m_test->setEnabled(false);
    m_testStatus->setText(tr("Sending the test to %1…").arg(spec->from.address()));
    const QString address = spec->from.address();
    connect(job, &SendJob::finished, this, [this, address](const SendReport &report) {
        m_test->setEnabled(true);
        if (report.delivered())
            m_testStatus->setText(
                tr("The test went to %1. The server said: %2").arg(address, report.serverReply.simplified()));
        else
            m_testStatus->setText(
                tr("The test was not sent: %1 %2").arg(report.error.summary, report.error.explanation));
        emit testFinished(report.delivered());
    });
}

bool BulkSendWindow::isRunning() const
{
    return m_run && m_run->isRunning();
}

bool BulkSendWindow::createRun(bool acceptChanges)
{
    m_run.reset(); // one connection to the journal at a time
    m_doubtBar->hide();
    QString problem;
    const std::optional<MergeSpec> spec = currentSpec(&problem);
    if (!spec) {
        updateProgress(problem);
        return false;
    }
    MergeSpec accepted = *spec;
    accepted.acceptChanges = acceptChanges;
    m_run = std::make_unique<MergeRun>(accepted, m_service);
    if (!m_run->prepare()) {
        // After a fix (a payslip replaced, a typo corrected) the rows not yet accepted may go as they
        // are now, when the person says so; accepted rows are never sent again either way.
        if (!acceptChanges && m_run->changedSinceBegun() && m_confirmations &&
            QMessageBox::question(this, tr("Send the rest as it is now?"),
                                  tr("The data, the message or the attachments changed since this run "
                                     "began. Rows already accepted are not sent again; the others would "
                                     "go as they are now. Go on?")) == QMessageBox::Yes)
            return createRun(true);
        QStringList found;
        for (const MergeRun::Problem &failure : m_run->problems())
            found << (failure.row > 0 ? tr("Row %1: %2").arg(failure.row).arg(failure.message)
                                      : failure.message);
        m_run.reset();
        updateProgress(found.join(u'\n'));
        updateRunControls();
        return false;
    }
    m_run->setSecretPrompt(secretPrompt());
    connectRun();
    fillRunTable();
    updateRunControls();
    return true;
}

SendJob::SecretPrompt BulkSendWindow::secretPrompt()
{
    return passwordPromptFor(this);
}

void BulkSendWindow::connectRun()
{
    MergeRun *run = m_run.get();
    connect(run, &MergeRun::rowStarted, this, [this](int row) {
        updateRunRow(row, tr("sending…"));
        updateProgress(tr("Sending row %1…").arg(row));
    });
    connect(run, &MergeRun::rowFinished, this, [this](int row, MergeJournal::State state) {
        updateRunRow(row, MergeJournal::stateLabel(state));
        updateProgress(m_lastNote);
        if (state == MergeJournal::State::Unknown)
            updateDoubtNotice();
    });
    connect(run, &MergeRun::waiting, this, [this](const QDateTime &until, const QString &reason) {
        if (m_run->isWaitingForQuota()) // the estimate line says until when
            updateProgress(
                tr("Waiting for the daily quota of %1 recipients to free.").arg(m_perDay->value()));
        else
            updateProgress(
                tr("Waiting until %1; the server said: %2")
                    .arg(QLocale().toString(until.time(), QLocale::ShortFormat), reason.simplified()));
    });
    connect(run, &MergeRun::estimateChanged, this, &BulkSendWindow::updateEstimate);
    connect(run, &MergeRun::quotaExhausted, this, &BulkSendWindow::updateEstimate);
    connect(run, &MergeRun::paused, this, [this] {
        updateProgress(tr("Paused. Resume goes on with the next row."));
        updateRunControls();
        emit runPaused();
    });
    connect(run, &MergeRun::finished, this, &BulkSendWindow::onRunFinished);
}

void BulkSendWindow::openRunForDisplay()
{
    if (isRunning() || (m_run && !m_run->hasStarted()))
        return;
    if (m_run) {
        fillRunTable();
        updateProgress(m_lastNote);
        return;
    }
    if (m_checksPassed && QFileInfo::exists(journalPath()) && createRun()) {
        updateProgress(tr("A run of this data file was begun before; Start resumes it."));
        return;
    }
    // Not begun: what Start will send.
    m_runTable->setRowCount(0);
    if (!m_table)
        return;
    const MergeTemplate to(m_to->text());
    m_runTable->setRowCount(int(m_table->rows.size()));
    for (int row = 0; row < m_table->rows.size(); ++row) {
        m_runTable->setItem(row, RowColumn, new QTableWidgetItem(QString::number(row + 1)));
        m_runTable->setItem(row, AddressColumn, new QTableWidgetItem(to.render(*m_table, row)));
        m_runTable->setItem(row, StateColumn,
                            new QTableWidgetItem(MergeJournal::stateLabel(MergeJournal::State::Pending)));
        m_runTable->setItem(row, ReplyColumn, new QTableWidgetItem);
        m_runTable->setItem(row, TimeColumn, new QTableWidgetItem);
    }
    m_progress->setValue(0);
    m_progressText->setText(
        m_checksPassed ? tr("Ready. Messages to send: %1.").arg(m_checker ? m_checker->rowsToSend() : 0)
                       : tr("Fix the problems in step 3 first."));
    updateEstimate();
}

void BulkSendWindow::fillRunTable()
{
    if (!m_run)
        return;
    const QList<MergeJournal::Row> rows = m_run->journal().rows();
    m_runTable->setRowCount(int(rows.size()));
    for (const MergeJournal::Row &row : rows)
        updateRunRow(row.row, MergeJournal::stateLabel(row.state));
    updateProgress(m_lastNote);
    updateDoubtNotice();
}

void BulkSendWindow::updateDoubtNotice()
{
    const QList<MergeJournal::Row> inDoubt = m_run ? m_run->rowsInDoubt() : QList<MergeJournal::Row>();
    m_doubtBar->setVisible(!inDoubt.isEmpty());
    if (inDoubt.isEmpty())
        return;
    // Said once for one row and once for several: the English needs no plural forms file.
    m_doubtNotice->setText(
        inDoubt.size() == 1
            ? tr("1 row may have been delivered: Sendscope stopped after its message had left and before "
                 "the server answered. Check the recipient's mailbox or the server's log, then choose for "
                 "the selected row. Start never sends it by itself.")
            : tr("%1 rows may have been delivered: Sendscope stopped after their messages had left and "
                 "before the server answered. Check the recipients' mailboxes or the server's log, then "
                 "choose for the selected rows. Start never sends them by itself.")
                  .arg(inDoubt.size()));
    // Something to act on at once: the first row in doubt, unless the person chose rows already.
    if (selectedRowsInDoubt().isEmpty())
        m_runTable->selectRow(inDoubt.first().row - 1);
    const bool chosen = !selectedRowsInDoubt().isEmpty();
    m_markDelivered->setEnabled(chosen);
    m_sendAgain->setEnabled(chosen);
}

QList<int> BulkSendWindow::selectedRowsInDoubt() const
{
    QList<int> rows;
    if (!m_run)
        return rows;
    const QModelIndexList selected = m_runTable->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected) {
        const std::optional<MergeJournal::Row> row = m_run->journal().row(index.row() + 1);
        if (row && row->state == MergeJournal::State::Unknown)
            rows << row->row;
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

bool BulkSendWindow::resolveSelectedInDoubt(MergeJournal::Resolution resolution)
{
    const QList<int> rows = selectedRowsInDoubt();
    if (rows.isEmpty())
        return false;
    if (resolution == MergeJournal::Resolution::SendAgain && m_confirmations) {
        QStringList recipients;
        for (const int row : rows)
            recipients << tr("Row %1: %2").arg(row).arg(m_run->journal().row(row)->recipients);
        QMessageBox question(QMessageBox::Question, tr("Send again?"),
                             tr("Send again to:\n%1\n\nOnly if you found that it did not arrive. It goes "
                                "with the same Message-ID as before, so the recipient's mail program may "
                                "show it as a duplicate should the first one have arrived after all.")
                                 .arg(recipients.join(u'\n')),
                             QMessageBox::NoButton, this);
        QPushButton *send = question.addButton(tr("Send again"), QMessageBox::AcceptRole);
        question.addButton(QMessageBox::Cancel);
        question.setDefaultButton(QMessageBox::Cancel);
        question.exec();
        if (question.clickedButton() != send)
            return false;
    }
    MergeJournal::ResolveError error;
    const bool resolved = m_run->resolveInDoubt(rows, resolution, &error);
    for (const int row : rows)
        updateRunRow(row, MergeJournal::stateLabel(m_run->journal().row(row)->state));
    if (!resolved) {
        updateProgress(error.message);
        return false;
    }
    updateProgress(resolution == MergeJournal::Resolution::MarkDelivered
                       ? tr("Marked as delivered; never sent again.")
                   : isRunning() ? tr("It goes again in this run, with the same Message-ID.")
                                 : tr("Start sends it again, with the same Message-ID."));
    updateDoubtNotice();
    updateRunControls();
    return true;
}

void BulkSendWindow::updateRunRow(int row, const QString &stateText)
{
    if (!m_run || row < 1)
        return;
    const std::optional<MergeJournal::Row> recorded = m_run->journal().row(row);
    if (row > m_runTable->rowCount())
        m_runTable->setRowCount(row);
    const QStringList values{QString::number(row), recorded ? recorded->recipients : QString(), stateText,
                             recorded ? recorded->reply.simplified() : QString(),
                             recorded && recorded->updated.isValid() &&
                                     recorded->state != MergeJournal::State::Pending
                                 ? (recorded->updated.date() == QDate::currentDate()
                                        ? QLocale().toString(recorded->updated.time(), QLocale::ShortFormat)
                                        : QLocale().toString(recorded->updated, QLocale::ShortFormat))
                                 : QString()};
    for (int column = 0; column < values.size(); ++column) {
        QTableWidgetItem *item = m_runTable->item(row - 1, column);
        if (!item) {
            item = new QTableWidgetItem;
            m_runTable->setItem(row - 1, column, item);
        }
        item->setText(values.at(column));
        if (column == ReplyColumn)
            item->setToolTip(recorded ? recorded->reply : QString());
    }
    if (stateText == tr("sending…"))
        m_runTable->scrollToItem(m_runTable->item(row - 1, 0));
}

void BulkSendWindow::updateProgress(const QString &note)
{
    m_lastNote = note;
    updateEstimate();
    if (!m_run) {
        m_progressText->setText(note);
        return;
    }
    const MergeJournal &journal = m_run->journal();
    const int total = int(journal.rows().size());
    const int accepted = journal.count(MergeJournal::State::Accepted);
    const int refused = journal.count(MergeJournal::State::Refused);
    const int unknown = journal.count(MergeJournal::State::Unknown);
    m_progress->setRange(0, std::max(1, total));
    // A row in doubt is not done until someone decides it: the bar stays short of the end until then.
    m_progress->setValue(accepted + refused);
    QString text = tr("%1 of %2 accepted, %3 refused, %4 deferred, %5 in doubt.")
                       .arg(accepted)
                       .arg(total)
                       .arg(refused)
                       .arg(journal.count(MergeJournal::State::Deferred))
                       .arg(unknown);
    if (!note.isEmpty())
        text += u'\n' + note;
    m_progressText->setText(text);
}

void BulkSendWindow::updateRunControls()
{
    const bool running = isRunning();
    const bool paused = running && m_run->isPaused();
    m_start->setEnabled(!running && m_table.has_value() && (m_checksPassed || !m_checksCurrent));
    m_pause->setEnabled(running);
    m_pause->setText(paused ? tr("&Resume") : tr("&Pause"));
    m_cancel->setEnabled(running);
    const bool retryable = m_run && (m_run->journal().count(MergeJournal::State::Refused) +
                                         m_run->journal().count(MergeJournal::State::Deferred) >
                                     0);
    m_retry->setEnabled(!running && retryable);
    m_export->setEnabled(m_run && !m_run->journal().rows().isEmpty());
    // What is being sent cannot change under the run.
    for (int page = DataStep; page <= MessageStep; ++page)
        m_pages->widget(page)->setEnabled(!running);
    m_test->setEnabled(!running);
}

void BulkSendWindow::start()
{
    if (isRunning())
        return;
    if (!runChecks()) {
        showStep(CheckStep);
        return;
    }
    if (!createRun())
        return;
    m_run->start();
    updateProgress(tr("Sending…"));
    updateRunControls();
}

void BulkSendWindow::pause()
{
    if (!isRunning())
        return;
    m_run->pause();
    updateProgress(tr("Pausing after the message in flight…"));
    updateRunControls();
}

void BulkSendWindow::resume()
{
    if (!isRunning())
        return;
    m_run->resume();
    updateProgress(tr("Sending…"));
    updateRunControls();
}

void BulkSendWindow::cancelRun()
{
    if (!isRunning())
        return;
    m_run->cancel();
    updateProgress(tr("Stopping after the message in flight…"));
}

void BulkSendWindow::retryRefusedAndDeferred()
{
    // Asked for after a fix: the rows it sends again go as they are now.
    if (isRunning() || !runChecks() || !createRun(true))
        return;
    QString error;
    if (!m_run->requeue({MergeJournal::State::Refused, MergeJournal::State::Deferred}, &error)) {
        updateProgress(error);
        return;
    }
    fillRunTable();
    m_run->start();
    updateProgress(tr("Sending the refused and deferred rows again…"));
    updateRunControls();
}

void BulkSendWindow::onRunFinished(const QString &stopReason)
{
    if (const std::optional<Account> account = currentAccount(); account && m_run->serverSizeLimit() > 0)
        m_sizeLimits.insert(account->id, m_run->serverSizeLimit());
    const MergeJournal &journal = m_run->journal();
    const int left =
        journal.count(MergeJournal::State::Pending) + journal.count(MergeJournal::State::Deferred);
    updateProgress(!stopReason.isEmpty() ? stopReason
                   : left > 0            ? tr("Stopped with rows still to send; Start resumes.")
                                         : tr("Finished."));
    updateRunControls();
    emit runFinished(stopReason);
    if (m_closeWhenStopped) // later: closing may delete this window, and with it the run now emitting
        QTimer::singleShot(0, this, &QWidget::close);
}

bool BulkSendWindow::exportReport(const QString &path)
{
    if (!m_run && !createRun())
        return false;
    QString target = path;
    if (target.isEmpty()) {
        const QFileInfo dataFile(m_dataPath);
        target = QFileDialog::getSaveFileName(
            this, tr("Export report"),
            dataFile.absoluteDir().filePath(dataFile.completeBaseName() + tr("-report.csv")),
            tr("CSV (*.csv)"));
        if (target.isEmpty())
            return false;
    }
    QString error;
    if (!m_run->writeReport(target, &error)) {
        updateProgress(error);
        return false;
    }
    updateProgress(tr("Report written to %1.").arg(QDir::toNativeSeparators(target)));
    return true;
}

void BulkSendWindow::closeEvent(QCloseEvent *event)
{
    if (!isRunning()) {
        event->accept();
        return;
    }
    if (m_confirmations &&
        QMessageBox::question(this, tr("Stop the bulk send?"),
                              tr("Messages are being sent. Stop after the message in flight and close? "
                                 "Opening the same data file again resumes the run; accepted rows are "
                                 "never sent twice.")) != QMessageBox::Yes) {
        event->ignore();
        return;
    }
    m_closeWhenStopped = true;
    cancelRun();
    event->ignore(); // closes once the run has stopped
}
