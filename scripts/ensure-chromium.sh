#!/bin/sh
# Makes sure Debian's Chromium is at /usr/bin/chromium for the browser tests (tests/browser),
# with one Chinese font so the screenshots in docs/screenshots show names instead of boxes.
# Quiet and quick when both are there; installs them with apt-get when we are root; otherwise
# says what to run. The tests skip themselves when Chromium is missing, so this script never
# fails the build.
set -u

CHROMIUM=/usr/bin/chromium
PACKAGES="chromium fonts-wqy-microhei"

has_chinese_font() {
    # Without fontconfig's tools we cannot tell; do not reinstall on every run.
    command -v fc-list >/dev/null 2>&1 || return 0
    [ -n "$(fc-list :lang=zh family 2>/dev/null | head -n 1)" ]
}

if [ -x "$CHROMIUM" ] && has_chinese_font; then
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-chromium: $CHROMIUM or a Chinese font is missing and apt-get is not available;" >&2
    echo "  install Chromium with your system's package manager to run the browser tests." >&2
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "ensure-chromium: $CHROMIUM or a Chinese font is missing; browser tests skip without Chromium." >&2
    echo "  To run them: sudo apt-get update && sudo apt-get install -y $PACKAGES" >&2
    exit 0
fi

echo "ensure-chromium: installing $PACKAGES for the browser tests..." >&2
export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086  # the package list is meant to split
if apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq $PACKAGES >/dev/null 2>&1; then
    echo "ensure-chromium: installed $("$CHROMIUM" --version 2>/dev/null || echo chromium)." >&2
else
    echo "ensure-chromium: apt-get could not install $PACKAGES; browser tests will be skipped." >&2
fi
exit 0
