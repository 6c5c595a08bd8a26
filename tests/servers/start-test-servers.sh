#!/usr/bin/env bash
# Starts the real SMTP servers of the integration tests and benchmarks, on 127.0.0.1 only, and writes
# DIR/env (KEY=VALUE lines) describing them:
#   - a private Postfix instance (config, queue and Maildirs under DIR; the system's Postfix, if any, is not
#     touched) with Cyrus SASL from a private sasldb, delivering sendscope.test to Maildirs and discarding
#     everything else, so that nothing ever leaves the machine;
#   - aiosmtpd, a second implementation without PIPELINING;
#   - oauth2-mock-server and smtp-server with XOAUTH2 (oauth_servers.js, from npm; see npm/package.json),
#     for the sign-in tests, when `npm ci` has installed them.
# Idempotent: stops whatever an earlier run left in DIR first.
set -euo pipefail

DIR=${1:?usage: start-test-servers.sh DIR}
HERE=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)
chmod 755 "$DIR"
if ! runuser -u postfix -- test -x "$DIR"; then
    echo "start-test-servers: Postfix runs as user postfix, which cannot reach $DIR; use a directory" \
         "whose parents are world-searchable (not one inside a private temporary directory)" >&2
    exit 1
fi
bash "$HERE/stop-test-servers.sh" "$DIR" || true
rm -rf "$DIR/postfix" "$DIR/queue" "$DIR/data" "$DIR/maildir" "$DIR/aiosmtpd" "$DIR/env" "$DIR/maillog" \
    "$DIR/oauth.env" "$DIR/oauth-mail"
mkdir -p "$DIR/postfix/sasl" "$DIR/queue" "$DIR/data" "$DIR/maildir" "$DIR/aiosmtpd"
chown postfix "$DIR/data"

TEST_USER=tester@sendscope.test
# A space and punctuation on purpose: clients must not trim or mangle the password.
TEST_PASSWORD='s3cret pass!'
printf '%s\n' "$TEST_PASSWORD" > "$DIR/password"
chmod 600 "$DIR/password"

# --- certificates: a private CA and a server certificate for 127.0.0.1 / localhost ----------------------
if [[ ! -s "$DIR/ca.pem" || ! -s "$DIR/server.pem" ]]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=Sendscope Test CA" \
        -keyout "$DIR/ca.key" -out "$DIR/ca.pem" -addext "basicConstraints=critical,CA:TRUE" \
        -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout "$DIR/server.key" \
        -out "$DIR/server.csr" 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' > "$DIR/server.ext"
    openssl x509 -req -in "$DIR/server.csr" -CA "$DIR/ca.pem" -CAkey "$DIR/ca.key" -CAcreateserial \
        -days 30 -extfile "$DIR/server.ext" -out "$DIR/server.pem" 2>/dev/null
fi
chmod 644 "$DIR/server.key"  # Postfix reads it as root at start; the directory is private to the test run

# --- free ports -----------------------------------------------------------------------------------------
read -r SUB SMTPS PLAIN SMALL RCPTLIMIT AIO < <(/usr/bin/python3 - <<'PY'
import socket
socks = []
for _ in range(6):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
PY
)
SMALL_LIMIT=100000

