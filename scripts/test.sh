#!/bin/sh
# The whole test suite: install what is missing, build (with -Werror), run
# every test, then build again with AddressSanitizer + UBSan and run the
# suite there too. Ends with one line: "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
sh scripts/deps.sh || { echo "mipkit: could not install dependencies" >&2; exit 2; }

JOBS=${JOBS:-$(nproc)}
status=0
total_ok=0
total_fail=0

# run_suite DIR [meson setup args...]
run_suite() {
	dir=$1; shift
	if [ ! -f "$dir/build.ninja" ]; then
		meson setup "$dir" --buildtype=debugoptimized -Dwerror=true "$@" >"$dir.setup.log" 2>&1 ||
			{ cat "$dir.setup.log"; return 1; }
	fi
	ninja -C "$dir" -j "$JOBS" || return 1
	meson test -C "$dir" --num-processes "$JOBS" --print-errorlogs
	rc=$?
	# Count from meson's own JSON log: one object per test.
	counts=$(python3 -c '
import json, sys
ok = fail = 0
for line in open(sys.argv[1]):
    r = json.loads(line).get("result")
    if r in ("OK", "EXPECTEDFAIL"): ok += 1
    else: fail += 1
print(ok, fail)' "$dir/meson-logs/testlog.json")
	total_ok=$((total_ok + ${counts% *}))
	total_fail=$((total_fail + ${counts#* }))
	return $rc
}

echo "== build and test (gcc, -Werror)"
run_suite build || status=1
echo "== build and test (AddressSanitizer + UndefinedBehaviorSanitizer)"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	run_suite build-asan -Db_sanitize=address,undefined -Db_lundef=false -Ddissector=disabled || status=1

[ "$total_fail" -eq 0 ] || status=1
echo "$total_ok passed, $total_fail failed"
exit $status
