#!/usr/bin/env bash
# Stops what start-test-servers.sh started in DIR. Never fails when nothing runs.
DIR=${1:?usage: stop-test-servers.sh DIR}
[[ -d "$DIR" ]] || exit 0
if [[ -f "$DIR/postfix/main.cf" ]]; then
    postfix -c "$DIR/postfix" stop >/dev/null 2>&1 || true
    # Bounded wait for the master process to go.
    pidfile="$DIR/queue/pid/master.pid"
    for _ in $(seq 50); do
        [[ -f "$pidfile" ]] && kill -0 "$(tr -d ' ' < "$pidfile")" 2>/dev/null || break
        sleep 0.1
    done
fi
for name in aiosmtpd oauth; do
    [[ -f "$DIR/$name.pid" ]] || continue
    pid=$(cat "$DIR/$name.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$DIR/$name.pid"
done
exit 0