# --- Postfix --------------------------------------------------------------------------------------------
PF=$DIR/postfix
POSTFIX_UID=$(id -u postfix)
POSTFIX_GID=$(id -g postfix)
cat > "$PF/main.cf" <<EOF
compatibility_level = 3.6
queue_directory = $DIR/queue
data_directory = $DIR/data
mail_owner = postfix
setgid_group = postdrop
myhostname = mail.sendscope.test
mydomain = sendscope.test
myorigin = sendscope.test
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
# No client is trusted by address: relaying needs authentication.
mynetworks = 127.0.0.254/32
smtpd_relay_restrictions = permit_sasl_authenticated, reject_unauth_destination
virtual_mailbox_domains = sendscope.test
virtual_mailbox_base = $DIR/maildir
virtual_mailbox_maps = texthash:$PF/vmailbox
virtual_uid_maps = static:$POSTFIX_UID
virtual_gid_maps = static:$POSTFIX_GID
virtual_minimum_uid = 1
virtual_mailbox_limit = 0
# Nothing leaves this machine: mail for other domains is accepted (when authenticated) and dropped.
default_transport = discard:
relay_transport = discard:
local_transport = error:local delivery is disabled
smtp_dns_support_level = disabled
alias_maps =
alias_database =
local_recipient_maps =
# Deliver what the client sent: no added Date, Message-ID or From, no rewritten addresses.
local_header_rewrite_clients =
always_add_missing_headers = no
smtputf8_enable = yes
message_size_limit = 80000000
mailbox_size_limit = 0
biff = no
maillog_file_prefixes = $DIR
maillog_file = $DIR/maillog
smtpd_banner = \$myhostname ESMTP Postfix (Sendscope test instance)
smtpd_tls_cert_file = $DIR/server.pem
smtpd_tls_key_file = $DIR/server.key
smtpd_tls_security_level = may
smtpd_tls_auth_only = yes
smtpd_sasl_auth_enable = yes
smtpd_sasl_type = cyrus
smtpd_sasl_path = smtpd
cyrus_sasl_config_path = $PF/sasl
smtpd_sasl_security_options = noanonymous
# Bounces for tests/testexplaincommand: mail to big@sendscope.test goes out through the SMTP client to the
# "small" port (100 kB limit), so an oversized message comes back to its sender as a real Postfix DSN.
transport_maps = texthash:$PF/transport
smtp_tls_security_level = may
smtpd_client_connection_rate_limit = 0
smtpd_client_message_rate_limit = 0
smtpd_error_sleep_time = 0
smtpd_soft_error_limit = 1000
smtpd_hard_error_limit = 1000
EOF
printf '%s\n' "alice@sendscope.test alice/" "bob@sendscope.test bob/" "carol@sendscope.test carol/" \
    "tester@sendscope.test tester/" "big@sendscope.test big/" > "$PF/vmailbox"
printf '%s\n' "big@sendscope.test smtp:[127.0.0.1]:$SMALL" > "$PF/transport"

common="-o smtpd_sasl_auth_enable=yes -o smtpd_tls_auth_only=yes"
cat > "$PF/master.cf" <<EOF
127.0.0.1:$SUB   inet n - n - - smtpd -o syslog_name=postfix/submission -o smtpd_tls_security_level=encrypt $common
127.0.0.1:$SMTPS inet n - n - - smtpd -o syslog_name=postfix/smtps -o smtpd_tls_wrappermode=yes $common
127.0.0.1:$PLAIN inet n - n - - smtpd -o syslog_name=postfix/plain -o smtpd_tls_security_level=none -o smtpd_sasl_auth_enable=no
127.0.0.1:$SMALL inet n - n - - smtpd -o syslog_name=postfix/small -o smtpd_tls_security_level=encrypt -o message_size_limit=$SMALL_LIMIT $common
127.0.0.1:$RCPTLIMIT inet n - n - - smtpd -o syslog_name=postfix/rcptlimit -o smtpd_tls_security_level=encrypt -o smtpd_recipient_limit=2 $common
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
tlsmgr    unix  -       -       n       1000?   1       tlsmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
proxywrite unix -       -       n       -       1       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
local     unix  -       n       n       -       -       local
virtual   unix  -       n       n       -       -       virtual
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
EOF

cat > "$PF/sasl/smtpd.conf" <<EOF
pwcheck_method: auxprop
auxprop_plugin: sasldb
sasldb_path: $DIR/sasldb2
mech_list: SCRAM-SHA-256 CRAM-MD5 PLAIN LOGIN
EOF
rm -f "$DIR/sasldb2"
printf '%s' "$TEST_PASSWORD" | saslpasswd2 -p -c -f "$DIR/sasldb2" -u sendscope.test tester
chown postfix "$DIR/sasldb2"
chown -R postfix:postfix "$DIR/maildir"

