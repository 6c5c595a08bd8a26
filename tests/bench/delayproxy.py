#!/usr/bin/env python3
"""Delaying, flight-counting TCP proxy for the send benchmark (this kernel has no netem).

Listens on 127.0.0.1 and forwards every connection to --target-host:--target-port, which must be a
loopback address. Bytes are forwarded in order in both directions; each chunk is released --delay-ms
after it arrived (one way, each direction, so the round trip grows by about twice that). Release times
come from a timestamped queue per direction, so bandwidth is not limited: a 50 MB upload takes about
its loopback time plus one delay, not size / chunk * delay.

Per connection it counts:
  client_flights  bursts of client data separated by server data: a client chunk starts a new flight
                  when server bytes have been forwarded to the client since the previous client chunk
                  (the first client chunk after connect is flight 1). This is the defined figure, and it
                  is counted with --delay-ms 0 too.
  smtp_flights    the same, leaving out flights that carry nothing but TLS alert records (the
                  close_notify a TLS client may send after the 221): the flights from greeting to 221.
  waited_flights  only with a delay: flights before which the client had been silent for at least
                  --delay-ms, i.e. it really waited for the server. Replies to pipelined MAIL/RCPT that
                  arrive while a large body is still streaming start a new client_flight but not a
                  waited one. null with --delay-ms 0, where no gap separates the two cases.
  bytes_up, bytes_down, duration_ms, and tls_version (from the ServerHello after STARTTLS or of an
  implicit-TLS connection: "1.3", "1.2", ... or null when no TLS handshake was seen).
and appends one JSON line per connection to --stats when it closes (also, marked "aborted", for
connections still open on SIGTERM).

Prints the port it listens on as the first line of standard output. Exits on SIGTERM or SIGINT.
"""
import argparse
import asyncio
import ipaddress
import json
import signal
import socket
import sys
import time

READ_SIZE = 256 * 1024
TLS_HANDSHAKE, TLS_ALERT, TLS_CCS, TLS_APPDATA = 22, 21, 20, 23
# A TLS 1.3 record holding only a 2-byte alert: alert + inner content type + 16-byte AEAD tag. Every SMTP
# command is at least 6 bytes ("QUIT\r\n"), so its record is longer.
TLS13_ALERT_RECORD_LEN = 2 + 1 + 16
TLS_VERSIONS = {0x0304: "1.3", 0x0303: "1.2", 0x0302: "1.1", 0x0301: "1.0", 0x0300: "SSL 3"}


class RecordScanner:
    """Follows TLS record boundaries in one direction of the stream and reports, per chunk, the types
    and lengths of the records that begin in it; keeps the first handshake record whole for the
    ServerHello."""

    def __init__(self):
        self.header = b""      # partial 5-byte record header
        self.remaining = 0     # body bytes of the current record still to come
        self.first_record = None  # (type, bytearray body) of the first record, until complete
        self.first_done = False

    def feed(self, data):
        records = []
        i, n = 0, len(data)
        while i < n:
            if self.remaining:
                take = min(self.remaining, n - i)
                if self.first_record is not None and not self.first_done:
                    self.first_record[1].extend(data[i:i + take])
                self.remaining -= take
                i += take
                if not self.remaining and self.first_record is not None:
                    self.first_done = True
                continue
            need = 5 - len(self.header)
            self.header += data[i:i + need]
            i += need
            if len(self.header) < 5:
                break
            rtype, length = self.header[0], int.from_bytes(self.header[3:5], "big")
            self.header = b""
            records.append((rtype, length))
            if self.first_record is None:
                self.first_record = (rtype, bytearray())
            self.remaining = length
            if not length and not self.first_done:
                self.first_done = True
        return records

    def server_hello_version(self):
        """The version a complete ServerHello selected, or None."""
        if not self.first_done or self.first_record is None or self.first_record[0] != TLS_HANDSHAKE:
            return None
        body = bytes(self.first_record[1])
        try:
            if body[0] != 2:  # not a ServerHello
                return None
            pos = 4
            legacy = int.from_bytes(body[pos:pos + 2], "big")
            pos += 2 + 32
            pos += 1 + body[pos]          # session id
            pos += 2 + 1                  # cipher suite, compression
            if pos + 2 > len(body):
                return TLS_VERSIONS.get(legacy, hex(legacy))
            end = pos + 2 + int.from_bytes(body[pos:pos + 2], "big")
            pos += 2
            while pos + 4 <= end:
                ext, elen = int.from_bytes(body[pos:pos + 2], "big"), int.from_bytes(body[pos + 2:pos + 4], "big")
                if ext == 43 and elen == 2:  # supported_versions
                    selected = int.from_bytes(body[pos + 4:pos + 6], "big")
                    return TLS_VERSIONS.get(selected, hex(selected))
                pos += 4 + elen
            return TLS_VERSIONS.get(legacy, hex(legacy))
        except IndexError:
            return None


