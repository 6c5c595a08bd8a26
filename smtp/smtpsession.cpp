#include "smtpsession.h"

#include "headerencoder.h"

#include "replyexplainer.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QHostAddress>
#include <QHostInfo>
#include <QLocale>
#include <QMetaEnum>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QUrl>

#include <algorithm>

#ifdef Q_OS_LINUX
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#endif

namespace {

QString stateName(SmtpSession::State state)
{
    return QString::fromLatin1(QMetaEnum::fromType<SmtpSession::State>().valueToKey(static_cast<int>(state)));
}

QString formatBytes(qint64 bytes)
{
    return QLocale().toString(bytes);
}

QString fingerprintHex(const QSslCertificate &certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':')).toUpper();
}

bool containsForbiddenControl(const QString &text)
{
    for (const QChar c : text) {
        if (c == u'\r' || c == u'\n' || c == u'\0')
            return true;
    }
    return false;
}

bool isAscii(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() >= 0x80)
            return false;
    }
    return true;
}

} // namespace

QStringList MessageResult::refusedAddresses() const
{
    QStringList refused;
    for (const RecipientResult &recipient : recipients) {
        if (!recipient.accepted)
            refused << recipient.address;
    }
    return refused;
}

SmtpSession::SmtpSession(SmtpServerSettings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
{
    qRegisterMetaType<TranscriptEntry>();
    qRegisterMetaType<SmtpError>();
    qRegisterMetaType<MessageResult>();
    m_replyTimer.setSingleShot(true);
    m_sessionTimer.setSingleShot(true);
    m_connectTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        fail({SmtpErrorCategory::Timeout, std::nullopt, std::nullopt,
              tr("The connection to %1 timed out.").arg(m_settings.host),
              tr("No connection could be made within %1 seconds. Check the server name and port, and "
                 "whether a firewall blocks outgoing connections to port %2.")
                  .arg(m_settings.connectTimeoutMs / 1000)
                  .arg(m_settings.effectivePort()),
              true});
    });
    connect(&m_replyTimer, &QTimer::timeout, this, [this] {
        const QString what = m_pending.empty()
                                 ? tr("the TLS handshake or message data")
                                 : QString::fromLatin1(smtpCommandName(m_pending.front().command));
        fail({SmtpErrorCategory::Timeout,
              m_pending.empty() ? std::nullopt : std::optional(m_pending.front().command), std::nullopt,
              tr("The server did not answer %1 in time.").arg(what),
              tr("No complete reply arrived within %1 seconds. The server may be overloaded, or a firewall "
                 "or proxy may be interfering with the connection.")
                  .arg(m_settings.replyTimeoutMs / 1000.0),
              true, m_state == State::AwaitingDataEnd});
    });
    connect(&m_sessionTimer, &QTimer::timeout, this, [this] {
        fail({SmtpErrorCategory::Timeout, std::nullopt, std::nullopt, tr("The session took too long."),
              tr("The whole session did not finish within %1 seconds.")
                  .arg(m_settings.sessionTimeoutMs / 1000.0),
              true, m_state == State::AwaitingDataEnd});
    });
}

