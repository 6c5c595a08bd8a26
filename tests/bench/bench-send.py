#!/usr/bin/env python3
"""Send benchmark: `sendscope send` against msmtp, curl and `swaks --pipeline`.

Sends the same 2 KB, 10 MB (loopback only) and 50 MB messages through the same real Postfix
(tests/servers/start-test-servers.sh: STARTTLS required before AUTH, PIPELINING and CHUNKING advertised)
with each client, every one doing STARTTLS + AUTH PLAIN + one recipient on TLS 1.3 and verifying the
server certificate against the test CA.
Each client connects once directly on loopback and once through tests/bench/delayproxy.py with 50 ms
each way (~100 ms round-trip time; this kernel has no netem). Prints wall time, client flights
counted at the proxy (100 ms runs; --loopback-through-proxy also counts them on loopback) and peak RSS of each client, with ratios against msmtp and curl, and whether Sendscope
meets its targets (issue 18: <= curl at 0 ms for 10 and 50 MB, <= msmtp at 100 ms for 2 KB, <= 16 MiB).
A benchmark: it prints figures and exits 0 even when a target is missed.

    python3 tests/bench/bench-send.py [--quick] [--sendscope PATH] [--output results.json]
"""
import argparse
import base64
import json
import os
import platform
import random
import re
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SERVERS = os.path.join(ROOT, "tests", "servers")
FROM = "tester@sendscope.test"
TO = "alice@sendscope.test"
PASSWORD_VAR = "SENDSCOPE_BENCH_PASSWORD"
SMALL, MEDIUM, LARGE = "2 KB", "10 MB", "50 MB"
SIZES = {SMALL: 2 * 1024, MEDIUM: 10 * 1024 * 1024, LARGE: 50 * 1024 * 1024}
DELAYS = (0, 50)                  # one-way proxy delay in ms: loopback, ~100 ms RTT
RSS_TARGET_BYTES = 16 * 1024 * 1024  # issue 18: at most 16 MiB for 2 KB and for 50 MB
EXPECTED_PEER_FLIGHTS = {"msmtp": 8, "swaks --pipeline": 8}
SWAKS_LARGE_LIMIT_S = 60          # swaks is Perl: keep the 50 MB message only if it is this fast
QUICK_SLOW_PEER_S = 3.0           # --quick: skip curl/swaks 50 MB at 100 ms if loopback took longer


def log(*parts):
    print(*parts, file=sys.stderr, flush=True)


# --- messages ---------------------------------------------------------------------------------------------

