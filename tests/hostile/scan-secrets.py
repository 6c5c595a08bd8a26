#!/usr/bin/env python3
"""After the whole test suite: no password, token or AUTH payload in anything the app or the tests wrote.

Looks for every test secret in its raw form and in the base64 forms that SASL puts on the wire (PLAIN,
LOGIN, XOAUTH2, OAUTHBEARER), and every OAuth token the sign-in tests' servers issued, in: the home and XDG directories the tests ran with (settings, drafts,
outbox, address book, sandbox mailbox, logs), the mail the test servers delivered, the servers' mail log,
and the output of every test (CTest's LastTest.log). The servers' own password files are not scanned:
they are the servers', not ours.

It also looks for SCRAM-SHA-256 exchanges (raw or base64, as a transcript would show them): with the
client's messages it recomputes the client proof, and with the server's first and final messages alone it
recomputes the server signature (trying every split of the nonce into the client's and the server's part),
with each test password. If either verifies, anyone who reads that file could test password guesses
offline, so the scan fails.

usage: scan-secrets.py BUILD_DIR
"""
import base64
import binascii
import hashlib
import hmac
import os
import re
import sys

# The fixed secrets the suites use (tests/hostile/testhostileserver.cpp), with the user names they go with.
FIXED = [("user", "hostile-Secret-4242"), ("user@example.com", "hostile-Token-7171")]


def secret_forms(user, secret):
    raw = secret.encode()
    u = user.encode()
    payloads = [
        raw,
        b"\0" + u + b"\0" + raw,  # PLAIN
        u + b"\0" + u + b"\0" + raw,  # PLAIN with an authorization identity
        b"user=" + u + b"\x01auth=Bearer " + raw + b"\x01\x01",  # XOAUTH2
        b"n,a=" + u + b",\x01auth=Bearer " + raw + b"\x01\x01",  # OAUTHBEARER
    ]
    forms = {raw}
    for payload in payloads:
        forms.add(base64.b64encode(payload))
    return forms


BASE64 = re.compile(rb"[A-Za-z0-9+/]{12,}={0,2}")
SERVER_FIRST = re.compile(rb"r=([\x21-\x2b\x2d-\x7e]+),s=([A-Za-z0-9+/=]+),i=([0-9]{1,7})")
SERVER_FINAL = re.compile(rb"v=([A-Za-z0-9+/=]{40,})")
CLIENT_FIRST = re.compile(rb"n=([^,\s]*),r=([\x21-\x2b\x2d-\x7e]+)")
CLIENT_FINAL = re.compile(rb"(c=[A-Za-z0-9+/=]+,r=([\x21-\x2b\x2d-\x7e]+)),p=([A-Za-z0-9+/=]+)")


def scram_texts(data):
    """The text itself and every base64 word in it, decoded: where SCRAM messages could be."""
    texts = [data]
    for word in BASE64.findall(data):
        try:
            texts.append(base64.b64decode(word + b"=" * (-len(word) % 4), validate=True))
        except (binascii.Error, ValueError):
            pass
    return texts


def mac(key, message):
    return hmac.new(key, message, hashlib.sha256).digest()


def scram_leaks(data, secrets):
    """Descriptions of the SCRAM exchanges in data that verify with one of the test passwords."""
    texts = scram_texts(data)
    firsts = [m for t in texts for m in SERVER_FIRST.finditer(t)]
    if not firsts:
        return []
    finals = [m.group(1) for t in texts for m in SERVER_FINAL.finditer(t)]
    client_firsts = [m for t in texts for m in CLIENT_FIRST.finditer(t)]
    client_finals = [m for t in texts for m in CLIENT_FINAL.finditer(t)]
    leaks = []
    for first in firsts:
        nonce, salt, iterations = first.group(1), first.group(2), int(first.group(3))
        if iterations > 600000:
            continue
        try:
            salt = base64.b64decode(salt)
        except (binascii.Error, ValueError):
            continue
        for user, secret in secrets:
            salted = hashlib.pbkdf2_hmac("sha256", secret.encode(), salt, iterations)
            client_key = mac(salted, b"Client Key")
            stored_key = hashlib.sha256(client_key).digest()
            server_key = mac(salted, b"Server Key")
            # The triple: client-first, server-first, client-final; the proof must not verify.
            for cfirst in client_firsts:
                if not nonce.startswith(cfirst.group(2)):
                    continue
                for cfinal in client_finals:
                    if cfinal.group(2) != nonce:
                        continue
                    auth = cfirst.group(0) + b"," + first.group(0) + b"," + cfinal.group(1)
                    proof = bytes(a ^ b for a, b in zip(client_key, mac(stored_key, auth)))
                    if base64.b64encode(proof) == cfinal.group(3):
                        leaks.append(f"a SCRAM client proof that verifies with the password of {user}")
            # The server's messages alone: the client's are derived (user, a prefix of the nonce).
            users = {user.encode()} | {c.group(1) for c in client_firsts}
            for signature in finals:
                for name in users:
                    for split in range(1, len(nonce)):
                        auth = (b"n=" + name + b",r=" + nonce[:split] + b"," + first.group(0) + b",c=biws,r=" +
                                nonce)
                        if base64.b64encode(mac(server_key, auth)) == signature:
                            leaks.append(f"a SCRAM server signature that verifies with the password of {user}")
    return leaks


