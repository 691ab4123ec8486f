#!/usr/bin/env bash
# Browser test of the playground (web/): Debian's Chromium driven by playwright-core.
#
#   bash web/test/run.sh
#
#   1. apt-get installs chromium if it is missing (as root);
#   2. `npm ci` here: playwright-core only (no browser download, ever);
#   3. web/build.sh builds the wasm next to the page; cargo builds the CLI, whose JSON
#      report on the same fixtures is what the page must show;
#   4. serves web/ with python3 -m http.server on 127.0.0.1:<free port> (stopped on exit);
#   5. node e2e.mjs: paste a fixture, check every highlight and count against the CLI, apply
#      a fix, open a .docx, download CSV, time a 12,000-word review, open from file://, and
#      save a screenshot (target/screenshots/web.png). Exits non-zero with a message when anything is missing or misplaced.
#
# Environment: SFO_WEB_TIMEOUT (seconds per wait, default 30), SFO_WEB_MAX_MS (fail above
# this median lint time, default 250; the target is 20), SFO_WEB_NO_CARGO=1 (use the built
# wasm and target/release/sfo-lint as they are), SFO_WEB_SCREENSHOT (default target/screenshots/web.png;
# docs/web.png to refresh the README's picture).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WEB="$ROOT/web"
log() { echo "web-e2e: $*"; }
fail() {
    echo "web-e2e: FAILED: $*" >&2
    exit 1
}

# 1. Chromium from Debian.
if [ ! -x /usr/bin/chromium ]; then
    [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 || fail "/usr/bin/chromium is missing (apt-get install chromium, as root)"
    log "installing chromium"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
command -v node >/dev/null 2>&1 || fail "node is missing"
command -v python3 >/dev/null 2>&1 || fail "python3 is missing"

# 2. playwright-core.
(cd "$HERE" && timeout 300 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) || fail "npm ci failed"

# 3. The wasm, and the CLI's findings on the fixtures.
if [ "${SFO_WEB_NO_CARGO:-}" != 1 ]; then
    "$WEB/build.sh" || fail "web/build.sh failed"
    cargo build --release --quiet -p sfo-lint --bin sfo-lint || fail "cannot build the CLI"
fi
[ -f "$WEB/sfo_lint.wasm" ] && [ -f "$WEB/sfo_lint_wasm.js" ] || fail "web/sfo_lint.wasm is missing: run web/build.sh"
CLI="${CARGO_TARGET_DIR:-$ROOT/target}/release/sfo-lint"
[ -x "$CLI" ] || fail "$CLI is missing"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/sfo-web-e2e.XXXXXX")"
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

: >"$WORK/empty.toml" # the defaults, as the page starts with
for f in review.txt review.docx; do
    # check exits 1 when it finds something; only a crash (2 and above) is a failure.
    rc=0
    "$CLI" check --format json --config "$WORK/empty.toml" "$HERE/fixtures/$f" >"$WORK/$f.json" || rc=$?
    [ "$rc" -le 1 ] || fail "sfo-lint check $f exited $rc"
done

# A review of at least 12,000 words: the example review, repeated.
python3 - "$ROOT/examples/review.txt" "$WORK/big.txt" <<'PY'
import sys
review = open(sys.argv[1], encoding="utf-8").read().strip()
parts = [review]
while len("\n\n".join(parts).split()) < 12000:
    parts.append(review)
open(sys.argv[2], "w", encoding="utf-8").write("\n\n".join(parts) + "\n")
PY

# 4. A static server on a free port of 127.0.0.1.
PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$WEB" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do
    if python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$PORT/index.html', timeout=1)" 2>/dev/null; then
        break
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || fail "the static server exited: $(cat "$WORK/server.log")"
    sleep 0.1
done

# 5. The browser.
SCREENSHOT="${SFO_WEB_SCREENSHOT:-$ROOT/target/screenshots/web.png}"
mkdir -p "$(dirname "$SCREENSHOT")"
log "serving web/ on http://127.0.0.1:$PORT/"
SFO_WEB_URL="http://127.0.0.1:$PORT/index.html" \
    SFO_WEB_DIR="$WEB" \
    SFO_WEB_EXPECT_TXT="$WORK/review.txt.json" \
    SFO_WEB_EXPECT_DOCX="$WORK/review.docx.json" \
    SFO_WEB_BIG="$WORK/big.txt" \
    SFO_WEB_SCREENSHOT="$SCREENSHOT" \
    timeout 400 node "$HERE/e2e.mjs"
