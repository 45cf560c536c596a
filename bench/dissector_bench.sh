#!/bin/sh
# tshark -r F -V with the mipkit plugin vs the built-in mip dissector on the
# same capture (200,000 MIPv4 RRQ/RRP frames with HMAC-MD5 MN-HA
# authentication unless F is given), best of N runs each, ratio printed.
# Target (issue 3): plugin time <= 1.2 x built-in time. Not run by the
# test suite (timing on a shared machine).
#
#   bench/dissector_bench.sh [-b BUILD_DIR] [-n RUNS] [CAPTURE]
set -eu

build=build
runs=3
while getopts b:n: o; do
	case $o in
	b) build=$OPTARG ;;
	n) runs=$OPTARG ;;
	*) echo "usage: $0 [-b BUILD_DIR] [-n RUNS] [CAPTURE]" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))

plugin=$build/dissector/mipkit.so
[ -f "$plugin" ] || { echo "no $plugin: build first (ninja -C $build)" >&2; exit 1; }
work=$(mktemp -d /tmp/mipkit-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT INT TERM
chmod 755 "$work"
cap=${1:-$work/mip4-200k.pcap}

if [ $# -eq 0 ]; then
	/usr/bin/python3 - "$cap" <<'EOF'
import hmac, struct, sys
key = bytes(range(16))
out = open(sys.argv[1], "wb")
out.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
def csum(b):
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff
def frame(src, dst, payload):
    udp = struct.pack("!HHHH", 434, 434, 8 + len(payload), 0) + payload
    ph = bytes(src) + bytes(dst) + struct.pack("!BBH", 0, 17, len(udp))
    c = csum(ph + udp + b"\0" * (len(udp) % 2)) or 0xffff
    udp = udp[:6] + struct.pack("!H", c) + udp[8:]
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), 0, 0, 64, 17,
                     0, bytes(src), bytes(dst))
    ip = ip[:10] + struct.pack("!H", csum(ip)) + ip[12:]
    return b"\x02\0\0\0\0\x0b\x02\0\0\0\0\x0a\x08\x00" + ip + udp
def auth(msg):
    head = msg + struct.pack("!BBI", 32, 20, 256)
    return head + hmac.new(key, head, "md5").digest()
mn, ha, coa = [10, 1, 0, 10], [10, 1, 0, 1], [192, 0, 2, 1]
for i in range(100000):
    t = 1000 + i * 0.001
    rq = struct.pack("!BBH4s4s4sQ", 1, 0, 600, bytes(mn), bytes(ha),
                     bytes(coa), i + 1)
    rp = struct.pack("!BBH4s4sQ", 3, 0, 600, bytes(mn), bytes(ha), i + 1)
    for j, f in enumerate((frame(mn, ha, auth(rq)), frame(ha, mn, auth(rp)))):
        ts = t + j * 0.0005
        out.write(struct.pack("<IIII", int(ts), int((ts % 1) * 1e6), len(f),
                              len(f)))
        out.write(f)
EOF
fi
chmod 644 "$cap"
# the plugin verifies every authenticator of the generated capture
cat >"$work/keys.ini" <<'EOF2'
[mn-ha bench]
kind = mn-ha
spi = 256
algorithm = hmac-md5
key = hex:000102030405060708090a0b0c0d0e0f
EOF2

mkdir -p "$work/home-plugin/.local/lib/wireshark/plugins/4.0/epan" "$work/home-plain"
cp "$plugin" "$work/home-plugin/.local/lib/wireshark/plugins/4.0/epan/"
chmod -R a+rX "$work"

as_user() { # tshark ignores personal plugins when run as root
	home=$1; shift
	if [ "$(id -u)" = 0 ]; then
		setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME="$home" "$@"
	else
		env HOME="$home" "$@"
	fi
}

best() { # best wall time in seconds of $runs runs of: as_user HOME tshark ...
	home=$1; shift
	b=
	i=0
	while [ $i -lt "$runs" ]; do
		s=$(date +%s.%N)
		as_user "$home" tshark "$@" >/dev/null 2>&1
		e=$(date +%s.%N)
		t=$(awk -v s="$s" -v e="$e" 'BEGIN { printf "%.3f", e - s }')
		if [ -z "$b" ] || awk -v t="$t" -v b="$b" 'BEGIN { exit !(t < b) }'; then
			b=$t
		fi
		i=$((i + 1))
	done
	echo "$b"
}

as_user "$work/home-plugin" tshark -G plugins | grep -q '^mipkit.so' ||
	{ echo "plugin does not load" >&2; exit 1; }
frames=$(as_user "$work/home-plain" capinfos -c -M "$cap" 2>/dev/null | awk '/Number of packets/ {print $NF}')
echo "capture: $cap ($frames frames), best of $runs"
tb=$(best "$work/home-plain" -r "$cap" -V)
tp=$(best "$work/home-plugin" -r "$cap" -V -o "mipkit.keys_file:$work/keys.ini")
echo "built-in mip (-V): ${tb} s"
echo "mipkit plugin (-V, keys file: authenticators verified): ${tp} s"
echo "ratio plugin / built-in: $(awk -v p="$tp" -v b="$tb" 'BEGIN { printf "%.3f", p / b }') (target <= 1.2)"
