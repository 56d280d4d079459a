#!/bin/sh
# The dev extras' followthemoney (which the tests use to validate the FtM export) pulls in PyICU,
# built from source against ICU's headers: Debian's libicu-dev and pkg-config. Without them pip
# fails with its own message.
set -u
. "$(dirname "$0")/apt-ensure.sh"
apt_ensure ensure-icu "ICU's headers are missing" "PyICU (for the tests' followthemoney) will not build" \
    "command -v pkg-config && pkg-config --exists icu-uc" libicu-dev pkg-config
exit 0
