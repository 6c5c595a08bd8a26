#!/usr/bin/python3
"""Sends the same 2 KB and 50 MB messages through the same real Postfix (STARTTLS + AUTH PLAIN, one
recipient, TLS 1.3) with `sendscope send`, msmtp, curl and `swaks --pipeline`, directly on loopback and
with ~100 ms round-trip time added by tests/bench/delayproxy.py. Prints wall time, client flights counted
at the proxy from greeting to 221, and peak RSS of each client, with ratios against msmtp.

    python3 tests/bench/bench-send.py [--quick] [--sendscope PATH] [--output results.json]
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SERVERS = os.path.join(ROOT, "tests", "servers")


def read_env(path):
    env = {}
    with open(path) as f:
        for line in f:
            key, sep, value = line.rstrip("\n").partition("=")
            if sep:
                env[key] = value
    return env


def make_message(path, size):
    head = ("From: Tester <tester@sendscope.test>\r\nTo: alice@sendscope.test\r\nSubject: benchmark %d bytes\r\n"
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n" % size).encode()
    line = b"QmVuY2htYXJrIGRhdGEgZm9yIFNlbmRzY29wZSBhbmQgaXRzIHBlZXJzLCA3NiBjaGFyYWN0ZXJz\r\n"
    with open(path, "wb") as f:
        f.write(head)
        written = len(head)
        block = line * 1024
        while written + len(block) <= size:
            f.write(block)
            written += len(block)
        while written + len(line) <= size:
            f.write(line)
            written += len(line)


class Proxy:
    def __init__(self, target_port, delay_ms, workdir):
        self.stats = os.path.join(workdir, "proxy-%d-%d.jsonl" % (target_port, delay_ms))
        open(self.stats, "w").close()
        self.process = subprocess.Popen(
            [sys.executable, os.path.join(HERE, "delayproxy.py"), "--target-port", str(target_port),
             "--delay-ms", str(delay_ms), "--stats", self.stats], stdout=subprocess.PIPE, text=True)
        self.port = int(self.process.stdout.readline())

    def records(self):
        with open(self.stats) as f:
            return [json.loads(line) for line in f if line.strip()]

    def wait_for_record(self, count, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            records = self.records()
            if len(records) >= count:
                return records[count - 1]
            time.sleep(0.02)
        return None

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def run_measured(argv, stdin_path=None, env=None, timeout=300):
    """Runs one client directly (no shell) and reaps it with os.wait4 for its own peak RSS.
    Returns (seconds, peak RSS in KiB, exit code, stderr)."""
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    errfile = tempfile.TemporaryFile()
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdin=stdin, stdout=subprocess.DEVNULL, stderr=errfile, env=env)
    deadline = time.monotonic() + timeout
    status, rusage = 0, None
    while True:
        pid, status, rusage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            process.kill()
            pid, status, rusage = os.wait4(process.pid, 0)
            break
        time.sleep(0.002)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if stdin_path:
        stdin.close()
    errfile.seek(0)
    return elapsed, rusage.ru_maxrss, process.returncode, errfile.read().decode(errors="replace")


def client_commands(name, env, port, message, workdir, sendscope):
    user = env["TEST_USER"]
    with open(env["TEST_PASSWORD_FILE"]) as f:
        password = f.read().rstrip("\n")
    child_env = dict(os.environ, SENDSCOPE_BENCH_PW=password)
    if name.startswith("sendscope"):
        argv = [sendscope, "send", "--server", "127.0.0.1", "--port", str(port), "--security", "starttls",
                "--ca-file", env["CA_CERT"], "--user", user, "--password-env", "SENDSCOPE_BENCH_PW",
                "--auth", "PLAIN", "--from", "tester@sendscope.test", "--to", "alice@sendscope.test",
                "--eml", message, "--quiet"]
        if name == "sendscope --no-chunking":
            argv.append("--no-chunking")
        return argv, None, child_env
    if name == "msmtp":
        config = os.path.join(workdir, "msmtprc")
        with open(config, "w") as f:
            f.write("defaults\nauth plain\ntls on\ntls_starttls on\ntls_trust_file %s\n"
                    "account bench\nhost 127.0.0.1\nport %d\nfrom tester@sendscope.test\nuser %s\n"
                    "passwordeval cat %s\naccount default : bench\n" % (env["CA_CERT"], port, user,
                                                                       env["TEST_PASSWORD_FILE"]))
        os.chmod(config, 0o600)
        return ["msmtp", "--file=" + config, "-f", "tester@sendscope.test", "--", "alice@sendscope.test"], \
            message, child_env
    if name == "curl":
        return ["curl", "--silent", "--show-error", "--url", "smtp://127.0.0.1:%d" % port, "--ssl-reqd",
                "--cacert", env["CA_CERT"], "--mail-from", "tester@sendscope.test", "--mail-rcpt",
                "alice@sendscope.test", "--upload-file", message, "--user", "%s:%s" % (user, password),
                "--login-options", "AUTH=PLAIN"], None, child_env
    if name == "swaks --pipeline":
        return ["swaks", "--silent", "2", "--pipeline", "--server", "127.0.0.1", "--port", str(port), "--tls",
                "--tls-ca-path", env["CA_CERT"], "--tls-verify", "--auth", "PLAIN", "--auth-user", user,
                "--auth-password", password, "--from", "tester@sendscope.test", "--to", "alice@sendscope.test",
                "--data", "@" + message], None, child_env
    raise ValueError(name)


def version(argv):
    try:
        out = subprocess.run(argv, capture_output=True, text=True, timeout=10)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except (OSError, subprocess.TimeoutExpired, IndexError):
        return "unavailable"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="one run each, 50 MB only on loopback")
    parser.add_argument("--sendscope", default=None)
    parser.add_argument("--output", default=None)
    args = parser.parse_args()

    sendscope = args.sendscope
    for candidate in ("build/release/app/sendscope", "build/dev/app/sendscope"):
        if not sendscope and os.path.exists(os.path.join(ROOT, candidate)):
            sendscope = os.path.join(ROOT, candidate)
    if not sendscope:
        sys.exit("no sendscope binary: build the release preset first (cmake --build --preset release)")

    workdir = tempfile.mkdtemp(prefix="sendscope-bench-")
    os.chmod(workdir, 0o755)  # Postfix's own processes run as user postfix and must reach its queue
    servers = os.path.join(workdir, "servers")
    proxies = []
    results = []
    try:
        subprocess.run(["bash", os.path.join(SERVERS, "start-test-servers.sh"), servers], check=True,
                       stdout=subprocess.DEVNULL)
        env = read_env(os.path.join(servers, "env"))
        small = os.path.join(workdir, "2k.eml")
        large = os.path.join(workdir, "50m.eml")
        make_message(small, 2 * 1024)
        make_message(large, 50 * 1024 * 1024)

        clients = ["msmtp", "sendscope", "sendscope --no-chunking", "curl", "swaks --pipeline"]
        versions = {"sendscope": version([sendscope, "--version"]), "msmtp": version(["msmtp", "--version"]),
                    "curl": version(["curl", "--version"]), "swaks": version(["swaks", "--version"])}
        for delay in (0, 50):
            proxy = Proxy(int(env["POSTFIX_SUBMISSION_PORT"]), delay, workdir)
            proxies.append(proxy)
            connections = 0
            for label, message, repeat in (("2 KB", small, 1 if args.quick else 3),
                                           ("50 MB", large, 1)):
                if args.quick and delay and label == "50 MB":
                    continue
                for client in clients:
                    if client == "swaks --pipeline" and label == "50 MB":
                        continue  # swaks reads the whole message into Perl strings; minutes at 50 MB
                    times, rss, flights, failures = [], [], [], 0
                    for _ in range(repeat):
                        argv, stdin, child_env = client_commands(client, env, proxy.port, message, workdir, sendscope)
                        elapsed, maxrss, code, stderr = run_measured(argv, stdin, child_env)
                        connections += 1
                        record = proxy.wait_for_record(connections)
                        if code != 0:
                            failures += 1
                            print("  %s failed (exit %d): %s" % (client, code, stderr.strip()[-300:]), file=sys.stderr)
                            continue
                        times.append(elapsed)
                        rss.append(maxrss)
                        flights.append(record["client_flights"] if record else -1)
                    if not times:
                        continue
                    times.sort()
                    results.append({"rtt_ms": 2 * delay, "message": label, "client": client,
                                    "seconds": times[len(times) // 2], "peak_rss_kib": max(rss),
                                    "flights": flights[0], "runs": len(times), "failures": failures})
                    print("  %-3s ms RTT  %-6s %-24s %8.3f s  %7.1f MiB  %2d flights" % (
                        2 * delay, label, client, times[len(times) // 2], max(rss) / 1024, flights[0]),
                        file=sys.stderr, flush=True)
    finally:
        for proxy in proxies:
            proxy.stop()
        subprocess.run(["bash", os.path.join(SERVERS, "stop-test-servers.sh"), servers])
        shutil.rmtree(workdir, ignore_errors=True)

    print("\nSendscope send benchmark: STARTTLS + AUTH PLAIN, one recipient, Postfix %s on loopback"
          % version(["postconf", "-d", "-h", "mail_version"]))
    for name, text in versions.items():
        print("  %-10s %s" % (name, text))
    print("\n%-7s %-6s %-24s %10s %8s %10s %8s %8s" % ("RTT", "size", "client", "wall s", "x msmtp",
                                                        "peak MiB", "x msmtp", "flights"))
    for row in results:
        base = next((r for r in results if r["client"] == "msmtp" and r["rtt_ms"] == row["rtt_ms"]
                     and r["message"] == row["message"]), None)
        time_ratio = row["seconds"] / base["seconds"] if base else float("nan")
        rss_ratio = row["peak_rss_kib"] / base["peak_rss_kib"] if base else float("nan")
        print("%-7s %-6s %-24s %10.3f %8.2f %10.1f %8.2f %8d" % (
            "%d ms" % row["rtt_ms"], row["message"], row["client"], row["seconds"], time_ratio,
            row["peak_rss_kib"] / 1024, rss_ratio, row["flights"]))

    def find(client, message, rtt):
        return next((r for r in results if r["client"] == client and r["message"] == message and r["rtt_ms"] == rtt), None)

    print()
    chunking = find("sendscope", "2 KB", 0)
    pipelining = find("sendscope --no-chunking", "2 KB", 0)
    big = find("sendscope", "50 MB", 0)
    msmtp_slow, ours_slow = find("msmtp", "2 KB", 100), find("sendscope", "2 KB", 100)
    if chunking:
        print("target: sendscope flights with PIPELINING + CHUNKING == 6: %s (%d)"
              % ("met" if chunking["flights"] == 6 else "missed", chunking["flights"]))
    if pipelining:
        print("target: sendscope flights with PIPELINING only == 7: %s (%d)"
              % ("met" if pipelining["flights"] == 7 else "missed", pipelining["flights"]))
    if big:
        print("target: sendscope 50 MB peak RSS < 40 MiB: %s (%.1f MiB)"
              % ("met" if big["peak_rss_kib"] < 40 * 1024 else "missed", big["peak_rss_kib"] / 1024))
    if msmtp_slow and ours_slow:
        print("target: sendscope wall time <= msmtp at 100 ms RTT: %s (%.3f s vs %.3f s)"
              % ("met" if ours_slow["seconds"] <= msmtp_slow["seconds"] else "missed", ours_slow["seconds"],
                 msmtp_slow["seconds"]))
    if args.output:
        with open(args.output, "w") as f:
            json.dump({"versions": versions, "results": results}, f, indent=2)


if __name__ == "__main__":
    main()