def make_message(path, size, seed):
    """Writes an RFC 5322 message of exactly `size` bytes with CRLF line ends. The 2 KB one is plain
    text; the 50 MB one carries pseudo-random data as base64 in 76-character lines. A fixed seed makes
    the bytes the same on every run."""
    rng = random.Random(seed)
    large = size > 64 * 1024
    head = ("From: Tester <%s>\r\nTo: Alice <%s>\r\nSubject: Sendscope benchmark, %d bytes\r\n"
            "Date: Sun, 22 Nov 2026 12:00:00 +0000\r\nMessage-ID: <bench-%d@sendscope.test>\r\n"
            "MIME-Version: 1.0\r\n" % (FROM, TO, size, size))
    if large:
        head += ("Content-Type: application/octet-stream; name=\"bench.bin\"\r\n"
                 "Content-Transfer-Encoding: base64\r\n\r\n")
    else:
        head += "Content-Type: text/plain; charset=us-ascii\r\n\r\n"
    need = size - len(head)
    with open(path, "wb") as f:
        if large:
            if need % 78 == 1:                                # no room for a last line: pad the head
                head = head.replace(" bytes\r\n", " bytes \r\n", 1)
                need -= 1
            f.write(head.encode())
            lines, rest = divmod(need, 78)                    # 76 characters + CRLF
            block = 16384                                     # lines per write: ~1.2 MB, keeps our RSS low
            for first in range(0, lines, block):
                count = min(block, lines - first)
                f.write(base64.encodebytes(rng.randbytes(count * 57)).replace(b"\n", b"\r\n"))
            if rest >= 2:
                f.write(base64.b64encode(rng.randbytes(57))[:rest - 2] + b"\r\n")
        else:
            words = ("the quick brown fox jumps over a lazy dog while sendscope msmtp curl and swaks "
                     "each send one message through the same postfix server").split()
            body = bytearray()
            while True:
                line = (" ".join(rng.choice(words) for _ in range(11)).capitalize() + ".\r\n").encode()
                if len(body) + len(line) + 3 > need:
                    break
                body += line
            filler = need - len(body) - 2                     # >= 1: a last short line
            body += (b"The end " * (filler // 8 + 1))[:filler] + b"\r\n"
            f.write(head.encode() + bytes(body))
    written = os.path.getsize(path)
    assert written == size, (written, size)
    return written


# --- processes --------------------------------------------------------------------------------------------

MEASURE = None  # the compiled measure.c launcher, when a C compiler is at hand


def build_measure(workdir):
    """Compiles measure.c (about 0.1 s). Returns the binary or None (then RSS has the driver's floor)."""
    compiler = os.environ.get("CC") or shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
    if not compiler:
        return None
    binary = os.path.join(workdir, "measure")
    result = subprocess.run([compiler, "-O2", "-o", binary, os.path.join(HERE, "measure.c")],
                            capture_output=True, text=True, timeout=120)
    return binary if result.returncode == 0 and os.access(binary, os.X_OK) else None


def run_measured(argv, stdin_path=None, env=None, timeout=120):
    """Runs one client directly (no shell, so the figures are the client's own) and reaps it with
    wait4(): through the small measure.c launcher when it could be built, since a child forked straight
    from this Python process inherits its resident size as a floor of ru_maxrss; else with os.wait4.
    Returns dict(seconds, seconds_outer, maxrss_kib, code, timed_out, stderr)."""
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    errfile = tempfile.TemporaryFile()
    resultfile = None
    if MEASURE:
        fd, resultfile = tempfile.mkstemp(prefix="measure-")
        os.close(fd)
        argv = [MEASURE, str(int(timeout)), resultfile] + list(argv)
    killed = threading.Event()
    try:
        start = time.perf_counter()
        process = subprocess.Popen(argv, stdin=stdin, stdout=subprocess.DEVNULL, stderr=errfile, env=env,
                                   start_new_session=True)

        def kill():  # the launcher's own alarm comes first; this is the backstop
            killed.set()
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout + (10 if MEASURE else 0), kill)
        timer.start()
        try:
            while True:
                try:
                    _pid, status, rusage = os.wait4(process.pid, 0)
                    break
                except InterruptedError:
                    continue
        finally:
            timer.cancel()
        outer = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)  # so Popen never waits for it again
    finally:
        if stdin_path:
            stdin.close()
    errfile.seek(0)
    stderr = errfile.read().decode(errors="replace")
    errfile.close()
    result = {"seconds": outer, "seconds_outer": outer, "maxrss_kib": rusage.ru_maxrss,
              "code": process.returncode, "timed_out": killed.is_set(), "stderr": stderr}
    if resultfile:
        with open(resultfile) as f:
            fields = f.read().split()
        os.unlink(resultfile)
        if len(fields) == 4 and process.returncode == 0:
            wstatus, maxrss, wall_ns, timed_out = map(int, fields)
            result.update(seconds=wall_ns / 1e9, maxrss_kib=maxrss, code=os.waitstatus_to_exitcode(wstatus),
                          timed_out=bool(timed_out))
        else:
            result.update(code=125 if process.returncode == 0 else process.returncode)
    return result


def first_line(argv, pattern=None):
    try:
        out = subprocess.run(argv, capture_output=True, text=True, timeout=15)
    except (OSError, subprocess.TimeoutExpired) as e:
        return "unavailable (%s)" % e.__class__.__name__
    lines = [l.strip() for l in (out.stdout + "\n" + out.stderr).splitlines() if l.strip()]
    if pattern:
        lines = [l for l in lines if re.search(pattern, l)] or lines
    return lines[0] if lines else "unknown"


def dpkg_version(package):
    return first_line(["dpkg-query", "-W", "-f=${Version}", package])


class Direct:
    """Loopback without the proxy: what a user's client sees. The Python proxy copies every byte once more
    and acknowledges at once what it reads (TCP_QUICKACK), which hides Nagle/delayed-ACK stalls between a
    client and a real server, so loopback times are measured directly; flights come from the 100 ms runs."""

    delay_ms = 0

    def __init__(self, port):
        self.port = port

    def records_between(self, t0, t1, connected, timeout=15.0):
        return []

    def stop(self):
        pass


