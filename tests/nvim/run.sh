#!/usr/bin/env bash
# End-to-end test of sfo-lint-lsp in Neovim (headless; Debian's 0.7.2 is enough):
# starts the release server, opens fixture.txt, checks the diagnostics (rule ids, exact
# UTF-16 ranges), hover, a code action applied to the buffer, and the re-lint after it.
#
#   bash tests/nvim/run.sh
#
# Builds target/release/sfo-lint-lsp when it is missing. Exits non-zero with a message on
# any failure, including a server that sends no or wrong diagnostics.
#   SFO_NVIM_TIMEOUT=20   seconds for each wait inside Neovim
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
BIN="${SFO_LSP_BIN:-$ROOT/target/release/sfo-lint-lsp}"

fail() { echo "nvim-e2e: FAIL: $*" >&2; exit 1; }

command -v nvim >/dev/null 2>&1 || fail "nvim not found (apt-get install -y neovim)"
if [ ! -x "$BIN" ]; then
    echo "nvim-e2e: building $BIN"
    (cd "$ROOT" && cargo build --release -p sfo-lint-lsp) || fail "cannot build sfo-lint-lsp"
fi

# A scratch copy, so the fixture is never modified and no swap files land in the repo.
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cp "$HERE/fixture.txt" "$WORK/review.txt"

export SFO_LSP_BIN="$BIN" SFO_FIXTURE="$WORK/review.txt"
export XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/data" XDG_STATE_HOME="$WORK/state" XDG_CACHE_HOME="$WORK/cache"
status=0
timeout 180 nvim --headless --clean -n -u NONE -c "luafile $HERE/e2e.lua" </dev/null || status=$?
case $status in
    0) echo "nvim-e2e: ok" ;;
    124) fail "Neovim did not finish within 180 s" ;;
    *) fail "Neovim test failed (exit $status)" ;;
esac
