#!/usr/bin/python3
"""Serves a folder over HTTPS on 127.0.0.1 with Python's standard http.server, for the autoconfig tests.

Usage: autoconfig_https.py FOLDER CERT KEY. Prints "PORT <n>" once listening, then serves until killed
(the test kills it). Nothing here is Sendscope code: it is the web server an e-mail provider would run.
"""
import functools
import http.server
import ssl
import sys

folder, cert, key = sys.argv[1:4]
handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=folder)
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(cert, key)
server.socket = context.wrap_socket(server.socket, server_side=True)
print("PORT", server.server_address[1], flush=True)
server.serve_forever()
