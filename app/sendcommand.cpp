#include "sendcommand.h"

#include "bccstrippingdevice.h"

#include "accountstore.h"
#include "addressparser.h"
#include "commandlinesecret.h"
#include "draft.h"
#include "mimewriter.h"
#include "secretstore.h"
#include "sendservice.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QRegularExpression>
#include <QSslCertificate>

#include <cstdio>

namespace {

// The Message-ID of a prepared message, from its header section (unfolded); empty when it has none.
QByteArray messageIdOf(MessageSource *source)
{
    QIODevice *device = source->device();
    QByteArray value;
    bool inMessageId = false;
    while (!device->atEnd()) {
        const QByteArray line = device->readLine(8192);
        const QByteArray trimmed = line.trimmed();
        if (trimmed.isEmpty())
            break; // end of the header section
        if (line.startsWith(' ') || line.startsWith('\t')) {
            if (inMessageId)
                value += trimmed;
            continue;
        }
        if (inMessageId)
            break;
        inMessageId = line.toLower().startsWith("message-id:");
        if (inMessageId)
            value = line.mid(11).trimmed();
    }
    source->rewind();
    return value;
}

} // namespace

SendCommand::SendCommand(QObject *parent)
    : QObject(parent)
    , m_err(stderr)
{
    setupOptions();
}

SendCommand::~SendCommand() = default;

void SendCommand::setupOptions()
{
    m_parser.setApplicationDescription(
        tr("Send one message and print the SMTP conversation to standard error.\n"
           "Markers: -> client, <- server, ~> and <~ inside TLS, === information, *** errors.\n"
           "Exit status: 0 sent; 3 sent but some recipients refused; 2 bad command line or input; 10 DNS; "
           "11 connect; 12 TLS; 13 certificate; 14 authentication; 15 policy; 16 every recipient refused; "
           "17 size; 18 timeout; 19 server unavailable; 20 protocol; 21 cancelled; 4 the password could not "
           "be read from the keychain."));
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.addHelpOption();
    m_parser.addPositionalArgument(QStringLiteral("send"), tr("The command."));
    m_parser.addOptions({
        {QStringLiteral("account"),
         tr("Use the server, login and identity of this account (see 'sendscope account list'); the password "
            "comes from the system keychain unless --password-* is given. Other options override the "
            "account's."),
         tr("NAME")},
        {QStringLiteral("server"), tr("SMTP server host name or address (required without --account)."),
         tr("HOST")},
        {QStringLiteral("port"), tr("Port; default 587 for starttls, 465 for tls, 25 for none."), tr("N")},
        {QStringLiteral("security"), tr("none, starttls (default) or tls (implicit TLS)."), tr("MODE"),
         QStringLiteral("starttls")},
        {QStringLiteral("user"), tr("User name for authentication."), tr("U")},
        {QStringLiteral("password-env"), tr("Read the password from environment variable VAR."), tr("VAR")},
        {QStringLiteral("password-stdin"), tr("Read the password from the first line of standard input.")},
        {QStringLiteral("token-env"),
         tr("Read an OAuth 2.0 bearer token from VAR (for OAUTHBEARER or XOAUTH2)."), tr("VAR")},
        {QStringLiteral("auth"),
         tr("SASL mechanism: SCRAM-SHA-256, CRAM-MD5, PLAIN, LOGIN, OAUTHBEARER, XOAUTH2 or none; default: "
            "the strongest the server offers."),
         tr("MECH")},
        {QStringLiteral("allow-plaintext-auth"), tr("Allow sending credentials without encryption.")},
        {QStringLiteral("ca-file"), tr("Also trust the CA certificates in this PEM file."), tr("PEM")},
        {QStringLiteral("trust-fingerprint"),
         tr("Accept the server certificate with this SHA-256 fingerprint (hex, colons optional) even if it "
            "cannot be verified. May be repeated."),
         tr("SHA256")},
        {QStringLiteral("ehlo"), tr("Name to send with EHLO; default: this host's FQDN or address literal."),
         tr("NAME")},
        {QStringLiteral("timeout"), tr("Seconds to wait for the connection and for each reply (default 60)."),
         tr("S"), QStringLiteral("60")},
        {QStringLiteral("session-timeout"), tr("Seconds the whole session may take (default: no limit)."),
         tr("S")},
        {QStringLiteral("no-pipelining"), tr("Do not use PIPELINING even when offered.")},
        {QStringLiteral("no-chunking"), tr("Do not use CHUNKING (BDAT) even when offered.")},
        {QStringLiteral("dsn"), tr("Ask for delivery status notifications (success, failure, delay).")},
        {QStringLiteral("read-receipt"),
         tr("Ask the recipients' mail programs for a read receipt, sent to the From address.")},
        {QStringLiteral("priority"),
         tr("high, normal (default) or low; written as X-Priority and Importance."), tr("P"),
         QStringLiteral("normal")},
        {QStringLiteral("from"),
         tr("From address, \"Name <addr>\" or addr; also the envelope sender (required)."), tr("ADDR")},
        {QStringLiteral("to"),
         tr("Recipient(s), \"Name <addr>\" or addr; may be repeated or comma-separated."), tr("ADDR")},
        {QStringLiteral("cc"), tr("Copy recipient; may be repeated or comma-separated."), tr("ADDR")},
        {QStringLiteral("bcc"), tr("Blind copy recipient: in the envelope only."), tr("ADDR")},
        {QStringLiteral("subject"), tr("Subject of the message."), tr("S")},
        {QStringLiteral("body-file"), tr("UTF-8 text file with the message text (- for standard input)."),
         tr("F")},
        {QStringLiteral("reply-to"), tr("Reply-To address; may be repeated."), tr("ADDR")},
        {QStringLiteral("html-file"), tr("UTF-8 HTML file sent as an alternative to the text."), tr("F")},
        {QStringLiteral("attach"), tr("Attach a file; may be repeated. Streamed from disk while sending."),
         tr("F")},
        {QStringLiteral("output"),
         tr("compose only: write the message to this .eml file instead of sending."), tr("FILE")},
        {QStringLiteral("eml"), tr("Send this prepared RFC 5322 message file as it is."), tr("FILE")},
        {QStringLiteral("quiet"), tr("Print only the outcome, not the transcript.")},
    });
}

