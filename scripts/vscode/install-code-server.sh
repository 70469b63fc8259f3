#!/usr/bin/env bash
# Sets up a real VS Code for the extension's end-to-end tests, using only
# Debian packages and the npm registry (no download from GitHub or from
# update.code.visualstudio.com is needed):
#
#   - code-server 4.100.3, which is VS Code 1.100.3's workbench served to a
#     browser with the ordinary Node extension host;
#   - Debian's chromium (the browser that shows the workbench, driven by
#     playwright-core) and ripgrep (code-server's search needs it).
#
# usage: scripts/vscode/install-code-server.sh [CACHE_DIR]
#   CACHE_DIR defaults to $EQPLAN_VSCODE_CACHE, else ~/.cache/eqplan-code-server.
# Safe to run again: it stops at once when the cache is complete.
#
# Why not a plain `npm install code-server`: its install script fetches
# ripgrep from GitHub and will not run as root. So the packages are installed
# without scripts, Debian's rg is put where VS Code looks for it, and the
# native modules are rebuilt here.
set -euo pipefail

CACHE=${1:-${EQPLAN_VSCODE_CACHE:-$HOME/.cache/eqplan-code-server}}
CODE_SERVER_VERSION=4.100.3

if [ -f "$CACHE/.ready-$CODE_SERVER_VERSION" ] && command -v chromium >/dev/null; then
  echo "eqplan: code-server $CODE_SERVER_VERSION is ready in $CACHE"
  exit 0
fi

# --- Debian packages -------------------------------------------------------
missing=()
for pkg in chromium ripgrep libkrb5-dev pkg-config python3 make g++; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "eqplan: installing Debian packages: ${missing[*]}"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- code-server from npm --------------------------------------------------
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
mkdir -p "$CACHE"
cd "$CACHE"
[ -f package.json ] || echo '{ "name": "eqplan-code-server-cache", "private": true }' > package.json
echo "eqplan: installing code-server $CODE_SERVER_VERSION into $CACHE"
npm install --ignore-scripts --no-save "code-server@$CODE_SERVER_VERSION" >/dev/null

VSCODE_DIR="$CACHE/node_modules/code-server/lib/vscode"
cd "$VSCODE_DIR"
npm install --omit=dev --ignore-scripts >/dev/null
# VS Code expects ripgrep inside @vscode/ripgrep; use Debian's.
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
# Build the native modules (node-pty, spdlog, kerberos, ...) for this Node.
npm_config_yes=true npm rebuild >/dev/null
# The server looks for node_modules.asar; a link to the folder does.
ln -sfn node_modules node_modules.asar
# Built-in extensions' own dependencies (git, markdown, ...).
(cd extensions && npm install --omit=dev >/dev/null)
cd "$CACHE"
npm_config_yes=true npm rebuild argon2 >/dev/null

touch "$CACHE/.ready-$CODE_SERVER_VERSION"
echo "eqplan: code-server $CODE_SERVER_VERSION is ready in $CACHE"
