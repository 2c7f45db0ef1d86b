#!/usr/bin/env bash
# Make sure the given Debian packages are installed; install the missing ones.
#
#   scripts/ensure-system-packages.sh PKG...
#
# Prints nothing when every package is already installed. Otherwise runs
# `apt-get update` once and installs only the missing packages, as root
# directly or through sudo for a non-root user.
set -euo pipefail

if [ "$#" -eq 0 ]; then
    echo "usage: $0 PKG..." >&2
    exit 2
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "error: dpkg-query not found; this script supports Debian-based systems only." >&2
    echo "       Install these packages by hand: $*" >&2
    exit 1
fi

missing=()
for pkg in "$@"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    if [ "$status" != "install ok installed" ]; then
        missing+=("$pkg")
    fi
done

if [ "${#missing[@]}" -eq 0 ]; then
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
else
    echo "error: missing system packages: ${missing[*]}" >&2
    echo "       Not running as root and sudo is not available. As root, run:" >&2
    echo "       apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
fi

echo "Installing system packages: ${missing[*]}" >&2
log=$(mktemp)
trap 'rm -f "$log"' EXIT
apt_opts=(-o DPkg::Lock::Timeout=300)
if ! "${sudo[@]}" apt-get "${apt_opts[@]}" update -qq >"$log" 2>&1 \
    || ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get "${apt_opts[@]}" install -y -q --no-install-recommends "${missing[@]}" >>"$log" 2>&1; then
    cat "$log" >&2
    echo "error: could not install system packages: ${missing[*]}" >&2
    exit 1
fi