class Proxy:
    """One delayproxy.py process; its per-connection records are matched to runs by connect time."""

    def __init__(self, target_port, delay_ms, workdir, trace=False):
        self.delay_ms = delay_ms
        self.stats = os.path.join(workdir, "proxy-delay%d.jsonl" % delay_ms)
        open(self.stats, "w").close()
        argv = [sys.executable, os.path.join(HERE, "delayproxy.py"), "--target-host", "127.0.0.1",
                "--target-port", str(target_port), "--delay-ms", str(delay_ms), "--stats", self.stats]
        if trace:
            argv += ["--trace", os.path.join(workdir, "proxy-delay%d.trace" % delay_ms)]
        self.process = subprocess.Popen(argv, stdout=subprocess.PIPE, text=True)
        ready, _, _ = select.select([self.process.stdout], [], [], 15)
        line = self.process.stdout.readline() if ready else ""
        if not line.strip().isdigit():
            self.stop()
            raise RuntimeError("delayproxy.py did not report a port")
        self.port = int(line)

    def records(self):
        with open(self.stats) as f:
            return [json.loads(line) for line in f if line.strip()]

    def records_between(self, t0, t1, connected, timeout=15.0):
        """Records of connections opened between t0 and t1 (wall clock). Waits, bounded, for the proxy
        to write them: a connection's record appears when both directions have closed."""
        deadline = time.monotonic() + (timeout if connected else 1.0)
        while True:
            found = [r for r in self.records() if t0 - 0.05 <= r["opened_unix"] <= t1 + 0.05]
            if found or time.monotonic() > deadline:
                return found
            time.sleep(0.02)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)


# --- the clients ------------------------------------------------------------------------------------------