int SendCommand::usageError(const QString &message)
{
    if (m_merge) {
        m_err << tr("sendscope merge: %1").arg(message) << Qt::endl
              << tr("Run 'sendscope merge --help' for the options.") << Qt::endl;
        return kExitUsage;
    }
    m_err << tr("sendscope send: %1").arg(message) << Qt::endl
          << tr("Run 'sendscope send --help' for the options.") << Qt::endl;
    return kExitUsage;
}

int SendCommand::parseForMerge(const QStringList &arguments, const QList<QCommandLineOption> &extra,
                               const QString &description)
{
    m_merge = true;
    m_parser.setApplicationDescription(description);
    m_parser.addOptions(extra);
    if (!m_parser.parse(arguments))
        return usageError(m_parser.errorText());
    if (m_parser.isSet(QStringLiteral("help"))) {
        m_err.flush();
        std::fputs(qPrintable(m_parser.helpText()), stdout);
        return 0;
    }
    if (m_parser.positionalArguments().size() > 1)
        return usageError(
            tr("unexpected arguments: %1").arg(m_parser.positionalArguments().mid(1).join(u' ')));
    return parseServerOptions();
}

QString SendCommand::mergeHelpText(const QList<QCommandLineOption> &extra, const QString &description)
{
    m_parser.setApplicationDescription(description);
    m_parser.addOptions(extra);
    return m_parser.helpText();
}

int SendCommand::parse(const QStringList &arguments)
{
    if (!m_parser.parse(arguments))
        return usageError(m_parser.errorText());
    if (m_parser.isSet(QStringLiteral("help"))) {
        m_err.flush();
        std::fputs(qPrintable(m_parser.helpText()), stdout);
        return 0;
    }
    const QStringList positional = m_parser.positionalArguments();
    m_compose = positional.value(0) == QStringLiteral("compose");
    if ((!m_compose && positional.value(0) != QStringLiteral("send")) || positional.size() > 1)
        return usageError(tr("unexpected arguments: %1").arg(positional.mid(1).join(u' ')));
    m_quiet = m_parser.isSet(QStringLiteral("quiet"));
    if (m_compose) {
        if (!m_parser.isSet(QStringLiteral("output")))
            return usageError(tr("compose needs --output FILE.eml."));
    } else {
        const int serverStatus = parseServerOptions();
        if (serverStatus >= 0)
            return serverStatus;
    }
    return parseMessageOptions();
}

