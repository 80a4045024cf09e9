#!/usr/bin/env bash
# Linear cost, proven: for each repeated construct (hoso-bench --write-scaling), and for the
# number of files checked together, 4x the input
# may cost at most 5x the instructions of `hoso lint --format json` (quadratic gives ~16x).
# callgrind's counts do not depend on the machine's load, so the verdict is stable in CI.
#   Tests/perf/scaling.sh [.build/release] [CASE…]
set -euo pipefail
cd "$(dirname "$0")/../.."
bin="${1:-.build/release}"; shift || true
command -v valgrind >/dev/null || { export DEBIAN_FRONTEND=noninteractive; apt-get update -qq >/dev/null; apt-get install -y -qq valgrind >/dev/null; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
names=$("$bin/hoso-bench" --write-scaling "$work")
[ $# -gt 0 ] && names="$*"
count() {
  valgrind --tool=callgrind --callgrind-out-file="$work/out" "$bin/hoso" lint --format json "$1" >/dev/null 2>"$work/log" || true
  sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$work/log"
}
status=0
for name in $names; do
  one="$work/$name.1.hoso"; four="$work/$name.4.hoso"
  [ -e "$one" ] || { one="$work/$name.1"; four="$work/$name.4"; }  # a folder case: n and 4n files
  one=$(count "$one"); four=$(count "$four")
  if [ -z "$one" ] || [ -z "$four" ]; then echo "scaling: $name: no count from callgrind"; cat "$work/log"; status=1; continue; fi
  ratio=$(awk -v a="$one" -v b="$four" 'BEGIN { printf "%.2f", b / a }')
  verdict=ok
  if awk -v r="$ratio" 'BEGIN { exit !(r > 5) }'; then verdict="OVER 5x"; status=1; fi
  printf 'scaling: %-24s %6d M -> %6d M instructions: %5sx  %s\n' "$name" $((one / 1000000)) $((four / 1000000)) "$ratio" "$verdict"
done
exit $status
