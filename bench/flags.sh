#!/bin/sh
# flags.sh - does the speed of qcc's generated C hang on the compiler and
# its flags? Per model and target, the same .c built by gcc and clang with
# -O2, -O3 and -O3 -march=native (bench/qcc_bench_main.c), timed, and the
# slowest / fastest of the six (the target's kernels carry their
# instruction set, so this should stay below 1.3).
#
#   bench/flags.sh [MODEL.onnx ...]
#
# Default models: mlp, cnn_bn and mobilenet_ish from ../shared/models. A
# model's calib.npy beside it is used, else CALIB. Environment: QCC
# (build/qcc), SHARED (../shared), CALIB, RUNS (2000), STAT (median or
# min), TARGETS (default: every target of `qcc --list-targets`; one this
# machine cannot run shows "-"). Not part of CTest.
set -e
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"
RUNS=${RUNS:-2000}
[ $# -gt 0 ] || set -- $SHARED/models/mlp.onnx $SHARED/models/cnn_bn.onnx \
	$SHARED/models/mobilenet_ish.onnx
TARGETS=${TARGETS:-$(list_targets)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "$STAT us of $RUNS runs; load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-16s %-16s %9s %9s %9s %9s %9s %9s %8s\n' model target \
	"gcc -O2" "gcc -O3" "gcc nat" "clang -O2" "clang -O3" "clang nat" \
	slow/fast
for m in "$@"; do
	name=$(basename "$m" .onnx | tr . _)
	calib=$(model_calib "$m")
	"$QCC" "$m" --calib "$calib" --emit=ir -o "$work/${name}_q.g"
	for t in $TARGETS; do
		tn=$(echo "$t" | tr - _)
		"$QCC" "$work/${name}_q.g" -o "$work/${name}_$tn.c" --name "$name" \
			--target "$t"
		line=""
		for cc in gcc clang; do
			for fl in "-O2" "-O3" "-O3 -march=native"; do
				us=-
				if $cc -std=c99 $fl -I"$work" \
					-DQCC_MODEL_HEADER="\"${name}_$tn.h\"" "$work/${name}_$tn.c" \
					"$here/qcc_bench_main.c" -o "$work/b" 2>/dev/null; then
					us=$("$work/b" "$RUNS" 2>/dev/null | pick) || us=-
					[ -n "$us" ] || us=-
				fi
				line="$line $us"
			done
		done
		printf '%-16s %-16s' "$name" "$t"
		printf ' %9s' $line
		echo "$line" | awk '{ lo = ""; hi = ""; for (i = 1; i <= NF; i++)
			if ($i != "-") { if (lo == "" || $i < lo) lo = $i;
			if (hi == "" || $i > hi) hi = $i }
			if (lo == "") print "        -"; else printf " %8.2f\n", hi / lo }'
	done
done
