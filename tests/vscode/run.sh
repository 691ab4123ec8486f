#!/usr/bin/env bash
# End-to-end test of the sfo-lint VS Code extension in the real VS Code
# workbench (code-server from the npm registry), driven by headless Chromium.
#
#   bash tests/vscode/run.sh
#
# What it does (every step idempotent, every wait bounded):
#   1. apt-get installs what is missing: chromium, ripgrep, libkrb5-dev,
#      build tools (code-server builds native modules);
#   2. `npm ci` here (code-server + playwright-core), with @vscode/ripgrep's
#      download cache pre-filled with Debian's rg, node-gyp pointed at the
#      local Node headers, so nothing is fetched outside the npm registry;
#   3. builds the extension (.vsix) from lsp/vscode and installs it into an
#      isolated code-server extensions dir;
#   4. builds target/release/sfo-lint-lsp (cargo, if available) and points
#      sfoLint.serverPath at it;
#   5. starts code-server on 127.0.0.1:<free port> (auth none), opens the
#      fixture folder, opens review.txt, waits for squiggles, checks that the
#      Problems panel lists sfo-lint diagnostics incl. offender-term, and saves
#      a screenshot to target/screenshots/vscode.png;
#   6. stops code-server; exits non-zero with a message on any failure.
#
# Environment knobs:
#   SFO_VSCODE_TIMEOUT=60      seconds for each wait (default 60)
#   SFO_VSCODE_EXPECT=...      comma-separated rule ids that must be listed
#                              (default offender-term)
#   SFO_VSCODE_NO_CARGO=1      do not run cargo; use the existing binary
#   SFO_VSCODE_SCREENSHOT=...  screenshot path (default target/screenshots/vscode.png;
#                              docs/vscode.png to refresh the README's picture)
#   SFO_VSCODE_STUB=1          harness self-test ONLY: use the stand-in server
#                              in stub/ instead of sfo-lint-lsp (never the
#                              real test; the screenshot is not written to docs/)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
EXT_SRC="$ROOT/lsp/vscode"
WORK="$ROOT/target/vscode-e2e"
STEP_TIMEOUT="${SFO_VSCODE_TIMEOUT:-60}"
EXPECT_RULES="${SFO_VSCODE_EXPECT:-offender-term}"
SCREENSHOT="${SFO_VSCODE_SCREENSHOT:-$ROOT/target/screenshots/vscode.png}"
mkdir -p "$(dirname "$SCREENSHOT")"
# code-server 4.100.3 ships VS Code 1.100.3, whose npm-shrinkwrap pins
# @vscode/ripgrep 1.15.11; that package downloads ripgrep release
# v13.0.0-10 from GitHub unless this file is already in its cache.
RG_PKG_VERSION=1.15.11
RG_RELEASE=v13.0.0-10

T_START=$(date +%s)
mkdir -p "$(dirname "$WORK")"
log() { echo "vscode-e2e: $*"; }
fail() {
  echo "vscode-e2e: FAILED: $*" >&2
  echo "vscode-e2e: 0 passed, 1 failed"
  exit 1
}
elapsed() { echo "$(($(date +%s) - T_START)) s"; }

# ---------------------------------------------------------------- 1. system
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v rg >/dev/null 2>&1 || need+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
command -v make >/dev/null 2>&1 || need+=(make)
command -v g++ >/dev/null 2>&1 || need+=(g++)
command -v python3 >/dev/null 2>&1 || need+=(python3)
command -v node >/dev/null 2>&1 || fail "node (v20) is required"
[ "$(node -p 'process.versions.node.split(".")[0]')" = 20 ] ||
  fail "code-server 4.100.3 needs Node 20; found $(node --version)"
