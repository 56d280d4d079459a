#!/bin/sh
# Makes sure Tesseract and its Simplified Chinese model are installed, for scanned e-paper pages
# (loaders/ocr.py) and the tests that read one (tests/test_pdf.py). Without them a scanned PDF is
# refused with that reason and its tests skip, so this script never fails the build.
set -u
. "$(dirname "$0")/apt-ensure.sh"
apt_ensure ensure-ocr "Tesseract with its chi_sim model is missing" "scanned PDFs are refused without it" \
    "command -v tesseract && tesseract --list-langs 2>/dev/null | grep -qx chi_sim" \
    tesseract-ocr tesseract-ocr-chi-sim
exit 0
