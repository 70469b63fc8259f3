#!/usr/bin/env bash
# The real-VS-Code tests in one command (npm run test:vscode), for CI:
#   1. installs code-server 4.100.3 (VS Code 1.100.3), Chromium and ripgrep
#      from npm and Debian apt into a cache folder (once);
#   2. packages the extension (npm run package -> eqplan.vsix);
#   3. runs the extension test suite (tests/vscode/suite, vscode API) inside
#      code-server with the VSIX installed;
#   4. runs the UI test (tests/vscode/ui.test.ts) in code-server through
#      headless Chromium; screenshots go to test-artifacts/.
# Needs only this repo (after npm ci), apt and npm.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash scripts/vscode/install-code-server.sh
npm run --silent package
export EQPLAN_SKIP_PACKAGE=1
npx tsx scripts/vscode/runCodeServer.ts
npx mocha --no-config --node-option import=tsx --timeout 900000 --reporter spec tests/vscode/ui.test.ts
