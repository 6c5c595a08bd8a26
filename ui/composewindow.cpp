#include "composewindow.h"

#include "accountdialog.h"
#include "accountsignin.h"
#include "accountstore.h"
#include "addressbook.h"
#include "addressparser.h"
#include "bounceexplainerdialog.h"
#include "bulksendwindow.h"
#include "connectiontest.h"
#include "draftmessage.h"
#include "draftstore.h"
#include "mailtouri.h"
#include "mimewriter.h"
#include "passwordprompt.h"
#include "preferencesdialog.h"
#include "sandboxmailbox.h"
#include "sandboxmailboxwindow.h"
#include "screenfit.h"
#include "secretstore.h"
#include "sendcommandline.h"
#include "sendjob.h"
#include "sendservice.h"
#include "spellingcontroller.h"
#include "textstyle.h"
#include "transcriptmodel.h"
#include "transcriptpanel.h"
#include "userpreferences.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QCompleter>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QMimeDatabase>
#include <QPainter>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QScopeGuard>
#include <QStatusBar>
#include <QStringListModel>
#include <QStyle>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextEdit>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

#include <QVBoxLayout>
#include <algorithm>
#include <array>
#include <tuple>

ComposeWindow::ComposeWindow(SmtpServerSettings settings, MailAddress identity, QString accountName,
                             QWidget *parent)
    : QMainWindow(parent)
    , m_settings(std::move(settings))
    , m_identity(std::move(identity))
    , m_accountName(std::move(accountName))
    , m_transcript(new TranscriptModel(this))
{
    buildUi();
    buildToolBar();
    buildMenus();
    updateTitle();
    setAcceptDrops(true);
    ScreenFit::resizeWithin(this, {1100, 680});
    // The transcript takes up to two fifths of the width, so that a small screen keeps room to write.
    resizeDocks({findChild<QDockWidget *>(QStringLiteral("transcriptDock"))},
                {std::min(520, width() * 2 / 5)}, Qt::Horizontal);
    // After the default size, not before: a size the user chose wins (Qt keeps it within the screen).
    const auto preferences = UserPreferences::open();
    const QByteArray geometry = preferences->value(QStringLiteral("compose/geometry")).toByteArray();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    restoreState(preferences->value(QStringLiteral("compose/state")).toByteArray());
}

ComposeWindow::~ComposeWindow() = default; // a send under way belongs to the service and goes on

void ComposeWindow::buildUi()
{
    auto *central = new QWidget(this);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_fromLabel = new QLabel(m_identity.toDisplayString() + QStringLiteral("  —  ") + m_accountName, central);
    m_fromLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fromLabel->setAccessibleName(tr("From"));
    m_fromSelector = new QComboBox(central);
    m_fromSelector->setAccessibleName(tr("From"));
    m_fromSelector->setToolTip(tr("The identity and account to send with"));
    m_fromSelector->hide();
    auto *fromRow = new QHBoxLayout;
    fromRow->addWidget(m_fromLabel, 1);
    fromRow->addWidget(m_fromSelector, 1);
    auto *fromLabel = new QLabel(tr("Fro&m:"), central);
    fromLabel->setBuddy(m_fromSelector);
    form->addRow(fromLabel, fromRow);

    auto addressField = [this, central](const QString &name) {
        auto *field = new QLineEdit(central);
        field->setAccessibleName(name);
        field->setPlaceholderText(tr("name@example.com, Name <name@example.com>"));
        connect(field, &QLineEdit::textChanged, this, [this, field] { validateAddressField(field); });
        return field;
    };
    m_to = addressField(tr("To"));
    m_cc = addressField(tr("Cc"));
    m_bcc = addressField(tr("Bcc"));
    m_bccToggle = new QToolButton(central);
    m_bccToggle->setText(tr("Bcc"));
    m_bccToggle->setObjectName(QStringLiteral("bccToggle"));
    m_bccToggle->setCheckable(true);
    m_bccToggle->setToolTip(tr("Show the Bcc field: blind copies, never visible to the other recipients"));
    auto *toRow = new QHBoxLayout;
    toRow->addWidget(m_to, 1);
    toRow->addWidget(m_bccToggle);
    auto *toLabel = new QLabel(tr("&To:"), central);
    toLabel->setBuddy(m_to);
    form->addRow(toLabel, toRow);
    form->addRow(tr("&Cc:"), m_cc);
    m_bccLabel = new QLabel(tr("&Bcc:"), central);
    m_bccLabel->setBuddy(m_bcc);
    form->addRow(m_bccLabel, m_bcc);
    m_bccLabel->hide();
    m_bcc->hide();
    connect(m_bccToggle, &QToolButton::toggled, this, [this](bool on) {
        m_bccLabel->setVisible(on);
        m_bcc->setVisible(on);
        if (on)
            m_bcc->setFocus();
    });

    m_subject = new QLineEdit(central);
    m_subject->setAccessibleName(tr("Subject"));
    connect(m_subject, &QLineEdit::textChanged, this, &ComposeWindow::updateTitle);
    form->addRow(tr("Sub&ject:"), m_subject);

    m_body = new QPlainTextEdit(central);
    m_body->setAccessibleName(tr("Message text"));
    m_body->setTabChangesFocus(true);
    m_richBody = new QTextEdit(central);
    m_richBody->setAccessibleName(tr("Message text (rich)"));
    m_richBody->setTabChangesFocus(true);
    m_richBody->setAcceptRichText(true);
    m_richBody->hide();

    m_attachments = new QListWidget(central);
    m_attachments->setAccessibleName(tr("Attachments"));
    m_attachments->setMaximumHeight(90);
    m_attachments->setVisible(false);
    auto *attach = m_attach = new QPushButton(tr("&Attach…"), central);
    connect(attach, &QPushButton::clicked, this, &ComposeWindow::chooseAttachments);
    auto *remove = m_removeAttachment = new QPushButton(tr("&Remove"), central);
    remove->setToolTip(tr("Remove the selected attachment"));
    remove->setObjectName(QStringLiteral("removeAttachment"));
    // One click: the selected attachments go, or else the current one (the last added).
    auto removeAttachments = [this] {
        QList<QListWidgetItem *> items = m_attachments->selectedItems();
        if (items.isEmpty() && m_attachments->currentItem())
            items << m_attachments->currentItem();
        qDeleteAll(items);
        m_attachments->setVisible(m_attachments->count() > 0);
    };
    connect(remove, &QPushButton::clicked, this, removeAttachments);
    auto *deleteKey = new QAction(m_attachments);
    deleteKey->setShortcut(QKeySequence::Delete);
    deleteKey->setShortcutContext(Qt::WidgetShortcut);
    connect(deleteKey, &QAction::triggered, this, removeAttachments);
    m_attachments->addAction(deleteKey);

    m_status = new QLabel(central);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::RichText);
    // Word-wrapped rich text must be allowed to grow, or all but its first line is clipped.
    m_status->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse |
                                      Qt::LinksAccessibleByKeyboard);
    m_status->setAccessibleName(tr("Sending status"));
    // "Sign in again…" after a send that needs a sign-in (sendscope:sign-in[:provider]).
    connect(m_status, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link.startsWith(QStringLiteral("sendscope:sign-in")))
            signInAgain(link.section(u':', 2));
        else if (link == QStringLiteral("sendscope:password-again"))
            enterPasswordAgain();
        else if (link == QStringLiteral("sendscope:edit-account"))
            editAccount();
    });
    m_progress = new QProgressBar(central);
    m_progress->setVisible(false);
    m_progress->setAccessibleName(tr("Sending progress"));
    m_send = new QPushButton(tr("&Send"), central);
    m_send->setDefault(true);
    m_send->setToolTip(tr("Send (Ctrl+Return)"));
    m_cancel = new QPushButton(tr("Cancel"), central);
    m_cancel->setEnabled(false);
    connect(m_send, &QPushButton::clicked, this, &ComposeWindow::send);
    connect(m_cancel, &QPushButton::clicked, this, &ComposeWindow::cancel);
    m_sendAction = new QAction(tr("Send"), this);
    m_sendAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    connect(m_sendAction, &QAction::triggered, this, &ComposeWindow::send);
    addAction(m_sendAction);

    // After a send: what happened, and what can be done with a sent message (never Send again).
    m_sentBanner = new QFrame(central);
    m_sentBanner->setObjectName(QStringLiteral("sentBanner"));
    static_cast<QFrame *>(m_sentBanner)->setFrameShape(QFrame::StyledPanel);
    m_sentBanner->setAutoFillBackground(true);
    m_sentText = new QLabel(m_sentBanner);
    m_sentText->setWordWrap(true);
    m_sentText->setTextFormat(Qt::RichText);
    m_sentText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_sentText->setAccessibleName(tr("Sent"));
    auto *newFromSent = new QPushButton(tr("&New message"), m_sentBanner);
    newFromSent->setObjectName(QStringLiteral("newMessageAfterSend"));
    connect(newFromSent, &QPushButton::clicked, this, &ComposeWindow::newMessageRequested);
    auto *editAsNewButton = new QPushButton(tr("&Edit as new"), m_sentBanner);
    editAsNewButton->setObjectName(QStringLiteral("editAsNew"));
    editAsNewButton->setToolTip(tr("A copy of this message as a new one, with a Message-ID of its own"));
    connect(editAsNewButton, &QPushButton::clicked, this, &ComposeWindow::editAsNew);
    m_sendRefused = new QPushButton(tr("Send to the refused recipients onl&y…"), m_sentBanner);
    m_sendRefused->setObjectName(QStringLiteral("sendToRefused"));
    connect(m_sendRefused, &QPushButton::clicked, this, &ComposeWindow::prepareForRefusedRecipients);
    auto *closeSent = new QPushButton(tr("C&lose"), m_sentBanner);
    closeSent->setObjectName(QStringLiteral("closeAfterSend"));
    connect(closeSent, &QPushButton::clicked, this, &QWidget::close);
    auto *bannerButtons = new QHBoxLayout;
    bannerButtons->addWidget(newFromSent);
    bannerButtons->addWidget(editAsNewButton);
    bannerButtons->addWidget(m_sendRefused);
    bannerButtons->addStretch(1);
    bannerButtons->addWidget(closeSent);
    auto *bannerLayout = new QVBoxLayout(m_sentBanner);
    bannerLayout->addWidget(m_sentText);
    bannerLayout->addLayout(bannerButtons);
    m_sentBanner->hide();

    m_showProblem = new QPushButton(tr("Show &what went wrong"), central);
    m_showProblem->setToolTip(tr("Select the reply that caused the failure in the transcript"));
    m_showProblem->setVisible(false);
    connect(m_showProblem, &QPushButton::clicked, this, [this] { m_transcriptPanel->showProblem(); });
    auto *pasteAction = new QAction(tr("Paste files as attachments"), this);
    pasteAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    connect(pasteAction, &QAction::triggered, this, &ComposeWindow::pasteAttachments);
    addAction(pasteAction);
    // Ctrl+V on the attachment list pastes files too.
    auto *listPaste = new QAction(m_attachments);
    listPaste->setShortcut(QKeySequence::Paste);
    listPaste->setShortcutContext(Qt::WidgetShortcut);
    connect(listPaste, &QAction::triggered, this, &ComposeWindow::pasteAttachments);
    m_attachments->addAction(listPaste);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(attach);
    buttons->addWidget(remove);
    buttons->addWidget(m_showProblem);
    buttons->addStretch(1);
    buttons->addWidget(m_progress, 2);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_send);

    // The first start sends to the built-in sandbox: say plainly that nothing leaves this computer.
    m_sandboxBanner = new QFrame(central);
    m_sandboxBanner->setObjectName(QStringLiteral("sandboxBanner"));
    static_cast<QFrame *>(m_sandboxBanner)->setFrameShape(QFrame::StyledPanel);
    auto *sandboxText = new QLabel(tr("Sending with the Local sandbox: messages are kept on this computer "
                                      "and delivered to no one."),
                                   m_sandboxBanner);
    sandboxText->setWordWrap(true);
    auto *setUp = new QPushButton(tr("Set up a real account…"), m_sandboxBanner);
    setUp->setObjectName(QStringLiteral("setUpRealAccount"));
    connect(setUp, &QPushButton::clicked, this, &ComposeWindow::newAccount);
    auto *sandboxLayout = new QHBoxLayout(m_sandboxBanner);
    sandboxLayout->addWidget(sandboxText, 1);
    sandboxLayout->addWidget(setUp);
    m_sandboxBanner->hide();

    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_sandboxBanner);
    layout->addWidget(m_sentBanner);
    layout->addLayout(form);
    layout->addWidget(m_body, 1);
    layout->addWidget(m_richBody, 1);
    layout->addWidget(m_attachments);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
    setCentralWidget(central);

    m_transcriptPanel = new TranscriptPanel(m_transcript, this);
    auto *dock = new QDockWidget(tr("SMTP transcript"), this);
    dock->setObjectName(QStringLiteral("transcriptDock"));
    dock->setWidget(m_transcriptPanel);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::RightDockWidgetArea, dock);

    for (QWidget *target :
         std::initializer_list<QWidget *>{m_body->viewport(), m_richBody->viewport(), m_to, m_cc, m_bcc,
                                          m_subject, m_attachments->viewport()})
        target->installEventFilter(this);

    setTabOrder(m_to, m_cc);
    setTabOrder(m_cc, m_bcc);
    setTabOrder(m_bcc, m_subject);
    setTabOrder(m_subject, m_body);
    m_to->setFocus();
}