class Connection:
    def __init__(self, number, delay, trace=None):
        self.number = number
        self.trace = trace
        self.delay = delay
        self.opened_unix = time.time()
        self.started = time.monotonic()
        self.client_flights = 0
        self.smtp_flights = 0
        self.waited_flights = 0
        self.bytes_up = 0
        self.bytes_down = 0
        self.chunks_up = 0
        self.chunks_down = 0
        self.server_forwarded = False   # server bytes forwarded to the client since the last client chunk
        self.last_client_chunk = None   # monotonic arrival time of the previous client chunk
        self.flight_is_smtp = False     # the current flight carried more than TLS alerts
        self.flight_waited = False      # the client was silent for at least the delay before it
        self.client_tls = None          # RecordScanner once the client speaks TLS
        self.server_tls = None
        self.tls_version = None
        self.aborted = False

    # -- client -> server -------------------------------------------------------------------------
    def client_chunk(self, data, now):
        self.bytes_up += len(data)
        self.chunks_up += 1
        if self.client_tls is None and data[:1] == bytes([TLS_HANDSHAKE]) and data[1:2] == b"\x03":
            self.client_tls = RecordScanner()  # ClientHello: after STARTTLS's 220, or implicit TLS
        if self.client_flights == 0 or self.server_forwarded:
            self.client_flights += 1
            self.flight_is_smtp = False
            self.flight_waited = self.client_flights == 1 or (
                self.delay > 0 and now - self.last_client_chunk >= self.delay)
            self.server_forwarded = False
        self.last_client_chunk = now
        if not self.flight_is_smtp and self.chunk_carries_protocol(data):
            self.flight_is_smtp = True
            self.smtp_flights += 1
            if self.flight_waited:
                self.waited_flights += 1
        self.log("C>", data, "flight %d%s" % (self.client_flights, "" if self.flight_is_smtp else " (alerts only)"))

    def log(self, direction, data, note=""):
        if self.trace:
            self.trace.write("%d %10.3f ms %s %7d %r%s\n" % (
                self.number, (time.monotonic() - self.started) * 1000, direction, len(data),
                bytes(data[:24]), "  " + note if note else ""))

    def chunk_carries_protocol(self, data):
        if self.client_tls is None:
            return True  # plaintext SMTP
        records = self.client_tls.feed(data)
        if not records:
            # Only the continuation of a record begun earlier in this flight (or of one begun in a
            # flight already counted): it adds nothing new.
            return False
        for rtype, length in records:
            if rtype == TLS_ALERT or rtype == TLS_CCS:
                continue
            if rtype == TLS_APPDATA and length <= TLS13_ALERT_RECORD_LEN:
                continue
            return True
        return False

    # -- server -> client -------------------------------------------------------------------------
    def server_chunk(self, data):
        self.bytes_down += len(data)
        self.chunks_down += 1
        self.log("<S", data)
        if self.server_tls is None and self.client_tls is not None and data[:1] == bytes([TLS_HANDSHAKE]):
            self.server_tls = RecordScanner()
        if self.server_tls is not None and self.tls_version is None:
            self.server_tls.feed(data)
            if self.server_tls.first_done:
                self.tls_version = self.server_tls.server_hello_version() or "unknown"

    def server_delivered(self, data):
        self.server_forwarded = True
        self.log("<C", data, "forwarded to the client")

    def record(self):
        result = {"connection": self.number, "client_flights": self.client_flights,
                  "smtp_flights": self.smtp_flights,
                  "waited_flights": self.waited_flights if self.delay > 0 else None,
                  "bytes_up": self.bytes_up, "bytes_down": self.bytes_down,
                  "chunks_up": self.chunks_up, "chunks_down": self.chunks_down,
                  "duration_ms": round((time.monotonic() - self.started) * 1000, 1),
                  "tls_version": self.tls_version, "opened_unix": round(self.opened_unix, 6),
                  "delay_ms": round(self.delay * 1000, 3)}
        if self.aborted:
            result["aborted"] = True
        return result


def quick_ack(sock):
    """Acknowledges at once what was read, as the endpoints would (Sendscope sets TCP_QUICKACK after each
    read): otherwise the proxy's own delayed ACKs (up to 40 ms on Linux) meet a server's Nagle and add a
    stall that no real path between client and server has. The option is one-shot, so it is set per read."""
    if sock is not None and hasattr(socket, "TCP_QUICKACK"):
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
        except OSError:
            pass