SmtpSession::~SmtpSession()
{
    if (m_socket) {
        // Destroying a session mid-flight must not leave a half-open connection behind.
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void SmtpSession::addMessage(OutgoingMessage message)
{
    m_messages.push_back(std::move(message));
    m_results.append(MessageResult{});
    if (m_state == State::AwaitingMessage && !m_finished)
        startNextTransaction();
}

void SmtpSession::setMoreMessagesExpected(bool on)
{
    m_moreExpected = on;
    if (!on && m_state == State::AwaitingMessage && !m_finished)
        startNextTransaction(); // nothing left: QUIT
}

bool SmtpSession::isEncrypted() const
{
    return m_socket && m_socket->isEncrypted();
}

// ---------------------------------------------------------------------------------------------------------
// Starting and validating

std::vector<OutgoingMessage> SmtpSession::takeMessages()
{
    std::vector<OutgoingMessage> taken = std::move(m_messages);
    m_messages.clear();
    return taken;
}

void SmtpSession::start()
{
    if (m_state != State::Idle)
        return;
    m_clock.start();

    SmtpError inputError;
    if (m_settings.host.trimmed().isEmpty()) {
        inputError = {
            SmtpErrorCategory::Input,
            std::nullopt,
            std::nullopt,
            tr("No server name is set."),
            tr("Enter the name of your provider's outgoing (SMTP) server, for example smtp.example.com."),
            false};
    }
    for (const OutgoingMessage &message : m_messages) {
        if (inputError.isError())
            break;
        validateMessage(message, &inputError);
    }
    if (inputError.isError()) {
        // Report asynchronously so that a caller connecting to finished() after start() still hears it.
        QMetaObject::invokeMethod(
            this, [this, inputError] { fail(inputError); }, Qt::QueuedConnection);
        return;
    }

    m_socket = new QSslSocket(this);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    // Lets Qt tell us when a TLS 1.3 session ticket arrives (newSessionTicketReceived); the ticket itself
    // is never reused or stored by Sendscope.
    tls.setSslOption(QSsl::SslOptionDisableSessionPersistence, false);
    if (!m_settings.extraCaCertificates.isEmpty())
        tls.addCaCertificates(m_settings.extraCaCertificates);
    m_socket->setSslConfiguration(tls);
    m_socket->setPeerVerifyName(m_settings.host);
    m_socket->setReadBufferSize(0);

    connect(m_socket, &QSslSocket::connected, this, &SmtpSession::onConnected);
    connect(m_socket, &QSslSocket::encrypted, this, &SmtpSession::onEncrypted);
    connect(m_socket, &QSslSocket::readyRead, this, &SmtpSession::onReadyRead);
    // A TLS 1.3 server sends its session tickets after the handshake, usually in a write of their own,
    // and the reply to the EHLO that went out with our Finished in a second one. Under Nagle's algorithm
    // the server holds that reply until we acknowledge the tickets, which Linux delays by up to 40 ms
    // because no application data came with them (seen with Postfix: 44 ms on every STARTTLS send).
    connect(m_socket, &QSslSocket::newSessionTicketReceived, this, &SmtpSession::acknowledgeNow);
    connect(m_socket, &QSslSocket::errorOccurred, this, &SmtpSession::onSocketError);
    connect(m_socket, &QSslSocket::sslErrors, this, &SmtpSession::onSslErrors);
    connect(m_socket, &QSslSocket::disconnected, this, &SmtpSession::onDisconnected);
    connect(m_socket, &QSslSocket::bytesWritten, this, &SmtpSession::onBytesWritten);
    connect(m_socket, &QSslSocket::encryptedBytesWritten, this, &SmtpSession::onBytesWritten);

    if (m_settings.sessionTimeoutMs > 0)
        m_sessionTimer.start(m_settings.sessionTimeoutMs);
    m_connectTimer.start(m_settings.connectTimeoutMs);

    setState(State::Connecting);
    log(TranscriptEntry::Kind::Info, tr("Connecting to %1 port %2 (security: %3)")
                                         .arg(m_settings.host)
                                         .arg(m_settings.effectivePort())
                                         .arg(SmtpServerSettings::securityName(m_settings.security)));
    if (m_settings.security == SmtpSecurity::ImplicitTls)
        m_socket->connectToHostEncrypted(m_settings.host, m_settings.effectivePort());
    else
        m_socket->connectToHost(m_settings.host, m_settings.effectivePort());
}

bool SmtpSession::validateMessage(const OutgoingMessage &message, SmtpError *error) const
{
    auto invalid = [error](const QString &summary, const QString &explanation) {
        *error = {SmtpErrorCategory::Input, std::nullopt, std::nullopt, summary, explanation, false};
        return false;
    };
    if (!message.source)
        return invalid(tr("The message has no content."), tr("Nothing to send was given."));
    if (message.from.isEmpty())
        return invalid(tr("The sender address is empty."), tr("Set the From address."));
    if (message.recipients.isEmpty())
        return invalid(tr("The message has no recipients."), tr("Add at least one To, Cc or Bcc address."));
    QStringList addresses = message.recipients;
    addresses.prepend(message.from);
    for (const QString &address : std::as_const(addresses)) {
        // CR/LF would let an address inject SMTP commands; angle brackets and spaces would break the
        // envelope syntax of RFC 5321 section 4.1.2.
        if (containsForbiddenControl(address) || address.contains(u'<') || address.contains(u'>') ||
            address.contains(u' ') || address.contains(u'\t')) {
            return invalid(
                tr("The address \"%1\" contains characters that are not allowed.")
                    .arg(HeaderEncoder::withoutForbiddenCharacters(address)),
                tr("Envelope addresses cannot contain spaces, angle brackets, line breaks or NUL."));
        }
        const qsizetype at = address.lastIndexOf(u'@');
        if (at <= 0 || at == address.size() - 1)
            return invalid(tr("\"%1\" is not a complete e-mail address.").arg(address),
                           tr("An address needs a name, an @ and a domain, like name@example.com."));
        // RFC 5321 section 4.5.3.1: local part 64 octets, path 256 octets.
        if (address.left(at).toUtf8().size() > 64 || address.toUtf8().size() > 254)
            return invalid(tr("The address \"%1\" is too long.").arg(address.left(80)),
                           tr("The part before @ may have at most 64 characters and the whole address 254."));
        // RFC 1035 section 2.3.4 (and RFC 5890 for international names, measured as A-labels): at most
        // 255 octets, each label 1 to 63. A domain literal ([192.0.2.1]) is left to the server.
        const QString domain = address.mid(at + 1);
        if (!domain.startsWith(u'[')) {
            const QByteArray ace = QUrl::toAce(domain);
            bool labelsFit = !ace.isEmpty() && ace.size() <= 255;
            for (const QByteArray &label : ace.split('.'))
                labelsFit = labelsFit && !label.isEmpty() && label.size() <= 63;
            if (!labelsFit)
                return invalid(tr("The domain of \"%1\" is not valid.").arg(address.left(80)),
                               tr("A domain has at most 255 characters, each part between dots 1 to 63."));
        }
    }
    if (message.source->scan().hasNul)
        return invalid(tr("The message contains NUL bytes."),
                       tr("Binary data must be attached (base64-encoded), not put into the message text."));
    return true;
}

// ---------------------------------------------------------------------------------------------------------
// Socket events

void SmtpSession::onConnected()
{
    m_connectTimer.stop();
    // Commands and bodies are written whole, flight by flight; Nagle's algorithm would hold the tail of a
    // flight back until the server's delayed ACK (40 ms on Linux), once per message in a bulk run.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    log(TranscriptEntry::Kind::Info, tr("Connected to %1 port %2 in %3 ms")
                                         .arg(m_socket->peerAddress().toString())
                                         .arg(m_socket->peerPort())
                                         .arg(m_clock.elapsed()));
    if (m_settings.security == SmtpSecurity::ImplicitTls) {
        setState(State::TlsHandshake);
        armReplyTimer();
        return;
    }
    setState(State::AwaitingGreeting);
    m_pending.push_back({SmtpCommand::Greeting});
    armReplyTimer();
}

void SmtpSession::onEncrypted()
{
    logTlsDetails();
    if (m_state == State::TlsHandshake) {
        setState(State::AwaitingGreeting);
        m_pending.push_back({SmtpCommand::Greeting});
        armReplyTimer();
    } else if (m_state == State::StartTlsHandshake) {
        // RFC 3207 section 4.2: forget everything learned in clear text and ask again.
        m_extensions.clear();
        m_extensionsKnown = false;
        m_ehloAfterTls = true;
        sendEhlo();
    }
}

void SmtpSession::onReadyRead()
{
    if (m_finished || !m_socket)
        return;
    const QByteArray data = m_socket->readAll();
    // A server that answers pipelined commands in two writes (the replies to MAIL and RCPT, then the one
    // to BDAT after the data) holds the second back under Nagle's algorithm until this end acknowledges
    // the first: a stall per message in a bulk run.
    acknowledgeNow();
    if (m_state == State::TlsHandshake || m_state == State::StartTlsHandshake || m_state == State::Connecting)
        return; // cannot happen for well-behaved sockets: no application data before the handshake ends
    m_parser.feed(data);
    if (m_parser.error() != ReplyParser::Error::None) {
        failProtocol(tr("The server sent a malformed reply."), m_parser.errorString());
        return;
    }
    while (m_parser.hasReply() && !m_finished) {
        const SmtpReply reply = m_parser.takeReply();
        m_flightOpen = false;
        logReply(reply);
        handleReply(reply);
    }
}

void SmtpSession::onSocketError(QAbstractSocket::SocketError socketError)
{
    if (m_finished)
        return;
    const QString detail = m_socket ? m_socket->errorString() : QString();
    switch (socketError) {
    case QAbstractSocket::HostNotFoundError:
        fail({SmtpErrorCategory::Dns, std::nullopt, std::nullopt,
              tr("The server name %1 could not be found.").arg(m_settings.host),
              tr("Check the spelling of the server name and that this computer is online (%1).").arg(detail),
              true});
        return;
    case QAbstractSocket::ConnectionRefusedError:
        fail(
            {SmtpErrorCategory::Connect, std::nullopt, std::nullopt,
             tr("%1 refused the connection on port %2.").arg(m_settings.host).arg(m_settings.effectivePort()),
             tr("Nothing accepts connections on that port. Check the port: usually 587 for STARTTLS, 465 "
                "for SSL/TLS, 25 for server-to-server mail."),
             true});
        return;
    case QAbstractSocket::RemoteHostClosedError:
        onDisconnected();
        return;
    case QAbstractSocket::SocketTimeoutError:
        fail({SmtpErrorCategory::Timeout, std::nullopt, std::nullopt, tr("The connection timed out."), detail,
              true});
        return;
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        if (m_settings.security == SmtpSecurity::StartTls && detail.contains(QLatin1String("alert")) &&
            !detail.contains(QLatin1String("protocol version"))) {
            // The server said "220 Ready to start TLS" and then sent a TLS alert itself: the security
            // setting is right (it agreed to STARTTLS) and this client's TLS versions are not the cause.
            fail({SmtpErrorCategory::Tls, SmtpCommand::StartTls, std::nullopt,
                  tr("The server agreed to start TLS, then failed the handshake on its side."),
                  tr("Server said (TLS alert): \"%1\". What to do: the fault is in the server's TLS set-up "
                     "(often its certificate or key files); changing the security setting here will not "
                     "help. Tell the server's administrator, with this message, or use another server.")
                      .arg(detail),
                  false});
            return;
        }
        fail({SmtpErrorCategory::Tls, std::nullopt, std::nullopt, tr("The TLS handshake failed."),
              tr("%1. If the server uses SSL/TLS on this port, choose that security; if it expects STARTTLS, "
                 "choose STARTTLS. Old servers may not support TLS 1.2 or later.")
                  .arg(detail),
              false});
        return;
    default:
        fail({SmtpErrorCategory::Connect, std::nullopt, std::nullopt, tr("The connection failed."), detail,
              true, m_state == State::AwaitingDataEnd});
        return;
    }
}

bool SmtpSession::pinMayOverride(const QList<QSslError> &errors)
{
    return std::none_of(errors.cbegin(), errors.cend(), [](const QSslError &error) {
        return error.error() == QSslError::CertificateRevoked ||
               error.error() == QSslError::CertificateBlacklisted;
    });
}

void SmtpSession::onSslErrors(const QList<QSslError> &errors)
{
    if (m_finished)
        return;
    const QList<QSslCertificate> chain = m_socket->peerCertificateChain();
    const QSslCertificate leaf = chain.isEmpty() ? m_socket->peerCertificate() : chain.first();
    const QByteArray fingerprint = leaf.digest(QCryptographicHash::Sha256);
    QStringList reasons;
    for (const QSslError &sslError : errors)
        reasons << sslError.errorString();
    if (!pinMayOverride(errors)) {
        // No chain is kept for the certificate dialog: trusting this certificate cannot make it safe.
        m_rejectedChain.clear();
        m_rejectedErrors = errors;
        fail({SmtpErrorCategory::Certificate, std::nullopt, std::nullopt,
              tr("The server's certificate is not trusted: %1").arg(reasons.join(QStringLiteral("; "))),
              tr("This certificate (SHA-256 %1) has been revoked or blacklisted: it is known to be in the "
                 "wrong hands, so it is refused even if it was trusted before. Tell the server's "
                 "administrator.")
                  .arg(fingerprintHex(leaf)),
              false});
        return;
    }
    if (!leaf.isNull() && m_settings.trustedFingerprints.contains(fingerprint)) {
        log(TranscriptEntry::Kind::Tls,
            tr("Certificate not verified (%1), but its SHA-256 fingerprint %2 is pinned for this account: "
               "trusted.")
                .arg(reasons.join(QStringLiteral("; ")), fingerprintHex(leaf)));
        m_socket->ignoreSslErrors(errors);
        return;
    }
    m_rejectedChain = chain.isEmpty() && !leaf.isNull() ? QList<QSslCertificate>{leaf} : chain;
    m_rejectedErrors = errors;
    for (const QSslCertificate &certificate : chain) {
        log(TranscriptEntry::Kind::Tls,
            tr("Certificate: subject \"%1\", issuer \"%2\", valid %3 to %4, SHA-256 %5")
                .arg(certificate.subjectDisplayName(), certificate.issuerDisplayName(),
                     certificate.effectiveDate().toString(Qt::ISODate),
                     certificate.expiryDate().toString(Qt::ISODate), fingerprintHex(certificate)));
    }
    QString explanation =
        tr("The connection was stopped before anything was sent, because someone could be intercepting it. "
           "If the server is yours and uses a self-signed certificate, trust exactly this certificate "
           "(SHA-256 %1) or give its CA certificate.")
            .arg(fingerprintHex(leaf));
    if (!m_settings.trustedFingerprints.isEmpty()) {
        // The account trusted another certificate for this server: a change is what an interception
        // looks like, so say so before anything else.
        explanation =
            tr("Warning: this account trusts a different certificate for this server, and the server "
               "now presents another one (SHA-256 %1). Trust it only if the server's administrator "
               "confirms the change.")
                .arg(fingerprintHex(leaf)) +
            u' ' + explanation;
    }
    fail({SmtpErrorCategory::Certificate, std::nullopt, std::nullopt,
          tr("The server's certificate is not trusted: %1").arg(reasons.join(QStringLiteral("; "))),
          explanation, false});
}

void SmtpSession::onDisconnected()
{
    if (m_finished)
        return;
    if (m_state == State::Quitting) {
        finishSession(m_error);
        return;
    }
    const bool uncertain = m_state == State::AwaitingDataEnd || (m_state == State::SendingBody && m_bodyDone);
    SmtpError error{SmtpErrorCategory::Connect, std::nullopt, std::nullopt, {}, {}, true, uncertain};
    if (m_state == State::AwaitingGreeting || m_state == State::Connecting ||
        m_state == State::TlsHandshake) {
        error.summary = tr("The server closed the connection before greeting.");
        error.explanation =
            tr("The server may be overloaded, may not accept connections from your address, or "
               "may expect a different security setting on this port.");
    } else if (uncertain) {
        error.summary = tr("The connection was lost after the message was sent, before the server confirmed "
                           "it.");
        error.explanation = tr("The message may or may not have been delivered. Check with the recipients "
                               "before sending it again.");
    } else if (m_state == State::SendingBody) {
        error.summary = tr("The connection was lost while the message was being sent.");
        error.explanation =
            tr("The message was not delivered. Try again; if it keeps failing, the message may "
               "be too large for the server or a network device is cutting the connection.");
    } else if (m_state == State::AwaitingMessage) {
        error.summary = tr("The server closed the connection while it waited for the next message.");
        error.explanation = tr("Servers close idle connections; the next message goes over a new one.");
    } else {
        error.summary = tr("The server closed the connection unexpectedly.");
        error.explanation = tr("Look at the last lines of the transcript for the server's reason.");
    }
    if (!m_pending.empty())
        error.command = m_pending.front().command;
    fail(error);
}

void SmtpSession::onBytesWritten()
{
    if (m_finished || !m_socket)
        return;
    if (m_state != State::SendingBody && !(m_state == State::AwaitingDataEnd && m_bodyWritten > 0))
        return;
    const qint64 queued = m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite();
    const qint64 sent = std::clamp<qint64>(m_bodyWritten - queued, 0, m_bodyTotal);
    emit bytesSent(sent, m_bodyTotal);
    if (m_state == State::SendingBody) {
        armReplyTimer(); // progress: the server is reading
        pumpBody();
    }
}

// ---------------------------------------------------------------------------------------------------------
// The one place that handles each reply

void SmtpSession::handleReply(const SmtpReply &reply)
{
    m_replyTimer.stop();
    // With BDAT pipelined, the replies to MAIL and RCPT may arrive while the body is still streaming;
    // anything else then (a reply to DATA's body or to BDAT itself, a 421) means the server gave up
    // mid-message, and the rest of the body would be read as commands: the connection cannot be reused.
    const bool expectedDuringBody =
        !m_pending.empty() && (m_pending.front().command == SmtpCommand::MailFrom ||
                               m_pending.front().command == SmtpCommand::RcptTo);
    if (m_state == State::SendingBody && (!expectedDuringBody || reply.code() == 421)) {
        SmtpError error =
            ReplyExplainer::explain(m_useBdat ? SmtpCommand::Bdat : SmtpCommand::DataEnd, reply);
        error.summary = tr("The server answered before the whole message was sent: %1").arg(error.summary);
        fail(error);
        return;
    }
    if (m_pending.empty()) {
        if (reply.code() == 421) {
            failWithReply(SmtpCommand::Greeting, reply);
            return;
        }
        failProtocol(tr("The server sent a reply nobody asked for."),
                     tr("The reply \"%1\" arrived when no command was waiting for one.")
                         .arg(QString::fromUtf8(reply.toWireFormat().left(200))));
        return;
    }
    const PendingCommand pending = m_pending.front();
    m_pending.pop_front();
    if (m_pending.empty() && m_flightTimer.isValid()) {
        // Every command written so far is answered: one round trip (plus the server's work) is over.
        log(TranscriptEntry::Kind::Info,
            tr("Flight %1 answered in %2 ms").arg(m_flight).arg(m_flightTimer.elapsed()));
        m_flightTimer.invalidate();
    }

    // RFC 5321 section 3.8: 421 may come in answer to any command; the server is closing the channel.
    if (reply.code() == 421 && pending.command != SmtpCommand::Quit) {
        failWithReply(pending.command, reply);
        return;
    }

    if (!replyAllowed(pending.command, reply)) {
        failUnexpectedReply(pending.command, reply);
        return;
    }

    switch (pending.command) {
    case SmtpCommand::Greeting:
        handleGreeting(reply);
        break;
    case SmtpCommand::Ehlo:
        handleEhlo(reply);
        break;
    case SmtpCommand::Helo:
        handleHelo(reply);
        break;
    case SmtpCommand::StartTls:
        handleStartTls(reply);
        break;
    case SmtpCommand::Auth:
        handleAuth(reply);
        break;
    case SmtpCommand::MailFrom:
        handleMailFrom(reply);
        break;
    case SmtpCommand::RcptTo:
        handleRcptTo(reply, pending.recipientIndex);
        break;
    case SmtpCommand::Data:
        handleData(reply);
        break;
    case SmtpCommand::DataEnd:
    case SmtpCommand::Bdat:
        handleDataEnd(reply);
        break;
    case SmtpCommand::Rset:
        handleRset(reply);
        break;
    case SmtpCommand::Quit:
        handleQuit(reply);
        break;
    }
    if (!m_finished && !m_pending.empty() && m_state != State::SendingBody)
        armReplyTimer();
}

// RFC 5321 section 4.3.2 (and RFC 3207, 4954, 3030 for STARTTLS, AUTH and BDAT): which replies may
// answer each command. Only AUTH may be answered with 334 and only DATA with 354, and DATA must never be
// answered with a completion: a 250 there would otherwise read as "message accepted" before a byte of it
// was sent.
bool SmtpSession::replyAllowed(SmtpCommand command, const SmtpReply &reply)
{
    if (reply.isFailure())
        return true; // every command may be refused, temporarily or for good
    switch (command) {
    case SmtpCommand::Auth:
        return reply.isPositiveCompletion() || reply.code() == 334;
    case SmtpCommand::Data:
        return reply.code() == 354;
    case SmtpCommand::Greeting:
    case SmtpCommand::Ehlo:
    case SmtpCommand::Helo:
    case SmtpCommand::StartTls:
    case SmtpCommand::MailFrom:
    case SmtpCommand::RcptTo:
    case SmtpCommand::DataEnd:
    case SmtpCommand::Bdat:
    case SmtpCommand::Rset:
        return reply.isPositiveCompletion();
    case SmtpCommand::Quit:
        return true; // leaving anyway; what was sent stays sent
    }
    return false;
}

void SmtpSession::failUnexpectedReply(SmtpCommand command, const SmtpReply &reply)
{
    const QString name = QString::fromLatin1(smtpCommandName(command));
    // The reply is kept for the transcript and the explanation, but a server that answers out of turn
    // gets no QUIT: it may still be reading message data, where a QUIT would become part of the message.
    fail({SmtpErrorCategory::Protocol, command, reply,
          tr("The server answered %1 with %2, which the protocol does not allow there.")
              .arg(name)
              .arg(reply.code()),
          command == SmtpCommand::Data
              ? tr("It should have asked for the message with 354. The message was not sent; nothing was "
                   "delivered. The server's SMTP implementation is broken or something on the way "
                   "interferes; tell its administrator.")
              : tr("The message was not sent. The server's SMTP implementation is broken or something on "
                   "the way interferes; tell its administrator."),
          false, false});
}

void SmtpSession::handleGreeting(const SmtpReply &reply)
{
    if (reply.code() != 220) {
        failWithReply(SmtpCommand::Greeting, reply);
        return;
    }
    log(TranscriptEntry::Kind::Info, tr("Greeting received %1 ms after start").arg(m_clock.elapsed()));
    sendEhlo();
}

void SmtpSession::handleEhlo(const SmtpReply &reply)
{
    if (reply.isPositiveCompletion()) {
        m_extensions.clear();
        QStringList found;
        // The first line is the server's name; each further line is "KEYWORD [params]".
        for (qsizetype i = 1; i < reply.lines().size(); ++i) {
            const QByteArray line = reply.lines().at(i).trimmed();
            if (line.isEmpty())
                continue;
            const qsizetype space = line.indexOf(' ');
            QByteArray keyword = (space < 0 ? line : line.left(space)).toUpper();
            QByteArray params = space < 0 ? QByteArray() : line.mid(space + 1).trimmed();
            // Pre-RFC 4954 servers advertise "AUTH=LOGIN PLAIN"; treat it as AUTH.
            if (keyword.startsWith("AUTH=")) {
                params = (keyword.mid(5) + ' ' + params).trimmed();
                keyword = "AUTH";
            }
            auto existing = m_extensions.find(keyword);
            if (existing != m_extensions.end() && keyword == "AUTH")
                existing->second = (existing->second + ' ' + params).trimmed();
            else
                m_extensions[keyword] = params;
        }
        for (const auto &[keyword, params] : m_extensions)
            found << (params.isEmpty() ? QString::fromLatin1(keyword)
                                       : QString::fromLatin1(keyword) + u' ' + QString::fromUtf8(params));
        log(TranscriptEntry::Kind::Info, found.isEmpty()
                                             ? tr("The server announced no extensions")
                                             : tr("Extensions: %1").arg(found.join(QStringLiteral(", "))));
        m_extensionsKnown = m_settings.security != SmtpSecurity::StartTls || isEncrypted();
        afterEhlo();
        return;
    }
    // RFC 5321 section 4.1.4: a server that does not know EHLO answers 500/502; fall back to HELO. After
    // STARTTLS a HELO fallback would lose extensions we already relied upon.
    if (!m_ehloAfterTls && (reply.code() == 500 || reply.code() == 502 || reply.code() == 504)) {
        log(TranscriptEntry::Kind::Info, tr("The server does not understand EHLO; trying HELO"));
        setState(State::Helo);
        queueCommand(SmtpCommand::Helo, "HELO " + ehloName().toUtf8());
        flush();
        return;
    }
    failWithReply(SmtpCommand::Ehlo, reply);
}

void SmtpSession::handleHelo(const SmtpReply &reply)
{
    if (!reply.isPositiveCompletion()) {
        failWithReply(SmtpCommand::Helo, reply);
        return;
    }
    m_extensions.clear();
    m_extensionsKnown = m_settings.security != SmtpSecurity::StartTls || isEncrypted();
    afterEhlo();
}

void SmtpSession::afterEhlo()
{
    if (m_settings.security == SmtpSecurity::StartTls && !isEncrypted()) {
        if (!hasExtension("STARTTLS")) {
            fail(
                {SmtpErrorCategory::Tls, SmtpCommand::Ehlo, std::nullopt,
                 tr("The server does not offer STARTTLS, which this account requires."),
                 tr("Nothing more was sent, so your password and message did not travel in clear text. Use "
                    "SSL/TLS (usually port 465) or the provider's submission port 587; if the server used to "
                    "offer STARTTLS, something on the network may be removing it."),
                 false});
            return;
        }
        setState(State::StartTls);
        queueCommand(SmtpCommand::StartTls, "STARTTLS");
        flush();
        return;
    }
    startAuthentication();
}

void SmtpSession::handleStartTls(const SmtpReply &reply)
{
    if (reply.code() != 220) {
        SmtpError error = ReplyExplainer::explain(SmtpCommand::StartTls, reply);
        error.category = SmtpErrorCategory::Tls;
        fail(error);
        return;
    }
    // RFC 3207 section 4.2 and CVE-2011-0411: anything received after the 220 but before the handshake
    // was sent in clear text and must not be treated as coming from inside TLS.
    if (m_parser.bufferedBytes() > 0 || m_parser.hasReply() || m_socket->bytesAvailable() > 0) {
        fail({SmtpErrorCategory::Tls, SmtpCommand::StartTls, reply,
              tr("The server sent unexpected data right after agreeing to STARTTLS."),
              tr("This is how a STARTTLS injection attack looks. The session was stopped before TLS started, "
                 "so nothing was sent. Report it to the server's administrator."),
              false});
        return;
    }
    m_parser.reset();
    setState(State::StartTlsHandshake);
    m_socket->startClientEncryption();
    armReplyTimer();
}

// ---------------------------------------------------------------------------------------------------------
// Authentication

void SmtpSession::startAuthentication()
{
    const bool wantAuth = !m_settings.username.isEmpty() && m_settings.authMechanism.toUpper() != "NONE";
    if (!wantAuth) {
        startNextTransaction();
        return;
    }
    if (!isEncrypted() && !m_settings.allowPlaintextAuth) {
        fail({SmtpErrorCategory::Auth, std::nullopt, std::nullopt,
              tr("Refusing to send the password over an unencrypted connection."),
              tr("Choose STARTTLS or SSL/TLS for this account. Only if you are sure the network is private, "
                 "allow authentication without encryption explicitly."),
              false});
        return;
    }
    const QByteArrayList offered =
        m_extensions.count("AUTH") ? m_extensions.at("AUTH").toUpper().split(' ') : QByteArrayList();
    QByteArray mechanism = m_settings.authMechanism.toUpper();
    if (offered.isEmpty() || (offered.size() == 1 && offered.first().isEmpty())) {
        fail({SmtpErrorCategory::Auth, SmtpCommand::Ehlo, std::nullopt,
              tr("The server does not offer authentication, but a user name is set."),
              tr("If this server needs no login, set authentication to none. Otherwise use the provider's "
                 "submission server (port 587 or 465); port 25 often offers no login."),
              false});
        return;
    }
    if (mechanism.isEmpty()) {
        mechanism = SaslMechanism::strongestOffered(offered, m_settings.secretIsToken, isEncrypted());
        if (mechanism.isEmpty()) {
            fail({SmtpErrorCategory::Auth, SmtpCommand::Ehlo, std::nullopt,
                  tr("No login method offered by the server can be used."),
                  tr("The server offers %1; Sendscope supports %2.")
                      .arg(QString::fromLatin1(offered.join(' ')),
                           QString::fromLatin1((m_settings.secretIsToken
                                                    ? SaslMechanism::supportedTokenMechanisms()
                                                    : SaslMechanism::supportedPasswordMechanisms())
                                                   .join(' '))),
                  false});
            return;
        }
    } else if (!offered.contains(mechanism)) {
        fail({SmtpErrorCategory::Auth, SmtpCommand::Ehlo, std::nullopt,
              tr("The server does not offer the login method %1.").arg(QString::fromLatin1(mechanism)),
              tr("It offers %1. Choose one of those, or automatic.")
                  .arg(QString::fromLatin1(offered.join(' '))),
              false});
        return;
    }
    SaslCredentials credentials{m_settings.username, m_settings.secret, m_settings.host,
                                m_settings.effectivePort()};
    m_sasl = SaslMechanism::create(mechanism, credentials);
    if (!m_sasl) {
        fail({SmtpErrorCategory::Auth, std::nullopt, std::nullopt,
              tr("The login method %1 is not supported.").arg(QString::fromLatin1(mechanism)),
              tr("Choose automatic, or one of %1.")
                  .arg(QString::fromLatin1(SaslMechanism::supportedPasswordMechanisms().join(' '))),
              false});
        return;
    }
    m_authMechanismName = m_sasl->name();
    setState(State::Authenticating);
    log(TranscriptEntry::Kind::Info,
        tr("Authenticating with %1 (%2)")
            .arg(QString::fromLatin1(m_authMechanismName), m_sasl->redactedDescription()));
    const std::optional<QByteArray> initial = m_sasl->initialResponse();
    QByteArray line = "AUTH " + m_authMechanismName;
    if (initial)
        line += ' ' + (initial->isEmpty() ? QByteArray("=") : initial->toBase64());
    queueCommand(SmtpCommand::Auth, line,
                 QStringLiteral("AUTH ") + QString::fromLatin1(m_authMechanismName) +
                     (initial ? QStringLiteral(" ********") : QString()));
    flush();
}

void SmtpSession::handleAuth(const SmtpReply &reply)
{
    if (reply.code() == 334) {
        const QByteArray encoded = reply.lines().value(0).trimmed();
        const auto decoded = QByteArray::fromBase64Encoding(encoded, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) {
            queueCommand(SmtpCommand::Auth, "*", QStringLiteral("* (cancelling the login)"));
            flush();
            m_transactionError = {SmtpErrorCategory::Protocol,
                                  SmtpCommand::Auth,
                                  reply,
                                  tr("The server sent a login challenge that is not valid base64."),
                                  tr("The login was cancelled. The server's SASL implementation is broken."),
                                  false};
            return;
        }
        const SaslMechanism::Step step = m_sasl->respond(*decoded);
        if (!step.ok) {
            queueCommand(SmtpCommand::Auth, "*", QStringLiteral("* (cancelling the login)"));
            flush();
            m_transactionError = {SmtpErrorCategory::Auth,
                                  SmtpCommand::Auth,
                                  reply,
                                  tr("The login was cancelled: %1").arg(step.error),
                                  tr("The server's answer during login was not acceptable, so the login was "
                                     "stopped before it could complete."),
                                  false};
            return;
        }
        queueCommand(SmtpCommand::Auth, step.response.toBase64(),
                     step.response.isEmpty() ? QStringLiteral("(empty response)")
                                             : QStringLiteral("********"));
        flush();
        return;
    }
    if (m_transactionError.isError()) {
        SmtpError error = m_transactionError;
        m_transactionError = {};
        fail(error);
        return;
    }
    if (reply.isPositiveCompletion()) {
        if (!m_sasl->isServerVerified()) {
            fail({SmtpErrorCategory::Auth, SmtpCommand::Auth, reply,
                  tr("The server accepted the login without proving that it knows the password."),
                  tr("With SCRAM the server must prove its identity. It did not, so the session was stopped: "
                     "you may be talking to an impostor."),
                  false});
            return;
        }
        log(TranscriptEntry::Kind::Info,
            tr("Authenticated as %1 with %2")
                .arg(m_settings.username, QString::fromLatin1(m_authMechanismName)));
        m_sasl.reset();
        startNextTransaction();
        return;
    }
    failWithReply(SmtpCommand::Auth, reply);
}

// ---------------------------------------------------------------------------------------------------------
// Mail transactions

void SmtpSession::startNextTransaction()
{
    m_pipelining = m_settings.usePipelining && hasExtension("PIPELINING");
    while (++m_current < static_cast<int>(m_messages.size())) {
        OutgoingMessage &message = m_messages[static_cast<size_t>(m_current)];
        MessageResult &result = m_results[m_current];
        for (const QString &address : std::as_const(message.recipients))
            result.recipients.append({address, {}, false, false});

        SmtpError invalid;
        if (!validateMessage(message, &invalid)) {
            // Added while the session ran: only this message fails, the connection goes on.
            finishMessage(MessageResult::Outcome::Failed, invalid);
            continue;
        }
        const qint64 size = message.source->size();
        const qint64 limit = hasExtension("SIZE") ? m_extensions.at("SIZE").toLongLong() : 0;
        if (limit > 0 && size > limit) {
            finishMessage(
                MessageResult::Outcome::Failed,
                {SmtpErrorCategory::Size, std::nullopt, std::nullopt,
                 tr("The message is too large for this server: %1 bytes, the limit is %2 bytes.")
                     .arg(formatBytes(size), formatBytes(limit)),
                 tr("Nothing was sent. Remove or shrink attachments, or share large files by link."), false});
            continue;
        }
        if (messageNeedsSmtpUtf8(message) && !hasExtension("SMTPUTF8")) {
            finishMessage(
                MessageResult::Outcome::Failed,
                {SmtpErrorCategory::Policy, std::nullopt, std::nullopt,
                 tr("This server cannot carry non-ASCII addresses (it lacks SMTPUTF8)."),
                 tr("An address in the envelope or the message headers uses characters beyond ASCII. "
                    "Use an ASCII form of the address, or another server."),
                 false});
            continue;
        }
        m_transactionRecipients.clear();
        for (int i = 0; i < message.recipients.size(); ++i)
            m_transactionRecipients.append(i);
        m_deferredRecipients.clear();
        beginTransaction();
        return;
    }
    if (m_moreExpected) {
        m_current = static_cast<int>(m_messages.size()) - 1; // the next one added is the next to go
        setState(State::AwaitingMessage);
        emit messagesRanOut();
        return;
    }
    // No more messages.
    setState(State::Quitting);
    sendQuit();
}

bool SmtpSession::messageNeedsSmtpUtf8(const OutgoingMessage &message) const
{
    if (message.requireSmtpUtf8 || message.source->scan().headersNonAscii)
        return true;
    auto localPartNonAscii = [](const QString &address) {
        return !isAscii(address.left(address.lastIndexOf(u'@')));
    };
    if (localPartNonAscii(message.from))
        return true;
    return std::any_of(message.recipients.begin(), message.recipients.end(), localPartNonAscii);
}

QByteArray SmtpSession::encodeAddress(const QString &address, bool smtpUtf8) const
{
    if (smtpUtf8 || isAscii(address))
        return address.toUtf8();
    // An internationalised domain with an ASCII local part travels as A-labels without SMTPUTF8.
    const qsizetype at = address.lastIndexOf(u'@');
    const QByteArray ace = QUrl::toAce(address.mid(at + 1));
    return address.left(at).toUtf8() + '@' + (ace.isEmpty() ? address.mid(at + 1).toUtf8() : ace);
}

void SmtpSession::beginTransaction()
{
    const OutgoingMessage &message = m_messages[static_cast<size_t>(m_current)];
    MessageResult &result = m_results[m_current];
    ++result.transactions;
    m_txQueue.clear();
    m_acceptedInTransaction = 0;
    m_mailRejected = false;
    m_transactionError = {};
    m_useBdat = m_settings.useChunking && hasExtension("CHUNKING");
    if (result.transactions == 1) {
        if (message.dsn.enabled && !hasExtension("DSN"))
            log(TranscriptEntry::Kind::Info,
                tr("The server does not offer DSN: no delivery notifications can be "
                   "requested for this message"));
        else if (message.dsn.enabled)
            log(TranscriptEntry::Kind::Info,
                tr("Delivery status notifications (DSN) requested: %1")
                    .arg(QString::fromLatin1(
                        (dsnMailParameters(message.dsn) + dsnNotify(message.dsn)).trimmed())));
        if (message.source->scan().hasEightBit && !hasExtension("8BITMIME") && !messageNeedsSmtpUtf8(message))
            log(TranscriptEntry::Kind::Info,
                tr("The message has 8-bit content but the server does not announce "
                   "8BITMIME; sending it anyway, as most servers accept it"));
    }
    const bool smtpUtf8 = messageNeedsSmtpUtf8(message);

    if (m_needRset || m_transactionOpen)
        m_txQueue.push_back({SmtpCommand::Rset, "RSET"});
    m_needRset = false;
    m_txQueue.push_back({SmtpCommand::MailFrom, "MAIL FROM:<" + encodeAddress(message.from, smtpUtf8) + '>' +
                                                    mailFromParameters(message)});
    for (const int index : std::as_const(m_transactionRecipients)) {
        const QString &recipient = message.recipients.at(index);
        m_txQueue.push_back(
            {SmtpCommand::RcptTo,
             "RCPT TO:<" + encodeAddress(recipient, smtpUtf8) + '>' + rcptToParameters(message, recipient),
             index});
    }
    if (m_useBdat)
        m_txQueue.push_back(
            {SmtpCommand::Bdat, "BDAT " + QByteArray::number(message.source->size()) + " LAST"});
    else
        m_txQueue.push_back({SmtpCommand::Data, "DATA"});
    setState(State::MailTransaction);
    sendNextTransactionCommands();
}

void SmtpSession::sendNextTransactionCommands()
{
    while (!m_txQueue.empty()) {
        const TransactionCommand next = m_txQueue.front();
        m_txQueue.pop_front();
        if (next.command == SmtpCommand::Bdat) {
            // Without PIPELINING we know the RCPT results by now; with it, the server sorts it out
            // (RFC 3030 section 4.2: BDAT after failed RCPTs is answered with 503/554).
            if (!m_pipelining && (m_mailRejected || m_acceptedInTransaction == 0)) {
                finishTransaction({});
                return;
            }
            queueCommand(SmtpCommand::Bdat, next.line);
            startBody();
            return;
        }
        if (next.command == SmtpCommand::Data && !m_pipelining &&
            (m_mailRejected || m_acceptedInTransaction == 0)) {
            finishTransaction({});
            return;
        }
        queueCommand(next.command, next.line, {}, next.recipientIndex);
        if (!m_pipelining)
            break;
    }
    flush();
}

void SmtpSession::handleRset(const SmtpReply &reply)
{
    m_transactionOpen = false;
    if (!reply.isPositiveCompletion())
        log(TranscriptEntry::Kind::Info, tr("The server did not accept RSET; continuing"));
    if (!m_pipelining && m_state == State::MailTransaction)
        sendNextTransactionCommands();
}

void SmtpSession::handleMailFrom(const SmtpReply &reply)
{
    if (reply.isPositiveCompletion()) {
        m_transactionOpen = true;
    } else {
        m_mailRejected = true;
        m_transactionError = ReplyExplainer::explain(SmtpCommand::MailFrom, reply);
        if (!m_pipelining) {
            finishTransaction({});
            return;
        }
    }
    if (!m_pipelining)
        sendNextTransactionCommands();
}

void SmtpSession::handleRcptTo(const SmtpReply &reply, int recipientIndex)
{
    MessageResult &result = m_results[m_current];
    RecipientResult &recipient = result.recipients[recipientIndex];
    recipient.reply = reply;
    if (m_mailRejected) {
        // Pipelined behind a refused MAIL FROM: the 503 says nothing about the recipient.
    } else if (reply.isPositiveCompletion()) {
        recipient.accepted = true;
        recipient.deferred = false;
        ++m_acceptedInTransaction;
    } else if (reply.code() == 452 && m_acceptedInTransaction > 0) {
        // RFC 5321 section 4.5.3.1.10: "too many recipients" - the rest go in another transaction. Only
        // when this transaction has recipients already, otherwise a second try would get the same answer.
        recipient.deferred = true;
        m_deferredRecipients.append(recipientIndex);
        log(TranscriptEntry::Kind::Info,
            tr("Recipient %1 deferred to a further transaction (the server limits recipients per message)")
                .arg(recipient.address));
    } else {
        recipient.accepted = false;
        // The explanation goes inline, next to the reply it explains: the session may still succeed for
        // the other recipients, so no final error line would say it otherwise.
        const SmtpError explained = ReplyExplainer::explain(SmtpCommand::RcptTo, reply);
        log(TranscriptEntry::Kind::Error,
            tr("Recipient %1 refused: %2 %3")
                .arg(recipient.address, explained.summary, explained.explanation));
        if (!m_transactionError.isError())
            m_transactionError = explained;
    }
    if (!m_pipelining)
        sendNextTransactionCommands();
}

void SmtpSession::handleData(const SmtpReply &reply)
{
    if (reply.code() == 354) {
        if (m_mailRejected || m_acceptedInTransaction == 0) {
            // RFC 2920 section 3.1: the server accepted DATA although no recipient was accepted; end the
            // (empty) message at once so that nothing is delivered.
            m_encoder.reset();
            writeRaw(".\r\n");
            log(TranscriptEntry::Kind::Client, QStringLiteral("."));
            m_pending.push_back({SmtpCommand::DataEnd});
            m_bodyWritten = 0;
            m_bodyDone = true;
            setState(State::AwaitingDataEnd);
            armReplyTimer();
            return;
        }
        startBody();
        return;
    }
    finishTransaction(reply);
}

void SmtpSession::startBody()
{
    OutgoingMessage &message = m_messages[static_cast<size_t>(m_current)];
    if (!message.source->rewind()) {
        failProtocol(tr("The message could not be read again."), message.source->device()->errorString());
        return;
    }
    m_encoder = std::make_unique<BodyEncoder>(m_useBdat ? BodyEncoder::Mode::Bdat : BodyEncoder::Mode::Data);
    m_bodyWritten = 0;
    m_bodyTotal = message.source->size();
    m_bodyDone = false;
    m_dataEndAnnounced = false;
    setState(State::SendingBody);
    // BDAT: MAIL, RCPT and BDAT are still buffered and must precede the body in the same write.
    flush();
    pumpBody();
}

void SmtpSession::pumpBody()
{
    if (m_finished || m_bodyDone || !m_socket)
        return;
    const MessageSource &source = *m_messages[static_cast<size_t>(m_current)].source;
    QIODevice *device = source.device();
    // BDAT of a message that is already in wire form (CRLF throughout, as generated messages and most .eml
    // files are): the bytes read go to the socket as they are. QSslSocket::write(const QByteArray &) keeps
    // a reference instead of copying, so each chunk is copied once, from the page cache, before TLS.
    const bool passThrough = m_useBdat && source.scan().canonical;
    while (!m_bodyDone && m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite() < kSocketHighWater) {
        QByteArray &encoded = freeBodyBuffer();
        QByteArray &chunk = passThrough ? encoded : m_readChunk;
        chunk.resize(kReadChunk);
        const qint64 n = device->read(chunk.data(), chunk.size());
        if (n < 0) {
            // An attachment vanished or changed on disk. The connection is dropped before the end of
            // data, so the server discards the incomplete message: nothing half-written is delivered.
            fail({SmtpErrorCategory::Input, std::nullopt, std::nullopt,
                  tr("Reading the message failed while sending it; nothing was delivered."),
                  device->errorString(), false, false});
            return;
        }
        if (n == 0) {
            encoded.resize(0);
            m_encoder->finish(encoded);
            m_bodyDone = true;
        } else if (passThrough) {
            encoded.resize(n);
        } else {
            encoded.resize(0);
            m_encoder->encode(QByteArrayView(chunk.constData(), n), encoded);
        }
        const qint64 payload = m_bodyDone && !m_useBdat ? encoded.size() - 3 : encoded.size();
        if (m_useBdat && m_bodyWritten + payload > m_bodyTotal) {
            // BDAT announced an exact size; the file must have changed since it was measured.
            fail({SmtpErrorCategory::Input, SmtpCommand::Bdat, std::nullopt,
                  tr("The message changed while it was being sent."),
                  tr("A file grew during sending. The connection was closed so that no partial message is "
                     "delivered; send again."),
                  true});
            return;
        }
        // The body after a 354 starts a flight; its continuation never does, even when pipelined replies
        // to MAIL and RCPT came in meanwhile, because nothing waited for them.
        if (!m_flightOpen) {
            if (m_bodyWritten == 0)
                ++m_flight;
            m_flightOpen = true;
        }
        const bool endsData = m_useBdat ? m_bodyWritten + payload == m_bodyTotal : m_bodyDone;
        if (endsData && !m_dataEndAnnounced) {
            m_dataEndAnnounced = true;
            emit dataEndPrepared(m_current);
            if (m_finished)
                return; // cancelled by whoever recorded it: the end of data must not leave
        }
        m_bodyWritten += payload;
        writeRaw(encoded);
    }
    if (!m_bodyDone)
        return;
    if (m_useBdat && m_bodyWritten != m_bodyTotal) {
        fail({SmtpErrorCategory::Input, SmtpCommand::Bdat, std::nullopt,
              tr("The message changed while it was being sent."),
              tr("A file shrank during sending. The connection was closed so that no partial message is "
                 "delivered; send again."),
              true});
        return;
    }
    m_results[m_current].bytesSent = m_bodyWritten;
    log(TranscriptEntry::Kind::Client,
        tr("[message body: %1 bytes, %2 lines]")
            .arg(formatBytes(m_bodyWritten))
            .arg(passThrough ? source.scan().lineCount : m_encoder->inputLines()));
    if (!m_useBdat) {
        log(TranscriptEntry::Kind::Client, QStringLiteral("."));
        m_pending.push_back({SmtpCommand::DataEnd});
    }
    // QUIT waits for the end-of-data reply even with PIPELINING: servers refuse a command that arrives
    // together with the end of data (Haraka answers 503 "pipelined after end of DATA", Postfix with
    // smtpd_forbid_unauth_pipelining drops the client, which can lose the reply that says whether the
    // message was accepted). It costs one round trip per session.
    setState(State::AwaitingDataEnd);
    armReplyTimer();
}

QByteArray &SmtpSession::freeBodyBuffer()
{
    // A buffer handed to the socket is shared with it until TLS has consumed it, normally by the next
    // event-loop turn. Reusing the ones it gave back spares a fresh 256 KiB allocation per chunk, whose
    // page faults (mmap, zeroing) were a tenth of a 50 MB send's profile.
    for (QByteArray &buffer : m_bodyBuffers) {
        if (buffer.isNull() || buffer.isDetached())
            return buffer;
    }
    return m_bodyBuffers.emplace_back();
}

void SmtpSession::handleDataEnd(const SmtpReply &reply)
{
    finishTransaction(reply);
}

void SmtpSession::finishTransaction(const SmtpReply &reply)
{
    MessageResult &result = m_results[m_current];
    m_encoder.reset();
    const bool delivered =
        reply.isValid() && reply.isPositiveCompletion() && !m_mailRejected && m_acceptedInTransaction > 0;
    if (reply.isValid())
        m_transactionOpen = false;
    if (delivered) {
        result.finalReply = reply;
        if (!m_deferredRecipients.isEmpty()) {
            log(TranscriptEntry::Kind::Info,
                tr("Sending to the deferred recipients (%1) in a further transaction")
                    .arg(m_deferredRecipients.size()));
            m_transactionRecipients = m_deferredRecipients;
            m_deferredRecipients.clear();
            beginTransaction();
            return;
        }
        const QStringList refused = result.refusedAddresses();
        if (refused.isEmpty()) {
            finishMessage(MessageResult::Outcome::Sent);
        } else {
            SmtpError partial = m_transactionError;
            partial.summary = tr("Sent, but refused for: %1").arg(refused.join(QStringLiteral(", ")));
            finishMessage(MessageResult::Outcome::PartiallySent, partial);
        }
        advance();
        return;
    }
    SmtpError error;
    if (m_mailRejected || (m_acceptedInTransaction == 0 && m_transactionError.isError())) {
        error = m_transactionError;
        if (!m_mailRejected && error.category != SmtpErrorCategory::Policy)
            error.category = SmtpErrorCategory::Recipient;
        if (!m_mailRejected)
            error.summary = tr("Every recipient was refused. %1").arg(error.summary);
    } else if (reply.isValid()) {
        error = ReplyExplainer::explain(m_useBdat ? SmtpCommand::Bdat : SmtpCommand::DataEnd, reply);
    } else {
        error = {SmtpErrorCategory::Recipient,     std::nullopt, std::nullopt,
                 tr("No recipient was accepted."), {},           false};
    }
    if (m_results[m_current].transactions > 1) {
        // An earlier transaction of this message was delivered to some recipients.
        finishMessage(MessageResult::Outcome::PartiallySent, error);
    } else {
        finishMessage(MessageResult::Outcome::Failed, error);
    }
    advance();
}

void SmtpSession::finishMessage(MessageResult::Outcome outcome, const SmtpError &error)
{
    MessageResult &result = m_results[m_current];
    result.outcome = outcome;
    result.error = error;
    if (outcome == MessageResult::Outcome::Failed)
        log(TranscriptEntry::Kind::Error, error.summary + u' ' + error.explanation);
    else
        log(TranscriptEntry::Kind::Info,
            outcome == MessageResult::Outcome::Sent
                ? tr("Message %1 sent (%2 bytes)").arg(m_current + 1).arg(formatBytes(result.bytesSent))
                : error.summary);
    if (outcome == MessageResult::Outcome::Failed && !m_error.isError())
        m_error = error;
    // Its data is not needed again (a bulk run may send thousands over one session).
    m_messages[static_cast<size_t>(m_current)].source.reset();
    // A transaction that ended with the server's reply to the data is complete, and the next MAIL starts
    // afresh (RFC 5321 section 4.1.1.2); only one left open (MAIL accepted, nothing delivered) is reset.
    m_needRset = m_transactionOpen;
    emit messageFinished(m_current, result);
}

void SmtpSession::advance()
{
    if (m_finished)
        return;
    startNextTransaction();
}

void SmtpSession::failCurrentMessage(const SmtpError &error)
{
    // Every message not yet through fails with the session: the caller keeps it (outbox) with the reason.
    for (int index = std::max(m_current, 0); index < m_results.size(); ++index) {
        MessageResult &result = m_results[index];
        if (result.outcome != MessageResult::Outcome::NotSent)
            continue;
        result.outcome =
            result.transactions > 1 ? MessageResult::Outcome::PartiallySent : MessageResult::Outcome::Failed;
        result.error = error;
        emit messageFinished(index, result);
    }
}

// ---------------------------------------------------------------------------------------------------------
// Ending

void SmtpSession::sendQuit()
{
    queueCommand(SmtpCommand::Quit, "QUIT");
    flush();
    setState(State::Quitting);
    armReplyTimer();
}

void SmtpSession::handleQuit(const SmtpReply &)
{
    if (m_state != State::Quitting)
        setState(State::Quitting);
    finishSession(m_error);
}

void SmtpSession::cancel()
{
    if (m_finished)
        return;
    fail({SmtpErrorCategory::Cancelled, std::nullopt, std::nullopt, tr("Sending was cancelled."),
          m_state == State::AwaitingDataEnd
              ? tr("The message had been sent completely; it may or may not have been delivered.")
              : tr("The connection was closed."),
          false, m_state == State::AwaitingDataEnd});
}

void SmtpSession::failWithReply(SmtpCommand command, const SmtpReply &reply)
{
    fail(ReplyExplainer::explain(command, reply));
}

void SmtpSession::failProtocol(const QString &summary, const QString &explanation)
{
    fail({SmtpErrorCategory::Protocol,
          m_pending.empty() ? std::nullopt : std::optional(m_pending.front().command), std::nullopt, summary,
          explanation, false, m_state == State::AwaitingDataEnd});
}

void SmtpSession::fail(const SmtpError &error)
{
    if (m_finished)
        return;
    // The first failure is the one the user needs to hear about.
    m_error = error;
    log(TranscriptEntry::Kind::Error,
        error.explanation.isEmpty() ? error.summary : error.summary + u' ' + error.explanation);
    failCurrentMessage(error);
    // A server that answered sensibly deserves a QUIT; after a timeout, a protocol violation, a TLS problem
    // or a cancel we just drop the connection.
    const bool polite = error.reply.has_value() && error.reply->code() != 421 &&
                        error.category != SmtpErrorCategory::Protocol && m_state != State::SendingBody &&
                        m_state != State::StartTlsHandshake && m_state != State::TlsHandshake &&
                        error.category != SmtpErrorCategory::Tls;
    teardown(polite);
    finishSession(error);
}

void SmtpSession::teardown(bool polite)
{
    stopTimers();
    if (!m_socket)
        return;
    // The session is over: aborting emits disconnected() synchronously, and nothing the socket says now
    // may replace the error being reported.
    m_socket->disconnect(this);
    if (polite && m_socket->state() == QAbstractSocket::ConnectedState) {
        m_outBuffer.clear();
        queueCommand(SmtpCommand::Quit, "QUIT");
        flush();
        m_socket->disconnectFromHost();
        // A server that never closes must not keep the socket open: give it a moment, then abort.
        QTimer::singleShot(2000, m_socket, &QSslSocket::abort);
    } else {
        m_socket->abort();
    }
}

void SmtpSession::finishSession(const SmtpError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    stopTimers();
    m_bodyBuffers.clear();
    m_readChunk = QByteArray();
    if (m_socket && m_socket->state() != QAbstractSocket::UnconnectedState && !error.isError()) {
        m_socket->disconnectFromHost();
        QTimer::singleShot(2000, m_socket, &QSslSocket::abort);
    }
    setState(State::Finished);
    log(error.isError() ? TranscriptEntry::Kind::Error : TranscriptEntry::Kind::Info,
        error.isError()
            ? tr("Session failed after %1 ms (%2)")
                  .arg(m_clock.elapsed())
                  .arg(SmtpError::categoryName(error.category))
            : tr("Session finished after %1 ms, %2 client flights").arg(m_clock.elapsed()).arg(m_flight));
    emit finished(error);
}

// ---------------------------------------------------------------------------------------------------------
// Writing and logging

void SmtpSession::setState(State state)
{
    if (state == m_state)
        return;
    log(TranscriptEntry::Kind::Info, QStringLiteral("[%1 → %2]").arg(stateName(m_state), stateName(state)));
    m_state = state;
    emit stateChanged(state);
}

void SmtpSession::acknowledgeNow()
{
#ifdef Q_OS_LINUX
    // Sends the acknowledgement for what was read at once instead of up to 40 ms later. The option is
    // one-shot, so it is set after every read.
    if (!m_socket)
        return;
    const int quickAck = 1;
    ::setsockopt(static_cast<int>(m_socket->socketDescriptor()), IPPROTO_TCP, TCP_QUICKACK, &quickAck,
                 sizeof quickAck);
#endif
}

void SmtpSession::sendEhlo()
{
    setState(State::Ehlo);
    queueCommand(SmtpCommand::Ehlo, "EHLO " + ehloName().toUtf8());
    flush();
}

void SmtpSession::queueCommand(SmtpCommand command, const QByteArray &line, const QString &shownAs,
                               int recipientIndex)
{
    if (!m_flightOpen) {
        ++m_flight;
        m_flightOpen = true;
        if (!m_flightTimer.isValid())
            m_flightTimer.start(); // until every reply this flight waits for has arrived
    }
    m_outBuffer += line;
    m_outBuffer += "\r\n";
    m_pending.push_back({command, recipientIndex});
    log(TranscriptEntry::Kind::Client, shownAs.isEmpty() ? QString::fromUtf8(line) : shownAs);
}

void SmtpSession::flush()
{
    if (m_outBuffer.isEmpty())
        return;
    writeRaw(m_outBuffer);
    m_outBuffer.clear();
    armReplyTimer();
}

void SmtpSession::writeRaw(const QByteArray &data)
{
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->write(data);
}

void SmtpSession::log(TranscriptEntry::Kind kind, const QString &text)
{
    TranscriptEntry entry = TranscriptEntry::create(kind, text);
    entry.encrypted = isEncrypted();
    entry.flight = m_flight;
    // A session fed message after message (bulk sending) could run for hours: its listeners keep what
    // they want of the transcript, the session does not hold all of it.
    if (!m_moreExpected)
        m_transcript.append(entry);
    emit transcriptEntryAdded(entry);
}

void SmtpSession::logReply(const SmtpReply &reply)
{
    // Lines end in CRLF; a CR anywhere else is the server's and is shown (escaped) by the entry.
    QString text = QString::fromUtf8(reply.toWireFormat());
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    if (text.endsWith(u'\n'))
        text.chop(1);
    if (m_state == State::Authenticating && m_sasl && reply.code() == 334) {
        // A challenge can help guess the password offline (SCRAM's nonce, salt and iterations, its server
        // signature): the mechanism says what it is instead of showing it.
        const auto decoded = QByteArray::fromBase64Encoding(reply.lines().value(0).trimmed(),
                                                            QByteArray::AbortOnBase64DecodingErrors);
        const QString summary = decoded ? m_sasl->describeChallenge(*decoded) : QString();
        if (!summary.isEmpty())
            text = QStringLiteral("334 ") + summary;
    }
    log(TranscriptEntry::Kind::Server, text);
}

void SmtpSession::logTlsDetails()
{
    const QSslCipher cipher = m_socket->sessionCipher();
    const QString protocol = [&] {
        switch (m_socket->sessionProtocol()) {
        case QSsl::TlsV1_2:
            return QStringLiteral("TLS 1.2");
        case QSsl::TlsV1_3:
            return QStringLiteral("TLS 1.3");
        default:
            return cipher.protocolString();
        }
    }();
    log(TranscriptEntry::Kind::Tls, tr("TLS established after %1 ms: %2, cipher %3 (%4 bits)")
                                        .arg(m_clock.elapsed())
                                        .arg(protocol, cipher.name())
                                        .arg(cipher.usedBits()));
    const QList<QSslCertificate> chain = m_socket->peerCertificateChain();
    for (qsizetype i = 0; i < chain.size(); ++i) {
        const QSslCertificate &certificate = chain.at(i);
        log(TranscriptEntry::Kind::Tls,
            tr("Certificate %1: subject \"%2\", issuer \"%3\", valid %4 to %5, SHA-256 %6")
                .arg(i)
                .arg(certificate.subjectDisplayName(), certificate.issuerDisplayName(),
                     certificate.effectiveDate().toString(Qt::ISODate),
                     certificate.expiryDate().toString(Qt::ISODate), fingerprintHex(certificate)));
    }
}

QString SmtpSession::ehloName() const
{
    if (!m_settings.localHostName.isEmpty())
        return m_settings.localHostName;
    // RFC 5321 section 4.1.4: the client's fully qualified name, or an address literal when it has none.
    const QString host = QHostInfo::localHostName();
    const QString domain = QHostInfo::localDomainName();
    const QString fqdn = host.contains(u'.') ? host : (domain.isEmpty() ? QString() : host + u'.' + domain);
    if (!fqdn.isEmpty() && !fqdn.endsWith(QStringLiteral(".localdomain")) &&
        !fqdn.startsWith(QStringLiteral("localhost")))
        return fqdn;
    const QHostAddress local = m_socket ? m_socket->localAddress() : QHostAddress(QHostAddress::LocalHost);
    bool isV4 = false;
    const quint32 v4 = local.toIPv4Address(&isV4);
    if (isV4)
        return u'[' + QHostAddress(v4).toString() + u']';
    return QStringLiteral("[IPv6:") + local.toString() + u']';
}

QByteArray SmtpSession::xtext(const QByteArray &value)
{
    // RFC 3461 section 4: "+" followed by two upper-case hex digits for '+', '=', controls and non-ASCII.
    QByteArray out;
    for (const char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 33 || byte > 126 || byte == '+' || byte == '=')
            out += '+' + QByteArray::number(byte, 16).toUpper().rightJustified(2, '0');
        else
            out += c;
    }
    return out;
}