int SendCommand::parseServerOptions()
{
    if (m_parser.isSet(QStringLiteral("account"))) {
        const QString name = m_parser.value(QStringLiteral("account"));
        const AccountStore store;
        const std::optional<Account> account = store.findByName(name);
        if (!account) {
            QStringList names;
            for (const Account &known : store.accounts())
                names << known.name;
            return usageError(
                names.isEmpty()
                    ? tr("there is no account \"%1\"; none are set up (see 'sendscope account add').")
                          .arg(name)
                    : tr("there is no account \"%1\"; the accounts are: %2.")
                          .arg(name, names.join(QStringLiteral(", "))));
        }
        m_account = *account;
        m_settings = account->serverSettings();
    }
    if (m_parser.isSet(QStringLiteral("server")))
        m_settings.host = m_parser.value(QStringLiteral("server"));
    if (m_settings.host.isEmpty())
        return usageError(tr("--server is required (or --account NAME)."));

    if (!m_account || m_parser.isSet(QStringLiteral("security"))) {
        const QString security = m_parser.value(QStringLiteral("security"));
        const std::optional<SmtpSecurity> parsed = Account::securityFromName(security);
        if (!parsed)
            return usageError(tr("--security must be none, starttls or tls, not \"%1\".").arg(security));
        m_settings.security = *parsed;
    }

    if (m_parser.isSet(QStringLiteral("port"))) {
        bool ok = false;
        const uint port = m_parser.value(QStringLiteral("port")).toUInt(&ok);
        if (!ok || port == 0 || port > 65535)
            return usageError(tr("--port must be a number from 1 to 65535."));
        m_settings.port = static_cast<quint16>(port);
    }
    // The account's pins vouch for its own server: with --server, --port or --security naming another,
    // they do not apply there.
    if (m_account)
        m_settings.trustedFingerprints = m_account->pinsFor(m_settings.host, m_settings.effectivePort());

    bool ok = false;
    const double timeout = m_parser.value(QStringLiteral("timeout")).toDouble(&ok);
    if (!ok || timeout <= 0 || timeout > 3600)
        return usageError(tr("--timeout must be a number of seconds between 0 and 3600."));
    m_settings.connectTimeoutMs = m_settings.replyTimeoutMs = static_cast<int>(timeout * 1000);
    if (m_parser.isSet(QStringLiteral("session-timeout"))) {
        const double sessionTimeout = m_parser.value(QStringLiteral("session-timeout")).toDouble(&ok);
        if (!ok || sessionTimeout <= 0 || sessionTimeout > 86400)
            return usageError(tr("--session-timeout must be a positive number of seconds."));
        m_settings.sessionTimeoutMs = static_cast<int>(sessionTimeout * 1000);
    }

    if (m_parser.isSet(QStringLiteral("user")))
        m_settings.username = m_parser.value(QStringLiteral("user"));
    if (m_parser.isSet(QStringLiteral("auth")))
        m_settings.authMechanism = m_parser.value(QStringLiteral("auth")).toUpper().toLatin1();
    if (m_parser.isSet(QStringLiteral("allow-plaintext-auth")))
        m_settings.allowPlaintextAuth = true;
    m_settings.usePipelining = !m_parser.isSet(QStringLiteral("no-pipelining"));
    m_settings.useChunking = !m_parser.isSet(QStringLiteral("no-chunking"));
    m_settings.localHostName = m_parser.value(QStringLiteral("ehlo"));
    if (!m_settings.authMechanism.isEmpty() && m_settings.authMechanism != "NONE" &&
        !SaslMechanism::supportedPasswordMechanisms().contains(m_settings.authMechanism) &&
        !SaslMechanism::supportedTokenMechanisms().contains(m_settings.authMechanism))
        return usageError(
            tr("unknown --auth mechanism \"%1\".").arg(QString::fromLatin1(m_settings.authMechanism)));
    CommandLineSecret secret;
    QString secretError;
    if (!CommandLineSecret::read(m_parser, m_stdin, &secret, &secretError))
        return usageError(secretError);
    if (secret.given) {
        m_settings.secret = secret.secret;
        m_settings.secretIsToken = secret.isToken;
    }
    if (!m_settings.username.isEmpty() && m_settings.authMechanism != "NONE" && !secret.given) {
        if (!m_account)
            return usageError(
                tr("--user needs exactly one of --password-env, --password-stdin or --token-env."));
        m_secretFromKeychain = true;
    }

    if (m_parser.isSet(QStringLiteral("ca-file"))) {
        const QString path = m_parser.value(QStringLiteral("ca-file"));
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return usageError(tr("cannot read --ca-file %1: %2").arg(path, file.errorString()));
        const QList<QSslCertificate> certificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
        if (certificates.isEmpty())
            return usageError(tr("--ca-file %1 holds no PEM certificate.").arg(path));
        m_settings.extraCaCertificates = certificates;
    }
    for (const QString &value : m_parser.values(QStringLiteral("trust-fingerprint"))) {
        const QByteArray hex = value.toLatin1().replace(':', "").trimmed();
        const QByteArray raw = QByteArray::fromHex(hex);
        if (raw.size() != 32 || hex.size() != 64)
            return usageError(
                tr("--trust-fingerprint needs a SHA-256 fingerprint (64 hex digits), not \"%1\".")
                    .arg(value));
        m_settings.trustedFingerprints << raw;
    }

    return -1;
}

