#!/usr/bin/env bash
# Installs, uses and removes the release packages Scripts/release.sh built, as root:
#
#   Tests/release/install.sh .build/dist/hoso_VERSION_ARCH.deb [hoso-VERSION-linux-ARCH.tar.gz]
#
# The .deb: dpkg -i; /usr/bin/hoso with an empty environment prints the version the package
# names, lints a clean dossier (exit 0) and a broken one (exit 1), needs no Swift library,
# its man pages are found (when man-db is here), the language server answers initialize with
# the same version and links its diagnostics to the installed rule pages; Vim, Neovim and Emacs
# (when present) find their setups; the guide, the docs and the examples are in
# /usr/share/doc/hoso, a copy of the examples lints as the guide says, and every relative link of
# the installed Markdown leads somewhere (links.sh); dpkg -r then leaves none of the files it listed.
# The tarball (default: beside the .deb): unpacked anywhere, bin/hoso is statically linked,
# runs with an empty environment, its server links to the pages in its own share/hoso/rules, and
# its docs and examples are in share/doc/hoso with links that lead somewhere.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)

deb=$(realpath "${1:?usage: install.sh DEB [TARBALL]}")
tarball=${2:-$(ls "$(dirname "$deb")"/hoso-*-linux-*.tar.gz 2>/dev/null | head -1)}
[ "$(id -u)" = 0 ] || { echo "install.sh: run as root (dpkg -i)" >&2; exit 2; }
[ -f "$tarball" ] || { echo "install.sh: no tarball beside $deb" >&2; exit 2; }
tarball=$(realpath "$tarball")

version=$(dpkg-deb -f "$deb" Version)
constant=$(sed -n 's/.*static let current = "\(.*\)"/\1/p' "$repo/Sources/HosoWorkspace/Version.swift")
tmp=$(mktemp -d)
installed=no
cleanup() {
  [ "$installed" = yes ] && dpkg -r hoso > /dev/null 2>&1
  rm -rf "$tmp"
}
trap cleanup EXIT

failures=0
ok() { echo "ok: $*"; }
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
check() { local what=$1; shift; if "$@"; then ok "$what"; else fail "$what"; fi; }
skip() { echo "skip: $*"; }

check "the package's version is HosoVersion.current ($constant)" test "$version" = "$constant"

# A clean and a broken dossier in a folder of their own, with a config of its own.
work=$tmp/ho-so
mkdir -p "$work"
cp "$repo/Examples/phong-tchcqt.hoso" "$work/sach.hoso"
cp "$repo/Examples/co-loi/phong-tong-hop.hoso" "$work/loi.hoso"
echo '{}' > "$work/hoso.json"

# lint HOSO FILE STATUS: `hoso lint FILE` with an empty environment exits STATUS.
lint() {
  local status=0
  (cd "$work" && env -i "$1" lint "$2" > "$tmp/lint.out" 2>&1) || status=$?
  [ "$status" = "$3" ] || { cat "$tmp/lint.out" >&2; echo "exit $status, expected $3" >&2; return 1; }
}

# examples HOSO DOC: a copy of DOC/examples (as the guide has users make one) lints: the clean
# examples exit 0, the folder (with co-loi/) exits 1.
examples() {
  rm -rf "$tmp/vi-du"
  cp -r "$2/examples" "$tmp/vi-du"
  (cd "$tmp/vi-du" && env -i "$1" lint phong-tchcqt.hoso phong-kinh-te.hoso ke-hoach-2024 > "$tmp/lint.out" 2>&1) \
    || { cat "$tmp/lint.out" >&2; return 1; }
  local status=0
  (cd "$tmp/vi-du" && env -i "$1" lint > "$tmp/lint.out" 2>&1) || status=$?
  [ "$status" = 1 ] || { cat "$tmp/lint.out" >&2; echo "exit $status, expected 1" >&2; return 1; }
}

