#!/bin/sh
# conform_bench.sh CONFORM_GEN PCAP_LOOP MIPCONFORM
#
# mipconform against its peers on a generated ~1 GiB capture of small
# Mobile IP packets with realistic state (bench/conform_gen.c: 100k mobile
# nodes), all in this one run (ninja -C build conform-bench):
#   (a) a bare libpcap read loop (pcap_next_ex, 1 MiB setvbuf buffer),
#       the baseline; (a') the same loop over libmipwire's own reader (the
#       mmap walker mipconform uses for classic pcap files), for reference,
#   (b) mipconform on the same file, with one thread and with two
#       (--threads: reading, decoding and per-packet rules on the second),
#   (c) tshark -q -z io,stat,0,"mip.type==1 || mip6.mhtype==5" (the fairest
#       tshark-as-checker peer, performance-baselines.md B1), on the whole
#       file when that takes at most TSHARK_MAX seconds (default 240), else
#       on a slice,
# and mipconform's peak RSS on the file and on the same traffic 10x longer
# (generated into a pipe: no 10 GB on disk). Rates are packets per second
# of wall time of the whole process (median of RUNS runs, default 3).
# Writes the capture to BENCH_DIR (default: the current directory) and
# deletes it at the end. Exit status 0 even when targets are not met.
set -eu

GEN=$1
LOOP=$2
MIPCONFORM=$3
DIR=${BENCH_DIR:-$(pwd)}
RUNS=${RUNS:-3}
BYTES=${BENCH_BYTES:-1073741824}
TSHARK_MAX=${TSHARK_MAX:-240}
F="$DIR/conform-bench-$$.pcap"
S="$DIR/conform-bench-$$-slice.pcap"
T="$DIR/conform-bench-$$.time"
trap 'rm -f "$F" "$S" "$T"' EXIT INT TERM

avail=$(df -P -B1 "$DIR" | awk 'NR == 2 { print $4 }')
if [ "$avail" -lt $((BYTES + BYTES / 4)) ]; then
	echo "conform_bench: not enough room in $DIR ($avail bytes free); set BENCH_DIR" >&2
	exit 1
fi

now() { date +%s.%N; }
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
fmt_rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.3f", n / s / 1e6 }'; }

echo "== generating $BYTES bytes into $DIR"
t0=$(now)
"$GEN" -b "$BYTES" -o "$F" 2>"$T"
cat "$T"
PKTS=$(sed -n 's/^conform_gen: \([0-9]*\) packets.*/\1/p' "$T")
echo "   $(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }') s"
cat "$F" > /dev/null    # warm the page cache: every reader below reads it warm

echo "== (a) bare libpcap loop, $RUNS runs"
: > "$T.a"
for i in $(seq "$RUNS"); do
	"$LOOP" "$F" | awk '{ print $2 }' | tee -a "$T.a" | sed 's/^/   s: /'
done
LOOP_S=$(median < "$T.a")

echo "== (a') libmipwire reader loop (mmap), $RUNS runs"
: > "$T.a"
for i in $(seq "$RUNS"); do
	"$LOOP" -m "$F" | awk '{ print $2 }' | tee -a "$T.a" | sed 's/^/   s: /'
done
MW_S=$(median < "$T.a")

# mipconform -j THREADS, RUNS times: the median seconds in MC_S, the peak
# RSS in RSS_PEAK (the highest of the runs)
run_mipconform() {
	echo "== (b) mipconform --threads $1, $RUNS runs"
	RSS_PEAK=0
	: > "$T.b"
	for i in $(seq "$RUNS"); do
		a=$(now)
		rc=0
		/usr/bin/time -f "%M %U %S" -o "$T" "$MIPCONFORM" -j "$1" "$F" > "$T.report" || rc=$?
		b=$(now)
		if [ "$rc" -gt 1 ]; then
			echo "conform_bench: mipconform failed (exit $rc)" >&2
			exit 1
		fi
		el=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.3f", b - a }')
		echo "$el" >> "$T.b"
		read -r rss us ss < "$T"
		echo "   s: $el (user $us, sys $ss), peak RSS $rss KB"
		[ "$rss" -gt "$RSS_PEAK" ] && RSS_PEAK=$rss
	done
	MC_S=$(median < "$T.b")
	head -1 "$T.report" | sed 's/^/   report: /'
	rm -f "$T.a" "$T.b" "$T.report"
}
run_mipconform 1
MC1_S=$MC_S
run_mipconform 2
MC2_S=$MC_S
RSS1=$RSS_PEAK     # two threads: the memory flatness is judged on them