if [ ${#need[@]} -gt 0 ]; then
  log "apt-get install ${need[*]}"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq || fail "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null ||
    fail "apt-get install ${need[*]} failed"
fi

# -------------------------------------------------------------- 2. npm deps
lock_stamp() { sha256sum "$1/package-lock.json" "$1/package.json" | sha256sum | cut -d' ' -f1; }

CS="$HERE/node_modules/.bin/code-server"
CS_RG="$HERE/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg"
if [ "$(cat "$HERE/node_modules/.sfo-e2e-stamp" 2>/dev/null)" != "$(lock_stamp "$HERE")" ] ||
  [ ! -x "$CS" ] || [ ! -x "$CS_RG" ]; then
  log "npm ci in tests/vscode (code-server builds native modules; a few minutes)"
  case "$(uname -m)" in
    x86_64) rg_target=x86_64-unknown-linux-musl ;;
    aarch64) rg_target=aarch64-unknown-linux-musl ;;
    *) fail "unsupported architecture $(uname -m)" ;;
  esac
  # Pre-fill @vscode/ripgrep's download cache (os.tmpdir()/vscode-ripgrep-cache-<ver>/)
  # with a tarball of Debian's rg, so its postinstall never goes to the network.
  rg_cache="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-$RG_PKG_VERSION"
  rg_tgz="$rg_cache/ripgrep-$RG_RELEASE-$rg_target.tar.gz"
  if [ ! -s "$rg_tgz" ]; then
    mkdir -p "$rg_cache"
    tmp_rg="$(mktemp -d)"
    cp "$(command -v rg)" "$tmp_rg/rg"
    tar czf "$rg_tgz" -C "$tmp_rg" rg
    rm -rf "$tmp_rg"
  fi
  # node-gyp: use the installed Node headers instead of downloading them.
  node_prefix="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")"
  if [ -f "$node_prefix/include/node/node_version.h" ]; then
    export npm_config_nodedir="$node_prefix"
  else
    log "warning: no Node headers under $node_prefix/include/node; node-gyp may try to download them"
  fi
  # code-server's postinstall insists on unsafe-perm as root; node-pty's
  # postinstall runs `npx node-gyp`, which needs --yes without a terminal.
  (cd "$HERE" && npm_config_unsafe_perm=true npm_config_yes=true \
    timeout 1500 npm ci --no-audit --no-fund --loglevel=error >"$WORK.npm-ci.log" 2>&1) || {
    tail -40 "$WORK.npm-ci.log" >&2
    fail "npm ci in tests/vscode failed (full log: $WORK.npm-ci.log)"
  }
  [ -x "$CS_RG" ] || fail "code-server installed without its ripgrep binary ($CS_RG)"
  lock_stamp "$HERE" >"$HERE/node_modules/.sfo-e2e-stamp"
  log "npm ci done ($(elapsed))"
fi

rm -rf "$WORK"
mkdir -p "$WORK"

# ------------------------------------------------------------ 3. extension
log "building the extension"
if [ "$(cat "$EXT_SRC/node_modules/.sfo-e2e-stamp" 2>/dev/null)" != "$(lock_stamp "$EXT_SRC")" ]; then
  (cd "$EXT_SRC" && timeout 600 npm ci --no-audit --no-fund --loglevel=error) ||
    fail "npm ci in lsp/vscode failed"
  lock_stamp "$EXT_SRC" >"$EXT_SRC/node_modules/.sfo-e2e-stamp"
fi
VSIX="$WORK/sfo-lint.vsix"
(cd "$EXT_SRC" && npm run --silent compile && timeout 300 npx --no-install vsce package --out "$VSIX" >"$WORK/vsce.log" 2>&1) || {
  cat "$WORK/vsce.log" >&2 || true
  fail "building the .vsix failed"
}
log "built $(basename "$VSIX") ($(du -k "$VSIX" | cut -f1) KiB)"

# --------------------------------------------------------------- 4. server
if [ "${SFO_VSCODE_STUB:-}" = 1 ]; then
  SERVER="$HERE/stub/stub-sfo-lint-lsp.js"
  export SFO_STUB_LOG="$WORK/stub-settings.jsonl"
  SCREENSHOT="$WORK/vscode-stub.png"
  log "HARNESS SELF-TEST: using the stand-in server $SERVER (not sfo-lint-lsp)"
