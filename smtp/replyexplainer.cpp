#include "replyexplainer.h"

#include <QCoreApplication>

namespace {

bool mentions(const QString &text, std::initializer_list<const char *> words)
{
    for (const char *word : words) {
        if (text.contains(QLatin1String(word), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace

QString ReplyExplainer::serverWords(const SmtpReply &reply)
{
    QStringList lines;
    for (const QByteArray &line : reply.lines())
        lines << QString::fromUtf8(line);
    return (QString::number(reply.code()) + u' ' + lines.join(u' ')).simplified().left(400);
}

ReplyExplainer::Advice ReplyExplainer::advise(SmtpCommand command, const SmtpReply &reply)
{
    Advice error;
    error.temporary = reply.isTransientFailure();
    const int code = reply.code();
    const std::optional<EnhancedStatusCode> enhanced = reply.enhancedCode();
    const int subject = enhanced ? enhanced->subject() : -1;
    const int detail = enhanced ? enhanced->detail() : -1;
    const QString text = reply.text();
    auto is = [&](int s, int d) { return subject == s && detail == d; };
    auto set = [&](SmtpErrorCategory category, const QString &summary, const QString &explanation) {
        error.category = category;
        error.summary = summary;
        error.whatToDo = explanation;
    };

    // The provider's own meaning beats a reading of the codes: providers reuse 535 and 550 for blocks
    // that no RFC 3463 code describes (SMTP AUTH disabled for a tenant, a daily quota).
    if (const ProviderReplies::Entry *entry = ProviderReplies::match(reply)) {
        error.entry = entry;
        error.category = entry->category;
        error.temporary = entry->temporary;
        error.accountWide = entry->accountWide;
        error.summary = entry->summary();
        error.whatToDo = entry->fix();
        return error;
    }

    const bool atEndOfData = command == SmtpCommand::DataEnd || command == SmtpCommand::Bdat;
    if (code == 421) {
        set(SmtpErrorCategory::ServerUnavailable,
            ReplyExplainer::tr("The server is not available right now and closed the connection."),
            ReplyExplainer::tr(
                "This is temporary: the server is overloaded, restarting or limiting connections. Try again "
                "in a "
                "few minutes."));
    } else if (command == SmtpCommand::Greeting && code == 554) {
        set(SmtpErrorCategory::Policy,
            ReplyExplainer::tr("The server refuses connections from this computer."),
            ReplyExplainer::tr(
                "Your address may be on a block list, or the server only accepts mail from certain networks. "
                "Use "
                "your provider's submission server (port 587 or 465) or ask its administrator."));
    } else if (command == SmtpCommand::Auth || is(7, 8) || is(7, 9) || is(7, 11) || is(7, 12) || is(7, 13) ||
               code == 535 || code == 534 || code == 538) {
        if (code == 534 || is(7, 9)) {
            set(SmtpErrorCategory::Auth,
                ReplyExplainer::tr("The server considers this login method too weak."),
                ReplyExplainer::tr(
                    "Choose another authentication method, or create an app password or use OAuth2 as the "
                    "provider asks."));
        } else if (code == 538 || is(7, 11)) {
            set(SmtpErrorCategory::Auth,
                ReplyExplainer::tr("This login method needs an encrypted connection."),
                ReplyExplainer::tr("Turn on STARTTLS or SSL/TLS for this account."));
        } else if (is(7, 12)) {
            set(SmtpErrorCategory::Auth, ReplyExplainer::tr("The server wants a password change first."),
                ReplyExplainer::tr(
                    "Log in to your provider's web mail and follow its instructions, then try again."));
        } else if (is(7, 13)) {
            set(SmtpErrorCategory::Auth, ReplyExplainer::tr("The account is disabled."),
                ReplyExplainer::tr("Contact your provider."));
        } else if (code == 454 || (error.temporary && command == SmtpCommand::Auth)) {
            set(SmtpErrorCategory::Auth,
                ReplyExplainer::tr("The server could not check the login right now."),
                ReplyExplainer::tr("This is a temporary problem on the server's side. Try again later."));
        } else if (code == 504) {
            set(SmtpErrorCategory::Auth, ReplyExplainer::tr("The server does not support this login method."),
                ReplyExplainer::tr("Choose automatic or another method offered by the server."));
        } else if (code == 530 && mentions(text, {"tls", "starttls", "encrypt", "ssl"})) {
            set(SmtpErrorCategory::Policy,
                ReplyExplainer::tr("The server requires an encrypted connection before login."),
                ReplyExplainer::tr("Turn on STARTTLS (port 587) or SSL/TLS (port 465) for this account."));
        } else if (code == 530) {
            set(SmtpErrorCategory::Auth, ReplyExplainer::tr("The server requires a login first."),
                ReplyExplainer::tr("Set the user name and password of this account."));
        } else {
            set(SmtpErrorCategory::Auth, ReplyExplainer::tr("The server rejected the user name or password."),
                ReplyExplainer::tr(
                    "Check both for typing errors and stray spaces. Many providers (Gmail, Outlook, iCloud, "
                    "Yahoo, "
                    "QQ, 163) do not accept the normal password here: create an app password (or an "
                    "authorisation code) in the account's security settings, or use OAuth2."));
        }
    } else if (code == 530 || is(7, 10)) {
        if (mentions(text, {"tls", "starttls", "encrypt", "ssl"}) || is(7, 10)) {
            set(SmtpErrorCategory::Policy, ReplyExplainer::tr("The server requires an encrypted connection."),
                ReplyExplainer::tr("Turn on STARTTLS (port 587) or SSL/TLS (port 465) for this account."));
        } else {
            set(SmtpErrorCategory::Policy,
                ReplyExplainer::tr("The server requires you to log in before sending."),
                ReplyExplainer::tr("Set the user name and password of this account (authentication)."));
        }
    } else if (mentions(text, {"relay"}) || (is(7, 1) && command == SmtpCommand::RcptTo &&
                                             mentions(text, {"denied", "not permitted", "not allowed"}))) {
        set(SmtpErrorCategory::Policy,
            ReplyExplainer::tr("The server will not relay mail for you to this recipient."),
            ReplyExplainer::tr(
                "Authenticate first (set user name and password), and send through your own provider's "
                "submission "
                "server rather than someone else's."));
    } else if (error.temporary && is(7, 1) && atEndOfData && !mentions(text, {"greylist", "graylist"})) {
        // Exim and content filters answer 451 4.7.1 after the data for a content or policy check; the
        // same message will meet the same check, so calling it greylisting would send the user waiting.
        set(SmtpErrorCategory::Policy,
            ReplyExplainer::tr("The server refused the message for now after checking its content or "
                               "sender."),
            ReplyExplainer::tr("This is not greylisting: the check was on the message itself. The server's "
                               "words say which check; sending it unchanged may be refused again."));
    } else if (mentions(text, {"greylist", "graylist"}) ||
               (error.temporary && is(7, 1) && mentions(text, {"try again", "later", "retry"}))) {
        set(SmtpErrorCategory::ServerUnavailable,
            ReplyExplainer::tr("The server asked to try again later (greylisting)."),
            ReplyExplainer::tr(
                "Greylisting servers refuse the first attempt from an unknown sender on purpose; a retry "
                "after a few "
                "minutes is normally accepted."));
    } else if (error.temporary && is(7, 1)) {
        set(SmtpErrorCategory::ServerUnavailable,
            ReplyExplainer::tr("The server refused for now for a policy reason."),
            ReplyExplainer::tr("It may be greylisting or a temporary block; the server's words say which. "
                               "Try again in a few minutes."));
    } else if ((is(4, 5) && reply.isPermanentFailure()) ||
               mentions(text, {"sending limit", "sending quota", "daily limit", "daily quota", "rate limit",
                               "too many messages", "quota exceeded for sending"})) {
        // A quota is on the sender's account, whatever the code: 5xx here does not mean a bad recipient.
        error.temporary = true;
        error.accountWide = true;
        set(SmtpErrorCategory::ServerUnavailable,
            ReplyExplainer::tr("The server refused because a sending limit of your account was reached."),
            ReplyExplainer::tr(
                "Nothing is wrong with the recipients. Wait (some limits are per day) and send "
                "again, with fewer recipients or messages at a time."));
    } else if (mentions(text, {"spamhaus", "spamcop", "blocklist", "blacklist", "block list", "dnsbl"})) {
        error.accountWide = true;
        set(SmtpErrorCategory::Policy, ReplyExplainer::tr("The sending IP address is on a block list."),
            ReplyExplainer::tr("The block is on the IP address of the server that sent the mail, not on you "
                               "or the message. Send through your provider's submission server, or have the "
                               "IP removed from the list the reply names."));
    } else if ((command == SmtpCommand::MailFrom || atEndOfData) &&
               mentions(text, {"same as authoriz", "must equal authoriz", "not owned", "mismatch",
                               "not allowed to send as", "send as this sender", "not one of your"})) {
        set(SmtpErrorCategory::Policy,
            ReplyExplainer::tr("The sender address differs from the account you log in with."),
            ReplyExplainer::tr("Send from the address of the account you log in with (or an alias the "
                               "provider has verified); this is not a protocol problem."));
    } else if (is(1, 3)) {
        set(SmtpErrorCategory::Recipient, ReplyExplainer::tr("The recipient address is not a valid address."),
            ReplyExplainer::tr("The server could not read the address at all, so it was not even looked up: "
                               "check it for typing errors, spaces, quotes or a missing domain."));
    } else if (is(2, 2) && !is(3, 4)) {
        set(SmtpErrorCategory::Recipient, ReplyExplainer::tr("The recipient's mailbox is full."),
            ReplyExplainer::tr("The recipient has to make room; try again later or reach them another way."));
    } else if (is(2, 1) && reply.isPermanentFailure()) {
        set(SmtpErrorCategory::Recipient, ReplyExplainer::tr("The recipient's mailbox is disabled."),
            ReplyExplainer::tr(
                "The address exists but does not accept mail. Reach the recipient another way."));
    } else if (code == 452 && (is(5, 3) || mentions(text, {"too many recipients"}))) {
        set(SmtpErrorCategory::Recipient,
            ReplyExplainer::tr("The server accepts no more recipients in this message."),
            ReplyExplainer::tr("The remaining recipients have to be sent in a further message."));
    } else if (code == 552 || is(3, 4) || is(2, 3) || (code == 452 && is(3, 1))) {
        if (code == 452 || is(3, 1)) {
            set(SmtpErrorCategory::ServerUnavailable, ReplyExplainer::tr("The server is short of storage."),
                ReplyExplainer::tr("This is temporary; try again later."));
        } else {
            set(SmtpErrorCategory::Size, ReplyExplainer::tr("The message is too large for the server."),
                ReplyExplainer::tr("Remove or shrink attachments, or share large files by link."));
        }
    } else if (command == SmtpCommand::RcptTo &&
               (subject == 1 || code == 550 || code == 551 || code == 553)) {
        if (is(1, 10)) {
            set(SmtpErrorCategory::Recipient,
                ReplyExplainer::tr("The recipient's domain does not accept mail."),
                ReplyExplainer::tr(
                    "The domain publishes a null MX: it never receives mail. Check the address."));
        } else if (subject == 7) {
            set(SmtpErrorCategory::Policy, ReplyExplainer::tr("The server's policy refused this recipient."),
                ReplyExplainer::tr(
                    "The recipient's server does not accept mail from you; the reply says why."));
        } else {
            set(SmtpErrorCategory::Recipient, ReplyExplainer::tr("The recipient address does not exist."),
                ReplyExplainer::tr(
                    "Check the spelling of the address; the recipient's server does not know this mailbox."));
        }
    } else if (command == SmtpCommand::MailFrom && (is(1, 7) || is(1, 8) || is(1, 0) || code == 553 ||
                                                    (code == 550 && mentions(text, {"sender", "from"})))) {
        set(SmtpErrorCategory::Policy, ReplyExplainer::tr("The server refused the sender address."),
            ReplyExplainer::tr(
                "Send from an address that belongs to the account you log in with; many providers refuse "
                "other "
                "From addresses."));
    } else if (is(7, 23) || is(7, 24) || is(7, 20) || is(7, 21) || is(7, 22) || is(7, 26) || is(7, 25)) {
        set(SmtpErrorCategory::Policy,
            ReplyExplainer::tr("The message failed the recipient's sender authentication checks."),
            ReplyExplainer::tr(
                "SPF, DKIM or DMARC did not pass: send through the server that your domain's DNS records "
                "authorise."));
    } else if (subject == 7 ||
               (code == 554 && (command == SmtpCommand::DataEnd || command == SmtpCommand::Bdat))) {
        set(SmtpErrorCategory::Policy, ReplyExplainer::tr("The server's policy refused the message."),
            ReplyExplainer::tr(
                "The server judged the message unacceptable, often as spam or for its content or "
                "attachments. "
                "The "
                "reply text says more; changing the content or contacting the administrator may help."));
    } else if (code == 555) {
        set(SmtpErrorCategory::Protocol,
            ReplyExplainer::tr("The server does not support an option of the command."),
            ReplyExplainer::tr("An extension parameter was not recognised. Turning off optional features "
                               "(DSN, 8BITMIME) may "
                               "help."));
    } else if (code == 521 || code == 556) {
        set(SmtpErrorCategory::Policy, ReplyExplainer::tr("The domain does not accept mail."),
            ReplyExplainer::tr("Check the address."));
    } else if (code >= 500 && code <= 504) {
        set(SmtpErrorCategory::Protocol, ReplyExplainer::tr("The server did not accept the command."),
            ReplyExplainer::tr(
                "The server does not support this command or did not expect it now. This usually means a "
                "mismatch "
                "between client and server; the transcript shows the exchange."));
    } else if (subject == 4) {
        set(error.temporary ? SmtpErrorCategory::ServerUnavailable : SmtpErrorCategory::Recipient,
            ReplyExplainer::tr("The message could not be routed."),
            ReplyExplainer::tr(
                "The server could not find a way to the recipient's domain. Check the domain of the "
                "address."));
    } else if (error.temporary) {
        set(SmtpErrorCategory::ServerUnavailable,
            ReplyExplainer::tr("The server reported a temporary problem."),
            ReplyExplainer::tr("Try again later; nothing in the message needs to change."));
    } else if (code == 554 || code == 550) {
        set(command == SmtpCommand::RcptTo ? SmtpErrorCategory::Recipient : SmtpErrorCategory::Policy,
            ReplyExplainer::tr("The server refused the request."),
            ReplyExplainer::tr("The reply text gives the server's reason."));
    } else {
        set(SmtpErrorCategory::Protocol, ReplyExplainer::tr("The server gave an unexpected reply."),
            ReplyExplainer::tr("The transcript shows the exchange."));
    }

    return error;
}

SmtpError ReplyExplainer::explain(SmtpCommand command, const SmtpReply &reply)
{
    const Advice advice = advise(command, reply);
    SmtpError error;
    error.command = command;
    error.reply = reply;
    error.category = advice.category;
    error.temporary = advice.temporary;
    error.summary = advice.summary;

    // The server's words first, marked as theirs, then Sendscope's advice: a reader can tell the reply
    // from the reading of it.
    QString said = ReplyExplainer::tr("Server said: \"%1\".").arg(serverWords(reply));
    if (const std::optional<EnhancedStatusCode> enhanced = reply.enhancedCode())
        said +=
            u' ' + ReplyExplainer::tr("Status %1: %2.").arg(enhanced->toString(), enhanced->description());
    QString todo = ReplyExplainer::tr("What to do: %1").arg(advice.whatToDo);
    todo += u' ' + notes(advice, reply);
    error.explanation = said + u' ' + todo;
    return error;
}

QString ReplyExplainer::notes(const Advice &advice, const SmtpReply &reply, bool codeQuoted)
{
    const QString code = codeQuoted || !reply.enhancedCode() ? QString::number(reply.code())
                                                             : reply.enhancedCode()->toString();
    QString notes;
    if (advice.accountWide)
        notes += u' ' + ReplyExplainer::tr("This affects every message from this account or server, not only "
                                           "this recipient.");
    if (advice.temporary && !reply.isTransientFailure())
        notes +=
            u' ' + ReplyExplainer::tr("The code (%1) says permanent, but this block is lifted with time: "
                                      "waiting helps.")
                       .arg(code);
    else if (advice.temporary)
        notes += u' ' + ReplyExplainer::tr("Temporary failure (%1): it may work later.").arg(code);
    else
        notes += u' ' + ReplyExplainer::tr("Permanent failure (%1): retrying will not help unless something "
                                           "changes.")
                            .arg(code);
    if (advice.entry && !advice.entry->link.isEmpty())
        notes += u' ' + ReplyExplainer::tr("%1 explains it: %2")
                            .arg(advice.entry->provider.isEmpty() ? ReplyExplainer::tr("The list")
                                                                  : advice.entry->provider,
                                 advice.entry->link);
    return notes.trimmed();
}