QByteArray SmtpSession::mailFromParameters(const OutgoingMessage &message) const
{
    QByteArray params;
    const MessageSource::Scan &scan = message.source->scan();
    if (hasExtension("SIZE"))
        params += " SIZE=" + QByteArray::number(message.source->size());
    if (scan.hasEightBit && hasExtension("8BITMIME"))
        params += " BODY=8BITMIME";
    if (messageNeedsSmtpUtf8(message) && hasExtension("SMTPUTF8"))
        params += " SMTPUTF8";
    if (message.dsn.enabled && hasExtension("DSN"))
        params += dsnMailParameters(message.dsn);
    return params;
}

QByteArray SmtpSession::dsnMailParameters(const DsnOptions &dsn)
{
    QByteArray params = dsn.returnFullMessage ? " RET=FULL" : " RET=HDRS";
    if (!dsn.envelopeId.isEmpty())
        params += " ENVID=" + xtext(dsn.envelopeId.toUtf8());
    return params;
}

QByteArray SmtpSession::dsnNotify(const DsnOptions &dsn)
{
    QByteArrayList notify;
    if (dsn.notifySuccess)
        notify << "SUCCESS";
    if (dsn.notifyFailure)
        notify << "FAILURE";
    if (dsn.notifyDelay)
        notify << "DELAY";
    if (notify.isEmpty())
        notify << "NEVER";
    return " NOTIFY=" + notify.join(',');
}

QByteArray SmtpSession::rcptToParameters(const OutgoingMessage &message, const QString &recipient) const
{
    if (!message.dsn.enabled || !hasExtension("DSN"))
        return {};
    QByteArray params = dsnNotify(message.dsn);
    if (isAscii(recipient))
        params += " ORCPT=rfc822;" + xtext(recipient.toUtf8());
    return params;
}

void SmtpSession::armReplyTimer()
{
    if (!m_finished && m_settings.replyTimeoutMs > 0)
        m_replyTimer.start(m_settings.replyTimeoutMs);
}

void SmtpSession::stopTimers()
{
    m_replyTimer.stop();
    m_connectTimer.stop();
    m_sessionTimer.stop();
}
