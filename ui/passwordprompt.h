#pragma once

#include "sendjob.h"

class QWidget;

// What every window that sends (compose, bulk send) asks when the keychain cannot give an account's
// password: one dialog, the answer kept in memory only, for this send. An empty answer cancels.
// Nobody is asked once the window is gone.
SendJob::SecretPrompt passwordPromptFor(QWidget *window);