void ComposeWindow::validateAddressField(QLineEdit *field)
{
    if (field->text().trimmed().isEmpty()) {
        field->setStyleSheet({});
        field->setToolTip({});
        return;
    }
    AddressParser::Error error;
    AddressParser::parseList(field->text(), &error);
    const bool bad = error.code != AddressParser::ErrorCode::None;
    // A red frame that reads in light and dark palettes; the reason is in the tooltip.
    field->setStyleSheet(bad ? QStringLiteral("QLineEdit { border: 2px solid #d93025; border-radius: 3px; }")
                             : QString());
    field->setToolTip(bad ? Qt::convertFromPlainText(error.message) : QString()); // it quotes the text
}

void ComposeWindow::updateTitle()
{
    const QString subject = m_subject->text().trimmed();
    setWindowTitle((subject.isEmpty() ? tr("(no subject)") : subject) + QStringLiteral(" — Sendscope"));
}

void ComposeWindow::addAttachment(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable()) {
        showStatus(tr("Cannot attach %1: the file cannot be read.").arg(path).toHtmlEscaped(), true);
        return;
    }
    const QString type = QMimeDatabase().mimeTypeForFile(info).comment();
    auto *item = new QListWidgetItem(
        QStringLiteral("%1  (%2, %3)").arg(info.fileName(), QLocale().formattedDataSize(info.size()), type),
        m_attachments);
    item->setData(Qt::UserRole, info.absoluteFilePath());
    item->setToolTip(Qt::convertFromPlainText(info.absoluteFilePath()));
    m_attachments->setCurrentItem(item);
    m_attachments->setVisible(true);
}

void ComposeWindow::chooseAttachments()
{
    const QStringList paths =
        QFileDialog::getOpenFileNames(this, tr("Attach files"), UserPreferences::attachFolder());
    if (!paths.isEmpty())
        UserPreferences::setAttachFolder(QFileInfo(paths.first()).absolutePath());
    for (const QString &path : paths)
        addAttachment(path);
}

static bool holdsLocalFiles(const QMimeData *data)
{
    const QList<QUrl> urls = data ? data->urls() : QList<QUrl>();
    return std::any_of(urls.begin(), urls.end(), [](const QUrl &url) { return url.isLocalFile(); });
}

void ComposeWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (holdsLocalFiles(event->mimeData()))
        event->acceptProposedAction();
}

void ComposeWindow::dropEvent(QDropEvent *event)
{
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            addAttachment(url.toLocalFile());
    }
    event->acceptProposedAction();
}

bool ComposeWindow::eventFilter(QObject *watched, QEvent *event)
{
    // The text editors and fields take a dropped file as text (its file:/// URL); anywhere in the
    // window, a file attaches. Dropped text, and links to the web, still go in as text.
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *drag = static_cast<QDragMoveEvent *>(event);
        if (!holdsLocalFiles(drag->mimeData()))
            break;
        if (m_sentView)
            drag->ignore();
        else
            drag->acceptProposedAction();
        return true;
    }
    case QEvent::Drop: {
        auto *drop = static_cast<QDropEvent *>(event);
        if (!holdsLocalFiles(drop->mimeData()))
            break;
        if (!m_sentView)
            dropEvent(drop);
        return true;
    }
    default:
        break;
    }
    return QMainWindow::eventFilter(watched, event);
}

void ComposeWindow::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_showProblem->setVisible(error && m_transcript->totalCount() > 0);
    QPalette palette = m_status->palette();
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    palette.setColor(QPalette::WindowText, error
                                               ? (dark ? QColor(0xf2, 0x8b, 0x82) : QColor(0xc5, 0x22, 0x1f))
                                               : QApplication::palette().color(QPalette::WindowText));
    m_status->setPalette(palette);
}

void ComposeWindow::setSending(bool sending)
{
    m_send->setEnabled(!sending);
    m_cancel->setEnabled(sending);
    m_progress->setVisible(sending);
    for (QWidget *field : {static_cast<QWidget *>(m_to), static_cast<QWidget *>(m_cc),
                           static_cast<QWidget *>(m_bcc), static_cast<QWidget *>(m_subject)})
        field->setEnabled(!sending);
    m_body->setReadOnly(sending);
    m_richBody->setReadOnly(sending);
    updateMessageOptions();
}

