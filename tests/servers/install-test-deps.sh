#!/usr/bin/env bash
# Installs the real SMTP servers and peer clients the tests and benchmarks use, without letting Postfix's
# package start or configure a system-wide mail server: the tests run their own private instance.
set -euo pipefail

# dnsmasq-base: a DNS server on loopback for the SRV and MX steps of "Find settings" (testsettingsfinder)
# and for the SPF/DMARC records of testcheckdomain.
want=(postfix libsasl2-modules sasl2-bin python3-aiosmtpd openssl msmtp swaks curl dnsmasq-base)
missing=()
for package in "${want[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
install_npm_servers() {
    # The sign-in tests' OAuth 2.0 and SMTP servers (tests/servers/npm), exactly as the lock file pins them.
    local here
    here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
    if ! command -v npm >/dev/null; then
        echo "install-test-deps: npm is missing; the OAuth sign-in tests need Node 18+ and npm" >&2
        return 1
    fi
    (cd "$here/npm" && npm ci --no-audit --no-fund --loglevel=error)
}
if ((${#missing[@]} == 0)); then
    install_npm_servers
    exit 0
fi

SUDO=""
[[ $(id -u) -ne 0 ]] && SUDO="sudo"
echo "postfix postfix/main_mailer_type select No configuration" | $SUDO debconf-set-selections
# Keep the package scripts from starting daemons; removed again even if the install fails.
policy=/usr/sbin/policy-rc.d
created_policy=0
if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee $policy >/dev/null
    $SUDO chmod +x $policy
    created_policy=1
fi
cleanup() { if ((created_policy)); then $SUDO rm -f $policy; fi; }
trap cleanup EXIT
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
install_npm_servers
