#!/usr/bin/env bash
# hoso export against real readers: what office software makes of the papers.
#
#   Tests/export/readers.sh BIN            BIN: the hoso executable (e.g. .build/release/hoso)
#   HOSO_PICTURES=docs/images Tests/export/readers.sh BIN
#                                          also renders the pictures of docs/images/
#
# 1. python-docx opens each exported DOCX and finds the national motto, each paper's title and
#    every nominee (in the paragraphs and the tables), and A4 pages with the NĐ 30 margins;
# 2. LibreOffice converts the DOCX to PDF; pdfinfo shows A4 (595 x 842 pt) and at least one page
#    per paper; pdftotext finds the same texts, each paper's title on a later page than the last;
# 3. when Chromium is installed, it prints the HTML export to PDF and the same checks hold.
# Missing tools are installed when running as root (apt: libreoffice-writer-nogui, poppler-utils,
# fonts-liberation, chromium; pip: python-docx). Every step is bounded with `timeout` and timed.
set -euo pipefail
BIN=$(realpath "${1:?usage: readers.sh path/to/hoso}")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/hoso-readers.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
export SOURCE_DATE_EPOCH=1652862600

# Runs a step under a time limit (seconds) and prints how long it took; its output is kept in a
# log, shown whole when the step fails (only the summary lines, indented, when it passes).
step() {
  local limit=$1 name=$2 start=$SECONDS log="$WORK/step.log"
  shift 2
  echo "-- $name"
  # Through bash, so that a function of this script (exported) runs under the limit too.
  if ! timeout "$limit" bash -c '"$@"' step "$@" >"$log" 2>&1; then
    cat "$log" >&2
    echo "FAILED (or over ${limit} s): $name" >&2
    exit 1
  fi
  grep '^   ' "$log" || true
  echo "   $name: $((SECONDS - start)) s"
}

