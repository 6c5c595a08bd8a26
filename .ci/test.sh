#!/usr/bin/env bash
# The one command that installs what is missing, builds Sendscope (warnings are errors) and runs every
# test: the dev build, then the whole suite again under AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."

bash .ci/install-deps.sh test

echo "== clang-format"
mapfile -t sources < <(find smtp app ui tests \( -name '*.cpp' -o -name '*.h' \) -not -path '*/corpus/*' | sort)
clang-format --dry-run --Werror "${sources[@]}"

echo "== translations"
# Every string translated, nothing unfinished or obsolete, the .ts files in step with the code.
python3 translations/check-translations.py

jobs=$(nproc)
for preset in dev asan; do
    echo "== build ($preset)"
    cmake --preset "$preset" >/dev/null
    cmake --build --preset "$preset" -j "$jobs"
    echo "== test ($preset)"
    # The keychain tests need a Secret Service: run the suite inside a private D-Bus session with an
    # unlocked gnome-keyring (see tests/README.md).
    dbus-run-session -- bash -c 'echo -n sendscope-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1;
        SENDSCOPE_REQUIRE_KEYCHAIN=1 SENDSCOPE_REQUIRE_DNS=1 ctest --preset "$0" -j 2' "$preset"
done

# libFuzzer targets (clang, ASan/UBSan), each for a bounded time from the corpus in the repository.
bash .ci/fuzz.sh

# The .deb: built, unpacked into a temporary root, run from there, desktop file and metainfo validated.
bash .ci/package.sh
