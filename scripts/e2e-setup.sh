#!/usr/bin/env bash
# Installs the tools the end-to-end tests need, outside the extension's own
# dependencies: Debian's Chromium, and the VS Code server and workbench that ship
# in the npm package code-server (VS Code cannot be downloaded on machines that
# reach only the npm registry and Debian). code-server is cached under
# $NIANBAO_E2E_CACHE (default ~/.cache/nianbao-e2e), so later runs on the same
# machine skip its ~75 s install. Prints the code-server folder on the last line.
# See /work/shared/e2e/README.md for why each step is needed.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
# Keep in step with scripts/e2e.mjs, which finds code-server the same way.
CACHE="${NIANBAO_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/nianbao-e2e}"
TARGET="$CACHE/code-server-$CODE_SERVER_VERSION"
CODE_SERVER="$TARGET/node_modules/code-server"

log() { echo "[e2e-setup] $*" >&2; }

# --- Debian packages -------------------------------------------------------
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
# kerberos (a code-server dependency) compiles against gssapi/gssapi.h.
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
# Without a CJK font the screenshot shows the reports as rows of boxes.
{ command -v fc-list >/dev/null 2>&1 && fc-list :lang=zh family | grep -q .; } || missing+=(fonts-wqy-microhei)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { log "not root and no sudo: install ${missing[*]} with apt-get, then run this again"; exit 1; }
    sudo=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# --- code-server -----------------------------------------------------------
# A marker written only after a complete, verified install: an interrupted run
# never leaves a half-installed cache that later runs would trust.
if [ -f "$TARGET/.complete" ] && [ -f "$CODE_SERVER/lib/vscode/out/server-main.js" ]; then
  log "code-server $CODE_SERVER_VERSION cached in $TARGET"
else
  log "installing code-server $CODE_SERVER_VERSION into $TARGET (about 75 s)"
  mkdir -p "$CACHE"
  staging="$(mktemp -d "$CACHE/.staging.XXXXXX")"
  trap 'rm -rf "$staging"' EXIT
  mkdir -p "$staging/pkg" "$staging/tmp"
  echo '{"name":"nianbao-e2e-tools","private":true}' >"$staging/pkg/package.json"

  # @vscode/ripgrep's postinstall downloads rg unless it finds this tarball in
  # its cache under the temp folder; give it Debian's rg instead.
  rg_cache="$staging/tmp/vscode-ripgrep-cache-1.15.11"
  mkdir -p "$rg_cache"
  tar -czf "$rg_cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg

  (
    cd "$staging/pkg"
    export TMPDIR="$staging/tmp"
    # node-pty's build runs `npx node-gyp`, which must not stop to ask.
    export npm_config_yes=true
    # npm 11 skips dependencies' install scripts unless allowed; code-server's
    # postinstall and the native modules it builds (node-pty, kerberos, spdlog…)
    # are the point of this install. Confined to this throwaway tools folder; an
    # environment variable so the nested npm install in code-server's postinstall
    # inherits it.
    export npm_config_dangerously_allow_all_scripts=true
    # --unsafe-perm: code-server's postinstall refuses to run as root without it.
    npm install --no-audit --no-fund "code-server@$CODE_SERVER_VERSION" --unsafe-perm >&2
  )
  for f in lib/vscode/out/server-main.js lib/vscode/node_modules/node-pty/build/Release/pty.node \
    lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node lib/vscode/node_modules/@vscode/ripgrep/bin/rg; do
    [ -e "$staging/pkg/node_modules/code-server/$f" ] || { log "code-server install incomplete: $f is missing"; exit 1; }
  done
  rm -rf "$TARGET"
  mv "$staging/pkg" "$TARGET"
  touch "$TARGET/.complete"
  log "code-server installed"
fi

echo "$CODE_SERVER"
