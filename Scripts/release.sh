#!/usr/bin/env bash
# Builds hoso's two release packages, and nothing else, into .build/dist:
#
#   hoso-VERSION-linux-ARCH.tar.gz  a fully static binary (-static-executable: runs on any Linux
#                                   of the architecture, no library needed) laid out as a prefix:
#                                   bin/hoso, share/man, share/bash-completion|zsh|fish,
#                                   share/hoso/rules (the server links diagnostics to these pages,
#                                   found at <bin>/../share/hoso/rules), share/hoso/editors and
#                                   Grammar, share/doc/hoso (the guide, docs/, Examples/ as
#                                   examples/); README.md, ARCHITECTURE.md, LICENSE, CHANGELOG.md.
#   hoso_VERSION_ARCH.deb           the same files where Debian policy puts them, with a binary
#                                   that carries the Swift runtime and Foundation inside
#                                   (--static-swift-stdlib) and links glibc dynamically: lintian
#                                   rejects fully static binaries in a .deb.
#
# Documentation: docs/*.md (docs/README.md, their index, as README.md), docs/images and Examples/
# go to share/doc/hoso, with their links rewritten for that place (`docs` below); the .deb
# compresses the pages over 4 KB as dh_compress does, and links to them name the .gz. Every
# relative link of the Markdown in each package must lead somewhere (Tests/release/links.sh).
#
# VERSION is what the built binary prints (`hoso --version`: HosoVersion.current), ARCH comes
# from `uname -m` (tarball) and `dpkg --print-architecture` (deb). Every generated file (man
# pages, completions, rule pages) is printed by the binary being shipped, so they cannot disagree
# with it. Each build has its own --build-path, so neither clobbers .build/release.
#
# Man pages: the Vietnamese page is man1/hoso.1 (`man hoso` speaks hoso's default language); the
# English page is en/man1/hoso.1, which man-db shows to readers in an English locale.
#
# Needs: swift (6.x), tar, gzip, strip, file, dpkg-deb; dpkg-shlibdeps if present (else the
# libc6 version comes from objdump -T); lintian if present (run on the .deb, failing on errors).
# HOSO_MAINTAINER="Name <mail>" names the .deb's maintainer (default: the last commit's author).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

# Each step prints how long it took, as .ci/run does.
step_start=$SECONDS
step() {
  local now=$SECONDS
  [ -n "${step_name:-}" ] && echo "== release: ${step_name}: $((now - step_start)) s (total $now s)"
  step_name=$1
  step_start=$now
  [ -n "$step_name" ] && echo "== release: ${step_name}…"
  return 0
}
work=$(mktemp -d)
trap 'step ""; rm -rf "$work"' EXIT
die() { echo "release.sh: $*" >&2; exit 1; }

dist=.build/dist
rm -rf "$dist"
mkdir -p "$dist"
# Files are dated by the last commit, so the same commit gives the same archive contents.
epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
export SOURCE_DATE_EPOCH=$epoch

