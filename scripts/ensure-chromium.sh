#!/bin/sh
# Makes sure Debian's Chromium is at /usr/bin/chromium for the browser tests (tests/browser),
# with one Chinese font so the screenshots in docs/screenshots show names instead of boxes.
# The tests skip themselves when Chromium is missing, so this script never fails the build.
set -u
. "$(dirname "$0")/apt-ensure.sh"
# Without fontconfig's tools the font cannot be told; it is then not reinstalled on every run.
apt_ensure ensure-chromium "/usr/bin/chromium or a Chinese font is missing" "browser tests skip without Chromium" \
    "test -x /usr/bin/chromium && { ! command -v fc-list || [ -n \"\$(fc-list :lang=zh family 2>/dev/null | head -n 1)\" ]; }" \
    chromium fonts-wqy-microhei
exit 0
