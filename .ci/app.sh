#!/usr/bin/env bash
# Installs what is missing, builds Sendscope and starts it. Without a display (a bare server), the app
# runs inside a virtual X server so that it still starts.
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/install-deps.sh app
cmake --preset release >/dev/null
# Only the app (about 140 of the 370 build steps): the tests and benchmarks are for .ci/test.sh.
cmake --build --preset release -j "$(nproc)" --target sendscope
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
    echo "No display found: starting Sendscope inside xvfb-run (invisible)." >&2
    exec xvfb-run -a ./build/release/app/sendscope "$@"
fi
exec ./build/release/app/sendscope "$@"
