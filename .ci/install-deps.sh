#!/usr/bin/env bash
# Installs what building and running Sendscope needs on Debian bookworm (as root), and with "test" also
# what the test suite needs (real SMTP servers, keychain, X server). Installs only what is missing.
set -euo pipefail

want=(cmake ninja-build g++ pkg-config clang-format
      qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
      libqt6svg6-dev qt6-qpa-plugins qtkeychain-qt6-dev libsecret-1-0 libgl-dev openssl qt6-translations-l10n
      libqt6sql6-sqlite libenchant-2-dev libzip-dev)
if [[ "${1:-}" == "test" ]]; then
    # clang and its runtime libraries: the libFuzzer targets (.ci/fuzz.sh). hunspell-en-us: the dictionary
    # the spell-checking tests check against.
    want+=(xvfb xauth dbus dbus-x11 gnome-keyring fonts-noto-cjk python3 dpkg-dev desktop-file-utils appstream
           clang libclang-rt-14-dev devscripts hunspell-en-us)
fi
if [[ "${1:-}" == "app" ]]; then
    want+=(xvfb xauth fonts-noto-cjk hunspell-en-us)
fi

missing=()
for package in "${want[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
if ((${#missing[@]})); then
    echo "Installing: ${missing[*]}"
    SUDO=""
    [[ $(id -u) -ne 0 ]] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [[ "${1:-}" == "test" ]]; then
    bash "$(dirname "$0")/../tests/servers/install-test-deps.sh"
fi