int SendCommand::parseMessageOptions()
{
    const Identity identity = m_account ? m_account->primaryIdentity() : Identity{};
    if (!m_parser.isSet(QStringLiteral("from")) && identity.address.isEmpty())
        return usageError(tr("--from is required."));
    AddressParser::Error addressError;
    const QString fromText = m_parser.isSet(QStringLiteral("from")) ? m_parser.value(QStringLiteral("from"))
                                                                    : identity.displayString();
    const MailAddress from = AddressParser::parseMailbox(fromText, &addressError);
    if (from.isNull())
        return usageError(tr("--from: %1").arg(addressError.message));
    if (!m_parser.isSet(QStringLiteral("reply-to")) && !identity.replyTo.isEmpty() &&
        !m_parser.isSet(QStringLiteral("from")))
        m_mime.replyTo = AddressParser::parseList(identity.replyTo, &addressError);
    m_mime.from = from;
    for (const auto &[option, list] :
         {std::pair{"to", &m_mime.to}, std::pair{"cc", &m_mime.cc}, std::pair{"bcc", &m_mime.bcc},
          std::pair{"reply-to", &m_mime.replyTo}}) {
        const QString name = QString::fromLatin1(option);
        for (const QString &value : m_parser.values(name)) {
            const QList<MailAddress> parsed = AddressParser::parseList(value, &addressError);
            if (parsed.isEmpty())
                return usageError(tr("--%1 \"%2\": %3").arg(name, value, addressError.message));
            *list += parsed;
        }
    }
    if (m_mime.envelopeRecipients().isEmpty())
        return usageError(tr("give at least one --to, --cc or --bcc."));
    m_message.from = from.address();
    for (const MailAddress &recipient : m_mime.envelopeRecipients())
        m_message.recipients << recipient.address();
    m_message.requireSmtpUtf8 = m_mime.requiresSmtpUtf8();
    m_mime.requestReadReceipt = m_parser.isSet(QStringLiteral("read-receipt"));
    QString priorityError;
    const std::optional<MimeMessage::Priority> priority = this->priority(&priorityError);
    if (!priority)
        return usageError(priorityError);
    m_mime.priority = *priority;
    m_message.dsn.enabled = m_parser.isSet(QStringLiteral("dsn"));
    // Fixed here rather than by the writer, so that the ENVID can name the message.
    if (m_message.dsn.enabled && m_mime.messageId.isEmpty())
        m_mime.messageId = MimeWriter::newMessageId(from.asciiDomain(), QDateTime::currentDateTime());

    QString error;
    m_message.source = buildMessage(&error);
    if (!m_message.source)
        return usageError(error);
    if (m_message.dsn.enabled) {
        const QByteArray messageId =
            m_parser.isSet(QStringLiteral("eml")) ? messageIdOf(m_message.source.get()) : m_mime.messageId;
        m_message.dsn.envelopeId = DsnOptions::envelopeIdFor(messageId);
    }
    return -1;
}

