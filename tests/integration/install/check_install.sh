#!/bin/sh
# `meson install` into a scratch root, then build docs/example.c against the
# installed headers and library through pkg-config only, and run it on a
# sample capture: what another project linking libmipwire does.
set -eu
build=$1 src=$2 sanitize=${3:-none}
# a sanitized library needs a sanitized program in front of it (ASan's
# runtime must come first)
san=""
[ "$sanitize" = none ] || san="-fsanitize=$sanitize"
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
meson install -C "$build" --no-rebuild --destdir "$root" --quiet >/dev/null
pc=$(dirname "$(find "$root" -name libmipwire.pc | head -n 1)")
[ -n "$pc" ] || { echo "libmipwire.pc was not installed"; exit 1; }
export PKG_CONFIG_PATH="$pc" PKG_CONFIG_SYSROOT_DIR="$root"
# (pkg-config prepends the sysroot to its variables)
test -f "$(pkg-config --variable=includedir libmipwire)/mipwire/mipwire.h"
cc -Wall -Wextra -Werror $san -o "$root/example" "$src/docs/example.c" \
	$(pkg-config --cflags --libs libmipwire)
libdir="$(pkg-config --variable=libdir libmipwire)"
out=$(LD_LIBRARY_PATH="$libdir" "$root/example" "$src/captures/mip4-registration.pcap")
echo "$out" | head -n 5
echo "$out" | grep -q "Registration Request" || { echo "example found no Registration Request"; exit 1; }
echo "$out" | grep -q "Registration Reply" || { echo "example found no Registration Reply"; exit 1; }
# the tools are installed too
find "$root" -name mipdump -type f | grep -q . || { echo "mipdump was not installed"; exit 1; }
find "$root" -name mipconform.1 | grep -q . || { echo "man pages were not installed"; exit 1; }
