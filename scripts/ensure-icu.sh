#!/bin/sh
# The dev extras' followthemoney (which the tests use to validate the FtM export) pulls in PyICU,
# built from source against ICU's headers: Debian's libicu-dev and pkg-config. Quiet when they are
# there; installs them with apt-get when we are root; otherwise says what to run and lets pip fail
# with its own message.
set -u

if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists icu-uc 2>/dev/null; then
    exit 0
fi
PACKAGES="libicu-dev pkg-config"
if ! command -v apt-get >/dev/null 2>&1 || [ "$(id -u)" -ne 0 ]; then
    echo "ensure-icu: ICU's headers are missing; PyICU (for the tests' followthemoney) will not build." >&2
    echo "  To install them: sudo apt-get update && sudo apt-get install -y $PACKAGES" >&2
    exit 0
fi
echo "ensure-icu: installing $PACKAGES for PyICU..." >&2
export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086  # the package list is meant to split
apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq $PACKAGES >/dev/null 2>&1 \
    || echo "ensure-icu: apt-get could not install $PACKAGES." >&2
exit 0