std::optional<MimeMessage::Priority> SendCommand::priority(QString *error) const
{
    const QString value = m_parser.value(QStringLiteral("priority")).trimmed().toLower();
    const MimeMessage::Priority priority = Draft::priorityFromName(value);
    if (Draft::priorityName(priority) == value)
        return priority;
    *error =
        tr("--priority is high, normal or low, not \"%1\".").arg(m_parser.value(QStringLiteral("priority")));
    return std::nullopt;
}

std::unique_ptr<MessageSource> SendCommand::buildMessage(QString *error)
{
    if (m_parser.isSet(QStringLiteral("eml"))) {
        for (const char *conflicting :
             {"subject", "body-file", "attach", "html-file", "read-receipt", "priority"}) {
            if (m_parser.isSet(QString::fromLatin1(conflicting))) {
                *error = tr("--eml sends a prepared message; --%1 cannot be used with it.")
                             .arg(QString::fromLatin1(conflicting));
                return nullptr;
            }
        }
        // Sent as it is, except for Bcc: and Resent-Bcc:, which would show every recipient the blind ones.
        const QString path = m_parser.value(QStringLiteral("eml"));
        auto file = std::make_unique<QFile>(path);
        if (!file->open(QIODevice::ReadOnly)) {
            *error = tr("Cannot open the message file %1: %2").arg(path, file->errorString());
            return nullptr;
        }
        auto filtered = std::make_unique<BccStrippingDevice>(std::move(file));
        if (!filtered->open(QIODevice::ReadOnly)) {
            *error = tr("Cannot read the message file %1: %2").arg(path, filtered->errorString());
            return nullptr;
        }
        return MessageSource::fromDevice(std::move(filtered), error);
    }
    m_mime.subject = m_parser.value(QStringLiteral("subject"));
    m_mime.userAgent = QStringLiteral("Sendscope/" SENDSCOPE_VERSION);
    auto readText = [this, error](const QString &option, QString *out) {
        if (!m_parser.isSet(option))
            return true;
        const QString path = m_parser.value(option);
        QFile file;
        const bool opened = path == QStringLiteral("-")
                                ? file.open(stdin, QIODevice::ReadOnly)
                                : (file.setFileName(path), file.open(QIODevice::ReadOnly));
        if (!opened) {
            *error = tr("cannot read --%1 %2: %3").arg(option, path, file.errorString());
            return false;
        }
        const QByteArray bytes = file.readAll();
        *out = QString::fromUtf8(bytes);
        if (out->toUtf8() != bytes) {
            *error = tr("--%1 %2 is not UTF-8 text.").arg(option, path);
            return false;
        }
        return true;
    };
    if (!readText(QStringLiteral("body-file"), &m_mime.text) ||
        !readText(QStringLiteral("html-file"), &m_mime.html))
        return nullptr;
    for (const QString &path : m_parser.values(QStringLiteral("attach")))
        m_mime.attachments << MimeAttachment{path, {}, {}, {}, -1};
    MimeWriter::Error mimeError;
    // Quoted-printable rather than 8bit: the server's 8BITMIME is unknown until EHLO.
    std::unique_ptr<MessageSource> source = MimeWriter::source(m_mime, {}, &mimeError);
    if (!source)
        *error = mimeError.message;
    return source;
}