postfix -c "$PF" check
postfix -c "$PF" start >/dev/null 2>&1 || { cat "$DIR/maillog" 2>/dev/null; postfix -c "$PF" start; }

# --- aiosmtpd -------------------------------------------------------------------------------------------
/usr/bin/python3 "$HERE/aiosmtpd_server.py" --port "$AIO" --cert "$DIR/server.pem" --key "$DIR/server.key" \
    --store "$DIR/aiosmtpd" --user "$TEST_USER" --password-file "$DIR/password" \
    > "$DIR/aiosmtpd.log" 2>&1 &
echo $! > "$DIR/aiosmtpd.pid"

# --- OAuth 2.0 provider and XOAUTH2 SMTP server (node) ---------------------------------------------------
# The issued-tokens file stays across runs (appended to): secret_scan reads it after the suite.
OAUTH_EMAIL=signed-in@oauth.sendscope.test
if [[ -d "$HERE/npm/node_modules/oauth2-mock-server" ]]; then
    NODE_PATH="$HERE/npm/node_modules" node "$HERE/oauth_servers.js" --dir "$DIR" --cert "$DIR/server.pem" \
        --key "$DIR/server.key" --email "$OAUTH_EMAIL" > "$DIR/oauth.log" 2>&1 &
    echo $! > "$DIR/oauth.pid"
    for _ in $(seq 300); do
        [[ -s "$DIR/oauth.env" ]] && break
        kill -0 "$(cat "$DIR/oauth.pid")" 2>/dev/null || { cat "$DIR/oauth.log" >&2; exit 1; }
        sleep 0.1
    done
    [[ -s "$DIR/oauth.env" ]] || { echo "start-test-servers: the OAuth servers did not start" >&2; exit 1; }
else
    echo "start-test-servers: tests/servers/npm is not installed (run install-test-deps.sh);" \
         "the OAuth sign-in tests will fail" >&2
fi

# --- readiness: every port answers with a greeting (bounded wait, no fixed sleeps) ----------------------
/usr/bin/python3 - "$SUB" "$PLAIN" "$SMALL" "$RCPTLIMIT" "$AIO" <<'PY'
import socket, sys, time
deadline = time.monotonic() + 30
for port in map(int, sys.argv[1:]):
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=2) as s:
                s.settimeout(5)
                if s.recv(512).startswith(b"220"):
                    s.sendall(b"QUIT\r\n")
                    break
        except OSError:
            pass
        if time.monotonic() > deadline:
            sys.exit("test server on port %d did not start" % port)
        time.sleep(0.1)
PY

cat > "$DIR/env" <<EOF
SMTP_HOST=127.0.0.1
POSTFIX_SUBMISSION_PORT=$SUB
POSTFIX_SMTPS_PORT=$SMTPS
POSTFIX_PLAIN_PORT=$PLAIN
POSTFIX_SMALL_PORT=$SMALL
POSTFIX_SMALL_LIMIT=$SMALL_LIMIT
POSTFIX_RCPTLIMIT_PORT=$RCPTLIMIT
POSTFIX_CONFIG_DIR=$PF
AIOSMTPD_PORT=$AIO
AIOSMTPD_STORE=$DIR/aiosmtpd
CA_CERT=$DIR/ca.pem
SERVER_CERT=$DIR/server.pem
SERVER_KEY=$DIR/server.key
TEST_USER=$TEST_USER
TEST_PASSWORD_FILE=$DIR/password
MAILDIR_ROOT=$DIR/maildir
MAILLOG=$DIR/maillog
EOF
if [[ -s "$DIR/oauth.env" ]]; then cat "$DIR/oauth.env" >> "$DIR/env"; fi
echo "test servers ready: Postfix submission $SUB, smtps $SMTPS, plain $PLAIN, small $SMALL, rcpt-limit $RCPTLIMIT; aiosmtpd $AIO"
