#!/usr/bin/env bash
# `hoso report` in a real reader: headless Chromium opens the report of Examples/ and
#   1. takes a screenshot, which must not be blank (Tests/report/png.py: stdlib only);
#   2. dumps the DOM after running the page's script with the view `#status=error&sort=-11`:
#      the script must have run to its end (`data-ready`), filtered to the 3 nominees with errors and the unreadable file's row
#      and sorted them by status, most errors first; no uncaught script error in the log;
#   3. reads the page without its script: every row is there (the table is rendered by hoso)
#      and the controls, useless then, stay hidden;
#   4. prints to PDF: A4 (pdfinfo), with a nominee's name and a quota line in its text (pdftotext).
# Usage: Tests/report/chromium.sh BIN [--picture FILE]   (BIN: the hoso executable; --picture
# also writes the screenshot to FILE, e.g. docs/images/bao-cao-tong-hop.png)
set -euo pipefail
bin=$(realpath "$1")
picture=""
if [ "${2:-}" = "--picture" ]; then picture=$(realpath -m "$3"); fi
cd "$(dirname "$0")/../.."
root=$PWD
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "chromium.sh: no chromium (apt-get install chromium)"; exit 1; }
for tool in pdfinfo pdftotext python3; do
  command -v "$tool" >/dev/null || { echo "chromium.sh: no $tool (apt-get install poppler-utils python3)"; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

step_start=$(date +%s%N)
step() {  # prints how long the step just done took
  local now
  now=$(date +%s%N)
  printf '  %-46s %6d ms\n' "$1" $(((now - step_start) / 1000000))
  step_start=$now
}
run_browser() {
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --mute-audio \
    --user-data-dir="$work/profile" "$@"
}
fail() { echo "chromium.sh: FAIL: $*"; exit 1; }

# A fixed date, so the page (and the picture) is the same on every run.
SOURCE_DATE_EPOCH=1764000000 "$bin" report Examples/ -o "$work/report.html"
page="file://$work/report.html"
step "hoso report Examples/"

run_browser --screenshot="$work/shot.png" --window-size=1280,1600 "$page" >/dev/null 2>&1
[ -s "$work/shot.png" ] || fail "no screenshot"
python3 "$root/Tests/report/png.py" "$work/shot.png" || fail "the screenshot is blank"
if [ -n "$picture" ]; then cp "$work/shot.png" "$picture"; echo "  picture written to $picture"; fi
step "screenshot 1280x1600, not blank"

run_browser --virtual-time-budget=5000 --enable-logging=stderr --v=0 --dump-dom "$page#status=error&sort=-11" \
  >"$work/dom.html" 2>"$work/console.txt"
grep -q '<html lang="vi" data-ready="1">' "$work/dom.html" || fail "the script did not run to its end (no data-ready)"
if grep -E 'Uncaught|SyntaxError|TypeError|ReferenceError' "$work/console.txt"; then fail "script errors in the console"; fi
grep -q 'id="shown" aria-live="polite">Hiển thị 3/8 đề nghị (và 1 dòng không phải đề nghị)<' "$work/dom.html" \
  || fail "the filter #status=error did not leave 3 of 8 nominees and the unreadable file's row"
order=$(grep -o '<tr [^>]*data-status="[a-z]*"[^>]*data-index="[0-9]*"' "$work/dom.html" | sed 's/.*data-index="\([0-9]*\)"/\1/' | tr '\n' ' ')
[ "$order" = "3 1 2 0 4 5 6 7 8 " ] || fail "rows sorted by status, most errors first: got $order"
[ "$(grep -o '<tr [^>]*hidden=""' "$work/dom.html" | wc -l)" = 5 ] || fail "the 5 clean rows should be hidden"
step "script: filter, sort, data-ready, no error"

# Scripts off: the same page without its script (headless Chromium cannot dump or print with
# scripts disabled), read and printed.
python3 -c 'import re, sys; sys.stdout.write(re.sub(r"<script>.*?</script>", "", open(sys.argv[1], encoding="utf-8").read(), flags=re.S))' \
  "$work/report.html" >"$work/static.html"
run_browser --dump-dom "file://$work/static.html" >"$work/static-dom.html" 2>/dev/null
[ "$(grep -o '<tr data-form=' "$work/static-dom.html" | wc -l)" = 9 ] || fail "without scripts the table should have its 9 rows"
grep -q 'data-ready' "$work/static-dom.html" && fail "the script was not removed"
grep -q 'class="controls" id="controls" hidden' "$work/static-dom.html" || fail "without scripts the controls should stay hidden"
step "scripts off: the table is all there"

run_browser --no-pdf-header-footer --print-to-pdf="$work/report.pdf" "$page" >/dev/null 2>&1
pdfinfo "$work/report.pdf" | grep -E '^Page size: .*\(A4\)' || fail "the PDF is not A4: $(pdfinfo "$work/report.pdf" | grep 'Page size')"
pages=$(pdfinfo "$work/report.pdf" | sed -n 's/^Pages: *//p')
pdftotext -layout "$work/report.pdf" "$work/report.txt"
grep -q 'Nguyễn Thị Hoa' "$work/report.txt" || fail "no nominee name in the PDF's text"
grep -Eq 'Bằng khen của Chủ tịch UBND tỉnh — cá nhân +1/1' "$work/report.txt" || fail "no quota line in the PDF's text"
grep -q 'Tìm' "$work/report.txt" && fail "the controls are printed"
step "PDF: A4 ($pages pages), name and quota in its text"
echo "report in Chromium: ok"