else
  SERVER="$ROOT/target/release/sfo-lint-lsp"
  if [ "${SFO_VSCODE_NO_CARGO:-}" != 1 ] && command -v cargo >/dev/null 2>&1; then
    log "cargo build --release -p sfo-lint-lsp"
    (cd "$ROOT" && cargo build --release -p sfo-lint-lsp) || fail "cargo build --release -p sfo-lint-lsp failed"
  fi
  [ -x "$SERVER" ] ||
    fail "language server not found at $SERVER; build it with: cargo build --release -p sfo-lint-lsp"
fi
log "server: $SERVER"

# ---------------------------------------------------------- 5. code-server
export XDG_CONFIG_HOME="$WORK/xdg/config" XDG_DATA_HOME="$WORK/xdg/data" XDG_CACHE_HOME="$WORK/xdg/cache"
CS_CONFIG="$WORK/code-server.yaml"
: >"$CS_CONFIG"
CS_COMMON=(--config "$CS_CONFIG" --user-data-dir "$WORK/user-data" --extensions-dir "$WORK/extensions")

timeout 120 "$CS" "${CS_COMMON[@]}" --force --install-extension "$VSIX" >"$WORK/install.log" 2>&1 || {
  cat "$WORK/install.log" >&2
  fail "code-server --install-extension failed"
}
timeout 60 "$CS" "${CS_COMMON[@]}" --list-extensions 2>/dev/null | grep -qx 'sfo-lint.sfo-lint' ||
  fail "sfo-lint.sfo-lint is not listed by code-server --list-extensions after install"
log "extension installed"

# sfoLint.serverPath has "machine-overridable" scope: in a remote window such
# as code-server's, VS Code takes it from the Remote (Machine) settings and
# ignores it in User settings, so it goes there; the rest goes in User.
mkdir -p "$WORK/user-data/User" "$WORK/user-data/Machine"
SERVER="$SERVER" node -e '
  const fs = require("fs");
  const [machine, user] = process.argv.slice(1);
  fs.writeFileSync(machine, JSON.stringify({ "sfoLint.serverPath": process.env.SERVER }, null, 2));
  fs.writeFileSync(user, JSON.stringify({
    "sfoLint.rules": { "offender-term": "warning" },
    "sfoLint.preferredTerm": "person on probation",
    "sfoLint.sentenceLength.max": 25,
    "sfoLint.trace.server": "messages",
    "security.workspace.trust.enabled": false,
    "workbench.startupEditor": "none",
    "workbench.tips.enabled": false,
    "workbench.enableExperiments": false,
    "telemetry.telemetryLevel": "off",
    "update.mode": "none",
    "extensions.autoCheckUpdates": false,
    "extensions.autoUpdate": false,
    "extensions.ignoreRecommendations": true,
    "git.enabled": false,
    "chat.disableAIFeatures": true,
    "window.commandCenter": false,
    "editor.minimap.enabled": false,
    "editor.autoClosingBrackets": "never",
    "editor.autoClosingQuotes": "never",
    "editor.autoIndent": "none",
    "editor.fontSize": 15,
    "workbench.colorTheme": "Default Light Modern"
  }, null, 2));
' "$WORK/user-data/Machine/settings.json" "$WORK/user-data/User/settings.json"

cp -r "$HERE/fixture" "$WORK/fixture"

PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
CS_PID=""
cleanup() {
  if [ -n "$CS_PID" ] && kill -0 "$CS_PID" 2>/dev/null; then
    kill -TERM -- "-$CS_PID" 2>/dev/null || kill -TERM "$CS_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$CS_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$CS_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT
trap 'fail "interrupted"' INT TERM

log "starting code-server on 127.0.0.1:$PORT"
# setsid: own process group, so cleanup stops code-server and its children
# (extension host, language server) and nothing else.
setsid "$CS" "${CS_COMMON[@]}" --auth none --bind-addr "127.0.0.1:$PORT" \
  --disable-telemetry --disable-update-check --disable-workspace-trust \
  --disable-getting-started-override --ignore-last-opened \
  "$WORK/fixture" >"$WORK/code-server.log" 2>&1 &
CS_PID=$!

deadline=$(($(date +%s) + STEP_TIMEOUT))
until node -e 'fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))' \
  "http://127.0.0.1:$PORT/healthz" 2>/dev/null; do
  kill -0 "$CS_PID" 2>/dev/null || { cat "$WORK/code-server.log" >&2; fail "code-server exited during start-up"; }
  [ "$(date +%s)" -lt "$deadline" ] || { cat "$WORK/code-server.log" >&2; fail "code-server not healthy after ${STEP_TIMEOUT} s"; }
  sleep 0.5
done
log "code-server is up ($(elapsed))"

FOLDER_QS="$(node -p 'encodeURIComponent(process.argv[1])' "$WORK/fixture")"
T_UI=$(date +%s)
rc=0
CS_URL="http://127.0.0.1:$PORT/?folder=$FOLDER_QS" \
  FIXTURE_FILE=review.txt \
  EXPECT_RULES="$EXPECT_RULES" \
  SCREENSHOT="$SCREENSHOT" \
  CHROMIUM="$(command -v chromium)" \
  BROWSER_DIR="$WORK/chromium-profile" \
  ARTIFACTS_DIR="$WORK" \
  STEP_TIMEOUT_MS="$((STEP_TIMEOUT * 1000))" \
  SETTINGS_FILE="$WORK/user-data/User/settings.json" \
  CHECK_CONFIG_SYNC="${SFO_VSCODE_STUB:-0}" \
  timeout --kill-after=10 "$((STEP_TIMEOUT * 6))" node "$HERE/e2e.mjs" || rc=$?

show_logs() {
  echo "---- code-server log (tail) ----" >&2
  tail -30 "$WORK/code-server.log" >&2 || true
  find "$WORK/user-data/logs" -name '*sfo-lint*.log' 2>/dev/null | while read -r f; do
    echo "---- $f (tail) ----" >&2
    tail -40 "$f" >&2
  done
}

if [ "$rc" -ne 0 ]; then
  show_logs
  [ "$rc" -eq 124 ] && fail "the browser test did not finish in $((STEP_TIMEOUT * 6)) s"
  fail "the browser test failed (exit $rc); artefacts in $WORK"
fi

if [ "${SFO_VSCODE_STUB:-}" = 1 ]; then
  # The stand-in server logs what the extension sent: check the settings
  # shape, and that the settings edit reached the same server process.
  node -e '
    const fs = require("fs");
    const lines = fs.readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse);
    const inits = lines.filter((l) => l.kind === "initializationOptions");
    const want = { sfoLint: { rules: { "offender-term": "warning" },
      preferredTerm: "person on probation", sentenceLength: { max: 25 } } };
    // Two servers: the first, and the one started by "sfo-lint: Restart server"
    // (which must see the edited preferredTerm).
    const want2 = JSON.parse(JSON.stringify(want));
    want2.sfoLint.preferredTerm = "service user";
    if (inits.length !== 2 || JSON.stringify(inits[0].value) !== JSON.stringify(want) ||
        JSON.stringify(inits[1].value) !== JSON.stringify(want2)) {
      console.error("initializationOptions: got", JSON.stringify(inits), "want", JSON.stringify([want, want2]));
      process.exit(1);
    }
    const changes = lines.filter((l) => l.kind === "didChangeConfiguration").map((l) => l.value && l.value.sfoLint);
    const last = changes[changes.length - 1];
    if (!last || last.preferredTerm !== "service user" || !last.rules || !last.sentenceLength) {
      console.error("didChangeConfiguration: got", JSON.stringify(changes));
      process.exit(1);
    }
    console.log("vscode-e2e: initializationOptions and didChangeConfiguration have the documented shape");
  ' "$SFO_STUB_LOG" || { show_logs; fail "the extension sent unexpected initializationOptions"; }
fi

log "UI test took $(($(date +%s) - T_UI)) s; total $(elapsed)"
log "screenshot: $SCREENSHOT"
echo "vscode-e2e: 1 passed, 0 failed"