echo "== (c) tshark -q -z io,stat,0,\"mip.type==1 || mip6.mhtype==5\""
TS_NOTE=""
if command -v tshark > /dev/null; then
	# estimate on a 20 MB slice, then the whole file if it fits the budget
	head -c 20000000 "$F" > "$S"
	a=$(now)
	tshark -r "$S" -q -z 'io,stat,0,mip.type==1 || mip6.mhtype==5' > /dev/null 2>&1 || true
	b=$(now)
	TS_PK=$("$LOOP" "$S" | awk '{ print $1 }')
	TS_S=$(awk -v a="$a" -v b="$b" 'BEGIN { print b - a }')
	est=$(awk -v s="$TS_S" -v p="$TS_PK" -v n="$PKTS" 'BEGIN { printf "%.0f", s * n / p }')
	if [ "$est" -le "$TSHARK_MAX" ]; then
		a=$(now)
		tshark -r "$F" -q -z 'io,stat,0,mip.type==1 || mip6.mhtype==5' > /dev/null 2>&1 || true
		b=$(now)
		TS_PK=$PKTS
		TS_S=$(awk -v a="$a" -v b="$b" 'BEGIN { print b - a }')
		TS_NOTE="whole file"
	else
		TS_NOTE="20 MB slice ($TS_PK packets): the whole file would take about $est s"
	fi
	rm -f "$S"
	echo "   $TS_PK packets in $TS_S s ($TS_NOTE)"
else
	echo "   tshark not installed: skipped"
fi

echo "== mipconform --threads 2 peak RSS on the same traffic 10x longer (generator -> pipe)"
a=$(now)
rc=0
"$GEN" -b $((BYTES * 10)) -o - 2>"$T.gen" |
	/usr/bin/time -f "%M" -o "$T" "$MIPCONFORM" -j 2 - > /dev/null || rc=$?
b=$(now)
sed 's/^/   /' "$T.gen"
rm -f "$T.gen"
RSS10=$(cat "$T")
echo "   peak RSS $RSS10 KB ($(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.0f", b - a }') s)"

echo
echo "== results: $PKTS packets, $BYTES bytes"
LOOP_R=$(fmt_rate "$PKTS" "$LOOP_S")
MC1_R=$(fmt_rate "$PKTS" "$MC1_S")
MC2_R=$(fmt_rate "$PKTS" "$MC2_S")
printf '   %-34s %8.3f s  %7s Mpps\n' "(a) bare libpcap loop" "$LOOP_S" "$LOOP_R"
printf '   %-34s %8.3f s  %7s Mpps  (reference)\n' "(a') libmipwire mmap reader loop" "$MW_S" "$(fmt_rate "$PKTS" "$MW_S")"
printf '   %-34s %8.3f s  %7s Mpps\n' "(b) mipconform, one thread" "$MC1_S" "$MC1_R"
printf '   %-34s %8.3f s  %7s Mpps\n' "(b) mipconform, two threads" "$MC2_S" "$MC2_R"
if [ -n "$TS_NOTE" ]; then
	TS_R=$(fmt_rate "$TS_PK" "$TS_S")
	printf '   %-34s %8.3f s  %7s Mpps  (%s)\n' "(c) tshark io,stat filter" "$TS_S" "$TS_R" "$TS_NOTE"
fi
RATIO1=$(awk -v a="$MC1_R" -v b="$LOOP_R" 'BEGIN { printf "%.3f", a / b }')
RATIO2=$(awk -v a="$MC2_R" -v b="$LOOP_R" 'BEGIN { printf "%.3f", a / b }')
echo "   mipconform / bare loop: $RATIO1 (one thread), $RATIO2 (two threads)"
[ -n "$TS_NOTE" ] && echo "   mipconform / tshark:    $(awk -v a="$MC2_R" -v b="$TS_R" 'BEGIN { printf "%.1f", a / b }')x (two threads)"
echo "   mipconform --threads 2 peak RSS: $RSS1 KB (1x), $RSS10 KB (10x longer)"
echo
verdict() { if [ "$1" = 1 ]; then echo met; else echo "NOT met"; fi; }
echo "target >= 5 Mpps on one core:            $(verdict "$(awk -v r="$MC1_R" 'BEGIN { print (r >= 5) }')") ($MC1_R Mpps with one thread)"
echo "target >= 70% of the bare loop:          one thread $(verdict "$(awk -v r="$RATIO1" 'BEGIN { print (r >= 0.70) }')") ($RATIO1), two threads $(verdict "$(awk -v r="$RATIO2" 'BEGIN { print (r >= 0.70) }')") ($RATIO2)"
echo "target peak RSS flat at 10x (<= +10%):   $(verdict "$(awk -v a="$RSS1" -v b="$RSS10" 'BEGIN { print (b <= a * 1.10) }')") ($RSS1 -> $RSS10 KB)"
