#!/usr/bin/python3
"""Serves a folder over HTTPS on 127.0.0.1 with Python's standard http.server, for the autoconfig tests.

Usage: autoconfig_https.py FOLDER CERT KEY. Prints "PORT <n>" once listening, then serves until killed
(the test kills it). Nothing here is Sendscope code: it is the web server an e-mail provider would run,
or a hostile one: two paths act out what a server can do to a client besides serving files.
  /redirect?to=URL   answers 302 with Location: URL
  /endless           answers 200 and sends bytes until the client hangs up
"""
import functools
import http.server
import ssl
import sys
import urllib.parse

folder, cert, key = sys.argv[1:4]


class Handler(http.server.SimpleHTTPRequestHandler):
    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        if url.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", urllib.parse.parse_qs(url.query)["to"][0])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if url.path == "/endless":
            self.send_response(200)
            self.send_header("Content-Type", "application/xml")
            self.end_headers()
            chunk = b"<!-- " + b"x" * 65536 + b" -->\n"
            try:
                while True:
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
                return
        super().do_GET()


handler = functools.partial(Handler, directory=folder)
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(cert, key)
server.socket = context.wrap_socket(server.socket, server_side=True)
print("PORT", server.server_address[1], flush=True)
server.serve_forever()
