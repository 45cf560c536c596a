#!/bin/sh
# Install the Debian 12 packages mipkit needs, only those missing.
# Uses sudo only when not root. Safe to run repeatedly.
set -eu

PKGS="meson ninja-build pkg-config gcc libc6-dev libpcap-dev libnet1-dev
libglib2.0-dev libcunit1-dev wireshark-dev libwireshark-dev tshark
python3 python3-scapy iproute2 util-linux"

missing=""
for p in $PKGS; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "mipkit: installing missing Debian packages:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
# tshark asks whether non-root users may capture; answer no, quietly.
echo "wireshark-common wireshark-common/install-setuid boolean false" | $SUDO debconf-set-selections
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
