#!/bin/sh
# captures/*.pcap are mkcaptures' output: regenerate them and compare byte
# for byte, so the shipped samples never drift from the builders.
set -eu
mk=$1 src=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$mk" "$out"
n=0
for f in "$out"/*.pcap; do
	name=$(basename "$f")
	if ! cmp -s "$f" "$src/captures/$name"; then
		echo "captures/$name differs from mkcaptures' output: run $mk $src/captures"
		exit 1
	fi
	n=$((n + 1))
done
[ "$n" -ge 4 ] || { echo "mkcaptures wrote $n captures, expected 4"; exit 1; }
echo "$n sample captures are current"
