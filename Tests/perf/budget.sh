#!/usr/bin/env bash
# Instruction budgets: a performance regression guard that does not depend on the machine's load.
# callgrind counts the instructions `hoso lint` executes, which is reproducible where wall time
# is not. Fails when a count exceeds its budget (1.15× to 1.5× the count when the budget was
# set, so a toolchain update passes and a hot path made quadratic or a lost fast path does not).
# Also prints hoso's instructions per byte, and taplo's on the TOML twin when taplo is installed.
#   Tests/perf/budget.sh [.build/release]
set -euo pipefail
cd "$(dirname "$0")/../.."
bin="${1:-.build/release}"
command -v valgrind >/dev/null || { export DEBIAN_FRONTEND=noninteractive; apt-get update -qq >/dev/null; apt-get install -y -qq valgrind >/dev/null; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin/hoso-bench" --quick --write-corpus "$work/corpus"   # 200 seeded dossiers, 0.65 MB; the TOML twin in corpus-toml
"$bin/hoso-bench" --write-lsp-script "$work/lsp" 20        # open a 200 KB dossier, 20 edits
bytes=$(cat "$work"/corpus/*.hoso | wc -c)

# name | budget (instructions) | command. Counts when set (2026-12-07, release build with
# --static-swift-stdlib as .ci/run makes it): lint 264 M (403 per byte; the budget is 1.15× it),
# cold start 8.3 M; the LSP budget is the one set on 2026-11-25 (1,118 M then, 1,187 M now; the
# server re-checks the 200 KB dossier per keystroke, each about 56 M instructions).
status=0
count() {  # the instructions of a command under callgrind, or nothing
  valgrind --tool=callgrind --callgrind-out-file="$work/out" "$@" >/dev/null 2>"$work/log" || true
  sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$work/log"
}
check() {
  local name="$1" budget="$2"; shift 2
  local n
  n=$(count "$@")
  if [ -z "$n" ]; then echo "budget: $name: no count from callgrind"; cat "$work/log"; status=1; return; fi
  if [ "$n" -gt "$budget" ]; then
    echo "budget: $name: $n instructions, over the budget of $budget"; status=1
  else
    echo "budget: $name: $n instructions (budget $budget)"
  fi
  last=$n
}
check "hoso lint on 200 dossiers" 303000000 "$bin/hoso" lint "$work/corpus"
hoso_count=$last
check "cold start: hoso lint on one dossier" 10000000 "$bin/hoso" lint "$work/corpus/d1.hoso"
check "hoso lsp: a 200 KB dossier opened, then 20 one-character edits" 1680000000 "$bin/hoso" lsp < "$work/lsp"

# Per byte, beside taplo on the TOML twin when it is installed (pip install taplo); printed, not judged.
echo "per byte: hoso lint $((hoso_count / bytes)) instructions ($bytes bytes of dossiers)"
taplo=$(command -v taplo || true)
# A pyenv shim is a shell script: count the program it runs, not bash.
if [ -n "$taplo" ] && head -c 2 "$taplo" | grep -q '#!' && command -v pyenv >/dev/null; then taplo=$(pyenv which taplo); fi
if [ -n "$taplo" ]; then
  toml_bytes=$(cat "$work"/corpus-toml/*.toml | wc -c)
  taplo_count=$(count "$taplo" lint --no-schema --no-auto-config "$work"/corpus-toml/*.toml)
  if [ -n "$taplo_count" ]; then
    hoso_per_byte=$(awk "BEGIN { print $hoso_count / $bytes }")
    taplo_per_byte=$(awk "BEGIN { print $taplo_count / $toml_bytes }")
    echo "per byte: taplo lint on the TOML twin $(awk "BEGIN { printf \"%d\", $taplo_per_byte }") instructions ($toml_bytes bytes); hoso/taplo $(awk "BEGIN { printf \"%.2f\", $hoso_per_byte / $taplo_per_byte }")x"
  fi
else
  echo "per byte: taplo not installed (pip install taplo), no figure to compare with"
fi
exit $status