void SendCommand::run()
{
    if (m_compose) {
        emit finished(writeOutput());
        return;
    }
    // The same send service as the window and the outbox: with --account and no --password-*, it reads
    // the account's secret from the keychain, and there is nobody to ask when that fails.
    if (m_secretFromKeychain)
        m_secrets = new SecretStore(SecretStore::defaultService(), this);
    auto *service = new SendService(nullptr, m_secrets, nullptr, this);
    SendService::MessageRequest request;
    request.settings = m_settings;
    if (m_secretFromKeychain)
        request.account = m_account;
    request.message = std::move(m_message);
    SendJob *job = service->sendMessage(std::move(request));
    connect(job, &SendJob::transcriptEntryAdded, this, &SendCommand::printEntry);
    connect(job, &SendJob::finished, this, &SendCommand::onFinished);
}

int SendCommand::writeOutput()
{
    const QString path = m_parser.value(QStringLiteral("output"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        m_err << tr("sendscope compose: cannot write %1: %2").arg(path, file.errorString()) << Qt::endl;
        return kExitUsage;
    }
    QIODevice *device = m_message.source->device();
    QByteArray chunk(SmtpSession::kReadChunk, Qt::Uninitialized);
    qint64 n = 0;
    while ((n = device->read(chunk.data(), chunk.size())) > 0) {
        if (file.write(chunk.constData(), n) != n)
            break;
    }
    if (n < 0 || file.error() != QFileDevice::NoError) {
        m_err << tr("sendscope compose: writing %1 failed: %2")
                     .arg(path, n < 0 ? device->errorString() : file.errorString())
              << Qt::endl;
        file.remove();
        return n < 0 ? SmtpError::exitCode(SmtpErrorCategory::Input) : 1;
    }
    m_err << tr("Wrote %1 (%2 bytes).").arg(path).arg(file.size()) << Qt::endl;
    return 0;
}

void SendCommand::printEntry(const TranscriptEntry &entry)
{
    if (m_quiet && entry.kind != TranscriptEntry::Kind::Error)
        return;
    m_err << entry.toDisplayString() << Qt::endl;
}

void SendCommand::onFinished(const SendReport &report)
{
    const SmtpError &error = report.error;
    int exitCode = 0;
    if (report.secretUnavailable) {
        m_err << tr("*** Not sent: the password of account \"%1\" could not be read from the keychain.")
                     .arg(m_account->name)
              << Qt::endl
              << tr("*** %1").arg(error.explanation) << Qt::endl
              << tr("*** Give it with --password-stdin or --password-env instead.") << Qt::endl;
        exitCode = kExitKeychain;
    } else if (report.signInRequired) {
        m_err << tr("*** Not sent: %1").arg(TranscriptEntry::visible(error.summary)) << Qt::endl
              << tr("*** %1").arg(TranscriptEntry::visible(error.explanation)) << Qt::endl
              << tr("*** Sign in again with: sendscope account login %1").arg(m_account->name) << Qt::endl;
        exitCode = SmtpError::exitCode(SmtpErrorCategory::Auth);
    } else if (!report.delivered()) {
        // Both may quote the server's reply: escaped like the transcript, so it cannot drive the terminal.
        m_err << tr("*** Not sent: %1").arg(TranscriptEntry::visible(error.summary)) << Qt::endl;
        if (!error.explanation.isEmpty())
            m_err << tr("*** %1").arg(TranscriptEntry::visible(error.explanation)) << Qt::endl;
        // Unlike the app's outbox, the command line keeps nothing: say what to do instead.
        if (error.temporary && report.outcome != SendReport::Outcome::Uncertain)
            m_err << tr("*** Nothing was kept: run the same command again later.") << Qt::endl;
        if (report.outcome == SendReport::Outcome::Uncertain)
            m_err << tr("*** The message may have been delivered; check before sending it again.")
                  << Qt::endl;
        exitCode = SmtpError::exitCode(error.category);
    } else if (report.outcome == SendReport::Outcome::PartiallySent) {
        m_err << tr("Sent, but refused for: %1").arg(report.refused.join(QStringLiteral(", "))) << Qt::endl;
        exitCode = kExitPartial;
    } else {
        m_err << (report.accepted.size() == 1 ? tr("Sent to 1 recipient.")
                                              : tr("Sent to %1 recipients.").arg(report.accepted.size()))
              << Qt::endl;
    }
    emit finished(exitCode);
}
