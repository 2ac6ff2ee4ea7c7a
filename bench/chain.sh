#!/bin/sh
# chain.sh - how qcc's time grows with the node count: generated `.g` chains
# of N nodes (default 1000 10000 100000) through `--emit=ir` and through
# `--calib CALIB -o m.c`. Prints seconds and microseconds per node for each
# size, and the CPU model. Not part of CTest; no timing is asserted.
#
#   bench/chain.sh [N ...]
#
# Two chains per size:
#   relu    x -> relu -> relu -> ... (N nodes)
#   conv    N/2 blocks of conv2d(1x1, constant weights and bias) + add of a
#           constant, so that calibration, quantize and codegen see N nodes
# Environment: QCC (the binary; default build/qcc), TMP (work directory;
# default a fresh mktemp -d, removed at the end), PY (/usr/bin/python3, to
# write the calibration .npy), LIMIT (seconds before a run is stopped and
# reported as "timeout"; default 300).
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
QCC=${QCC:-$root/build/qcc}
PY=${PY:-/usr/bin/python3}
LIMIT=${LIMIT:-300}
[ $# -gt 0 ] || set -- 1000 10000 100000
work=${TMP:-$(mktemp -d)}
trap '[ -n "$TMP" ] || rm -rf "$work"' EXIT

relu_chain() {  # N
	awk -v n="$1" 'BEGIN {
		print "model chain\n\ninput x : f32[1,8]\n"
		p = "x"
		for (i = 1; i <= n; i++) {
			printf "%sr%d = relu(%s)\n", i == n ? "output " : "", i, p
			p = "r" i
		}
	}'
}

conv_chain() {  # N: N/2 conv2d + add pairs on [1,2,2,2]
	awk -v n="$1" 'BEGIN {
		print "model convchain\n\ninput x : f32[1,2,2,2]\n"
		print "const w : f32[2,2,1,1] = [0.5, 0.25, -0.25, 0.5]"
		print "const b : f32[2] = [0.125, -0.125]"
		print "const k : f32[1,2,1,1] = [0.0625, -0.0625]\n"
		p = "x"; m = int(n / 2)
		for (i = 1; i <= m; i++) {
			printf "c%d = conv2d(%s, w, b)\n", i, p
			printf "%sa%d = add(c%d, k)\n", i == m ? "output " : "", i, i
			p = "a" i
		}
	}'
}

# seconds of wall time for one command, "timeout" or "fail"
timed() {
	s=$(date +%s.%N)
	rc=0
	timeout "$LIMIT" "$@" >/dev/null 2>"$work/err" || rc=$?
	e=$(date +%s.%N)
	if [ $rc -eq 0 ]; then
		echo "$s $e" | awk '{ printf "%.3f", $2 - $1 }'
	elif [ $rc -eq 124 ]; then
		echo timeout
	else
		echo fail
	fi
}

row() {  # what N seconds
	if [ "$3" = timeout ]; then
		printf '%-16s %8d %10s %12s\n' "$1" "$2" ">$LIMIT" -
	elif [ "$3" = fail ]; then
		printf '%-16s %8d %10s %12s   (%s)\n' "$1" "$2" fail - \
			"$(head -c 120 "$work/err" | tr '\n' ' ')"
	else
		printf '%-16s %8d %10s %12s\n' "$1" "$2" "$3" \
			"$(echo "$3 $2" | awk '{ printf "%.2f", 1e6 * $1 / $2 }')"
	fi
}

"$PY" -c "import numpy as np; r = np.random.default_rng(0)
np.save('$work/calib.npy', r.standard_normal((16, 1, 2, 2, 2)).astype('f4'))
np.save('$work/calib8.npy', r.standard_normal((16, 1, 8)).astype('f4'))"

echo "cpu: $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)"
echo "qcc: $QCC"
printf '%-16s %8s %10s %12s\n' what nodes seconds "us/node"
for n in "$@"; do
	relu_chain "$n" >"$work/relu$n.g"
	conv_chain "$n" >"$work/conv$n.g"
	row "relu --emit=ir" "$n" \
		"$(timed "$QCC" "$work/relu$n.g" --emit=ir -o "$work/out.g")"
	row "relu --calib" "$n" "$(timed "$QCC" "$work/relu$n.g" \
		--calib "$work/calib8.npy" -o "$work/m.c")"
	row "conv --emit=ir" "$n" \
		"$(timed "$QCC" "$work/conv$n.g" --emit=ir -o "$work/out.g")"
	row "conv --calib" "$n" "$(timed "$QCC" "$work/conv$n.g" \
		--calib "$work/calib.npy" -o "$work/m.c")"
done
