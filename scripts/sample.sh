#!/bin/sh
# The main job on shipped sample data: install what is missing, build, and
# decode the sample captures in captures/ with mipdump.
set -eu
cd "$(dirname "$0")/.."
sh scripts/deps.sh
[ -f build/build.ninja ] || meson setup build --buildtype=debugoptimized >/dev/null
ninja -C build >/dev/null
exec build/libmipwire/tools/mipdump captures/*.pcap