# The tools, installed when missing and allowed to.
if [ "$(id -u)" = 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  fonts=$(fc-list 2>/dev/null || true)
  if ! command -v soffice >/dev/null || ! command -v pdfinfo >/dev/null || ! grep -q "Liberation Serif" <<<"$fonts"; then
    step 300 "apt-get update" apt-get update -qq
    step 1200 "install LibreOffice Writer, poppler, Liberation fonts" \
      apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui poppler-utils fonts-liberation
  fi
  if ! command -v chromium >/dev/null; then
    timeout 900 apt-get install -y -qq --no-install-recommends chromium >/dev/null 2>&1 || echo "   chromium could not be installed: HTML printing not checked"
  fi
  python3 -c "import docx" 2>/dev/null || step 300 "pip install python-docx" python3 -m pip install -q --root-user-action=ignore python-docx
fi
for tool in soffice pdfinfo pdftotext; do
  command -v "$tool" >/dev/null || { echo "missing $tool (run as root to install it)" >&2; exit 1; }
done
python3 -c "import docx" 2>/dev/null || { echo "missing python-docx (pip install python-docx)" >&2; exit 1; }

# Each example: its file, then the texts every reader must find (the nominees after the titles).
EXAMPLES=(
  "phong-tchcqt|TỜ TRÌNH|BIÊN BẢN|BÁO CÁO THÀNH TÍCH|Nguyễn Thị Hoa|Tổ Quản trị|Số: 12/TTr-TCHCQT"
  "phong-kinh-te|TỜ TRÌNH|BIÊN BẢN|Lò Thị Xuân|Quàng Văn Toàn|Số: 08/TTr-KTTH|TRƯỞNG PHÒNG|Cầm Thị Lan"
)
COMMON=("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "Độc lập - Tự do - Hạnh phúc")

cat > "$WORK/read_docx.py" <<'PY'
"""Reads a DOCX with python-docx: every text (paragraphs, tables, nested tables), the sections' pages."""
import sys
import docx

path, papers, texts = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
document = docx.Document(path)
found = []

def walk(container):
    for paragraph in container.paragraphs:
        found.append(paragraph.text)
    for table in container.tables:
        for row in table.rows:
            for cell in row.cells:
                walk(cell)

walk(document)
everything = " ".join(" ".join(found).split())
missing = [text for text in texts if text not in everything]
assert not missing, f"{path}: python-docx does not find {missing}"
assert len(document.sections) == papers, f"{path}: {len(document.sections)} sections, expected {papers} (one per paper)"
for section in document.sections:
    size = (round(section.page_width.mm), round(section.page_height.mm))
    margins = tuple(round(m.mm) for m in (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin))
    assert size == (210, 297), f"{path}: page {size} mm, not A4"
    assert 20 <= margins[0] <= 25 and 20 <= margins[1] <= 25 and 30 <= margins[2] <= 35 and 15 <= margins[3] <= 20, f"margins {margins}"
styles = {style.name for style in document.styles}
assert {"Normal", "Title", "Heading 1"} <= styles, styles
print(f"   python-docx: {len(found)} paragraphs, {len(document.sections)} sections, every text found")
PY

# Checks a PDF: A4, at least PAPERS pages, every text found, titles on increasing pages.
check_pdf() {
  local pdf=$1 papers=$2
  shift 2
  local info pages
  info=$(pdfinfo "$pdf")
  grep -Eq "Page size: +59[45](\.[0-9]+)? x 84[12](\.[0-9]+)? pts \(A4\)" <<<"$info" || { echo "$pdf is not A4: $(grep 'Page size' <<<"$info")" >&2; return 1; }
  pages=$(awk '/^Pages:/ {print $2}' <<<"$info")
  [ "$pages" -ge "$papers" ] || { echo "$pdf has $pages pages, fewer than its $papers papers" >&2; return 1; }
  local all
  all=$(pdftotext -enc UTF-8 "$pdf" - | tr -s ' \n\f' '  ')
  for text in "$@"; do
    grep -qF -- "$text" <<<"$all" || { echo "$pdf: pdftotext does not find \"$text\"" >&2; return 1; }
  done
  # Each paper starts on a new page: the page of each title comes after the previous one's.
  local previous=0 title page
  for title in "TỜ TRÌNH" "BIÊN BẢN" "BÁO CÁO THÀNH TÍCH"; do
    grep -qF "$title" <<<"$all" || continue
    for ((page = 1; page <= pages; page++)); do
      pdftotext -enc UTF-8 -f "$page" -l "$page" "$pdf" - | grep -qxF "$title" && break
    done
    [ "$page" -gt "$previous" ] || { echo "$pdf: $title on page $page, not after page $previous" >&2; return 1; }
    previous=$page
  done
  echo "   $(basename "$pdf"): A4, $pages pages, every text found, each paper on its own page"
}
export -f check_pdf

for example in "${EXAMPLES[@]}"; do
  IFS='|' read -r -a fields <<<"$example"
  name=${fields[0]}
  texts=("${fields[@]:1}" "${COMMON[@]}")
  papers=$(grep -c "^# " "$ROOT/Examples/$name.hoso")
  step 60 "hoso export $name (docx, html)" bash -c \
    "'$BIN' export '$ROOT/Examples/$name.hoso' -o '$WORK/$name.docx' && '$BIN' export '$ROOT/Examples/$name.hoso' -o '$WORK/$name.html'"
  step 60 "python-docx reads $name.docx" python3 "$WORK/read_docx.py" "$WORK/$name.docx" "$papers" "${texts[@]}"
  # A profile of its own, so a LibreOffice already running elsewhere cannot interfere.
  step 240 "LibreOffice converts $name.docx to PDF" soffice -env:UserInstallation="file://$WORK/lo-profile" --headless \
    --convert-to pdf --outdir "$WORK" "$WORK/$name.docx"
  step 60 "pdfinfo and pdftotext on $name.pdf" check_pdf "$WORK/$name.pdf" "$papers" "${texts[@]}"
  if command -v chromium >/dev/null; then
    step 180 "Chromium prints $name.html to PDF" chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
      --user-data-dir="$WORK/chromium" --print-to-pdf="$WORK/$name-html.pdf" "file://$WORK/$name.html"
    step 60 "pdfinfo and pdftotext on $name-html.pdf" check_pdf "$WORK/$name-html.pdf" "$papers" "${texts[@]}"
  fi
done

if [ -n "${HOSO_PICTURES:-}" ]; then
  mkdir -p "$HOSO_PICTURES"
  pdftoppm -png -r 60 -f 1 -l 1 "$WORK/phong-tchcqt.pdf" "$WORK/tt" && mv "$WORK"/tt-*1.png "$HOSO_PICTURES/to-trinh-trang-1.png"
  pdftoppm -png -r 60 -f 2 -l 2 "$WORK/phong-tchcqt.pdf" "$WORK/bb" && mv "$WORK"/bb-*2.png "$HOSO_PICTURES/bien-ban-trang-1.png"
  pdftoppm -png -r 60 -f 3 -l 3 "$WORK/phong-tchcqt.pdf" "$WORK/bc" && mv "$WORK"/bc-*3.png "$HOSO_PICTURES/bao-cao-trang-1.png"
  echo "   pictures written to $HOSO_PICTURES"
fi
echo "export: real readers passed"