# lsp HOSO: runs `hoso lsp` with an empty environment: initialize, open the broken dossier,
# wait for its diagnostics (at most 30 s), shut down. The messages it wrote are in $tmp/lsp.out.
frame() { printf 'Content-Length: %d\r\n\r\n%s' "$(printf '%s' "$1" | wc -c)" "$1"; }
lsp() {
  local text uri="file://$work/loi.hoso"
  text=$(sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/\t/\\t/g' -e 's/\r/\\r/g' "$work/loi.hoso" | awk '{ printf "%s\\n", $0 }')
  : > "$tmp/lsp.out"
  {
    frame '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":"file://'"$work"'","capabilities":{}}}'
    frame '{"jsonrpc":"2.0","method":"initialized","params":{}}'
    frame '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"'"$uri"'","languageId":"hoso","version":1,"text":"'"$text"'"}}}'
    for _ in $(seq 300); do grep -q '"codeDescription"' "$tmp/lsp.out" && break; sleep 0.1; done
    frame '{"jsonrpc":"2.0","id":2,"method":"shutdown"}'
    frame '{"jsonrpc":"2.0","method":"exit"}'
  } | (cd "$work" && env -i "$1" lsp > "$tmp/lsp.out")
}

# server HOSO RULES: the server answers initialize with the package's version, and its
# diagnostics link to pages in RULES that exist.
server() {
  lsp "$1" || { echo "hoso lsp failed" >&2; return 1; }
  grep -q '"serverInfo":{"name":"hoso","version":"'"$version"'"}' "$tmp/lsp.out" \
    || { echo "no serverInfo.version $version in: $(head -c 600 "$tmp/lsp.out")" >&2; return 1; }
  local links
  links=$(grep -o '"href":"file://[^"]*"' "$tmp/lsp.out" | sed 's/"href":"file:\/\///; s/"$//' | sort -u)
  [ -n "$links" ] || { echo "no rule links in: $(head -c 2000 "$tmp/lsp.out")" >&2; return 1; }
  for page in $links; do
    case "$page" in "$2"/HS[0-9][0-9][0-9].md) ;; *) echo "link outside $2: $page" >&2; return 1 ;; esac
    [ -f "$page" ] || { echo "no page $page" >&2; return 1; }
  done
  echo "   $(echo "$links" | wc -l) rule pages linked, e.g. $(echo "$links" | head -1)"
}

echo "== .deb: $deb"
if dpkg-query -W -f='${Status}' hoso 2>/dev/null | grep -q "ok installed"; then
  echo "install.sh: hoso is installed already; remove it first (dpkg -r hoso)" >&2
  exit 2
fi
dpkg -i "$deb" > /dev/null
installed=yes
bin=/usr/bin/hoso
check "env -i hoso --version prints hoso $version" test "$(env -i $bin --version)" = "hoso $version"
check "lint: a clean dossier exits 0" lint $bin sach.hoso 0
check "lint: a broken dossier exits 1" lint $bin loi.hoso 1
check "ldd: no Swift, Foundation or dispatch library" eval "! ldd $bin | grep -Eq 'libswift|Foundation|libdispatch|libBlocksRuntime'"
check "server: serverInfo.version and links to /usr/share/hoso/rules" server $bin /usr/share/hoso/rules
check "completions: bash, zsh, fish" test -s /usr/share/bash-completion/completions/hoso -a -s /usr/share/zsh/vendor-completions/_hoso \
  -a -s /usr/share/fish/vendor_completions.d/hoso.fish
doc=/usr/share/doc/hoso
check "docs: the guide, the references, their index, images, examples (uncompressed)" test -s $doc/huong-dan.md.gz \
  -a -s $doc/dinh-dang.md.gz -a -s $doc/format.md.gz -a -s $doc/cli.md.gz -a -s $doc/language-server.md.gz \
  -a -s $doc/report.md.gz -a -s $doc/README.md -a -s $doc/images/to-trinh-trang-1.png -a -s $doc/examples/README.md \
  -a -s $doc/examples/phong-tchcqt.hoso -a -s $doc/examples/co-loi/phong-tong-hop.hoso -a -s $doc/examples/ke-hoach-2024/profile.json
check "docs: a copy of the examples lints as the guide says" examples $bin $doc
check "docs: every relative link in /usr/share/doc/hoso and /usr/share/hoso leads somewhere" \
  eval "bash '$here/links.sh' $doc && bash '$here/links.sh' /usr/share/hoso"
if command -v man > /dev/null; then
  check "man hoso finds the Vietnamese page" test "$(man -w hoso)" = /usr/share/man/man1/hoso.1.gz
  check "man -L en hoso finds the English page" test "$(man -L en -w hoso)" = /usr/share/man/en/man1/hoso.1.gz
  check "both pages format without a warning" eval \
    "[ -z \"\$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z /usr/share/man/man1/hoso.1.gz /usr/share/man/en/man1/hoso.1.gz 2>&1 > /dev/null)\" ]"
else
  skip "man-db is not installed: man pages not looked up"
fi
# Ex mode loads no plugins by itself: packloadall and syntax on do what an interactive start does.
if command -v vim > /dev/null; then
  check "vim: .hoso files are detected and highlighted" eval \
    "(cd '$work' && HOME='$tmp' vim -N -u DEFAULTS -i NONE -es -c 'packloadall' -c 'syntax on' -c 'edit sach.hoso' \
       -c 'if &filetype !=# \"hoso\" || !exists(\"b:current_syntax\") | cquit | endif' -c 'qall!' < /dev/null)"