class Pipe:
    """One direction: reads chunks, stamps them, and releases each `delay` seconds after its arrival.
    Reading pauses while more than `high_water` bytes wait (a memory bound far above what loopback
    moves in one delay), so the delay never turns into a bandwidth limit."""

    def __init__(self, reader, writer, delay, on_arrival, on_delivery, high_water, reader_socket=None):
        self.reader, self.writer, self.delay = reader, writer, delay
        self.reader_socket = reader_socket
        self.on_arrival, self.on_delivery = on_arrival, on_delivery
        self.queue = asyncio.Queue()
        self.queued = 0
        self.high_water = high_water
        self.room = asyncio.Event()
        self.room.set()

    async def run(self):
        deliverer = asyncio.ensure_future(self.deliver())
        try:
            while True:
                await self.room.wait()
                data = await self.reader.read(READ_SIZE)
                if not data:
                    break
                quick_ack(self.reader_socket)
                now = time.monotonic()
                self.on_arrival(data, now)
                self.queued += len(data)
                if self.queued > self.high_water:
                    self.room.clear()
                self.queue.put_nowait((now + self.delay, data))
        except (ConnectionError, OSError):
            pass
        finally:
            self.queue.put_nowait((0.0, None))
        try:
            await deliverer
        except (ConnectionError, OSError):
            pass

    async def deliver(self):
        while True:
            due, data = await self.queue.get()
            if data is None:
                break
            wait = due - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            self.writer.write(data)
            self.on_delivery(data)
            self.queued -= len(data)
            if self.queued <= self.high_water:
                self.room.set()
            await self.writer.drain()
        if self.writer.can_write_eof():
            try:
                self.writer.write_eof()
            except (OSError, RuntimeError):
                pass


class Proxy:
    def __init__(self, args):
        self.args = args
        self.delay = args.delay_ms / 1000.0
        self.count = 0
        self.open = {}
        self.trace = open(args.trace, "a", buffering=1) if args.trace else None

    def write_stats(self, conn):
        with open(self.args.stats, "a") as f:
            f.write(json.dumps(conn.record()) + "\n")

    async def handle(self, client_reader, client_writer):
        self.count += 1
        conn = Connection(self.count, self.delay, self.trace)
        task = asyncio.current_task()
        self.open[task] = conn
        server_writer = None
        try:
            try:
                server_reader, server_writer = await asyncio.wait_for(
                    asyncio.open_connection(self.args.target_host, self.args.target_port), 10)
            except (OSError, asyncio.TimeoutError):
                conn.aborted = True
                return
            up = Pipe(client_reader, server_writer, self.delay, conn.client_chunk, lambda _data: None,
                      self.args.high_water, client_writer.get_extra_info("socket"))
            down = Pipe(server_reader, client_writer, self.delay,
                        lambda data, _now: conn.server_chunk(data), conn.server_delivered, self.args.high_water,
                        server_writer.get_extra_info("socket"))
            await asyncio.wait_for(asyncio.gather(up.run(), down.run()), self.args.max_connection_seconds)
        except asyncio.TimeoutError:
            conn.aborted = True
        except asyncio.CancelledError:
            conn.aborted = True
            raise
        finally:
            for w in (client_writer, server_writer):
                if w is not None:
                    w.close()
            del self.open[task]
            self.write_stats(conn)


def loopback_target(host):
    try:
        infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except socket.gaierror as e:
        sys.exit("delayproxy: cannot resolve %s: %s" % (host, e))
    addresses = {info[4][0] for info in infos}
    if not addresses or not all(ipaddress.ip_address(a.split("%")[0]).is_loopback for a in addresses):
        sys.exit("delayproxy: target %s is not a loopback address (%s)" % (host, ", ".join(sorted(addresses))))
    return sorted(addresses)[0]


async def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--listen-port", type=int, default=0, help="0 picks a free port (printed on stdout)")
    parser.add_argument("--target-host", default="127.0.0.1", help="loopback address or name (default 127.0.0.1)")
    parser.add_argument("--target-port", type=int, required=True)
    parser.add_argument("--delay-ms", type=float, default=0.0, help="one-way delay per direction")
    parser.add_argument("--stats", required=True, help="file to append one JSON line per connection to")
    parser.add_argument("--high-water", type=int, default=64 * 1024 * 1024,
                        help="bytes queued per direction before reading pauses (default 64 MiB)")
    parser.add_argument("--max-connection-seconds", type=float, default=900.0,
                        help="a connection open longer than this is cut (default 900)")
    parser.add_argument("--trace", help="debugging: append every chunk (direction, time, size, first bytes) here")
    args = parser.parse_args()
    if args.delay_ms < 0:
        parser.error("--delay-ms must not be negative")
    args.target_host = loopback_target(args.target_host)

    proxy = Proxy(args)
    server = await asyncio.start_server(proxy.handle, "127.0.0.1", args.listen_port)
    print(server.sockets[0].getsockname()[1], flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    server.close()
    tasks = list(proxy.open)
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


if __name__ == "__main__":
    asyncio.run(main())