class Bench:
    def __init__(self, args, workdir, env, sendscope):
        self.args = args
        self.workdir = workdir
        self.env = env
        self.sendscope = sendscope
        with open(env["TEST_PASSWORD_FILE"]) as f:
            self.password = f.read().rstrip("\n")
        self.child_env = dict(os.environ, **{PASSWORD_VAR: self.password})
        self.child_env.pop("CURL_HOME", None)
        self.runs = []
        self.notes = []
        self.skip = {}  # client -> reason (whole client) ; (client, size) -> reason
        queue = subprocess.run(["postconf", "-c", env["POSTFIX_CONFIG_DIR"], "-h", "queue_directory"],
                               capture_output=True, text=True, timeout=15).stdout.strip()
        self.queue_dir = queue
        self.mailbox = os.path.join(env["MAILDIR_ROOT"], "alice")
        self.delivered = 0
        self.expected_deliveries = 0

    def command(self, client, port, message, ca=None):
        """argv, stdin file for one client: STARTTLS + AUTH PLAIN + one recipient, certificate verified."""
        ca = ca or self.env["CA_CERT"]
        user = self.env["TEST_USER"]
        if client.startswith("sendscope"):
            argv = [self.sendscope, "send", "--server", "127.0.0.1", "--port", str(port), "--security", "starttls",
                    "--ca-file", ca, "--user", user, "--password-env", PASSWORD_VAR, "--auth", "PLAIN",
                    "--from", FROM, "--to", TO, "--eml", message, "--quiet", "--timeout", "120"]
            if client == "sendscope --no-chunking":
                argv.append("--no-chunking")
            return argv, None
        if client == "msmtp":
            config = os.path.join(self.workdir, "msmtprc-%d-%s" % (port, os.path.basename(ca)))
            with open(config, "w") as f:
                f.write("defaults\nauth plain\ntls on\ntls_starttls on\ntls_certcheck on\ntls_trust_file %s\n"
                        "timeout 120\nlogfile\nsyslog off\n\naccount bench\nhost 127.0.0.1\nport %d\nfrom %s\n"
                        "user %s\npasswordeval \"cat %s\"\n\naccount default : bench\n"
                        % (ca, port, FROM, user, self.env["TEST_PASSWORD_FILE"]))
            os.chmod(config, 0o600)
            return ["msmtp", "--file=" + config, "-f", FROM, "--", TO], message
        if client.startswith("curl"):
            argv = ["curl", "-q", "--silent", "--show-error", "--url", "smtp://127.0.0.1:%d/bench.sendscope.test" % port, "--ssl-reqd",
                    "--cacert", ca, "--mail-from", FROM, "--mail-rcpt", TO, "--upload-file", message,
                    "--user", "%s:%s" % (user, self.password), "--login-options", "AUTH=PLAIN",
                    "--max-time", "300"]
            if client == "curl --sasl-ir":
                argv.append("--sasl-ir")
            return argv, None
        if client == "swaks --pipeline":
            return ["swaks", "--config", "--silent", "2", "--pipeline", "--server", "127.0.0.1", "--port", str(port),
                    "--tls", "--tls-verify", "--tls-ca-path", ca, "--auth", "PLAIN", "--auth-user", user,
                    "--auth-password", self.password, "--from", FROM, "--to", TO, "--data", "@" + message,
                    "--timeout", "120"], None
        raise ValueError(client)

    # -- Postfix housekeeping between runs: no delivery competes with the next measurement -------------

    def settle(self, timeout=120):
        """Waits (bounded) until Postfix's queue is empty and the deliveries expected so far have reached
        alice's Maildir; counts and removes them so that 50 MB copies do not pile up."""
        deadline = time.monotonic() + timeout
        while True:
            queued = 0
            for sub in ("maildrop", "incoming", "active", "deferred", "hold"):
                for _dir, _dirs, files in os.walk(os.path.join(self.queue_dir, sub)):
                    queued += len(files)
            new = os.path.join(self.mailbox, "new")
            arrived = os.listdir(new) if os.path.isdir(new) else []
            if (not queued and self.delivered + len(arrived) >= self.expected_deliveries) \
                    or time.monotonic() > deadline:
                break
            time.sleep(0.05)
        for name in arrived:
            os.unlink(os.path.join(new, name))
        self.delivered += len(arrived)
        # The kernel writes a 50 MB delivery (queue file, Maildir copy) back to disk some seconds later;
        # flushed here, that work does not land on whichever client is measured next.
        os.sync()

    # -- one measured run ------------------------------------------------------------------------------

    def run(self, client, proxy, size_label, message, rep, timeout):
        argv, stdin = self.command(client, proxy.port, message)
        t0 = time.time()
        result = run_measured(argv, stdin, self.child_env, timeout)
        t1 = time.time()
        records = proxy.records_between(t0, t1, connected=result["code"] == 0)
        row = {"client": client, "size": size_label, "rtt_ms": 2 * proxy.delay_ms, "rep": rep,
               "seconds": result["seconds"], "seconds_outer": result["seconds_outer"],
               "maxrss_kib": result["maxrss_kib"], "exit": result["code"],
               "timed_out": result["timed_out"], "connections": len(records)}
        if records:
            rec = records[0]
            row.update({k: rec.get(k) for k in ("client_flights", "smtp_flights", "waited_flights", "bytes_up",
                                                 "bytes_down", "tls_version", "duration_ms")})
        if result["code"] != 0:
            row["error"] = result["stderr"].strip()[-400:]
        else:
            self.expected_deliveries += 1
        self.settle()
        return row

    def measure(self, proxies, messages):
        args = self.args
        clients = ["msmtp", "sendscope", "sendscope --no-chunking", "curl", "curl --sasl-ir", "swaks --pipeline"]
        clients = [c for c in clients if c not in self.skip]
        loop_proxy = proxies[0]
        # Warm-up, unmeasured: page caches, libraries, Postfix's first smtpd and TLS session state.
        for client in clients:
            argv, stdin = self.command(client, loop_proxy.port, messages[SMALL])
            result = run_measured(argv, stdin, self.child_env, 60)
            if result["code"] == 0:
                self.expected_deliveries += 1
            elif client == "sendscope --no-chunking" and result["code"] == 2:
                self.skip[client] = "the CLI rejected --no-chunking: " + result["stderr"].strip()[-200:]
            elif client.startswith("sendscope") and "sendscope" not in self.skip:
                self.skip["sendscope"] = self.skip["sendscope --no-chunking"] = \
                    "sendscope send failed (exit %d): %s" % (result["code"], result["stderr"].strip()[-300:])
        self.settle()
        clients = [c for c in clients if c not in self.skip]
        for name, reason in self.skip.items():
            log("skipping %s: %s" % (name, reason))

        for proxy in proxies:
            rtt = 2 * proxy.delay_ms
            for size_label in SIZES:
                if size_label == MEDIUM and rtt:
                    continue  # 10 MB is compared with curl on loopback only (issue 18)
                repeat = 1 if args.quick else (args.repeat_small if size_label == SMALL else args.repeat_large)
                todo = []
                for client in clients:
                    if size_label != SMALL and client == "curl --sasl-ir":
                        continue  # the same transfer as curl; its only difference is one flight
                    if (client, size_label) in self.skip:
                        continue
                    if args.quick and rtt and size_label == LARGE and client in ("curl", "swaks --pipeline"):
                        loop = [r for r in self.runs if r["client"] == client and r["size"] == LARGE
                                and r["rtt_ms"] == 0 and r["exit"] == 0]
                        if not loop or loop[0]["seconds"] > QUICK_SLOW_PEER_S:
                            self.notes.append("--quick: %s 50 MB at 100 ms skipped (slow on loopback)" % client)
                            continue
                    todo.append(client)
                for rep in range(repeat):
                    # A different order each repetition (fixed seed), so that no client always follows
                    # the same neighbour and inherits its after-effects.
                    order = list(todo)
                    if rep:
                        random.Random(rep).shuffle(order)
                    for client in order:
                        if (client, size_label) in self.skip:
                            continue
                        timeout = 60 if size_label == SMALL else 300
                        if client == "swaks --pipeline" and size_label != SMALL:
                            timeout = SWAKS_LARGE_LIMIT_S + (5 if rtt else 0)
                        row = self.run(client, proxy, size_label, messages[size_label], rep, timeout)
                        self.runs.append(row)
                        if row["timed_out"] and client == "swaks --pipeline" and size_label != SMALL:
                            self.skip[(client, MEDIUM)] = self.skip[(client, LARGE)] = \
                                "took over %d s" % SWAKS_LARGE_LIMIT_S
                            self.notes.append("swaks --pipeline 50 MB dropped: over %d s" % SWAKS_LARGE_LIMIT_S)
                        log("  %3d ms RTT  %-6s %-24s %8.3f s %7.1f MiB  flights %s/%s  TLS %s%s" % (
                            rtt, size_label, client, row["seconds"], row["maxrss_kib"] / 1024,
                            row.get("client_flights", "?"), row.get("smtp_flights", "?"), row.get("tls_version"),
                            "" if row["exit"] == 0 else "  FAILED exit %d: %s" % (row["exit"], row.get("error", ""))))

    def check_verification(self, bogus_ca, messages):
        """Each client, given a CA that did not sign the server's certificate, must refuse the server:
        proof that the benchmark configuration really verifies certificates."""
        port = int(self.env["POSTFIX_SUBMISSION_PORT"])
        verdicts = {}
        for client in ["msmtp", "sendscope", "curl", "swaks --pipeline"]:
            if client in self.skip:
                continue
            argv, stdin = self.command(client, port, messages[SMALL], ca=bogus_ca)
            result = run_measured(argv, stdin, self.child_env, 60)
            verdicts[client] = result["code"] != 0
            if not verdicts[client]:
                self.expected_deliveries += 1
        self.settle()
        return verdicts


