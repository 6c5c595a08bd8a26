#include "oauthsignin.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrlQuery>

namespace {

QString randomToken(int bytes)
{
    QByteArray random(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), bytes / 4);
    return QString::fromLatin1(
        random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

constexpr int kMaxRequestBytes = 16 * 1024;

} // namespace

OAuthSignIn::OAuthSignIn(OAuthSettings settings, BrowserOpener openBrowser, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_openBrowser(std::move(openBrowser))
    , m_server(new QTcpServer(this))
    , m_tokens(new OAuthTokenClient(this))
{
    qRegisterMetaType<OAuthTokenClient::Tokens>();
    // A person may need a while to type a password and confirm a second factor.
    m_timeout.setInterval(5 * 60 * 1000);
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        fail(OAuthError::Code::Timeout, {},
             tr("Nobody came back from the browser within %1 minutes, so the sign-in was stopped. Try again.")
                 .arg(m_timeout.interval() / 60000.0, 0, 'g', 2));
    });
    connect(m_server, &QTcpServer::newConnection, this, &OAuthSignIn::onConnection);
}

OAuthSignIn::~OAuthSignIn() = default;

QString OAuthSignIn::newCodeVerifier()
{
    return randomToken(32);
}

QString OAuthSignIn::challengeFor(const QString &verifier)
{
    return QString::fromLatin1(QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

void OAuthSignIn::start()
{
    if (!m_settings.isComplete()) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                fail(OAuthError::Code::NotConfigured, {},
                     tr("Sign-in is not configured: the authorization address, token address and client id "
                        "are all needed."));
            },
            Qt::QueuedConnection);
        return;
    }
    for (const QUrl &url : {m_settings.authorizeUrl, m_settings.tokenUrl}) {
        if (!OAuthTokenClient::isAcceptableEndpoint(url)) {
            QMetaObject::invokeMethod(
                this,
                [this, url] {
                    fail(OAuthError::Code::Insecure, url.toString(),
                         tr("%1 is not an https address; Sendscope signs in only over encrypted connections.")
                             .arg(url.toString()));
                },
                Qt::QueuedConnection);
            return;
        }
    }
    // Loopback only and a port of the system's choosing (RFC 8252 §7.3): nothing else can reach it.
    if (!m_server->listen(QHostAddress::LocalHost, 0)) {
        const QString reason = m_server->errorString();
        QMetaObject::invokeMethod(
            this,
            [this, reason] {
                fail(OAuthError::Code::Network, reason,
                     tr("Sendscope could not listen on 127.0.0.1 for the browser's answer: %1").arg(reason));
            },
            Qt::QueuedConnection);
        return;
    }
    m_verifier = newCodeVerifier();
    m_state = randomToken(24);
    m_redirectUri = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_server->serverPort()));

    QUrl url = m_settings.authorizeUrl;
    QUrlQuery query(url);
    const QList<std::pair<QString, QString>> parameters = {
        {QStringLiteral("response_type"), QStringLiteral("code")},
        {QStringLiteral("client_id"), m_settings.clientId},
        {QStringLiteral("redirect_uri"), m_redirectUri.toString()},
        {QStringLiteral("scope"), m_settings.scope},
        {QStringLiteral("state"), m_state},
        {QStringLiteral("code_challenge"), challengeFor(m_verifier)},
        {QStringLiteral("code_challenge_method"), QStringLiteral("S256")},
    };
    for (const auto &[key, value] : parameters)
        query.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    for (auto it = m_settings.extraAuthorizeParameters.cbegin();
         it != m_settings.extraAuthorizeParameters.cend(); ++it)
        query.addQueryItem(it.key(), QString::fromLatin1(QUrl::toPercentEncoding(it.value())));
    if (!m_loginHint.isEmpty())
        query.addQueryItem(QStringLiteral("login_hint"),
                           QString::fromLatin1(QUrl::toPercentEncoding(m_loginHint)));
    url.setQuery(query.query(QUrl::FullyEncoded), QUrl::StrictMode);

    m_timeout.start();
    const bool started = m_openBrowser && m_openBrowser(url);
    emit authorizationUrlReady(url, started);
}

void OAuthSignIn::cancel()
{
    fail(OAuthError::Code::Cancelled, {}, tr("The sign-in was cancelled."));
}

