#!/usr/bin/env bash
# Fails when a relative link of a Markdown page under ROOT leads to no file or folder:
#
#   Tests/release/links.sh ROOT
#
# Pages are *.md and *.md.gz (read with zcat, as a .deb ships the long ones). A link is the
# target of `](…)`; web and mail addresses are skipped, and an #anchor is cut off (the
# repository's anchors are checked by DocumentationTests). Scripts/release.sh runs it on each
# package's tree before packing it, Tests/release/install.sh on what was installed.
set -euo pipefail
root=${1:?usage: links.sh ROOT}
broken=0
while IFS= read -r -d '' page; do
  while IFS= read -r target; do
    target=${target%%#*}
    [ -n "$target" ] || continue
    if [ ! -e "$(dirname "$page")/$target" ]; then
      echo "links.sh: ${page#"$root"/}: the link $target leads nowhere" >&2
      broken=1
    fi
  done < <(case "$page" in *.gz) zcat "$page" ;; *) cat "$page" ;; esac \
             | grep -oE '\]\([^)[:space:]]+\)' | sed -e 's/^](//' -e 's/)$//' | grep -vE '://|^mailto:' || true)
done < <(find "$root" \( -name '*.md' -o -name '*.md.gz' \) -print0)
exit "$broken"