else
  skip "vim is not installed"
fi
if command -v nvim > /dev/null; then
  check "neovim: .hoso files are detected and highlighted, require('hoso') loads" eval \
    "(cd '$work' && HOME='$tmp' nvim --headless --clean -c 'edit sach.hoso' \
       -c 'lua require(\"hoso\")' \
       -c 'if &filetype !=# \"hoso\" || !exists(\"b:current_syntax\") | cquit | endif' -c 'qall!' < /dev/null > /dev/null 2>&1)"
else
  skip "nvim is not installed"
fi
if command -v emacs > /dev/null; then
  check "emacs: (require 'hoso-mode) loads from site-lisp" eval \
    "HOME='$tmp' emacs --batch --eval \"(progn (require 'hoso-mode) (find-file \\\"$work/sach.hoso\\\") (unless (eq major-mode 'hoso-mode) (kill-emacs 1)))\" > /dev/null 2>&1"
else
  skip "emacs is not installed"
fi

# Remove: every file and link the package listed is gone, and so is every folder no other
# package owns.
dpkg -L hoso > "$tmp/list"
: > "$tmp/folders"
while read -r path; do
  if [ -d "$path" ] && [ ! -L "$path" ]; then echo "$path" >> "$tmp/folders"; else echo "$path"; fi
done < "$tmp/list" > "$tmp/files"
dpkg -r hoso > /dev/null
installed=no
check "dpkg -r: hoso is not installed" eval "! dpkg-query -W -f='\${Status}' hoso 2>/dev/null | grep -q installed"
left=$(while read -r path; do if [ -e "$path" ] || [ -L "$path" ]; then echo "$path"; fi; done < "$tmp/files")
check "dpkg -r: none of the $(wc -l < "$tmp/files") files listed is left" test -z "$left"
[ -z "$left" ] || echo "$left" >&2
left=$(while read -r path; do
  if [ "$path" != /. ] && [ -d "$path" ] && ! dpkg -S "$path" > /dev/null 2>&1; then echo "$path"; fi
done < "$tmp/folders")
check "dpkg -r: no folder of its own is left (/usr/share/hoso, /usr/share/doc/hoso…)" test -z "$left"
[ -z "$left" ] || echo "$left" >&2

echo "== tarball: $tarball"
mkdir -p "$tmp/unpacked"
tar -xzf "$tarball" -C "$tmp/unpacked"
prefix=$tmp/unpacked/hoso-$version
bin=$prefix/bin/hoso
check "it unpacks to hoso-$version/bin/hoso" test -x "$bin"
check "file: statically linked" eval "file -b '$bin' | grep -q 'statically linked'"
check "env -i bin/hoso --version prints hoso $version" test "$(env -i "$bin" --version)" = "hoso $version"
check "lint: a clean dossier exits 0" lint "$bin" sach.hoso 0
check "lint: a broken dossier exits 1" lint "$bin" loi.hoso 1
check "server: serverInfo.version and links to its own share/hoso/rules" server "$bin" "$prefix/share/hoso/rules"
check "man page, completions, editors, README, LICENSE, CHANGELOG are in it" test -s "$prefix/share/man/man1/hoso.1" \
  -a -s "$prefix/share/man/en/man1/hoso.1" -a -s "$prefix/share/bash-completion/completions/hoso" \
  -a -s "$prefix/share/zsh/site-functions/_hoso" -a -s "$prefix/share/fish/vendor_completions.d/hoso.fish" \
  -a -s "$prefix/share/hoso/editors/vim/syntax/hoso.vim" -a -s "$prefix/README.md" -a -s "$prefix/LICENSE" -a -s "$prefix/CHANGELOG.md"
check "docs: the guide, the references, their index, images, examples" test -s "$prefix/share/doc/hoso/huong-dan.md" \
  -a -s "$prefix/share/doc/hoso/dinh-dang.md" -a -s "$prefix/share/doc/hoso/cli.md" -a -s "$prefix/share/doc/hoso/README.md" \
  -a -s "$prefix/share/doc/hoso/images/bao-cao-tong-hop.png" -a -s "$prefix/share/doc/hoso/examples/phong-kinh-te.hoso"
check "docs: a copy of the examples lints as the guide says" examples "$bin" "$prefix/share/doc/hoso"
check "docs: every relative link in the tree leads somewhere" bash "$here/links.sh" "$prefix"

if [ "$failures" -gt 0 ]; then
  echo "install.sh: $failures check(s) failed" >&2
  exit 1
fi
echo "install.sh: every check passed"
