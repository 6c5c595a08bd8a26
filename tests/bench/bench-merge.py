#!/usr/bin/env python3
"""Bulk-send benchmark: `sendscope merge` against a Python smtplib loop and one msmtp process per message.

Through the real test Postfix (tests/servers/start-test-servers.sh: STARTTLS, AUTH PLAIN, PIPELINING and
CHUNKING advertised), every client verifying the server certificate against the test CA, with each
client once directly and once with ~100 ms round-trip time added by tests/bench/delayproxy.py:
  - messages per second over one connection, for rows of 10 KB (text) and of 300 KB (a PDF-sized
    attachment), and client flights per message counted at the proxy;
  - peak RSS of `sendscope merge` for 1,000 and for 10,000 rows (it must stay flat);
  - crash injection: `sendscope merge` killed (SIGKILL) at a random moment, then resumed, over many
    trials; every row the journal calls accepted must be delivered exactly once, every row in doubt at
    most once, and at most one row in doubt per crash.
A benchmark: it prints figures (and a Markdown table for tests/bench/README.md) and exits 0.

    python3 tests/bench/bench-merge.py [--quick] [--rows N] [--slow-rows N] [--trials N] [--sendscope PATH]
"""
import argparse
import importlib.util
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SERVERS = os.path.join(ROOT, "tests", "servers")
MAILBOXES = ("alice", "bob", "carol")
PASSWORD_VAR = "SENDSCOPE_BENCH_PASSWORD"

_spec = importlib.util.spec_from_file_location("bench_send", os.path.join(HERE, "bench-send.py"))
bench_send = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench_send)
log = bench_send.log


