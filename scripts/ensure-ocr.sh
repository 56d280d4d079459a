#!/bin/sh
# Makes sure Tesseract and its Simplified Chinese model are installed, for scanned e-paper pages
# (loaders/ocr.py) and the tests that read one (tests/test_pdf.py). Quiet and quick when both are
# there; installs them with apt-get when we are root; otherwise says what to run. Without them a
# scanned PDF is refused with that reason and its tests skip, so this script never fails the build.
set -u

PACKAGES="tesseract-ocr tesseract-ocr-chi-sim"

has_chinese_model() {
    command -v tesseract >/dev/null 2>&1 || return 1
    tesseract --list-langs 2>/dev/null | grep -qx chi_sim
}

if has_chinese_model; then
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-ocr: Tesseract with its chi_sim model is missing and apt-get is not available;" >&2
    echo "  install them with your system's package manager to read scanned PDFs." >&2
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "ensure-ocr: Tesseract with its chi_sim model is missing; scanned PDFs are refused without it." >&2
    echo "  To read them: sudo apt-get update && sudo apt-get install -y $PACKAGES" >&2
    exit 0
fi

echo "ensure-ocr: installing $PACKAGES for scanned PDFs..." >&2
export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086  # the package list is meant to split
if apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq --no-install-recommends $PACKAGES >/dev/null 2>&1 \
        && has_chinese_model; then
    echo "ensure-ocr: installed $(tesseract --version 2>/dev/null | head -n 1)." >&2
else
    echo "ensure-ocr: apt-get could not install $PACKAGES; scanned PDFs will be refused." >&2
fi
exit 0