def self_test():
    """The SCRAM check finds what a transcript showing the server's messages in base64 would give away."""
    salt, nonce = b"0123456789abcdef", b"clientNONCEserverNONCE"
    first = b"r=" + nonce + b",s=" + base64.b64encode(salt) + b",i=4096"
    auth = b"n=user,r=clientNONCE," + first + b",c=biws,r=" + nonce
    salted = hashlib.pbkdf2_hmac("sha256", FIXED[0][1].encode(), salt, 4096)
    final = b"v=" + base64.b64encode(mac(mac(salted, b"Server Key"), auth))
    transcript = b"<- 334 " + base64.b64encode(first) + b"\n<- 334 " + base64.b64encode(final) + b"\n"
    assert scram_leaks(transcript, FIXED), "the SCRAM check misses an exchange it must find"
    assert not scram_leaks(transcript, [("user", "another-password")]), "the SCRAM check is too eager"


def main():
    self_test()
    build = os.path.abspath(sys.argv[1])
    servers = os.path.join(build, "test-servers")
    secrets = list(FIXED)
    env = {}
    if os.path.exists(os.path.join(servers, "env")):
        for line in open(os.path.join(servers, "env"), encoding="utf-8"):
            key, _, value = line.strip().partition("=")
            env[key] = value
    if env.get("TEST_PASSWORD_FILE") and os.path.exists(env["TEST_PASSWORD_FILE"]):
        with open(env["TEST_PASSWORD_FILE"], encoding="utf-8") as f:
            secrets.append((env.get("TEST_USER", ""), f.read().strip()))
    # Every token the OAuth test servers issued (access, refresh and ID tokens, one per line after the
    # signed-in address): written outside the scanned directories, by tests/servers/oauth_servers.js.
    issued = env.get("OAUTH_ISSUED_TOKENS", "")
    if issued and os.path.exists(issued):
        for line in open(issued, encoding="utf-8"):
            user, _, token = line.strip().partition("\t")
            if token:
                secrets.append((user, token))
    needles = set()
    for user, secret in secrets:
        if len(secret) >= 8:  # a short secret would match by chance
            needles |= secret_forms(user, secret)

    roots = [os.path.join(build, "test-home"), env.get("MAILDIR_ROOT", ""), env.get("AIOSMTPD_STORE", ""),
             env.get("OAUTH_MAIL_DIR", "")]
    files = [env.get("MAILLOG", ""), os.path.join(build, "Testing", "Temporary", "LastTest.log")]
    for root in filter(None, roots):
        for directory, _, names in os.walk(root):
            files += [os.path.join(directory, name) for name in names]

    scanned, found = 0, []
    for path in filter(None, files):
        if not os.path.isfile(path):
            continue
        with open(path, "rb") as f:
            data = f.read()
        scanned += 1
        for needle in needles:
            if needle in data:
                found.append(f"{path}: contains a test secret or its AUTH payload ({len(needle)} bytes)")
        for leak in scram_leaks(data, [(u, s) for u, s in secrets if s]):
            found.append(f"{path}: contains {leak}: password guesses could be tested offline")
    print(f"scanned {scanned} files for {len(needles)} forms of {len(secrets)} secrets")
    for line in found:
        print(line, file=sys.stderr)
    sys.exit(1 if found or scanned == 0 else 0)


if __name__ == "__main__":
    main()
