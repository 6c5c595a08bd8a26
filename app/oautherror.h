#pragma once

#include <QString>

// A sign-in or token failure as a value: what kind, the server's own words (its JSON error body, which
// never holds a token), and what the person can do.
struct OAuthError
{
    enum class Code {
        None,
        NotConfigured,  // no client id, or the endpoints are missing
        Insecure,       // an endpoint that is not https (only loopback may use http)
        Browser,        // the browser could not be started (the URL was still printed)
        Cancelled,      // the person cancelled
        Timeout,        // nobody came back from the browser in time
        StateMismatch,  // the callback's state is not ours: possibly forged, ignored
        AccessDenied,   // the person or the organisation declined
        InvalidGrant,   // the refresh token or code is no longer valid: sign in again
        Server,         // another error answer from the provider
        Network,        // no answer at all
        Keychain,       // the refresh token could not be read or stored
        SignInRequired, // nobody has signed in for this account yet
    };
    Code code = Code::None;
    QString serverReply; // the provider's reply body or callback error, for the transcript
    QString explanation; // for a person

    bool isError() const { return code != Code::None; }
    // The person must sign in again (in a browser) before this account can send.
    bool needsSignIn() const
    {
        return code == Code::InvalidGrant || code == Code::SignInRequired || code == Code::AccessDenied;
    }
};
