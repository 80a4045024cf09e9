#!/usr/bin/env bash
# Instruction budgets: a performance regression guard that does not depend on the machine's load.
# callgrind counts the instructions `hoso lint` executes, which is reproducible where wall time
# is not. Fails when a count exceeds its budget (about 1.5× the count when the budget was set,
# so a toolchain update passes and a hot path made quadratic or a lost fast path does not).
#   Tests/perf/budget.sh [.build/release]
set -euo pipefail
cd "$(dirname "$0")/../.."
bin="${1:-.build/release}"
command -v valgrind >/dev/null || { export DEBIAN_FRONTEND=noninteractive; apt-get update -qq >/dev/null; apt-get install -y -qq valgrind >/dev/null; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin/hoso-bench" --quick --write-corpus "$work/corpus"   # 200 seeded dossiers, 0.65 MB
"$bin/hoso-bench" --write-lsp-script "$work/lsp" 20        # open a 200 KB dossier, 20 edits

# name | budget (instructions) | command.  Counts when set (2026-11-25): 423 M, 18 M, 1,118 M
# (the server re-checks the 200 KB dossier per keystroke: ~50 M instructions, ~2.6 ms).
status=0
check() {
  local name="$1" budget="$2"; shift 2
  valgrind --tool=callgrind --callgrind-out-file="$work/out" "$@" >/dev/null 2>"$work/log" || true
  local count
  count=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$work/log")
  if [ -z "$count" ]; then echo "budget: $name: no count from callgrind"; cat "$work/log"; status=1; return; fi
  if [ "$count" -gt "$budget" ]; then
    echo "budget: $name: $count instructions, over the budget of $budget"; status=1
  else
    echo "budget: $name: $count instructions (budget $budget)"
  fi
}
check "hoso lint on 200 dossiers" 630000000 "$bin/hoso" lint "$work/corpus"
check "cold start: hoso lint on one dossier" 27000000 "$bin/hoso" lint "$work/corpus/d1.hoso"
check "hoso lsp: a 200 KB dossier opened, then 20 one-character edits" 1680000000 "$bin/hoso" lsp < "$work/lsp"
exit $status
