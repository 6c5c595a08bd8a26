#pragma once

#include "saslmechanism.h"

// RFC 5802 / RFC 7677 SCRAM-SHA-256 without channel binding. Unlike the other password mechanisms the
// server must prove that it knows the password too: isServerVerified() is true only after the server's
// signature checked out.
class SaslScramSha256 : public SaslMechanism
{
public:
    explicit SaslScramSha256(SaslCredentials credentials);
    QByteArray name() const override { return QByteArrayLiteral("SCRAM-SHA-256"); }
    std::optional<QByteArray> initialResponse() override;
    Step respond(const QByteArray &challenge) override;
    bool isServerVerified() const override { return m_serverVerified; }
    // "[server challenge: 4096 iterations, 16-byte salt]": the nonce, salt and signature, with the
    // client's messages, would let anyone who reads the transcript test password guesses offline.
    QString describeChallenge(const QByteArray &challenge) const override;

    // Tests reproduce the RFC 7677 example with its fixed nonce.
    void setClientNonceForTesting(const QByteArray &nonce) { m_clientNonce = nonce; }

    // RFC 4013 SASLprep (the parts that matter for passwords and user names): non-ASCII spaces become
    // U+0020, "commonly mapped to nothing" characters go, NFKC. Returns false for prohibited characters.
    static bool saslPrep(const QString &input, QString *output);

    // Refuse absurd iteration counts a hostile server could use to freeze the client.
    static constexpr int kMaxIterations = 600'000;

private:
    Step handleServerFirst(const QByteArray &message);
    Step handleServerFinal(const QByteArray &message);
    static Step failure(const QString &reason);

    enum class Stage { Start, SentClientFirst, SentClientFinal, Done };
    Stage m_stage = Stage::Start;
    QByteArray m_clientNonce;
    QByteArray m_clientFirstBare;
    QByteArray m_expectedServerSignature;
    bool m_serverVerified = false;
};
