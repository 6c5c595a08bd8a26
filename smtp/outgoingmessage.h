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
