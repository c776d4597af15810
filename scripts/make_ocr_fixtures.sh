#!/usr/bin/env bash
# Makes the small OCR fixtures of tests/fixtures/scan/ from files in the repository, the same bytes every run
# (poppler's pdftoppm, img2pdf, qpdf: apt-get install poppler-utils img2pdf qpdf):
#   scan-lines.png     two item lines cropped from page 2 of the scan of sample 004 (150 dpi, ~1 s of Tesseract)
#   one-image-page.pdf page 1 of sample 000's text PDF, then scan-lines.png as a page of its own (an image that
#                      covers its page: handed to Tesseract as it is)
#   mixed-page.pdf     page 5 of sample 004's text PDF with scan-lines.png drawn in its empty lower half
#                      (a text page with a scanned part: the page is rendered and only the image's words are added)
set -euo pipefail
cd "$(dirname "$0")/.."
out=tests/fixtures/scan
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=0
pdftoppm -r 150 -f 2 -l 2 -x 140 -y 160 -W 980 -H 110 -png -singlefile "$out/004_1f00e35fffe70a01.scan.pdf" "$work/lines"
cp "$work/lines.png" "$out/scan-lines.png"
img2pdf --creationdate "@0" --moddate "@0" "$out/scan-lines.png" -o "$work/image-page.pdf"
qpdf --deterministic-id --empty --pages corpus/bulletins/pdf/000_7f4eaa1b27befe4b.cairo.pdf 1 "$work/image-page.pdf" 1 -- "$out/one-image-page.pdf"
img2pdf --creationdate "@0" --moddate "@0" --pagesize A4 --imgsize 166mmx19mm "$out/scan-lines.png" -o "$work/image-a4.pdf"
qpdf --deterministic-id --empty --pages corpus/bulletins/pdf/004_1f00e35fffe70a01.cairo.pdf 5 -- "$work/text-page.pdf"
qpdf --deterministic-id "$work/text-page.pdf" --overlay "$work/image-a4.pdf" -- "$out/mixed-page.pdf"
ls -l "$out/scan-lines.png" "$out/one-image-page.pdf" "$out/mixed-page.pdf"
