#!/usr/bin/python3
"""A TCP proxy on 127.0.0.1 that delays every chunk by --delay-ms in each direction (so the round trip
grows by twice that) without limiting bandwidth, and counts client flights: bursts of client data
separated by server data that the client has been given. One JSON line per closed connection goes to
--stats. This kernel has no netem, hence a proxy. It only ever connects to the given loopback target."""
import argparse
import asyncio
import json
import signal
import sys
import time


class Connection:
    def __init__(self):
        self.client_flights = 0
        self.server_data_delivered = True  # the greeting counts as the server's first word
        self.bytes_up = 0
        self.bytes_down = 0
        self.started = time.monotonic()


async def pump(reader, writer, delay, on_arrival, on_delivery):
    queue = asyncio.Queue()

    async def deliver():
        while True:
            due, data = await queue.get()
            if data is None:
                break
            wait = due - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            on_delivery(data)
            writer.write(data)
            await writer.drain()
        try:
            writer.write_eof()
        except (OSError, RuntimeError):
            pass

    deliverer = asyncio.ensure_future(deliver())
    try:
        while True:
            data = await reader.read(256 * 1024)
            if not data:
                break
            on_arrival(data)
            queue.put_nowait((time.monotonic() + delay, data))
    except (ConnectionError, OSError):
        pass
    queue.put_nowait((0, None))
    try:
        await deliverer
    except (ConnectionError, OSError):
        pass


async def handle(client_reader, client_writer, args, stats):
    conn = Connection()
    try:
        server_reader, server_writer = await asyncio.open_connection("127.0.0.1", args.target_port)
    except OSError:
        client_writer.close()
        return
    delay = args.delay_ms / 1000.0

    def client_arrived(data):
        conn.bytes_up += len(data)
        if conn.server_data_delivered:
            conn.client_flights += 1
            conn.server_data_delivered = False

    def server_arrived(data):
        conn.bytes_down += len(data)

    def server_delivered(_data):
        conn.server_data_delivered = True

    await asyncio.gather(
        pump(client_reader, server_writer, delay, client_arrived, lambda _d: None),
        pump(server_reader, client_writer, delay, server_arrived, server_delivered))
    for w in (client_writer, server_writer):
        w.close()
    record = {"client_flights": conn.client_flights, "bytes_up": conn.bytes_up, "bytes_down": conn.bytes_down,
              "duration_ms": round((time.monotonic() - conn.started) * 1000, 1)}
    with open(stats, "a") as f:
        f.write(json.dumps(record) + "\n")


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--listen-port", type=int, default=0)
    parser.add_argument("--target-port", type=int, required=True)
    parser.add_argument("--delay-ms", type=float, default=0)
    parser.add_argument("--stats", required=True)
    args = parser.parse_args()
    server = await asyncio.start_server(lambda r, w: handle(r, w, args, args.stats), "127.0.0.1", args.listen_port)
    print(server.sockets[0].getsockname()[1], flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    async with server:
        await stop.wait()


if __name__ == "__main__":
    asyncio.run(main())
    sys.exit(0)
