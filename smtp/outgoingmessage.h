#pragma once

#include "messagesource.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

// RFC 3461 delivery status notification parameters.
struct DsnOptions
{
    bool enabled = false;
    bool notifySuccess = true;
    bool notifyFailure = true;
    bool notifyDelay = true;
    bool returnFullMessage = false; // RET=FULL, else RET=HDRS
    QString envelopeId;             // ENVID; empty: none

    // The ENVID for a message: its Message-ID's local part ("<1a2b.c3d4@example.com>" -> "1a2b.c3d4"), which
    // a notification quotes back, so the sender can match it to the message without a table of its own.
    // The session xtext-encodes it on the wire.
    static QString envelopeIdFor(const QByteArray &messageId)
    {
        QByteArray id = messageId.trimmed();
        if (id.startsWith('<') && id.endsWith('>'))
            id = id.mid(1, id.size() - 2);
        const qsizetype at = id.lastIndexOf('@');
        return QString::fromUtf8(at > 0 ? id.left(at) : id);
    }
};

// One message with its envelope. Recipients are To + Cc + Bcc (Bcc never appears in the message itself).
struct OutgoingMessage
{
    QString from;
    QStringList recipients;
    DsnOptions dsn;
    std::unique_ptr<MessageSource> source;
    bool requireSmtpUtf8 = false; // the envelope or headers contain non-ASCII addresses
};
