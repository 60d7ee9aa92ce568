#!/bin/sh
# Installs the Debian 12 packages kg builds with, when any is missing (needs root or sudo).
set -eu
PKGS="cmake ninja-build g++ pkg-config librocksdb-dev libicu-dev libre2-dev libabsl-dev \
libgtest-dev libgmock-dev libbenchmark-dev nlohmann-json3-dev libedit-dev libgoogle-perftools-dev python3 \
libgraphviz-dev graphviz libcpp-httplib-dev raptor2-utils python3-networkx chromium wrk"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "installing:$missing" >&2
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
