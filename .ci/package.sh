#!/usr/bin/env bash
# Builds the .deb (release preset, CPack), unpacks it into a temporary root without installing it on
# the machine, runs the installed binary from there, and validates the desktop file and the AppStream
# metainfo. Called by .ci/test.sh; needs dpkg-dev, desktop-file-utils and appstream (install-deps.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== package (release)"
# The release preset's settings in a directory of its own, without the tests and without debug
# information: only what ships is built, and CI stays well under its 20 minutes.
cmake --preset release -B build/package -DSENDSCOPE_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/package -j "$(nproc)"
(cd build/package && rm -f sendscope_*.deb && cpack >/dev/null)
deb=$(ls build/package/sendscope_*.deb)
dpkg-deb -I "$deb" | grep -E "^ (Package|Version|Depends|Recommends):"

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"
# Every dependency the package declares must be installable from bookworm (it is a real package name).
depends=$(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed -E 's/\(.*\)//; s/\|.*//; s/ //g')
for package in $depends; do
    apt-cache show "$package" >/dev/null 2>&1 || { echo "unknown dependency: $package"; exit 1; }
done
# .xlsx merge data: libzip4 comes from dpkg-shlibdeps because the binaries link it.
dpkg-deb -f "$deb" Depends | grep -q libzip4 || { echo "libzip4 missing from Depends"; exit 1; }
"$root/usr/bin/sendscope" --version
help=$("$root/usr/bin/sendscope" send --help)
grep -q -- "--password-stdin" <<<"$help"
# The translations are inside the binary: a Chinese session gets Chinese output from the package too.
LANG=zh_CN.UTF-8 "$root/usr/bin/sendscope" --help | grep -q "用法"
test -s "$root/usr/share/man/man1/sendscope.1.gz"
# The window is a program of its own that `sendscope` execs (the command line loads no widget library).
test -x "$root/usr/libexec/sendscope/sendscope-gui"
# The keychain is a module that both programs load on first use, found relative to them (app/CMakeLists.txt).
module=$(find "$root/usr/lib" -path '*/sendscope/sendscope-keychain.so')
test -n "$module" || { echo "the keychain module is not in the package"; exit 1; }
# Built hardened (CMakeLists.txt, SENDSCOPE_HARDENING): PIE, stack protector, full RELRO and immediate
# binding are checked by hardening-check. Two of its checks cannot pass on bookworm whatever the flags:
# control-flow protection needs every linked object to carry the CET property and glibc's crt1.o/crti.o
# do not (Debian's own curl and msmtp fail it too), so the -fcf-protection instrumentation (endbr64) is
# checked directly instead; and its fortify heuristic wants at least one __*_chk call, while the
# memcpy/memmove calls it finds come from Qt's inline containers with sizes known only at run time.
for binary in "$root/usr/bin/sendscope" "$root/usr/libexec/sendscope/sendscope-gui" "$module"; do
    hardening-check --nocfprotection --nofortify "$binary"
    # (grep -c reads everything: with -q, objdump would die of SIGPIPE and pipefail would say no.)
    branches=$(objdump -d "$binary" | grep -c endbr64 || true)
    ((branches > 0)) || { echo "$binary: not built with -fcf-protection"; exit 1; }
done
desktop-file-validate "$root/usr/share/applications/org.sendscope.Sendscope.desktop"
appstreamcli validate --no-net --explain "$root/usr/share/metainfo/org.sendscope.Sendscope.metainfo.xml"
test -s "$root/usr/share/icons/hicolor/scalable/apps/org.sendscope.Sendscope.svg"
for size in 16 22 24 32 48 64 128 256 512; do
    test -s "$root/usr/share/icons/hicolor/${size}x${size}/apps/org.sendscope.Sendscope.png"
done
echo "package ok: $deb"