def write_data(workdir, name, rows, size, token):
    """A CSV of `rows` rows and the files its template needs; each message is about `size` bytes."""
    folder = os.path.join(workdir, name)
    os.makedirs(folder, exist_ok=True)
    attachment = ""
    if size > 64 * 1024:
        attachment = "payslip.pdf"
        rng = random.Random(size)
        with open(os.path.join(folder, attachment), "wb") as f:
            f.write(b"%PDF-1.4\n" + bytes(rng.getrandbits(8) for _ in range(size * 3 // 4)))
    with open(os.path.join(folder, "data.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("id,name,email\r\n")
        for i in range(1, rows + 1):
            f.write("%d,Person %d,%s@sendscope.test\r\n" % (i, i, MAILBOXES[i % 3]))
    body = "Dear {{name}},\n\n" + ("This is row {{id}} of the bulk-send benchmark. " * 200)[: min(size, 10240)]
    with open(os.path.join(folder, "body.txt"), "w", encoding="utf-8") as f:
        f.write(body + "\n")
    return folder, attachment


def merge_argv(sendscope, env, port, folder, attachment, token, journal, extra=()):
    argv = [sendscope, "merge", "--server", "127.0.0.1", "--port", str(port), "--security", "starttls",
            "--ca-file", env["CA_CERT"], "--user", env["TEST_USER"], "--password-env", PASSWORD_VAR,
            "--from", "Bench <%s>" % env["TEST_USER"], "--data", os.path.join(folder, "data.csv"),
            "--subject", "Bench %s row {{id}}" % token, "--body-file", os.path.join(folder, "body.txt"),
            "--rate", "0", "--max-per-connection", "100000", "--journal", journal]
    if attachment:
        argv += ["--attach", attachment]
    return argv + list(extra)


SMTPLIB_LOOP = r'''
import csv, smtplib, ssl, sys, os
from email.message import EmailMessage
host, port, ca, user, folder, attachment, token = sys.argv[1:8]
context = ssl.create_default_context(cafile=ca)
body = open(os.path.join(folder, "body.txt"), encoding="utf-8").read()
data = open(os.path.join(folder, attachment), "rb").read() if attachment else None
with smtplib.SMTP(host, int(port)) as smtp:
    smtp.starttls(context=context)
    smtp.login(user, os.environ["%s"])
    for row in csv.DictReader(open(os.path.join(folder, "data.csv"), encoding="utf-8")):
        message = EmailMessage()
        message["From"] = user
        message["To"] = row["email"]
        message["Subject"] = "Bench %%s row %%s" %% (token, row["id"])
        message.set_content(body.replace("{{name}}", row["name"]).replace("{{id}}", row["id"]))
        if data:
            message.add_attachment(data, maintype="application", subtype="pdf", filename=attachment)
        smtp.send_message(message)
''' % PASSWORD_VAR


def msmtp_one(env, port, folder, attachment, row, token, workdir):
    """One message as an .eml for msmtp (msmtp does not compose: the file is written beforehand)."""
    path = os.path.join(workdir, "msmtp-%s.eml" % row)
    if not os.path.exists(path):
        body = open(os.path.join(folder, "body.txt"), encoding="utf-8").read()
        lines = ["From: %s" % env["TEST_USER"], "To: %s@sendscope.test" % MAILBOXES[row % 3],
                 "Subject: Bench %s row %d" % (token, row), "MIME-Version: 1.0"]
        if attachment:
            import base64
            raw = base64.encodebytes(open(os.path.join(folder, attachment), "rb").read()).decode()
            lines += ["Content-Type: multipart/mixed; boundary=b", "", "--b", "Content-Type: text/plain", "",
                      body, "--b", "Content-Type: application/pdf", "Content-Transfer-Encoding: base64", "",
                      raw, "--b--"]
        else:
            lines += ["Content-Type: text/plain; charset=utf-8", "", body]
        with open(path, "w", newline="\r\n") as f:
            f.write("\n".join(lines) + "\n")
    return (["msmtp", "--host=127.0.0.1", "--port=%d" % port, "--tls=on", "--tls-starttls=on",
             "--tls-trust-file=%s" % env["CA_CERT"], "--auth=plain", "--user=%s" % env["TEST_USER"],
             "--passwordeval=printf %%s \"$%s\"" % PASSWORD_VAR, "--from=%s" % env["TEST_USER"],
             "%s@sendscope.test" % MAILBOXES[row % 3]], path)


def wait_for_empty_queue(env, limit=120):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        out = subprocess.run(["/usr/sbin/postqueue", "-c", env["POSTFIX_CONFIG_DIR"], "-p"], capture_output=True,
                             text=True).stdout
        if "queue is empty" in out:
            return True
        time.sleep(0.1)
    return False


def delivered_counts(env, token):
    """Message-ID -> how many delivered messages carry it, among those whose subject has token."""
    counts = {}
    for mailbox in MAILBOXES:
        for sub in ("new", "cur"):
            folder = os.path.join(env["MAILDIR_ROOT"], mailbox, sub)
            if not os.path.isdir(folder):
                continue
            for name in os.listdir(folder):
                with open(os.path.join(folder, name), "rb") as f:
                    head = f.read(8192)
                if token.encode() not in head:
                    continue
                match = re.search(rb"^Message-ID: (<[^>]+>)", head, re.M | re.I)
                if match:
                    counts[match.group(1).decode()] = counts.get(match.group(1).decode(), 0) + 1
    return counts


def journal_rows(path):
    if not os.path.exists(path):
        return []
    try:
        with sqlite3.connect(path) as db:
            return db.execute("SELECT row, message_id, state FROM rows").fetchall()
    except sqlite3.OperationalError:  # killed before the journal was prepared
        return []


def throughput(args, env, sendscope, workdir, child_env, proxies):
    results = []
    for label, size in (("10 KB", 10 * 1024), ("300 KB", 300 * 1024)):
        for proxy in proxies:
            rows = args.rows if proxy.delay_ms == 0 else args.slow_rows
            token = "%s-%d-%d" % (label.replace(" ", ""), proxy.delay_ms, random.randrange(10 ** 9))
            folder, attachment = write_data(workdir, token, rows, size, token)
            runs = {}
            t0 = time.time()
            run = bench_send.run_measured(merge_argv(sendscope, env, proxy.port, folder, attachment, token,
                                                     os.path.join(folder, "journal.sqlite")),
                                          env=child_env, timeout=1800)
            records = proxy.records_between(t0, time.time(), run["code"] in (0, 3))
            runs["sendscope merge"] = (run, sum(r["smtp_flights"] for r in records), len(records))
            t0 = time.time()
            script = os.path.join(workdir, "smtplib_loop.py")
            with open(script, "w") as f:
                f.write(SMTPLIB_LOOP)
            run = bench_send.run_measured([sys.executable, script, "127.0.0.1", str(proxy.port), env["CA_CERT"],
                                           env["TEST_USER"], folder, attachment, token], env=child_env,
                                          timeout=3600)
            records = proxy.records_between(t0, time.time(), run["code"] == 0)
            runs["Python smtplib, one connection"] = (run, sum(r["smtp_flights"] for r in records), len(records))
            sample = min(rows, args.msmtp_rows)
            start = time.perf_counter()
            t0 = time.time()
            peak = 0
            failures = 0
            for row in range(1, sample + 1):
                argv, path = msmtp_one(env, proxy.port, folder, attachment, row, token, workdir)
                one = bench_send.run_measured(argv, stdin_path=path, env=child_env, timeout=120)
                peak = max(peak, one["maxrss_kib"])
                failures += one["code"] != 0
            elapsed = time.perf_counter() - start
            records = proxy.records_between(t0, time.time(), failures == 0)
            runs["msmtp, one process per message"] = (
                {"seconds": elapsed, "maxrss_kib": peak, "code": 1 if failures else 0, "stderr": ""},
                sum(r["smtp_flights"] for r in records), len(records), sample)
            for client, entry in runs.items():
                run, flights, connections = entry[0], entry[1], entry[2]
                sent = entry[3] if len(entry) > 3 else rows
                results.append({
                    "size": label, "rtt_ms": 2 * proxy.delay_ms, "client": client, "rows": sent,
                    "seconds": run["seconds"], "per_second": sent / run["seconds"] if run["seconds"] else 0,
                    "flights_per_message": flights / sent if sent else 0, "connections": connections,
                    "maxrss_mib": run["maxrss_kib"] / 1024, "ok": run["code"] in (0, 3),
                    "error": run["stderr"][-300:] if run["code"] not in (0, 3) else ""})
                log("%-6s rtt %3d ms  %-34s %5d rows %8.2f s %7.1f msg/s %5.2f flights/msg %6.1f MiB%s" % (
                    label, 2 * proxy.delay_ms, client, sent, run["seconds"], results[-1]["per_second"],
                    results[-1]["flights_per_message"], results[-1]["maxrss_mib"],
                    "" if results[-1]["ok"] else "  FAILED " + results[-1]["error"]))
            wait_for_empty_queue(env)
    return results


def memory(args, env, sendscope, workdir, child_env):
    figures = []
    for rows in (1000, args.memory_rows):
        token = "mem%d-%d" % (rows, random.randrange(10 ** 9))
        folder, attachment = write_data(workdir, token, rows, 2048, token)
        run = bench_send.run_measured(merge_argv(sendscope, env, int(env["POSTFIX_SUBMISSION_PORT"]), folder,
                                                 attachment, token, os.path.join(folder, "journal.sqlite")),
                                      env=child_env, timeout=3600)
        figures.append({"rows": rows, "maxrss_mib": run["maxrss_kib"] / 1024, "seconds": run["seconds"],
                        "ok": run["code"] in (0, 3)})
        log("memory: %6d rows  %6.1f MiB  %6.1f s%s" % (rows, figures[-1]["maxrss_mib"], run["seconds"],
                                                         "" if figures[-1]["ok"] else "  FAILED"))
        wait_for_empty_queue(env, 600)
    return figures


def crash_injection(args, env, sendscope, workdir, child_env):
    """Kills `sendscope merge` at a random moment, resumes it to the end, and checks the Maildirs."""
    rng = random.Random(20261129)
    summary = {"trials": 0, "killed_midway": 0, "unknown_rows": 0, "max_unknown_per_crash": 0,
               "accepted_not_once": 0, "unknown_more_than_once": 0}
    for trial in range(args.trials):
        token = "crash%d-%d" % (trial, random.randrange(10 ** 9))
        folder, attachment = write_data(workdir, token, 12, 2048, token)
        journal = os.path.join(folder, "journal.sqlite")
        argv = merge_argv(sendscope, env, int(env["POSTFIX_SUBMISSION_PORT"]), folder, attachment, token, journal,
                          ["--rate", "1200/min"])  # 50 ms a message: the run lasts about 0.6 s
        process = subprocess.Popen(argv, env=child_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            process.wait(timeout=rng.uniform(0.05, 0.9))
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            process.wait()
            summary["killed_midway"] += 1
        # A row left "sending" by the kill: the resumed run will call it unknown.
        unknown = sum(1 for _, _, state in journal_rows(journal) if state in ("sending", "unknown"))
        subprocess.run(argv, env=child_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
        wait_for_empty_queue(env)
        counts = delivered_counts(env, token)
        for _row, message_id, state in journal_rows(journal):
            delivered = counts.get(message_id, 0)
            if state == "accepted" and delivered != 1:
                summary["accepted_not_once"] += 1
            if state == "unknown" and delivered > 1:
                summary["unknown_more_than_once"] += 1
        summary["trials"] += 1
        summary["unknown_rows"] += unknown
        summary["max_unknown_per_crash"] = max(summary["max_unknown_per_crash"], unknown)
    log("crash injection: %s" % summary)
    return summary


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer rows and trials")
    parser.add_argument("--rows", type=int, default=1000, help="rows per run at RTT 0 (default 1000)")
    parser.add_argument("--slow-rows", type=int, default=100, help="rows per run at 100 ms RTT (default 100)")
    parser.add_argument("--msmtp-rows", type=int, default=100, help="msmtp processes per case (default 100)")
    parser.add_argument("--memory-rows", type=int, default=10000, help="rows of the large memory run")
    parser.add_argument("--trials", type=int, default=200, help="crash-injection trials (default 200)")
    parser.add_argument("--sendscope", help="the sendscope binary (default: build/release, else build/dev)")
    parser.add_argument("--parts", default="throughput,memory,crash",
                        help="which measurements, comma-separated (default: throughput,memory,crash)")
    args = parser.parse_args()
    parts = set(args.parts.split(","))
    if args.quick:
        args.rows, args.slow_rows, args.msmtp_rows, args.memory_rows, args.trials = 200, 20, 20, 2000, 20
    sendscope, why_not = bench_send.find_sendscope(args.sendscope)
    if not sendscope:
        log("no sendscope binary: %s" % why_not)
        return 0
    workdir = tempfile.mkdtemp(prefix="sendscope-bench-merge-")
    os.chmod(workdir, 0o755)  # Postfix runs as user postfix and must reach its queue and Maildirs in here
    servers = os.path.join(workdir, "servers")
    proxies = []
    try:
        subprocess.run(["bash", os.path.join(SERVERS, "start-test-servers.sh"), servers], check=True,
                       stdout=subprocess.DEVNULL, timeout=180)
        env = {}
        with open(os.path.join(servers, "env")) as f:
            for line in f:
                key, sep, value = line.rstrip("\n").partition("=")
                if sep:
                    env[key] = value
        with open(env["TEST_PASSWORD_FILE"]) as f:
            child_env = dict(os.environ, **{PASSWORD_VAR: f.read().rstrip("\n")})
        bench_send.MEASURE = bench_send.build_measure(workdir)
        for delay in (0, 50):
            proxies.append(bench_send.Proxy(int(env["POSTFIX_SUBMISSION_PORT"]), delay, workdir))
        results = throughput(args, env, sendscope, workdir, child_env, proxies) if "throughput" in parts else []
        for proxy in proxies:
            proxy.stop()
        figures = memory(args, env, sendscope, workdir, child_env) if "memory" in parts else []
        crashes = crash_injection(args, env, sendscope, workdir, child_env) if "crash" in parts else None

        print("\n| size | RTT | client | rows | s | msg/s | × smtplib | flights/msg | peak MiB |")
        print("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for r in results:
            base = next(x for x in results if x["size"] == r["size"] and x["rtt_ms"] == r["rtt_ms"]
                        and x["client"].startswith("Python"))
            print("| %s | %d ms | %s | %d | %.2f | %.1f | %.2f | %.2f | %.1f |%s" % (
                r["size"], r["rtt_ms"], r["client"], r["rows"], r["seconds"], r["per_second"],
                r["per_second"] / base["per_second"] if base["per_second"] else 0, r["flights_per_message"],
                r["maxrss_mib"], "" if r["ok"] else " FAILED"))
        if figures:
            print("\nPeak RSS of sendscope merge: " + ", ".join(
                "%d rows %.1f MiB" % (f["rows"], f["maxrss_mib"]) for f in figures) +
                  " (growth %.1f MiB)" % (figures[-1]["maxrss_mib"] - figures[0]["maxrss_mib"]))
        if crashes:
            print("Crash injection: %(trials)d trials, %(killed_midway)d killed midway, %(unknown_rows)d rows in doubt "
                  "(at most %(max_unknown_per_crash)d per crash), accepted rows not delivered exactly once: "
                  "%(accepted_not_once)d, rows in doubt delivered twice: %(unknown_more_than_once)d" % crashes)
    finally:
        for proxy in proxies:
            proxy.stop()
        subprocess.run(["bash", os.path.join(SERVERS, "stop-test-servers.sh"), servers], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
    return 0


if __name__ == "__main__":
    sys.exit(main())
