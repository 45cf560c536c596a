#!/bin/sh
# The main job on shipped sample data: install what is missing, build, and
# check the sample captures in captures/ with mipconform (authenticators
# verified with captures/samples.keys). Extra arguments go to mipconform,
# e.g. --format json.
set -eu
cd "$(dirname "$0")/.."
sh scripts/deps.sh
[ -f build/build.ninja ] || meson setup build --buildtype=debugoptimized >/dev/null
ninja -C build >/dev/null
exec build/conformance/mipconform --keys captures/samples.keys "$@" captures/*.pcap
