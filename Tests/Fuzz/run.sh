#!/usr/bin/env bash
# Builds and runs the libFuzzer targets (AddressSanitizer on, leaks detected): lint, protocol
# (framing and messages), profile (profiles and hoso.json), walker (odd trees of files).
#   Tests/Fuzz/run.sh [seconds per target]      (default 20: the CI smoke run)
# The library modules are compiled together with each target into one module (their
# `import Hoso…` lines dropped), since SwiftPM cannot build a libFuzzer entry point.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-20}"
out=.build/fuzz
rm -rf "$out/src" && mkdir -p "$out/src" "$out/artifacts"
for module in HosoSystem HosoText HosoJSON HosoSyntax HosoSemantics HosoRules HosoProtocol HosoWorkspace HosoExport HosoServer; do
  for file in $(find "Sources/$module" -name '*.swift'); do
    sed -E '/^(@_exported )?import Hoso[A-Za-z]+$/d' "$file" > "$out/src/${module}_$(basename "$file")"
  done
done
# One binary for every target (HOSO_FUZZ_TARGET picks one): the library is compiled once.
swiftc -O -g -sanitize=fuzzer,address -parse-as-library -module-name HosoFuzz \
  "$out"/src/*.swift Tests/Fuzz/*.swift -o "$out/fuzz" 2>&1 | { grep -v "Cannot export local symbol" || true; }
for target in lint protocol profile walker; do
  work="$out/corpus-$target"
  mkdir -p "$work"
  echo "== fuzz-$target for ${seconds}s"
  HOSO_FUZZ_TARGET=$target "$out/fuzz" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=4096 -max_len=8192 \
    -print_final_stats=1 -artifact_prefix="$out/artifacts/$target-" "$work" "Tests/Fuzz/corpus/$target" 2>&1 \
    | grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|stat::slowest_unit_time_sec|Done|==[0-9]+==ERROR|SUMMARY|artifact_prefix)" || true
  if ls "$out/artifacts/$target-"* >/dev/null 2>&1; then
    echo "fuzz-$target found a failing input:"; ls "$out/artifacts/$target-"*
    exit 1
  fi
done