# --- report -----------------------------------------------------------------------------------------------

def summarize(runs):
    groups = {}
    for r in runs:
        groups.setdefault((r["rtt_ms"], r["size"], r["client"]), []).append(r)
    rows = []
    for (rtt, size, client), rs in groups.items():
        ok = [r for r in rs if r["exit"] == 0]
        row = {"rtt_ms": rtt, "size": size, "client": client, "runs": len(ok), "failures": len(rs) - len(ok)}
        if ok:
            row["seconds"] = statistics.median(r["seconds"] for r in ok)
            row["seconds_min"] = min(r["seconds"] for r in ok)
            row["peak_rss_kib"] = max(r["maxrss_kib"] for r in ok)
            for key in ("client_flights", "smtp_flights", "waited_flights"):
                values = sorted({r.get(key) for r in ok if r.get(key) is not None})
                row[key] = values
            row["tls_versions"] = sorted({str(r.get("tls_version")) for r in ok if r.get("connections")})
        rows.append(row)
    return rows


def fmt_values(values):
    if not values:
        return "-"
    return str(values[0]) if len(values) == 1 else "%d-%d" % (values[0], values[-1])


def report(rows, versions, notes, verdicts, args, meta):
    out = []
    out.append("Sendscope send benchmark: STARTTLS + AUTH PLAIN, one recipient, certificate verified, "
               "to Postfix %s, loopback %s, 100 ms RTT through delayproxy.py" % (
                   versions.get("postfix", "?"), "through delayproxy.py" if args.loopback_through_proxy else "direct"))
    out.append("machine: %s, %d cores; %s" % (meta["machine"], os.cpu_count(), meta["when"]))
    for name in ("sendscope", "msmtp", "curl", "swaks", "openssl", "gnutls"):
        if name in versions:
            out.append("  %-10s %s" % (name, versions[name]))
    out.append("wall s: median of %s runs (2 KB) / %s (10 MB, 50 MB); peak MiB: largest ru_maxrss of the client "
               "process; flights: client flights counted at the proxy, whole connection / greeting to 221 "
               "(without trailing TLS alerts) / waited (client silent >= 50 ms first; 100 ms RTT only)"
               % (1 if args.quick else args.repeat_small, 1 if args.quick else args.repeat_large))
    out.append("")
    header = "%-7s %-6s %-24s %9s %8s %7s %9s %8s %8s %7s %7s %5s" % (
        "RTT", "size", "client", "wall s", "x msmtp", "x curl", "peak MiB", "x msmtp", "flights", "to 221",
        "waited", "TLS")
    out.append(header)
    out.append("-" * len(header))
    order = ["msmtp", "sendscope", "sendscope --no-chunking", "curl", "curl --sasl-ir", "swaks --pipeline"]
    rows = sorted(rows, key=lambda r: (r["rtt_ms"], list(SIZES).index(r["size"]), order.index(r["client"])))
    for row in rows:
        base = next((r for r in rows if r["client"] == "msmtp" and r["rtt_ms"] == row["rtt_ms"]
                     and r["size"] == row["size"] and r["runs"]), None)
        curl = next((r for r in rows if r["client"] == "curl" and r["rtt_ms"] == row["rtt_ms"]
                     and r["size"] == row["size"] and r["runs"]), None)
        if not row["runs"]:
            out.append("%-7s %-6s %-24s   failed in all %d runs" % ("%d ms" % row["rtt_ms"], row["size"],
                                                                    row["client"], row["failures"]))
            continue
        tr = "%8.2f" % (row["seconds"] / base["seconds"]) if base else "%8s" % "-"
        tc = "%7.2f" % (row["seconds"] / curl["seconds"]) if curl else "%7s" % "-"
        rr = "%8.2f" % (row["peak_rss_kib"] / base["peak_rss_kib"]) if base else "%8s" % "-"
        out.append("%-7s %-6s %-24s %9.3f %s %s %9.1f %s %8s %7s %7s %5s%s" % (
            "%d ms" % row["rtt_ms"], row["size"], row["client"], row["seconds"], tr, tc, row["peak_rss_kib"] / 1024, rr,
            fmt_values(row["client_flights"]), fmt_values(row["smtp_flights"]), fmt_values(row["waited_flights"]),
            "/".join(row["tls_versions"]), "" if not row["failures"] else "  (%d failed)" % row["failures"]))
    out.append("")

    def find(client, size, rtt):
        return next((r for r in rows if r["client"] == client and r["size"] == size and r["rtt_ms"] == rtt
                     and r["runs"]), None)

    targets = []

    def flights_target(client, want, what):
        slow, loop = find(client, SMALL, 100), find(client, SMALL, 0)
        if not slow:
            targets.append(("sendscope flights == %d (%s)" % (want, what), None, "not measured"))
            return
        got = slow["smtp_flights"]
        met = got == [want]
        detail = "%s at 100 ms RTT, greeting to 221; loopback: %s" % (fmt_values(got), fmt_values(loop["smtp_flights"])
                                                                       if loop else "-")
        targets.append(("%s flights == %d (%s)" % (client, want, what), met, detail))

    # QUIT only after the end-of-data reply (issue 18: servers refuse it pipelined behind the data).
    flights_target("sendscope --no-chunking", 8, "PIPELINING")
    flights_target("sendscope", 7, "PIPELINING + CHUNKING")
    for size in (SMALL, LARGE):
        rss = [r for r in rows if r["client"].startswith("sendscope") and r["size"] == size and r["runs"]]
        if rss:
            peak = max(r["peak_rss_kib"] for r in rss) * 1024
            targets.append(("sendscope %s peak RSS <= 16 MiB" % size, peak <= RSS_TARGET_BYTES,
                            "%.1f MiB" % (peak / 2 ** 20)))
        else:
            targets.append(("sendscope %s peak RSS <= 16 MiB" % size, None, "not measured"))
    for client in ("sendscope", "sendscope --no-chunking"):
        for size in (MEDIUM, LARGE):
            ours, curl = find(client, size, 0), find("curl", size, 0)
            if ours and curl:
                targets.append(("%s wall time <= curl, %s at 0 ms RTT" % (client, size),
                                ours["seconds"] <= curl["seconds"], "%.3f s vs %.3f s = %.2fx"
                                % (ours["seconds"], curl["seconds"], ours["seconds"] / curl["seconds"])))
    for rtt in (0, 100):
        for size in SIZES:
            ours, base = find("sendscope", size, rtt), find("msmtp", size, rtt)
            if ours and base:
                targets.append(("sendscope wall time <= msmtp, %s at %d ms RTT" % (size, rtt),
                                ours["seconds"] <= base["seconds"], "%.3f s vs %.3f s" % (ours["seconds"], base["seconds"])))
    for name, met, detail in targets:
        out.append("target: %s: %s (%s)" % (name, "met" if met else "missed" if met is not None else "n/a", detail))
    for client, want in EXPECTED_PEER_FLIGHTS.items():
        slow = find(client, SMALL, 100)
        if slow:
            out.append("expected: %s needs %d flights: %s (%s at 100 ms RTT, greeting to 221)" % (
                client, want, "as expected" if slow["smtp_flights"] == [want] else "NOT as expected",
                fmt_values(slow["smtp_flights"])))
    tls = sorted({v for r in rows for v in r.get("tls_versions", [])})
    out.append("TLS versions negotiated (from the ServerHello seen by the proxy): %s%s" % (
        ", ".join(tls), "" if tls == ["1.3"] else "  <-- NOT all TLS 1.3"))
    if verdicts:
        out.append("certificate verification: given a CA that did not sign the server certificate, %s" % "; ".join(
            "%s %s" % (c, "refused the server" if v else "SENT ANYWAY") for c, v in verdicts.items()))
    for note in notes:
        out.append("note: " + note)
    return "\n".join(out), targets


