#!/usr/bin/env bash
# Real-editor tests of `hoso lsp` and the shipped editor setups: pytest-lsp, Neovim (headless,
# editors/neovim), Vim (editors/vim syntax; Vim + ALE as editors/vim/README.md sets it up) and
# Emacs + eglot (batch, editors/emacs), plus the byte-level protocol tests and the pre-commit
# framework running .pre-commit-hooks.yaml.
# Each opens a copy of Examples/co-loi/phong-tong-hop.hoso in a temporary folder (its own
# workspace, so no other dossier counts towards quotas), checks exact codes and positions,
# applies a quick fix and sees the diagnostic go away. Neovim also formats messy dossiers (LF,
# CRLF, no final line end) in a folder of their own and checks the buffer and the saved file.
# Usage: Tests/clients/run.sh [path/to/hoso]   (default: .build/debug/hoso)
set -euo pipefail
cd "$(dirname "$0")/../.."
export HOSO_BIN="${1:-$PWD/.build/debug/hoso}"
work=$(mktemp -d)
format_work=$(mktemp -d)
# A folder of its own (outside $work, whose dossiers the other tests count) for the test that
# writes a hoso.json beside the dossier.
watch=$(mktemp -d)
trap 'rm -rf "$work" "$format_work" "$watch"' EXIT
cp Examples/co-loi/phong-tong-hop.hoso "$work/"
export HOSO_FILE="$work/phong-tong-hop.hoso"
cp Examples/co-loi/phong-tong-hop.hoso "$watch/"
export HOSO_WATCH_FILE="$watch/phong-tong-hop.hoso"

echo "== pytest-lsp, the byte-level protocol tests and the pre-commit framework"
(cd Tests/clients && python3 -m pytest -q -p no:cacheprovider test_pytest_lsp.py test_protocol.py test_precommit.py)

echo "== Neovim $(nvim --version | head -1)"
timeout 120 nvim --headless -u NONE -i NONE -n -c "luafile Tests/clients/neovim_test.lua"
echo "== Neovim: formatting (textDocument/formatting, formatting_sync)"
HOSO_WORK="$format_work" timeout 120 nvim --headless -u NONE -i NONE -n -c "luafile Tests/clients/neovim_format_test.lua"

echo "== Neovim: typing re-checks incrementally, and shows what hoso lint says of the same text"
typing=$(mktemp -d); typing_copy=$(mktemp -d)
cp Examples/co-loi/phong-tong-hop.hoso "$typing/"
HOSO_TYPING_FILE="$typing/phong-tong-hop.hoso" HOSO_TYPING_COPY="$typing_copy/phong-tong-hop.hoso" \
  timeout 120 nvim --headless -u NONE -i NONE -n -c "luafile Tests/clients/neovim_typing_test.lua"
rm -rf "$typing" "$typing_copy"

echo "== Neovim: the README's snippet"
timeout 60 nvim --headless -u NONE -i NONE -n -c "luafile Tests/clients/neovim_readme_test.lua"

echo "== Neovim: the server watches hoso.json itself (Neovim 0.7 cannot)"
timeout 60 nvim --headless -u NONE -i NONE -n -c "luafile Tests/clients/neovim_watch_test.lua"

echo "== Vim $(vim --version | head -1 | cut -d' ' -f1-5): the shipped syntax file"
export HOSO_VIM_RESULT="$work/vim-result.txt"
vim_status=0
vim -Nu NONE -i NONE -es -S Tests/clients/vim_test.vim </dev/null >/dev/null 2>&1 || vim_status=$?
cat "$HOSO_VIM_RESULT" 2>/dev/null || echo "vim wrote no result"
[ "$vim_status" -eq 0 ]

echo "== Vim + ALE $(dpkg-query -W -f='${Version}' vim-ale 2>/dev/null || true): byte columns with hoso.positionEncoding utf-8"
export HOSO_VIM_RESULT="$work/vim-ale-result.txt"
vim_status=0
timeout 60 vim -Nu NONE -i NONE -es -S Tests/clients/vim_ale_test.vim </dev/null >/dev/null 2>&1 || vim_status=$?
cat "$HOSO_VIM_RESULT" 2>/dev/null || echo "vim + ALE wrote no result"
[ "$vim_status" -eq 0 ]

echo "== Emacs $(emacs --version | head -1) + eglot"
timeout 120 emacs --batch -Q -l Tests/clients/emacs_test.el
# In hoso-mode, C-M-i completes from the server (text-mode would run ispell).
emacs --batch -Q -l editors/emacs/hoso-mode.el --eval \
  '(with-temp-buffer (hoso-mode) (if (eq (key-binding (kbd "C-M-i")) (quote completion-at-point)) (princ "emacs C-M-i is completion-at-point\n") (kill-emacs 1)))' 

cmp -s Examples/co-loi/phong-tong-hop.hoso "$HOSO_FILE" || { echo "the editors must not have saved the fixed buffer"; exit 1; }
echo "== all editor tests passed"