step "fully static build (tarball)"
swift build -c release --product hoso --build-path .build/static -Xswiftc -static-executable
static=$(swift build -c release --build-path .build/static --show-bin-path)/hoso
version=$(env -i "$static" --version)
version=${version#hoso }
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "unexpected version \"$version\" from $static --version"
file -b "$static" | grep -q "statically linked" || die "$static is not statically linked: $(file -b "$static")"

step "build with the Swift runtime linked in (deb)"
# Full RELRO (-z relro -z now), as Debian's hardening flags link programs.
swift build -c release --product hoso --build-path .build/static-stdlib --static-swift-stdlib \
  -Xlinker -z -Xlinker relro -Xlinker -z -Xlinker now
runtime=$(swift build -c release --build-path .build/static-stdlib --show-bin-path)/hoso
if ldd "$runtime" | grep -Eq 'libswift|libFoundation|libdispatch|libBlocksRuntime|lib_Foundation'; then
  die "$runtime still links Swift libraries: $(ldd "$runtime")"
fi

# What both packages hold besides the binary, printed by the binary shipped: $1 runs it.
generate() {
  local hoso=$1 out=$2
  mkdir -p "$out/rules"
  env -i "$hoso" help --man --lang vi > "$out/hoso.vi.1"
  env -i "$hoso" help --man --lang en > "$out/hoso.en.1"
  for shell in bash zsh fish; do env -i "$hoso" completions "$shell" > "$out/completion.$shell"; done
  env -i "$hoso" rules --format markdown --output-dir "$out/rules" > /dev/null
  # The committed pages are held equal to these by a test; a difference means a stale checkout.
  diff -r "$out/rules" docs/rules > /dev/null || die "docs/rules differs from \`hoso rules --format markdown\`"
}

# Copies the editor setups and the grammar the VS Code setup copies from (../../Grammar), without
# the .gitignore of the VS Code setup (a file for git, not for users). Their READMEs' links to
# docs/ lead to share/doc/hoso.
editors() {
  local share=$1
  mkdir -p "$share/editors" "$share/Grammar"
  cp -R editors/. "$share/editors/"
  find "$share/editors" -name .gitignore -delete
  find "$share/editors" -name '*.md' -exec sed -i 's#](\(\(\.\./\)*\)docs/#](\1../doc/hoso/#g' {} +
  cp Grammar/hoso.tmLanguage.json Grammar/hoso.ebnf "$share/Grammar/"
}

# Lays out share/doc/hoso in $1: the pages of docs/ (docs/README.md, their index, as README.md)
# and docs/images, Examples/ as examples/. Links written for the repository are rewritten for
# that place: ../Examples/ → examples/; rules/, ../editors/, ../Grammar/ → ../../hoso/… (the
# rule pages, editor setups and grammar in share/hoso); ../docs/ in examples/README.md → ../.
# ARCHITECTURE.md is for the source and not shipped here: the index's row for it goes.
docs() {
  local doc=$1 page
  mkdir -p "$doc/images" "$doc/examples"
  for page in docs/*.md; do
    sed -e 's#](\.\./Examples/#](examples/#g' -e 's#](rules/#](../../hoso/rules/#g' \
        -e 's#](\.\./editors/#](../../hoso/editors/#g' -e 's#](\.\./Grammar/#](../../hoso/Grammar/#g' \
        -e '/](\.\.\/ARCHITECTURE\.md)/d' "$page" > "$doc/${page#docs/}"
  done
  cp docs/images/* "$doc/images/"
  cp -R Examples/. "$doc/examples/"
  sed -e 's#](\.\./docs/#](../#g' Examples/README.md > "$doc/examples/README.md"
}

# Owner-independent modes: directories and programs 0755, everything else 0644.
normalize() {
  find "$1" -type d -exec chmod 0755 {} +
  find "$1" -type f -exec chmod 0644 {} +
  chmod 0755 "$2"
  find "$1" -exec touch -h -d "@$epoch" {} +
}

step "tarball"
arch=$(uname -m)
generate "$static" "$work/gen-static"
prefix=$work/tar/hoso-$version
install -D -m 0755 "$static" "$prefix/bin/hoso"
strip --remove-section=.comment --remove-section=.note "$prefix/bin/hoso"
install -D -m 0644 "$work/gen-static/hoso.vi.1" "$prefix/share/man/man1/hoso.1"
install -D -m 0644 "$work/gen-static/hoso.en.1" "$prefix/share/man/en/man1/hoso.1"
install -D -m 0644 "$work/gen-static/completion.bash" "$prefix/share/bash-completion/completions/hoso"
install -D -m 0644 "$work/gen-static/completion.zsh" "$prefix/share/zsh/site-functions/_hoso"
install -D -m 0644 "$work/gen-static/completion.fish" "$prefix/share/fish/vendor_completions.d/hoso.fish"
mkdir -p "$prefix/share/hoso" "$prefix/share/doc/hoso"
cp -R "$work/gen-static/rules" "$prefix/share/hoso/rules"
editors "$prefix/share/hoso"
docs "$prefix/share/doc/hoso"
# The top README's links, from the root of the tree: docs/ is share/doc/hoso, docs/rules/ share/hoso/rules.
sed -e 's#](docs/rules/#](share/hoso/rules/#g' -e 's#](docs/#](share/doc/hoso/#g' README.md > "$prefix/README.md"
cp ARCHITECTURE.md LICENSE CHANGELOG.md "$prefix/"
bash Tests/release/links.sh "$prefix" || die "the tarball has links that lead nowhere"
normalize "$prefix" "$prefix/bin/hoso"
tarball=$dist/hoso-$version-linux-$arch.tar.gz
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" -C "$work/tar" -cf - "hoso-$version" | gzip -9n > "$tarball"

step "deb"
case "$arch" in x86_64) debarch=amd64 ;; aarch64) debarch=arm64 ;; *) debarch=$arch ;; esac
command -v dpkg >/dev/null && debarch=$(dpkg --print-architecture)
maintainer=${HOSO_MAINTAINER:-$(git log -1 --format='%an <%ae>' 2>/dev/null || true)}
[ -n "$maintainer" ] || die "no maintainer: set HOSO_MAINTAINER=\"Name <mail>\""
generate "$runtime" "$work/gen-deb"
pkg=$work/deb
doc=$pkg/usr/share/doc/hoso
install -D -m 0755 "$runtime" "$pkg/usr/bin/hoso"
strip --remove-section=.comment --remove-section=.note "$pkg/usr/bin/hoso"
mkdir -p "$pkg/usr/share/man/man1" "$pkg/usr/share/man/en/man1" "$doc"
gzip -9n < "$work/gen-deb/hoso.vi.1" > "$pkg/usr/share/man/man1/hoso.1.gz"
gzip -9n < "$work/gen-deb/hoso.en.1" > "$pkg/usr/share/man/en/man1/hoso.1.gz"
install -D -m 0644 "$work/gen-deb/completion.bash" "$pkg/usr/share/bash-completion/completions/hoso"
install -D -m 0644 "$work/gen-deb/completion.zsh" "$pkg/usr/share/zsh/vendor-completions/_hoso"
install -D -m 0644 "$work/gen-deb/completion.fish" "$pkg/usr/share/fish/vendor_completions.d/hoso.fish"
mkdir -p "$pkg/usr/share/hoso"
cp -R "$work/gen-deb/rules" "$pkg/usr/share/hoso/rules"
editors "$pkg/usr/share/hoso"
# Vim and Neovim: automatic addons as the Debian Vim policy (2.0) and dh_vim-addon lay them out,
# a link in the editor's pack/dist-bundle/start to the files in the package's own folder, so
# .hoso files are detected and highlighted from the first start, with no vim-addon-manager step.
# Neovim also gets the Lua module, for `require("hoso").setup()` (the language server).
mkdir -p "$pkg/usr/share/vim/vimfiles/pack/dist-bundle/start" "$pkg/usr/share/nvim/site/pack/dist-bundle/start"
ln -s ../../../../../hoso/editors/vim "$pkg/usr/share/vim/vimfiles/pack/dist-bundle/start/hoso"
ln -s ../../../../../hoso/editors/vim "$pkg/usr/share/nvim/site/pack/dist-bundle/start/hoso-syntax"
ln -s ../../../../../hoso/editors/neovim "$pkg/usr/share/nvim/site/pack/dist-bundle/start/hoso"
# Emacs: hoso-mode.el in a folder of site-lisp, which Debian's Emacs puts on load-path, so
# `(require 'hoso-mode)` works. Not byte-compiled: that needs emacsen-common install scripts
# (per installed Emacs flavour) for a 4 KB file that loads in milliseconds as source.
mkdir -p "$pkg/usr/share/emacs/site-lisp/hoso"
ln -s ../../../hoso/editors/emacs/hoso-mode.el "$pkg/usr/share/emacs/site-lisp/hoso/hoso-mode.el"
docs "$doc"
# As dh_compress: pages over 4 KB are compressed, examples/ and images are not; links to a
# compressed page (from the docs, examples/README.md and the editor setups) name its .gz.
for page in $(find "$doc" -maxdepth 1 -name '*.md' -size +4k -printf '%f\n' | sort); do
  find "$pkg/usr/share/doc/hoso" "$pkg/usr/share/hoso" -name '*.md' -exec \
    sed -i "s#](\(\(\.\./\)*\(doc/hoso/\)\?\)${page//./\\.}\([)\#]\)#](\1$page.gz\4#g" {} +
done
find "$doc" -maxdepth 1 -name '*.md' -size +4k -exec gzip -9n {} +
bash Tests/release/links.sh "$pkg/usr/share" || die "the .deb has links that lead nowhere"
# The one example in TCVN3 is there to show HS001 (the guide converts it): lintian's warning
# about a file in a national encoding is overridden for it alone.
mkdir -p "$pkg/usr/share/lintian/overrides"
cat > "$pkg/usr/share/lintian/overrides/hoso" <<'OVERRIDES'
# A dossier typed in TCVN3 on purpose: the example of HS001 (a file that is not UTF-8) and of its fix.
hoso: national-encoding [usr/share/doc/hoso/examples/co-loi/phong-hanh-chinh-tcvn3.hoso]
OVERRIDES

# usr/share/doc/hoso/copyright: machine-readable (DEP-5), the text of LICENSE.
{
  echo "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
  echo "Upstream-Name: hoso"
  echo "Upstream-Contact: $maintainer"
  echo "Comment: /usr/bin/hoso carries the Swift runtime, Foundation and libdispatch"
  echo " (Copyright Apple Inc. and the Swift project authors; Apache License 2.0 with"
  echo " the Runtime Library Exception, see /usr/share/common-licenses/Apache-2.0) and"
  echo " ICU data (Copyright Unicode, Inc.; Unicode License v3) linked in statically."
  echo
  echo "Files: *"
  echo "Copyright: $(sed -n 's/^Copyright (c) //p' LICENSE)"
  echo "Comment: Expat is Debian's name for the MIT License; the text is LICENSE of the source."
  echo "License: Expat"
  tail -n +5 LICENSE | sed -e 's/^$/./' -e 's/^/ /'
} > "$doc/copyright"

# usr/share/doc/hoso/changelog.gz: a Debian changelog (hoso is a native package) whose one entry
# is this version's section of CHANGELOG.md, each item a "*" line wrapped at 78 columns, dated
# like the man page (HosoVersion.releaseDate).
released=$(awk '/^\.TH /{print $4; exit}' "$work/gen-deb/hoso.en.1")
{
  echo "hoso ($version) unstable; urgency=medium"
  echo
  awk -v version="$version" '
    function flush() { if (item == "") return; n = split(item, words, " "); line = "  *"
      for (i = 1; i <= n; i++) { if (length(line) + 1 + length(words[i]) > 78) { print line; line = "   " } line = line " " words[i] }
      print line; item = "" }
    index($0, "## [" version "]") == 1 { inside = 1; next }
    inside && /^## / { flush(); exit }
    inside && /^- / { flush(); item = substr($0, 3); next }
    inside && /^  / && item != "" { sub(/^ +/, ""); item = item " " $0; next }
    inside { flush() }
    END { flush() }' CHANGELOG.md
  echo
  echo " -- $maintainer  $(date -u -R -d "$released")"
} | gzip -9n > "$doc/changelog.gz"
[ "$(zcat "$doc/changelog.gz" | grep -c '^  \*')" -gt 0 ] || die "CHANGELOG.md has no items for $version"

normalize "$pkg" "$pkg/usr/bin/hoso"

# Depends from the binary's own needs.
if command -v dpkg-shlibdeps >/dev/null; then
  mkdir -p "$work/shlibs/debian"
  printf 'Source: hoso\n\nPackage: hoso\nArchitecture: any\n' > "$work/shlibs/debian/control"
  depends=$(cd "$work/shlibs" && dpkg-shlibdeps -O -e"$pkg/usr/bin/hoso" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
else
  glibc=$(objdump -T "$pkg/usr/bin/hoso" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -V | tail -1)
  depends="libc6 (>= $glibc)"
fi
[ -n "$depends" ] || die "could not compute Depends for usr/bin/hoso"

mkdir -p "$pkg/DEBIAN"
(cd "$pkg" && find usr -type f -print0 | LC_ALL=C sort -z | xargs -0 md5sum) > "$pkg/DEBIAN/md5sums"
cat > "$pkg/DEBIAN/control" <<EOF
Package: hoso
Version: $version
Architecture: $debarch
Maintainer: $maintainer
Installed-Size: $(du -sk --exclude=DEBIAN "$pkg" | cut -f1)
Depends: $depends
Section: utils
Priority: optional
Description: checker and language server for Vietnamese commendation dossiers
 hoso checks commendation dossiers (hồ sơ đề nghị khen thưởng) written as
 plain-text .hoso files against a campaign plan: structure, required fields,
 canonical spellings of names and documents, and text encodings. Each finding
 has a rule code, a line and a column, and most can be fixed in place
 (hoso lint --fix). Reports come as text, JSON, SARIF, JUnit, GitLab Code
 Quality or GitHub annotations.
 .
 The package also provides a language server (hoso lsp) with live
 diagnostics, fixes, hover and completion; file type and highlighting for
 Vim and Neovim, hoso-mode for Emacs, setups for VS Code, Helix and Sublime
 Text in /usr/share/hoso/editors; shell completions and a manual page; a
 guide, the documentation and example dossiers in /usr/share/doc/hoso.
 Messages are in Vietnamese, or in English with --lang en.
EOF
chmod 0644 "$pkg/DEBIAN/control" "$pkg/DEBIAN/md5sums"
deb=$dist/hoso_${version}_${debarch}.deb
dpkg-deb --root-owner-group -Zxz --build "$pkg" "$deb" > /dev/null

if command -v lintian >/dev/null; then
  step "lintian"
  # No error and no warning is left (a warning fails the build; the one override is above).
  # `lintian -I` also shows these tags of the info level, kept:
  # - package-contains-documentation-outside-usr-share-doc: the rule pages must be in
  #   /usr/share/hoso/rules, where the language server links each diagnostic to its page (a
  #   system may leave /usr/share/doc out, and the links must work); the editor setups' READMEs
  #   stay beside the files they explain.
  # - hardening-no-fortify-functions: the binary is Swift; the C parts it carries (Foundation's
  #   C core, ICU) come compiled from the Swift toolchain.
  # - spelling-error-in-binary: pieces of strings in the binary that read as misspellings
  #   ("nam" is Vietnamese, others are cut out of longer words).
  lintian --fail-on error,warning "$deb"
fi

step ""
echo "release.sh: hoso $version"
ls -l "$tarball" "$deb"