void OAuthSignIn::onConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            // The request line and headers; the callback has no body.
            QByteArray buffer = socket->property("request").toByteArray() + socket->readAll();
            if (buffer.size() > kMaxRequestBytes) {
                socket->abort();
                return;
            }
            socket->setProperty("request", buffer);
            if (!buffer.contains("\r\n\r\n"))
                return;
            const QList<QByteArray> requestLine = buffer.left(buffer.indexOf("\r\n")).split(' ');
            if (requestLine.size() != 3 || requestLine.at(0) != "GET") {
                respond(socket, 405, tr("Not understood"), tr("Sendscope expected the sign-in answer here."));
                return;
            }
            onCallback(socket, requestLine.at(1));
        });
    }
}

void OAuthSignIn::onCallback(QTcpSocket *socket, const QByteArray &target)
{
    const QUrl url(QStringLiteral("http://127.0.0.1") + QString::fromLatin1(target));
    const QUrlQuery query(url);
    // Browsers also ask for /favicon.ico; only the redirect path with an answer is the callback.
    if (url.path() != QStringLiteral("/") || m_callbackTaken ||
        (!query.hasQueryItem(QStringLiteral("code")) && !query.hasQueryItem(QStringLiteral("error")))) {
        respond(socket, 404, tr("Not found"), tr("This is not the sign-in answer Sendscope waits for."));
        return;
    }
    // Exactly one callback: whatever it says, the listener closes now.
    m_callbackTaken = true;
    stopListening();
    const QString state = query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded);
    if (state != m_state) {
        respond(
            socket, 400, tr("Sign-in refused"),
            tr("This answer did not come from the sign-in Sendscope started. Nothing was changed; go back "
               "to Sendscope and try again."));
        fail(OAuthError::Code::StateMismatch, {},
             tr("The browser came back with an answer that does not belong to this sign-in (its state did "
                "not match), so it was ignored: it may have been forged. Try again."));
        return;
    }
    const QString error = query.queryItemValue(QStringLiteral("error"), QUrl::FullyDecoded);
    if (!error.isEmpty()) {
        const QString description =
            query.queryItemValue(QStringLiteral("error_description"), QUrl::FullyDecoded);
        respond(socket, 200, tr("Not signed in"),
                tr("The sign-in did not complete. You can close this tab."));
        fail(error == QStringLiteral("access_denied") ? OAuthError::Code::AccessDenied
                                                      : OAuthError::Code::Server,
             QStringLiteral("%1: %2").arg(error, description), OAuthTokenClient::explain(error, description));
        return;
    }
    respond(socket, 200, tr("Signed in"), tr("Sendscope has what it needs. You can close this tab."));
    const QString code = query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    m_tokens->exchangeCode(m_settings, code, m_verifier, m_redirectUri,
                           [this](const OAuthTokenClient::Tokens &tokens) { finishWith(tokens); });
}

void OAuthSignIn::respond(QTcpSocket *socket, int status, const QString &title, const QString &text)
{
    const QByteArray page =
        QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%1</title>"
                       "</head><body><h1>%1</h1><p>%2</p></body></html>")
            .arg(title.toHtmlEscaped(), text.toHtmlEscaped())
            .toUtf8();
    const QByteArray reason = status == 200 ? "OK" : status == 404 ? "Not Found" : "Bad Request";
    socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
                  "\r\nContent-Type: text/html; charset=utf-8\r\nCache-Control: no-store\r\n"
                  "Connection: close\r\nContent-Length: " +
                  QByteArray::number(page.size()) + "\r\n\r\n" + page);
    socket->disconnectFromHost();
}

void OAuthSignIn::fail(OAuthError::Code code, const QString &serverReply, const QString &explanation)
{
    OAuthTokenClient::Tokens tokens;
    tokens.error = {code, serverReply, explanation};
    finishWith(tokens);
}

void OAuthSignIn::finishWith(const OAuthTokenClient::Tokens &tokens)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timeout.stop();
    stopListening();
    m_verifier.fill(u'\0');
    emit finished(tokens);
}

void OAuthSignIn::stopListening()
{
    if (m_server->isListening())
        m_server->close();
}