std::optional<MimeMessage> ComposeWindow::buildMessage()
{
    DraftMessage::Problem problem;
    std::optional<MimeMessage> message =
        DraftMessage::build(currentDraft(), currentAccount(), m_identity, &problem);
    if (!message) {
        switch (problem.field) {
        case DraftMessage::Field::To:
            m_to->setFocus();
            break;
        case DraftMessage::Field::Cc:
            m_cc->setFocus();
            break;
        case DraftMessage::Field::Bcc:
            m_bccToggle->setChecked(true);
            m_bcc->setFocus();
            break;
        case DraftMessage::Field::From:
            m_fromSelector->setFocus();
            break;
        case DraftMessage::Field::None:
            break;
        }
        showStatus(problem.message.toHtmlEscaped(), true);
    }
    return message;
}

SendService *ComposeWindow::sendService()
{
    if (!m_service)
        m_service = new SendService(m_accounts, m_secrets, nullptr, this);
    return m_service;
}

void ComposeWindow::send()
{
    // One send at a time, and a sent message never again: a second Ctrl+Return or click does nothing.
    if (m_job || m_sendStarting || m_sentView)
        return;
    m_sendStarting = true;
    const auto done = qScopeGuard([this] { m_sendStarting = false; });
    std::optional<MimeMessage> message = buildMessage();
    if (!message)
        return;

    if (m_confirmations) {
        // No is the default: Return in a hurry must not send what the person is being warned about.
        const auto sendAnyway = [this](const QString &title, const QString &question) {
            return QMessageBox::question(this, title, question, QMessageBox::Yes | QMessageBox::No,
                                         QMessageBox::No) == QMessageBox::Yes;
        };
        if (message->subject.trimmed().isEmpty() &&
            !sendAnyway(tr("No subject"), tr("This message has no subject. Send it anyway?")))
            return;
        static const QRegularExpression mentionsAttachment(QStringLiteral("\\battach|附件"),
                                                           QRegularExpression::CaseInsensitiveOption);
        if (message->attachments.isEmpty() &&
            mentionsAttachment.match(message->text + message->subject).hasMatch() &&
            !sendAnyway(tr("Forgotten attachment?"),
                        tr("The message mentions an attachment, but nothing is attached. Send it anyway?")))
            return;
    }

    const std::optional<Account> account = currentAccount();
    // Asked when the keychain cannot give the password; nobody is asked in an unattended window.
    const SendJob::SecretPrompt passwordPrompt =
        m_unattended ? SendJob::SecretPrompt() : passwordPromptFor(this);
    if (m_drafts && account) {
        // The stored message is what is sent, and where its state is kept: save what the window shows.
        saveDraftNow();
        const std::optional<Draft> stored = m_drafts->load(m_draftId);
        if (!stored)
            return; // saveDraftNow() said why
        SendService::DraftOptions options;
        if (stored->deliveryUncertain) {
            // Only the person may send a message again that the server may already have.
            if (m_unattended ||
                QMessageBox::warning(this, tr("Send again?"),
                                     tr("This message may already have been delivered: %1\n\nSend it again "
                                        "anyway? Recipients who got it will get a second copy.")
                                         .arg(stored->errorSummary),
                                     QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes)
                return;
            options.resendUncertain = true;
        }
        options.prompt = passwordPrompt;
        attachJob(sendService()->sendDraft(m_draftId, options));
        return;
    }
    // No stored messages (explicit server settings): the service sends it all the same, unrecorded.
    const Draft draft = currentDraft();
    if (draft.requestDeliveryReceipt && message->messageId.isEmpty()) // the ENVID is made from it
        message->messageId =
            MimeWriter::newMessageId(message->from.asciiDomain(), QDateTime::currentDateTime());
    QString error;
    std::optional<OutgoingMessage> outgoing = SendService::outgoing(*message, &error);
    if (!outgoing) {
        showStatus(error.toHtmlEscaped(), true);
        return;
    }
    outgoing->dsn = DraftMessage::deliveryReceipt(draft, message->messageId);
    SendService::MessageRequest request;
    request.settings = account ? sendService()->settingsFor(*account) : m_settings;
    request.account = account;
    if (account && account->needsSecret())
        request.prompt = passwordPrompt;
    request.notes = SendService::requestNotes(*message);
    request.message = std::move(*outgoing);
    attachJob(sendService()->sendMessage(std::move(request)));
}

void ComposeWindow::attachJob(SendJob *job)
{
    if (!job || m_job == job)
        return;
    m_job = job;
    connect(job, &SendJob::transcriptEntryAdded, m_transcript, &TranscriptModel::append);
    connect(job, &SendJob::statusChanged, this, [this](const QString &status) { showStatus(status, false); });
    connect(job, &SendJob::progressed, this, [this](qint64 sent, qint64 total) {
        m_progress->setMaximum(1000);
        m_progress->setValue(total > 0 ? static_cast<int>(sent * 1000 / total) : 0);
    });
    connect(job, &SendJob::finished, this, &ComposeWindow::onSendFinished);
    m_autosave->stop();
    setSending(true);
    m_progress->setRange(0, 0); // busy until the body starts
    showStatus(tr("Sending…"), false);
}

void ComposeWindow::cancel()
{
    if (m_job)
        m_job->cancel();
}

void ComposeWindow::onSendFinished(const SendReport &report)
{
    m_job = nullptr;
    if (report.serverExtensions)
        m_lastExtensions = report.serverExtensions;
    setSending(false);
    const SmtpError &error = report.error;
    if (report.delivered()) {
        Draft sent = currentDraft();
        if (m_drafts && !report.draftId.isEmpty()) {
            if (const std::optional<Draft> stored = m_drafts->load(report.draftId))
                sent = *stored;
        } else {
            sent.state = Draft::State::Sent;
            sent.sentAt = report.finishedAt;
            sent.acceptedRecipients = report.accepted;
            sent.refusedRecipients = report.refused;
            sent.refusedExplanation = report.refused.isEmpty() ? QString() : error.explanation;
            sent.queueId = report.queueId;
        }
        recordRecipients(report);
        showSentView(sent);
        emit sendFinished({});
        return;
    }
    if (!report.refusedPermanently.isEmpty() && m_addressBook) {
        m_addressBook->forget(report.refusedPermanently); // refused for good: not offered again
        m_addressBook->save();
    }
    if (m_drafts && !report.draftId.isEmpty()) {
        if (const std::optional<Draft> stored = m_drafts->load(report.draftId)) {
            m_draftState = stored->state;
            if (stored->state == Draft::State::Sent) { // sent before, by another attempt
                showSentView(*stored);
                showStatus(QStringLiteral("<b>%1</b><br>%2")
                               .arg(error.summary.toHtmlEscaped(), error.explanation.toHtmlEscaped()),
                           true);
                emit sendFinished(error);
                return;
            }
        }
    }
    QString text = QStringLiteral("<b>%1</b>").arg(error.summary.toHtmlEscaped());
    if (!error.explanation.isEmpty())
        text += QStringLiteral("<br>") + error.explanation.toHtmlEscaped();
    // Only a person in a browser can renew a sign-in, or switch a password account to one.
    const std::optional<Account> account = currentAccount();
    const std::optional<OAuthProvider> offer =
        account && !report.signInRequired ? AccountSignIn::offerFor(error, *account) : std::nullopt;
    if (report.signInRequired)
        text += QStringLiteral("<br><a href=\"sendscope:sign-in\">%1</a>")
                    .arg(tr("Sign in again…").toHtmlEscaped());
    else if (offer)
        text += QStringLiteral("<br><a href=\"sendscope:sign-in:%1\">%2</a>")
                    .arg(offer->id.toHtmlEscaped(), tr("Sign in with %1…").arg(offer->name).toHtmlEscaped());
    else if (report.loginRefused() && account && !account->isSandbox && account->needsSecret() &&
             !account->usesToken())
        text += QStringLiteral("<br><a href=\"sendscope:password-again\">%1</a>&nbsp;&nbsp; "
                               "<a href=\"sendscope:edit-account\">%2</a>")
                    .arg(tr("Enter password again…").toHtmlEscaped(), tr("Edit account…").toHtmlEscaped());
    switch (report.outcome) {
    case SendReport::Outcome::Uncertain:
        text += QStringLiteral("<br>") +
                tr("It may have been delivered; check before sending again.").toHtmlEscaped();
        text +=
            QStringLiteral("<br><i>%1</i>")
                .arg(
                    tr("It waits in the outbox and is not sent again unless you choose to.").toHtmlEscaped());
        break;
    case SendReport::Outcome::Failed:
        text += QStringLiteral("<br><i>%1</i>")
                    .arg(tr("The message is still here: fix the problem and send again.").toHtmlEscaped());
        break;
    case SendReport::Outcome::Cancelled:
    case SendReport::Outcome::NotAttempted:
    case SendReport::Outcome::Sent:
    case SendReport::Outcome::PartiallySent:
        break;
    }
    showStatus(text, report.outcome != SendReport::Outcome::Cancelled);
    emit sendFinished(error);
}

void ComposeWindow::recordRecipients(const SendReport &report)
{
    if (!m_addressBook)
        return;
    QList<MailAddress> used;
    for (QLineEdit *field : {m_to, m_cc, m_bcc}) {
        AddressParser::Error parseError;
        used << AddressParser::parseList(field->text(), &parseError);
    }
    m_addressBook->recordSend(used, report.refused, report.refusedPermanently);
    m_addressBook->save();
}

void ComposeWindow::showSentView(const Draft &draft)
{
    m_sentView = true;
    m_sent = true; // nothing to keep: closing asks nothing
    m_autosave->stop();
    m_draftState = Draft::State::Sent;
    m_refused = draft.refusedRecipients;
    const QString when = QLocale().toString(draft.sentAt.time(), QLocale::ShortFormat);
    const qsizetype count = draft.acceptedRecipients.size();
    QString text = QStringLiteral("<b>%1</b>")
                       .arg((count == 1 ? tr("Sent at %1 to 1 recipient.").arg(when)
                                        : tr("Sent at %1 to %2 recipients.").arg(when).arg(count))
                                .toHtmlEscaped());
    const std::optional<Account> account = currentAccount();
    if (account && account->isSandbox) {
        text += QStringLiteral("<br>") +
                tr("Kept in the sandbox mailbox on this computer, not delivered to anyone.").toHtmlEscaped();
        statusBar()->showMessage(tr("Sent to the sandbox: kept in the sandbox mailbox, not delivered."));
    }
    if (!draft.queueId.isEmpty())
        text += QStringLiteral("<br>") + tr("The server queued it as %1.").arg(draft.queueId).toHtmlEscaped();
    if (draft.requestDeliveryReceipt)
        text +=
            QStringLiteral("<br>") +
            (serverOffersDsn() == false
                 ? tr("No delivery receipt: this server does not offer delivery receipts (DSN).")
                 : tr("Delivery receipt requested: the server reports delivery, delay or failure to you."))
                .toHtmlEscaped();
    if (draft.requestReadReceipt)
        text +=
            QStringLiteral("<br>") +
            tr("Read receipt requested: the recipient's mail program may send one, or not.").toHtmlEscaped();
    if (!m_refused.isEmpty()) {
        text += QStringLiteral("<br>") + tr("Already received by: %1.")
                                             .arg(draft.acceptedRecipients.join(QStringLiteral(", ")))
                                             .toHtmlEscaped();
        text += QStringLiteral("<br><b>%1</b> %2")
                    .arg(tr("Refused for: %1.").arg(m_refused.join(QStringLiteral(", "))).toHtmlEscaped(),
                         draft.refusedExplanation.toHtmlEscaped());
    }
    m_sentText->setText(text);
    m_sendRefused->setVisible(!m_refused.isEmpty());
    m_sentBanner->show();
    m_sandboxBanner->hide(); // the sent banner says it
    m_status->clear();
    m_showProblem->setVisible(!m_refused.isEmpty());
    for (QLineEdit *field : {m_to, m_cc, m_bcc, m_subject})
        field->setReadOnly(true);
    m_fromSelector->setEnabled(false);
    m_body->setReadOnly(true);
    m_richBody->setReadOnly(true);
    m_spelling->setSuspended(true);
    m_attach->setEnabled(false);
    m_removeAttachment->setEnabled(false);
    m_send->hide();
    m_cancel->hide();
    m_sendAction->setEnabled(false);
    updateMessageOptions();
    setWindowTitle(tr("Sent: %1").arg(windowTitle()));
}

void ComposeWindow::leaveSentView()
{
    m_sentView = false;
    m_sent = false;
    m_refused.clear();
    m_sentBanner->hide();
    updateSandboxBanner();
    for (QLineEdit *field : {m_to, m_cc, m_bcc, m_subject})
        field->setReadOnly(false);
    m_fromSelector->setEnabled(true);
    m_body->setReadOnly(false);
    m_richBody->setReadOnly(false);
    m_spelling->setSuspended(false);
    m_attach->setEnabled(true);
    m_removeAttachment->setEnabled(true);
    m_send->show();
    m_cancel->show();
    m_sendAction->setEnabled(true);
    // A new message: a new draft, and a Message-ID of its own when it is queued.
    m_draftId.clear();
    m_draftState = Draft::State::Draft;
    updateMessageOptions();
    updateTitle();
}

void ComposeWindow::editAsNew()
{
    if (!m_sentView)
        return;
    leaveSentView();
    showStatus(tr("A copy of the sent message, as a new message. Nothing is sent until you press Send."),
               false);
    m_to->setFocus();
    scheduleAutosave();
}

void ComposeWindow::prepareForRefusedRecipients()
{
    if (!m_sentView || m_refused.isEmpty())
        return;
    const QStringList refused = m_refused;
    const Draft restricted = DraftMessage::restrictedTo(currentDraft(), refused);
    leaveSentView();
    m_to->setText(restricted.to);
    m_cc->setText(restricted.cc);
    m_bcc->setText(restricted.bcc);
    m_bccToggle->setChecked(!restricted.bcc.isEmpty());
    showStatus(tr("A new message with the same content, only to the recipients who did not get it: %1. "
                  "Correct their addresses if needed, then send.")
                   .arg(refused.join(QStringLiteral(", ")))
                   .toHtmlEscaped(),
               false);
    m_to->setFocus();
    scheduleAutosave();
}

void ComposeWindow::closeEvent(QCloseEvent *event)
{
    if (m_job) {
        if (m_unattended ||
            QMessageBox::question(this, tr("Sending"),
                                  tr("The message is still being sent. Stop sending and close?")) !=
                QMessageBox::Yes) {
            event->ignore();
            return;
        }
        m_job->cancel();
    }
    if (m_drafts && !m_sent && !currentDraft().isEmpty()) {
        if (m_confirmations && m_draftState == Draft::State::Draft) {
            const auto answer = QMessageBox::question(
                this, tr("Keep this message?"), tr("Keep this message in drafts, to finish it later?"),
                QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
            if (answer == QMessageBox::Cancel) {
                event->ignore();
                return;
            }
            if (answer == QMessageBox::Discard)
                discardDraft();
            else
                saveDraftNow();
        } else {
            saveDraftNow(); // nothing is lost without asking
        }
    }
    if (isVisible()) { // a window that retried an outbox message unseen has no geometry worth keeping
        const auto preferences = UserPreferences::open();
        preferences->setValue(QStringLiteral("compose/geometry"), saveGeometry());
        preferences->setValue(QStringLiteral("compose/state"), saveState());
    }
    event->accept();
}

void ComposeWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newMessage = file->addAction(tr("&New message"), this, &ComposeWindow::newMessageRequested);
    newMessage->setShortcut(QKeySequence::New);
    QAction *bulkSend = file->addAction(tr("New &bulk send…"), this, [this] {
        // A window of its own, not the compose window's child: closing this message must not end a
        // run that is under way. It deletes itself when closed, which asks first during a run. Only a
        // window that owns its send service (no desk: tests) keeps the run as its child.
        SendService *service = sendService();
        auto *window = new BulkSendWindow(m_accounts, service, service->parent() == this ? this : nullptr);
        window->setAttribute(Qt::WA_DeleteOnClose);
        window->setComposeTemplate(currentDraft());
        window->show();
    });
    bulkSend->setObjectName(QStringLiteral("newBulkSend"));
    file->addAction(m_saveDraftAction);
    file->addAction(m_attachAction);
    file->addSeparator();
    QAction *saveEml = file->addAction(tr("Save as .&eml…"), this, [this] { saveAsEml(); });
    saveEml->setObjectName(QStringLiteral("saveAsEml"));
    QAction *command = file->addAction(tr("Copy as co&mmand"), this, [this] { copyAsCommand(); });
    command->setObjectName(QStringLiteral("copyAsCommand"));
    command->setToolTip(
        tr("The same send as a 'sendscope send' command line, without the password, to hand to an "
           "administrator"));
    QAction *discard = file->addAction(tr("&Discard draft…"), this, &ComposeWindow::discardWithConfirmation);
    discard->setObjectName(QStringLiteral("discardDraft"));
    QAction *explainBounce = file->addAction(tr("E&xplain a bounce…"), this, [this] {
        auto *dialog = new BounceExplainerDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    explainBounce->setObjectName(QStringLiteral("explainBounce"));
    file->addSeparator();
    QAction *preferences = file->addAction(tr("&Preferences…"), this, [this] {
        PreferencesDialog dialog(this);
        if (dialog.exec() == QDialog::Accepted && dialog.apply())
            statusBar()->showMessage(tr("The new language takes effect the next time Sendscope starts."));
    });
    preferences->setObjectName(QStringLiteral("preferences"));
    preferences->setShortcut(QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    QAction *closeAction = file->addAction(tr("&Close"), this, &QWidget::close);
    closeAction->setShortcut(QKeySequence::Close);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    QMenu *format = menuBar()->addMenu(tr("F&ormat"));
    m_richAction = format->addAction(tr("&Rich text (adds an HTML version)"));
    m_richAction->setObjectName(QStringLiteral("richText"));
    m_richAction->setCheckable(true);
    connect(m_richAction, &QAction::toggled, this, &ComposeWindow::setRichText);
    format->addSeparator();
    const std::array styles{
        std::tuple{tr("&Bold"), QKeySequence(QKeySequence::Bold), TextStyle::Bold},
        std::tuple{tr("&Italic"), QKeySequence(QKeySequence::Italic), TextStyle::Italic},
        std::tuple{tr("&Underline"), QKeySequence(QKeySequence::Underline), TextStyle::Underline}};
    for (const auto &[text, key, textStyle] : styles) {
        QAction *style = format->addAction(text);
        style->setShortcut(key);
        style->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_richBody->addAction(style);
        connect(style, &QAction::triggered, this,
                [this, textStyle = textStyle] { toggleTextStyle(m_richBody, textStyle); });
    }
    // As in other mail programs' compose windows: what this message asks of the server and the recipients.
    QMenu *options = menuBar()->addMenu(tr("O&ptions"));
    options->setObjectName(QStringLiteral("optionsMenu"));
    options->addAction(m_deliveryReceiptAction);
    options->addAction(m_readReceiptAction);
    options->addSeparator();
    options->addMenu(m_priorityMenu);
    m_spelling = new SpellingController(m_body, m_richBody, this);
    m_spelling->addMenuEntries(format);
    view->setObjectName(QStringLiteral("viewMenu"));
    QAction *outbox = view->addAction(tr("&Outbox"), this, &ComposeWindow::outboxRequested);
    outbox->setObjectName(QStringLiteral("showOutbox"));
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    help->addAction(tr("&About Sendscope"), this, [this] {
        QMessageBox::about(this, tr("About Sendscope"),
                           tr("<b>Sendscope %1</b><br>Compose mail and see the SMTP conversation.<br><br>"
                              "Qt %2 (built with %3)<br>TLS: %4 (built with %5)")
                               .arg(QStringLiteral(SENDSCOPE_VERSION), QString::fromLatin1(qVersion()),
                                    QStringLiteral(QT_VERSION_STR), ConnectionTest::tlsLibraryVersion(),
                                    ConnectionTest::tlsLibraryBuildVersion()));
    });

    m_autosave = new QTimer(this);
    m_autosave->setSingleShot(true);
    m_autosave->setInterval(3000);
    connect(m_autosave, &QTimer::timeout, this, &ComposeWindow::saveDraftNow);
}

void ComposeWindow::setAutosaveDelay(int milliseconds)
{
    m_autosave->setInterval(milliseconds);
}

void ComposeWindow::setDraftStore(DraftStore *drafts)
{
    m_drafts = drafts;
    for (QLineEdit *field : {m_to, m_cc, m_bcc, m_subject})
        connect(field, &QLineEdit::textChanged, this, &ComposeWindow::scheduleAutosave);
    connect(m_body, &QPlainTextEdit::textChanged, this, &ComposeWindow::scheduleAutosave);
    connect(m_richBody, &QTextEdit::textChanged, this, &ComposeWindow::scheduleAutosave);
    connect(m_attachments->model(), &QAbstractItemModel::rowsInserted, this,
            &ComposeWindow::scheduleAutosave);
    connect(m_attachments->model(), &QAbstractItemModel::rowsRemoved, this, &ComposeWindow::scheduleAutosave);
    connect(m_spelling, &SpellingController::languageChosen, this, &ComposeWindow::scheduleAutosave);
    updateMessageOptions();
}

void ComposeWindow::scheduleAutosave()
{
    if (m_sentView)
        return; // a sent message does not change
    m_sent = false;
    if (m_drafts && !m_job)
        m_autosave->start();
}

Draft ComposeWindow::currentDraft() const
{
    Draft draft;
    if (m_drafts) {
        if (const std::optional<Draft> stored = m_drafts->load(m_draftId))
            draft = *stored; // keeps the outbox error and the attempts
    }
    draft.id = m_draftId;
    if (draft.created.isNull())
        draft.state = m_draftState; // only the send service changes a stored message's state
    if (m_fromSelector->isVisible() || m_accounts) {
        draft.accountId = m_fromSelector->currentData().toString();
        draft.identityIndex = m_fromSelector->currentData(Qt::UserRole + 1).toInt();
    }
    draft.to = m_to->text();
    draft.cc = m_cc->text();
    draft.bcc = m_bcc->text();
    draft.subject = m_subject->text();
    // The automatic signature is not part of what the user wrote: an untouched draft stays empty.
    QString text = m_body->toPlainText();
    if (!m_signatureBlock.isEmpty() && text.endsWith(m_signatureBlock) &&
        text.size() == m_signatureBlock.size())
        text.clear();
    draft.text = text;
    if (isRichText()) {
        draft.text = m_richBody->toPlainText();
        draft.html = m_richBody->toHtml();
    }
    draft.attachments.clear();
    for (int i = 0; i < m_attachments->count(); ++i)
        draft.attachments << m_attachments->item(i)->data(Qt::UserRole).toString();
    draft.requestDeliveryReceipt = m_deliveryReceiptAction->isChecked();
    draft.requestReadReceipt = m_readReceiptAction->isChecked();
    draft.priority = priority();
    draft.spellingLanguage = m_spelling->chosenLanguage();
    return draft;
}

bool ComposeWindow::saveDraftNow()
{
    m_autosave->stop();
    if (!m_drafts)
        return false;
    Draft draft = currentDraft();
    if (draft.isEmpty() && draft.id.isEmpty())
        return false; // nothing written yet
    if (draft.isLocked() || m_sentView)
        return false; // on its way or sent: what was sent is what stays stored
    if (!m_drafts->save(draft)) {
        showStatus(m_drafts->errorString().toHtmlEscaped(), true);
        return false;
    }
    m_draftId = draft.id;
    emit draftSaved(draft.id);
    return true;
}

void ComposeWindow::saveDraftExplicitly()
{
    if (!m_drafts || m_sentView)
        return; // the action is disabled then; a shortcut may still arrive
    if (m_job) {
        statusBar()->showMessage(tr("The message is being sent; it is kept as it is sent."), 10000);
        return;
    }
    const Draft draft = currentDraft();
    if (draft.isEmpty() && draft.id.isEmpty()) {
        statusBar()->showMessage(tr("Nothing to save yet: the message is empty."), 10000);
        return;
    }
    if (saveDraftNow())
        statusBar()->showMessage(
            tr("Draft saved at %1").arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
}

void ComposeWindow::discardWithConfirmation()
{
    if (m_job) {
        showStatus(tr("The message is being sent; it cannot be discarded now."), true);
        return;
    }
    const bool inOutbox = m_draftState == Draft::State::Outbox;
    if (!m_sentView && !currentDraft().isEmpty() && m_confirmations) {
        QMessageBox question(QMessageBox::Warning, tr("Discard this message?"),
                             inOutbox
                                 ? tr("It waits in the outbox. Discarding removes it from the outbox and "
                                      "from this window; it cannot be brought back.")
                                 : tr("The draft is deleted; it cannot be brought back."),
                             QMessageBox::Cancel, this);
        QPushButton *discard = question.addButton(tr("&Discard"), QMessageBox::DestructiveRole);
        question.setDefaultButton(QMessageBox::Cancel);
        question.exec();
        if (question.clickedButton() != discard)
            return;
    }
    if (!m_sentView)
        discardDraft(); // a sent message's record stays: it tells that it was sent
    clearMessage();
    statusBar()->showMessage(inOutbox ? tr("Discarded; removed from the outbox.") : tr("Discarded."), 10000);
}

void ComposeWindow::clearMessage()
{
    if (m_sentView)
        leaveSentView();
    m_autosave->stop();
    m_draftId.clear();
    m_draftState = Draft::State::Draft;
    for (QLineEdit *field : {m_to, m_cc, m_bcc, m_subject})
        field->clear();
    m_bccToggle->setChecked(false);
    m_signatureBlock.clear();
    m_body->clear();
    m_richBody->clear();
    m_attachments->clear();
    m_attachments->setVisible(false);
    m_status->clear();
    m_showProblem->setVisible(false);
    applySignature();
    m_receiptsChosen = false; // a new message: the account's defaults again
    setPriority(MimeMessage::Priority::Normal);
    applyAccountDefaults();
    m_autosave->stop();
    m_sent = false;
    m_to->setFocus();
}

void ComposeWindow::discardDraft()
{
    m_autosave->stop();
    if (m_drafts && !m_draftId.isEmpty())
        m_drafts->remove(m_draftId);
    m_draftId.clear();
}

void ComposeWindow::loadDraft(const Draft &draft)
{
    m_draftId = draft.id;
    m_draftState = draft.state;
    if (m_accounts) {
        for (int i = 0; i < m_fromSelector->count(); ++i) {
            if (m_fromSelector->itemData(i).toString() == draft.accountId &&
                m_fromSelector->itemData(i, Qt::UserRole + 1).toInt() == draft.identityIndex) {
                m_fromSelector->setCurrentIndex(i);
                break;
            }
        }
    }
    m_to->setText(draft.to);
    m_cc->setText(draft.cc);
    m_bcc->setText(draft.bcc);
    m_bccToggle->setChecked(!draft.bcc.isEmpty());
    m_subject->setText(draft.subject);
    m_signatureBlock.clear(); // the draft's text already holds whatever signature it had
    m_body->setPlainText(draft.text);
    setRichText(!draft.html.isEmpty());
    if (!draft.html.isEmpty())
        m_richBody->setHtml(draft.html);
    m_attachments->clear();
    m_attachments->setVisible(false);
    for (const QString &path : draft.attachments)
        addAttachment(path);
    // The message asks what it asked when it was written, whatever its account's defaults are now.
    m_deliveryReceiptAction->setChecked(draft.requestDeliveryReceipt);
    m_readReceiptAction->setChecked(draft.requestReadReceipt);
    setPriority(draft.priority);
    m_receiptsChosen = true;
    m_spelling->restoreLanguage(draft.spellingLanguage);
    if (draft.state == Draft::State::Sent) {
        showSentView(draft);
        return;
    }
    if (draft.state == Draft::State::Outbox) {
        QString text = QStringLiteral("<b>%1</b><br>%2")
                           .arg(tr("Not sent yet: %1").arg(draft.errorSummary).toHtmlEscaped(),
                                draft.errorExplanation.toHtmlEscaped());
        if (draft.deliveryUncertain)
            text += QStringLiteral("<br>") +
                    tr("It may have been delivered; check before sending again.").toHtmlEscaped();
        showStatus(text, true);
    }
    updateMessageOptions();
    m_autosave->stop();
    m_sent = false;
}

bool ComposeWindow::openMailto(const QString &uri)
{
    QString error;
    const std::optional<MailtoUri> mailto = MailtoUri::parse(uri, &error);
    if (!mailto) {
        showStatus(error.toHtmlEscaped(), true);
        return false;
    }
    m_to->setText(mailto->to);
    m_cc->setText(mailto->cc);
    m_bcc->setText(mailto->bcc);
    m_bccToggle->setChecked(!mailto->bcc.isEmpty());
    m_subject->setText(mailto->subject);
    if (!mailto->body.isEmpty()) {
        m_body->setPlainText(mailto->body + m_signatureBlock);
    }
    (mailto->to.isEmpty() ? m_to : static_cast<QWidget *>(m_body))->setFocus();
    return true;
}

void ComposeWindow::saveAsEml(const QString &path)
{
    std::optional<MimeMessage> message = buildMessage();
    if (!message)
        return;
    QString target = path;
    if (target.isEmpty()) {
        const QString suggested =
            (m_subject->text().trimmed().isEmpty() ? tr("message") : m_subject->text().trimmed())
                .replace(u'/', u'-') +
            QStringLiteral(".eml");
        target =
            QFileDialog::getSaveFileName(this, tr("Save message as"), suggested, tr("Email message (*.eml)"));
        if (target.isEmpty())
            return;
    }
    MimeWriter::Error error;
    std::unique_ptr<MessageSource> source = MimeWriter::source(*message, {}, &error);
    if (!source) {
        showStatus(error.message.toHtmlEscaped(), true);
        return;
    }
    QSaveFile file(target);
    if (!file.open(QIODevice::WriteOnly)) {
        showStatus(tr("Cannot write %1: %2").arg(target, file.errorString()).toHtmlEscaped(), true);
        return;
    }
    QIODevice *device = source->device();
    QByteArray chunk(64 * 1024, Qt::Uninitialized);
    qint64 n = 0;
    while ((n = device->read(chunk.data(), chunk.size())) > 0) {
        if (file.write(chunk.constData(), n) != n)
            break;
    }
    if (n < 0 || !file.commit()) {
        showStatus(tr("Writing %1 failed: %2")
                       .arg(target, n < 0 ? device->errorString() : file.errorString())
                       .toHtmlEscaped(),
                   true);
        return;
    }
    showStatus(tr("Saved the message as %1; any mail reader can open it.").arg(target).toHtmlEscaped(),
               false);
}

void ComposeWindow::setAccounts(AccountStore *store, SecretStore *secrets, quint16 sandboxPort)
{
    m_accounts = store;
    m_secrets = secrets;
    m_sandboxPort = sandboxPort;
    m_fromLabel->hide();
    m_fromSelector->show();
    // Before Help, which stays last.
    auto *menu = new QMenu(tr("Acco&unt"), menuBar());
    menuBar()->insertMenu(menuBar()->findChild<QMenu *>(QStringLiteral("helpMenu"))->menuAction(), menu);
    QAction *add = menu->addAction(tr("&New account…"), this, &ComposeWindow::newAccount);
    add->setObjectName(QStringLiteral("newAccount"));
    QAction *edit = menu->addAction(tr("&Edit this account…"), this, &ComposeWindow::editAccount);
    edit->setObjectName(QStringLiteral("editAccount"));
    QAction *remove = menu->addAction(tr("&Remove this account…"), this, &ComposeWindow::removeAccount);
    remove->setObjectName(QStringLiteral("removeAccount"));
    menu->addSeparator();
    m_rehearsal = menu->addAction(tr("Sandbox re&hearses STARTTLS and AUTH"));
    m_rehearsal->setObjectName(QStringLiteral("sandboxRehearsal"));
    m_rehearsal->setCheckable(true);
    m_rehearsal->setToolTip(
        tr("The local sandbox then requires STARTTLS (with its own certificate, pinned in its "
           "account) and a login (user \"you\", password \"sandbox\")"));
    connect(m_rehearsal, &QAction::triggered, this, &ComposeWindow::sandboxRehearsalToggled);
    reloadAccounts(store->defaultAccountId());
    connect(m_fromSelector, &QComboBox::currentIndexChanged, this, &ComposeWindow::applySignature);
    connect(m_fromSelector, &QComboBox::currentIndexChanged, this, &ComposeWindow::updateSandboxBanner);
    connect(m_fromSelector, &QComboBox::currentIndexChanged, this, &ComposeWindow::applyAccountDefaults);
    // The spelling language the account remembers, unless one was chosen for this message.
    auto spellingForAccount = [this] {
        m_spelling->setAccount(m_accounts, m_fromSelector->currentData().toString());
    };
    connect(m_fromSelector, &QComboBox::currentIndexChanged, this, spellingForAccount);
    spellingForAccount();
    applySignature();
    updateSandboxBanner();
    applyAccountDefaults();
    setTabOrder(m_fromSelector, m_to);
}

void ComposeWindow::updateSandboxBanner()
{
    const std::optional<Account> account = currentAccount();
    m_sandboxBanner->setVisible(account && account->isSandbox && !m_sentView);
}

void ComposeWindow::reloadAccounts(const QString &selectAccountId)
{
    m_fromSelector->clear();
    for (const Account &account : m_accounts->accounts()) {
        for (int i = 0; i < account.identities.size(); ++i) {
            m_fromSelector->addItem(
                QStringLiteral("%1  —  %2").arg(account.identities.at(i).displayString(), account.name),
                account.id);
            m_fromSelector->setItemData(m_fromSelector->count() - 1, i, Qt::UserRole + 1);
        }
    }
    const int index = m_fromSelector->findData(selectAccountId);
    m_fromSelector->setCurrentIndex(index >= 0 ? index : 0);
}

std::optional<Account> ComposeWindow::currentAccount() const
{
    if (!m_accounts || m_fromSelector->currentIndex() < 0)
        return std::nullopt;
    return m_accounts->findById(m_fromSelector->currentData().toString());
}

void ComposeWindow::newAccount()
{
    if (!m_accounts)
        return;
    auto *dialog = new AccountDialog(Account{}, m_accounts, m_secrets, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AccountDialog::saved, this, [this](const Account &account) {
        reloadAccounts(account.id);
        m_accounts->setDefaultAccountId(account.id);
    });
    dialog->open();
}

void ComposeWindow::enterPasswordAgain()
{
    const std::optional<Account> account = currentAccount();
    if (!account || !m_secrets || m_job)
        return;
    bool ok = false;
    const QString secret =
        QInputDialog::getText(this, tr("Password for %1").arg(account->name),
                              tr("The server refused the password for %1 on %2. Enter the password again:")
                                  .arg(account->effectiveUsername(), account->host),
                              QLineEdit::Password, QString(), &ok);
    if (!ok || secret.isEmpty())
        return;
    const QString accountId = account->id;
    QPointer<ComposeWindow> window(this);
    showStatus(tr("Saving the password…").toHtmlEscaped(), false);
    m_secrets->write(accountId, secret, [window, accountId, secret](const SecretStore::Result &result) {
        if (!window)
            return;
        if (!result.ok()) {
            if (result.status != SecretStore::Status::NoKeychain &&
                result.status != SecretStore::Status::AccessDenied) {
                window->showStatus(result.message.toHtmlEscaped(), true);
                return;
            }
            // No keychain to keep it: for this run only, as when Sendscope asks while sending.
            window->m_secrets->keepInMemory(accountId, secret);
        }
        window->send(); // the same message again, with the new password
    });
}

void ComposeWindow::editAccount()
{
    const std::optional<Account> account = currentAccount();
    if (!account)
        return newAccount();
    if (account->isSandbox) {
        QMessageBox::information(
            this, tr("Local sandbox"),
            tr("The sandbox is built in: it listens on 127.0.0.1 port %1 and keeps every "
               "message on this computer. Add a real account with Account → New account.")
                .arg(m_sandboxPort));
        return;
    }
    auto *dialog = new AccountDialog(*account, m_accounts, m_secrets, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AccountDialog::saved, this, [this](const Account &saved) { reloadAccounts(saved.id); });
    dialog->open();
}

AccountDialog *ComposeWindow::signInAgain(const QString &providerId)
{
    const std::optional<Account> account = currentAccount();
    if (!account || account->isSandbox)
        return nullptr;
    auto *dialog = new AccountDialog(*account, m_accounts, m_secrets, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AccountDialog::saved, this, [this](const Account &saved) { reloadAccounts(saved.id); });
    dialog->open();
    dialog->signIn(providerId);
    return dialog;
}

void ComposeWindow::setSandboxMailbox(SandboxMailbox *mailbox)
{
    m_mailbox = mailbox;
    QMenu *view = menuBar()->findChild<QMenu *>(QStringLiteral("viewMenu"));
    QAction *action = view->addAction(tr("&Sandbox mailbox"), this, &ComposeWindow::showSandboxMailbox);
    action->setObjectName(QStringLiteral("showSandboxMailbox"));
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
}

void ComposeWindow::showSandboxMailbox()
{
    if (!m_mailbox)
        return;
    if (!m_mailboxWindow) {
        m_mailboxWindow = new SandboxMailboxWindow(m_mailbox, this);
        m_mailboxWindow->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_mailbox->refresh();
    m_mailboxWindow->show();
    m_mailboxWindow->raise();
    m_mailboxWindow->activateWindow();
}

Identity ComposeWindow::currentIdentity() const
{
    const std::optional<Account> account = currentAccount();
    return account ? account->identities.value(m_fromSelector->currentData(Qt::UserRole + 1).toInt())
                   : Identity{};
}

void ComposeWindow::applySignature()
{
    const QString signature = currentIdentity().signature.trimmed();
    // RFC 3676 section 4.3: "-- " on its own line separates the signature, so readers can fold it away.
    const QString block = signature.isEmpty() ? QString() : QStringLiteral("\n\n-- \n") + signature;
    if (isRichText()) {
        // Only the signature at the end is replaced; the formatting of what the user wrote stays.
        if (!m_signatureBlock.isEmpty() && !m_richBody->toPlainText().endsWith(m_signatureBlock))
            return; // the user edited the signature: it is theirs now
        QTextCursor cursor(m_richBody->document());
        cursor.movePosition(QTextCursor::End);
        cursor.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor,
                            static_cast<int>(m_signatureBlock.size()));
        cursor.insertText(block, QTextCharFormat());
        m_signatureBlock = block;
        return;
    }
    QString text = m_body->toPlainText();
    if (!m_signatureBlock.isEmpty()) {
        if (!text.endsWith(m_signatureBlock))
            return; // the user edited the signature: it is theirs now
        text.chop(m_signatureBlock.size());
    }
    m_signatureBlock = block;
    const int position = m_body->textCursor().position();
    m_body->setPlainText(text + block);
    QTextCursor cursor = m_body->textCursor();
    cursor.setPosition(std::min<int>(position, static_cast<int>(text.size())));
    m_body->setTextCursor(cursor);
}

void ComposeWindow::removeAccount()
{
    const std::optional<Account> account = currentAccount();
    if (!account || account->isSandbox)
        return;
    if (m_confirmations &&
        QMessageBox::question(
            this, tr("Remove account"),
            tr("Remove the account \"%1\" and its password from the keychain? Messages are not "
               "affected.")
                .arg(account->name)) != QMessageBox::Yes)
        return;
    // The secret first: an account is only forgotten once its password is gone too.
    m_secrets->remove(account->id, [this, account](const SecretStore::Result &result) {
        if (!result.ok() && result.status != SecretStore::Status::NoKeychain) {
            showStatus(tr("The account was kept: %1").arg(result.message).toHtmlEscaped(), true);
            return;
        }
        const AccountStore::Result removed = m_accounts->remove(account->id);
        if (!removed.ok()) {
            showStatus(removed.message.toHtmlEscaped(), true);
            return;
        }
        reloadAccounts(m_accounts->defaultAccountId());
        showStatus(tr("Removed the account \"%1\".").arg(account->name).toHtmlEscaped(), false);
        emit accountRemoved(account->id);
    });
}

void ComposeWindow::setAddressBook(AddressBook *book)
{
    m_addressBook = book;
    for (QLineEdit *field : {m_to, m_cc, m_bcc}) {
        auto *completer = new QCompleter(new QStringListModel(this), this);
        // Our own list, matched on any word: the completer only shows it.
        completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
        completer->setWidget(field);
        m_completers.insert(field, completer);
        auto segmentStart = [field] {
            const QString text = field->text().left(field->cursorPosition());
            return std::max(text.lastIndexOf(u','), text.lastIndexOf(u';')) + 1;
        };
        connect(field, &QLineEdit::textEdited, this, [this, field, completer, segmentStart] {
            const QString segment =
                field->text().mid(segmentStart(), field->cursorPosition() - segmentStart()).trimmed();
            const QStringList matches = m_addressBook->completions(segment);
            static_cast<QStringListModel *>(completer->model())->setStringList(matches);
            if (segment.size() >= 1 && !matches.isEmpty())
                completer->complete();
            else
                completer->popup()->hide();
        });
        connect(completer, qOverload<const QString &>(&QCompleter::activated), this,
                [field, segmentStart](const QString &chosen) {
                    const qsizetype start = segmentStart();
                    const QString before = field->text().left(start);
                    const QString after = field->text().mid(field->cursorPosition());
                    const QString inserted =
                        (start > 0 ? QStringLiteral(" ") : QString()) + chosen + QStringLiteral(", ");
                    field->setText(before + inserted + after);
                    field->setCursorPosition(static_cast<int>(before.size() + inserted.size()));
                });
    }
}

QCompleter *ComposeWindow::completer(QLineEdit *field) const
{
    return m_completers.value(field);
}

QString ComposeWindow::copyAsCommand()
{
    std::optional<MimeMessage> message = buildMessage();
    if (!message)
        return {};
    SmtpServerSettings settings = m_settings;
    if (const std::optional<Account> account = currentAccount()) {
        settings = sendService()->settingsFor(*account);
    }
    message->requestReadReceipt = m_readReceiptAction->isChecked();
    message->priority = priority();
    QStringList arguments = SendCommandLine::arguments(settings, *message);
    if (m_deliveryReceiptAction->isChecked())
        arguments << QStringLiteral("--dsn");
    const QString command = SendCommandLine::toShell(arguments);
    QApplication::clipboard()->setText(command);
    showStatus(tr("Copied the command line (without the password; the text goes in message.txt)."), false);
    return command;
}

int ComposeWindow::pasteAttachments()
{
    const QMimeData *clipboard = QApplication::clipboard()->mimeData();
    int added = 0;
    if (clipboard && clipboard->hasUrls()) {
        for (const QUrl &url : clipboard->urls()) {
            if (url.isLocalFile()) {
                addAttachment(url.toLocalFile());
                ++added;
            }
        }
    }
    if (added == 0)
        showStatus(tr("The clipboard holds no files to attach. Copy files in a file manager, then paste."),
                   true);
    return added;
}

void ComposeWindow::setSandboxRehearsalChecked(bool on)
{
    if (m_rehearsal)
        m_rehearsal->setChecked(on);
}

void ComposeWindow::setRichText(bool on)
{
    if (on == isRichText())
        return;
    if (on) {
        m_richBody->setPlainText(m_body->toPlainText());
        m_body->hide();
        m_richBody->show();
        m_richBody->setFocus();
    } else {
        // Back to plain text: the words stay, the formatting goes.
        m_body->setPlainText(m_richBody->toPlainText());
        m_richBody->hide();
        m_body->show();
        m_body->setFocus();
    }
    const QSignalBlocker blocker(m_richAction);
    m_richAction->setChecked(on);
}

bool ComposeWindow::isRichText() const
{
    return !m_richBody->isHidden();
}

void ComposeWindow::buildToolBar()
{
    // The desktop's icons where it has a theme; Qt's own otherwise (the offscreen and some minimal
    // desktops have none).
    auto icon = [this](const char *themeName, QStyle::StandardPixmap fallback) {
        return QIcon::fromTheme(QString::fromLatin1(themeName), style()->standardIcon(fallback));
    };
    m_sendAction->setIcon(icon("mail-send", QStyle::SP_CommandLink));
    m_sendAction->setToolTip(tr("Send (Ctrl+Return)"));

    m_attachAction = new QAction(icon("mail-attachment", QStyle::SP_FileIcon), tr("Attach &files…"), this);
    m_attachAction->setObjectName(QStringLiteral("attachFiles"));
    m_attachAction->setIconText(tr("Attach"));
    m_attachAction->setToolTip(tr("Attach files to this message"));
    connect(m_attachAction, &QAction::triggered, this, &ComposeWindow::chooseAttachments);

    m_saveDraftAction =
        new QAction(icon("document-save", QStyle::SP_DialogSaveButton), tr("&Save draft"), this);
    m_saveDraftAction->setObjectName(QStringLiteral("saveDraft"));
    m_saveDraftAction->setIconText(tr("Save draft"));
    m_saveDraftAction->setShortcut(QKeySequence::Save);
    m_saveDraftAction->setToolTip(
        tr("Keep this message in drafts now (Ctrl+S); it is also saved as you write"));
    m_saveDraftAction->setEnabled(false); // until there is a draft store
    connect(m_saveDraftAction, &QAction::triggered, this, &ComposeWindow::saveDraftExplicitly);
    addAction(m_saveDraftAction);

    m_deliveryReceiptAction = new QAction(QIcon(QStringLiteral(":/icons/receipt-delivery.svg")),
                                          tr("&Delivery receipt (DSN)"), this);
    m_deliveryReceiptAction->setObjectName(QStringLiteral("deliveryReceipt"));
    m_deliveryReceiptAction->setIconText(tr("Delivery receipt"));
    m_deliveryReceiptAction->setCheckable(true);
    m_readReceiptAction =
        new QAction(QIcon(QStringLiteral(":/icons/receipt-read.svg")), tr("&Read receipt"), this);
    m_readReceiptAction->setObjectName(QStringLiteral("readReceipt"));
    m_readReceiptAction->setIconText(tr("Read receipt"));
    m_readReceiptAction->setCheckable(true);
    m_readReceiptAction->setToolTip(
        tr("Ask the recipient's mail program to confirm when the message is opened "
           "(Disposition-Notification-To). Many ask the recipient first; some never send one."));
    m_readReceiptAction->setStatusTip(m_readReceiptAction->toolTip());
    for (QAction *receipt : {m_deliveryReceiptAction, m_readReceiptAction}) {
        // Chosen for this message: switching the From account no longer replaces it with a default.
        connect(receipt, &QAction::triggered, this, [this] {
            m_receiptsChosen = true;
            scheduleAutosave();
        });
    }

    m_priorityMenu = new QMenu(tr("&Priority"), this);
    m_priorityMenu->setObjectName(QStringLiteral("priorityMenu"));
    m_priorityGroup = new QActionGroup(this);
    const std::array priorities{std::pair{MimeMessage::Priority::High, tr("&High")},
                                std::pair{MimeMessage::Priority::Normal, tr("&Normal")},
                                std::pair{MimeMessage::Priority::Low, tr("&Low")}};
    for (const auto &[level, text] : priorities) {
        QAction *action = m_priorityMenu->addAction(text);
        action->setCheckable(true);
        action->setData(int(level));
        action->setObjectName(QStringLiteral("priority-") + Draft::priorityName(level));
        m_priorityGroup->addAction(action);
    }
    connect(m_priorityGroup, &QActionGroup::triggered, this, [this](QAction *action) {
        setPriority(MimeMessage::Priority(action->data().toInt()));
        scheduleAutosave();
    });

    m_toolBar = addToolBar(tr("Message"));
    m_toolBar->setObjectName(QStringLiteral("messageToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setMovable(false);
    m_toolBar->addAction(m_sendAction);
    m_toolBar->addAction(m_attachAction);
    m_toolBar->addAction(m_saveDraftAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_deliveryReceiptAction);
    m_toolBar->addAction(m_readReceiptAction);
    m_toolBar->addAction(m_priorityMenu->menuAction());
    m_priorityButton = qobject_cast<QToolButton *>(m_toolBar->widgetForAction(m_priorityMenu->menuAction()));
    m_priorityButton->setObjectName(QStringLiteral("priorityButton"));
    m_priorityButton->setPopupMode(QToolButton::InstantPopup);
    setPriority(MimeMessage::Priority::Normal);
    updateMessageOptions();
}

QAction *ComposeWindow::priorityAction(MimeMessage::Priority level) const
{
    for (QAction *action : m_priorityGroup->actions()) {
        if (action->data().toInt() == int(level))
            return action;
    }
    return nullptr;
}

MimeMessage::Priority ComposeWindow::priority() const
{
    const QAction *checked = m_priorityGroup->checkedAction();
    return checked ? MimeMessage::Priority(checked->data().toInt()) : MimeMessage::Priority::Normal;
}

// A priority drawn as a sign in the text colour: themes have arrows for high and low, none for normal,
// and Qt's own icons have nothing that reads as a priority.
static QIcon prioritySign(const QWidget *widget, const QString &sign)
{
    QPixmap pixmap(64, 64);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    QFont font = widget->font();
    font.setPixelSize(56);
    font.setBold(true);
    painter.setFont(font);
    painter.setPen(widget->palette().color(QPalette::ButtonText));
    painter.drawText(pixmap.rect(), Qt::AlignCenter, sign);
    return QIcon(pixmap);
}

void ComposeWindow::setPriority(MimeMessage::Priority level)
{
    priorityAction(level)->setChecked(true);
    QAction *menuAction = m_priorityMenu->menuAction();
    // The toolbar says the priority the message has; the menu keeps its title.
    switch (level) {
    case MimeMessage::Priority::High:
        menuAction->setIconText(tr("High priority"));
        menuAction->setIcon(
            QIcon::fromTheme(QStringLiteral("go-up"), prioritySign(this, QStringLiteral("↑"))));
        break;
    case MimeMessage::Priority::Normal:
        menuAction->setIconText(tr("Normal priority"));
        menuAction->setIcon(prioritySign(this, QStringLiteral("=")));
        break;
    case MimeMessage::Priority::Low:
        menuAction->setIconText(tr("Low priority"));
        menuAction->setIcon(
            QIcon::fromTheme(QStringLiteral("go-down"), prioritySign(this, QStringLiteral("↓"))));
        break;
    }
    menuAction->setToolTip(tr("Priority of this message, as the recipient's mail program shows it "
                              "(X-Priority and Importance; nothing is written for normal)"));
}

void ComposeWindow::applyAccountDefaults()
{
    if (!m_receiptsChosen && !m_sentView) {
        const std::optional<Account> account = currentAccount();
        m_deliveryReceiptAction->setChecked(account && account->requestDeliveryReceipt);
        m_readReceiptAction->setChecked(account && account->requestReadReceipt);
    }
    updateMessageOptions();
}

std::optional<bool> ComposeWindow::serverOffersDsn() const
{
    std::optional<QStringList> known = m_lastExtensions;
    if (const std::optional<Account> account = currentAccount())
        known = m_accounts->knownExtensions(*account);
    if (!known)
        return std::nullopt;
    return known->contains(QStringLiteral("DSN"));
}

void ComposeWindow::updateMessageOptions()
{
    const bool editable = !m_sentView && !m_job;
    const std::optional<bool> offersDsn = serverOffersDsn();
    const bool refused = offersDsn.has_value() && !*offersDsn;
    // A receipt the server will not pass on is not shown as asked for: that would promise one.
    if (refused && editable)
        m_deliveryReceiptAction->setChecked(false);
    m_deliveryReceiptAction->setEnabled(editable && !refused);
    const QString tip =
        refused ? tr("This server does not offer delivery receipts (DSN): it did not announce DSN when "
                     "Sendscope last connected to it.")
        : offersDsn
            ? tr("Ask the server to report to you when this message is delivered, delayed or fails "
                 "(DSN). This server offers delivery receipts.")
            : tr("Ask the server to report to you when this message is delivered, delayed or fails "
                 "(DSN). Whether this server offers it is known after the first send; the transcript says.");
    m_deliveryReceiptAction->setToolTip(tip);
    m_deliveryReceiptAction->setStatusTip(tip);
    m_readReceiptAction->setEnabled(editable);
    m_priorityMenu->menuAction()->setEnabled(editable);
    m_attachAction->setEnabled(editable);
    m_saveDraftAction->setEnabled(editable && m_drafts);
}
