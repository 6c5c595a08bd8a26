#!/usr/bin/env python3
"""After the whole test suite: no password, token or AUTH payload in anything the app or the tests wrote.

Looks for every test secret in its raw form and in the base64 forms that SASL puts on the wire (PLAIN,
LOGIN, XOAUTH2, OAUTHBEARER), and every OAuth token the sign-in tests' servers issued, in: the home and XDG directories the tests ran with (settings, drafts,
outbox, address book, sandbox mailbox, logs), the mail the test servers delivered, the servers' mail log,
and the output of every test (CTest's LastTest.log). The servers' own password files are not scanned:
they are the servers', not ours.

usage: scan-secrets.py BUILD_DIR
"""
import base64
import os
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


def main():
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
    print(f"scanned {scanned} files for {len(needles)} forms of {len(secrets)} secrets")
    for line in found:
        print(line, file=sys.stderr)
    sys.exit(1 if found or scanned == 0 else 0)


if __name__ == "__main__":
    main()
