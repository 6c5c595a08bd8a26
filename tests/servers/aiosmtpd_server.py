#!/usr/bin/python3
"""A second real SMTP server for the tests: aiosmtpd (no PIPELINING, no CHUNKING) with STARTTLS and
AUTH PLAIN/LOGIN for the test user. Every message is stored as STORE/<n>.eml (the bytes received, after
dot-unstuffing) with STORE/<n>.json (the envelope)."""
import argparse
import json
import os
import signal
import ssl
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class StoringHandler:
    def __init__(self, store):
        self.store = store
        self.count = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            n = self.count
        base = os.path.join(self.store, str(n))
        with open(base + ".eml.tmp", "wb") as f:
            f.write(envelope.original_content)
        with open(base + ".json", "w") as f:
            json.dump({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos,
                       "mail_options": envelope.mail_options}, f)
        os.rename(base + ".eml.tmp", base + ".eml")  # readers never see a half-written file
        return "250 2.0.0 Stored as %d" % n


def make_authenticator(user, password):
    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user
              and auth_data.password.decode() == password)
        return AuthResult(success=ok, handled=False)
    return authenticate


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--store", required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--password-file", required=True)
    args = parser.parse_args()
    with open(args.password_file) as f:
        password = f.read().rstrip("\n")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(args.cert, args.key)
    os.makedirs(args.store, exist_ok=True)
    controller = Controller(
        StoringHandler(args.store), hostname="127.0.0.1", port=args.port,
        server_hostname="aiosmtpd.sendscope.test",
        server_kwargs=dict(tls_context=context, require_starttls=True, auth_required=True,
                           auth_require_tls=True, authenticator=make_authenticator(args.user, password),
                           decode_data=False, enable_SMTPUTF8=True, data_size_limit=64 * 1024 * 1024))
    controller.start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
