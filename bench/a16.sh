#!/bin/sh
# a16.sh - mobilenet_ish with 16-bit activations: all of them
# (--act-bits 16), the depthwise/pointwise blocks alternating (the
# mobilenet_ish_mix test's --act-bits 16=...), and all 8-bit for
# reference, for every x86 target and generic, one thread, batch 1.
#
#   bench/a16.sh [MODEL.onnx]      (default: $SHARED/models/mobilenet_ish.onnx)
#
# Environment: QCC, SHARED, CALIB, STAT as bench.sh (bench/common.sh);
# RUNS (3000), CC (gcc), QCC_CFLAGS (-O2). One line per widths and target:
# the microseconds (STAT of RUNS runs, bench/qcc_bench_main.c). Not part
# of CTest.
set -e
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"
RUNS=${RUNS:-3000}
CC=${CC:-gcc}
QCC_CFLAGS=${QCC_CFLAGS:--O2}
m=${1:-$SHARED/models/mobilenet_ish.onnx}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mix=16=input,b1_dw_Conv_output_0,b2_dw_Conv_output_0,b3_pw_Conv_output_0
mix=$mix,b4_pw_Conv_output_0,logits
echo "$(basename "$m"); $CC $QCC_CFLAGS; $STAT of $RUNS runs; load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-6s %-16s %10s\n' acts target us
for w in a16 mix a8; do
	case $w in
	a16) opts="--act-bits 16" ;;
	mix) opts="--act-bits $mix" ;;
	a8) opts= ;;
	esac
	"$QCC" "$m" --calib "$(model_calib "$m")" $opts --emit=ir -o "$work/$w.g"
	for t in generic x86-avx2 x86-avx512-vnni; do
		tn=$(echo "$t" | tr - _)
		us=-
		if "$QCC" "$work/$w.g" -o "$work/${w}_$tn.c" --name m --target "$t" &&
			$CC -std=c99 $QCC_CFLAGS -I"$work" \
			-DQCC_MODEL_HEADER="\"${w}_$tn.h\"" "$work/${w}_$tn.c" \
			"$here/qcc_bench_main.c" -o "$work/$w.$tn" 2>/dev/null; then
			us=$("$work/$w.$tn" "$RUNS" 2>/dev/null | pick) || us=-
		fi
		printf '%-6s %-16s %10s\n' "$w" "$t" "${us:--}"
	done
done
