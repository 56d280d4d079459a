# Shared by the ensure-*.sh scripts (sourced, not run): install Debian packages a feature needs when
# they are missing. Quiet when a check passes; installs with apt-get when we are root; otherwise says
# what to run. It never fails the build: without the packages their feature refuses or its tests skip.
#
#   apt_ensure TAG "what is missing" "what happens without them" "check command" PACKAGE...
apt_ensure() {
    tag=$1; missing=$2; without=$3; check=$4
    shift 4
    packages="$*"
    if sh -c "$check" >/dev/null 2>&1; then
        return 0
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "$tag: $missing and apt-get is not available; install $packages with your package manager." >&2
        return 0
    fi
    if [ "$(id -u)" -ne 0 ]; then
        echo "$tag: $missing; $without." >&2
        echo "  To install them: sudo apt-get update && sudo apt-get install -y $packages" >&2
        return 0
    fi
    echo "$tag: installing $packages..." >&2
    # shellcheck disable=SC2086  # the package list is meant to split
    if DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 \
            && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $packages >/dev/null 2>&1 \
            && sh -c "$check" >/dev/null 2>&1; then
        echo "$tag: installed $packages." >&2
    else
        echo "$tag: apt-get could not install $packages; $without." >&2
    fi
    return 0
}
