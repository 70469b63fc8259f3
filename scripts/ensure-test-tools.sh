#!/usr/bin/env bash
# Makes sure the system tools that `npm test` drives are present:
#   nvim      (Debian `neovim`)   - the second LSP editor in tests/neovim
#   chromium  (Debian `chromium`) - renders the HTML report and the preview page
#   emacs with eglot, lsp-mode and yaml-mode (Debian `emacs-nox`, `elpa-eglot`,
#             `elpa-lsp-mode`, `elpa-yaml-mode`) - the Emacs clients in tests/emacs
#   vim with ALE (Debian `vim-nox`, `vim-ale`) - the Vim client in tests/vim
# On Debian/Ubuntu as root they are installed with apt-get; elsewhere this
# prints what to install and fails, so a missing tool is never a silent skip.
set -euo pipefail
need=()
command -v nvim >/dev/null 2>&1 || need+=(neovim)
[ -x /usr/bin/chromium ] || command -v chromium >/dev/null 2>&1 || need+=(chromium)
if command -v emacs >/dev/null 2>&1; then
  # Each Emacs package where Emacs finds it (Debian's elpa-* or the user's own).
  for pair in eglot:elpa-eglot lsp-mode:elpa-lsp-mode yaml-mode:elpa-yaml-mode; do
    emacs --batch --eval "(require '${pair%%:*})" >/dev/null 2>&1 || need+=("${pair#*:}")
  done
else
  need+=(emacs-nox elpa-eglot elpa-lsp-mode elpa-yaml-mode)
fi
command -v vim >/dev/null 2>&1 || need+=(vim-nox)
[ -d /usr/share/vim-ale ] || [ -n "$(find "${HOME:-/nonexistent}/.vim" -path '*/ale/autoload/ale.vim' -print -quit 2>/dev/null)" ] || need+=(vim-ale)
[ ${#need[@]} -eq 0 ] && exit 0
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "eqplan tests: installing ${need[*]} with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  exit 0
fi
echo "eqplan tests need: ${need[*]}. Install them (Debian: sudo apt-get install ${need[*]}) and run npm test again." >&2
exit 1