# --- main -------------------------------------------------------------------------------------------------

def find_sendscope(path):
    if path:
        return (os.path.abspath(path), None) if os.access(path, os.X_OK) else (None, "%s is not executable" % path)
    for candidate in ("build/release/app/sendscope", "build/dev/app/sendscope"):
        full = os.path.join(ROOT, candidate)
        if os.access(full, os.X_OK):
            return full, None
    return None, "no build/release/app/sendscope or build/dev/app/sendscope (cmake --build --preset release)"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true",
                        help="one run of each; curl and swaks 50 MB at 100 ms only if fast on loopback")
    parser.add_argument("--sendscope", help="the sendscope binary (default: build/release, else build/dev)")
    parser.add_argument("--output", help="also write the results here as JSON")
    parser.add_argument("--repeat-small", type=int, default=3, help="runs per client for 2 KB (default 3)")
    parser.add_argument("--repeat-large", type=int, default=1, help="runs per client for 50 MB (default 1)")
    parser.add_argument("--loopback-through-proxy", action="store_true",
                        help="send the loopback runs through delayproxy.py with no delay as well (counts their "
                             "flights; the proxy's quick ACKs hide Nagle stalls and its copies slow large sends)")
    parser.add_argument("--trace", action="store_true",
                        help="keep the proxies' per-chunk traces (printed path; the work directory is kept)")
    args = parser.parse_args()
    args.repeat_small = max(1, min(args.repeat_small, 20))
    args.repeat_large = max(1, min(args.repeat_large, 5))
    started = time.monotonic()

    sendscope, why_not = find_sendscope(args.sendscope)
    workdir = tempfile.mkdtemp(prefix="sendscope-bench-")
    os.chmod(workdir, 0o755)  # Postfix runs as user postfix and must reach its queue and Maildirs in here
    servers = os.path.join(workdir, "servers")
    proxies = []
    try:
        log("starting the test servers in %s" % servers)
        subprocess.run(["bash", os.path.join(SERVERS, "start-test-servers.sh"), servers], check=True,
                       stdout=subprocess.DEVNULL, timeout=180)
        env = {}
        with open(os.path.join(servers, "env")) as f:
            for line in f:
                key, sep, value = line.rstrip("\n").partition("=")
                if sep:
                    env[key] = value
        bench = Bench(args, workdir, env, sendscope)
        global MEASURE
        MEASURE = build_measure(workdir)
        if MEASURE:
            bench.notes.append("wall time and peak RSS taken by measure.c (fork, exec, wait4) around each client")
        else:
            import resource
            bench.notes.append("no C compiler: clients reaped with os.wait4 from this driver, so each peak RSS "
                               "is at least the driver's own (%.1f MiB)"
                               % (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))
        if not sendscope:
            bench.skip["sendscope"] = bench.skip["sendscope --no-chunking"] = why_not
        else:
            helptext = subprocess.run([sendscope, "send", "--help"], capture_output=True, text=True, timeout=30)
            if "--eml" not in helptext.stdout + helptext.stderr:
                bench.skip["sendscope"] = bench.skip["sendscope --no-chunking"] = \
                    "%s send --help does not offer --eml" % sendscope
            elif "--no-chunking" not in helptext.stdout + helptext.stderr:
                bench.skip["sendscope --no-chunking"] = "the CLI has no --no-chunking"
        if "swaks --pipeline" not in bench.skip and not shutil.which("swaks"):
            bench.skip["swaks --pipeline"] = "swaks is not installed"

        log("generating the messages")
        messages = {}
        for i, (label, size) in enumerate(SIZES.items()):
            messages[label] = os.path.join(workdir, "message-%s.eml" % label.replace(" ", ""))
            make_message(messages[label], size, seed=i + 1)
        bogus = os.path.join(workdir, "other-ca.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                        "-days", "2", "-subj", "/CN=Not The Sendscope Test CA", "-keyout",
                        os.path.join(workdir, "other-ca.key"), "-out", bogus], check=True, capture_output=True,
                       timeout=30)

        versions = {
            "sendscope": first_line([sendscope, "--version"]) if sendscope else "not built",
            "msmtp": "%s (%s)" % (first_line(["msmtp", "--version"]),
                                  first_line(["msmtp", "--version"], "TLS/SSL library").split(":")[-1].strip()),
            "curl": first_line(["curl", "--version"]),
            "swaks": first_line(["swaks", "--version"]),
            "postfix": first_line(["postconf", "-d", "-h", "mail_version"]),
            "openssl": first_line(["openssl", "version"]),
            "gnutls": "libgnutls30 " + dpkg_version("libgnutls30"),
            "python": platform.python_version(),
        }
        if sendscope:
            versions["sendscope"] += "  (%s)" % os.path.relpath(sendscope, ROOT)

        log("checking that every client verifies the server certificate")
        verdicts = bench.check_verification(bogus, messages)

        for delay in DELAYS:
            if delay == 0 and not args.loopback_through_proxy:
                proxies.append(Direct(int(env["POSTFIX_SUBMISSION_PORT"])))
            else:
                proxies.append(Proxy(int(env["POSTFIX_SUBMISSION_PORT"]), delay, workdir, trace=args.trace))
        log("measuring (ports %s)" % ", ".join(str(p.port) for p in proxies))
        bench.measure(proxies, messages)
        bench.settle()
        for proxy in proxies:
            proxy.stop()

        maillog = ""
        if os.path.exists(env.get("MAILLOG", "")):
            with open(env["MAILLOG"], errors="replace") as f:
                maillog = f.read()
        methods = re.findall(r"sasl_method=(\S+?),", maillog)
        bench.notes.append("Postfix logged %d authentications: %s; %d messages delivered to alice's Maildir "
                           "(%d expected)" % (len(methods), ", ".join(sorted(set(methods))) or "-", bench.delivered,
                                              bench.expected_deliveries))
        for name, reason in bench.skip.items():
            if isinstance(name, str):
                bench.notes.append("%s skipped: %s" % (name, reason))
        rows = summarize(bench.runs)
        meta = {"machine": "%s %s" % (platform.system(), platform.release()),
                "when": time.strftime("%Y-%m-%d %H:%M %Z"), "elapsed_s": round(time.monotonic() - started, 1)}
        text, targets = report(rows, versions, bench.notes, verdicts, args, meta)
        print(text)
        print("(benchmark took %.0f s)" % (time.monotonic() - started))
        if args.output:
            with open(args.output, "w") as f:
                json.dump({"meta": meta, "versions": versions, "options": vars(args), "summary": rows,
                           "runs": bench.runs, "targets": [{"target": n, "met": m, "detail": d} for n, m, d in targets],
                           "certificate_check": verdicts, "notes": bench.notes}, f, indent=2)
    finally:
        for proxy in proxies:
            proxy.stop()
        subprocess.run(["bash", os.path.join(SERVERS, "stop-test-servers.sh"), servers], timeout=120,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if args.trace:
            log("kept %s (proxy traces: proxy-delay*.trace)" % workdir)
            shutil.rmtree(os.path.join(workdir, "servers", "maildir"), ignore_errors=True)
            for label in SIZES:
                path = os.path.join(workdir, "message-%s.eml" % label.replace(" ", ""))
                if os.path.exists(path):
                    os.unlink(path)
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
