#!/bin/sh
# bench.sh - qcc's generated C, for every target this machine runs, against
# ONNX Runtime (fp32 and int8 QDQ) and PyTorch int8 (onednn), one thread,
# batch 1, in one run.
#
#   bench/bench.sh [MODEL.onnx ...]
#
# Default models: mlp, cnn_bn and mobilenet_ish from ../shared/models
# (SHARED overrides ../shared).
# Environment: QCC (the qcc binary; default build/qcc), CALIB (calibration
# .npy of models without a calib.npy beside them; default
# $SHARED/models/calib.npy), RUNS (3000), CACHE (where onnxruntime-node is
# installed with npm on first use; default $HOME/.cache/qcc-bench), CC
# (gcc), QCC_CFLAGS (-O2: the targets carry their instruction set), STAT
# (median, or min: the figure compared, the median of RUNS runs or their
# minimum, which a loaded machine disturbs less), PEERS (1; 0 times qcc
# alone).
#
# First bench/peak.c measures this core's int8 peak (the best of the
# multiply-add instructions it runs). Per model: the model's MACs
# (bench/macs.py); qcc MODEL --calib CALIB -o NAME.c --target T for every
# target of `qcc --list-targets`, compiled with QCC_CFLAGS and
# bench/qcc_bench_main.c (a target this compiler or CPU cannot run is
# shown as "-": the .c's #error, or the program killed by an illegal
# instruction); ORT fp32 on MODEL; ORT int8 on a QDQ model made by
# bench/make_qdq.py from MODEL (its .folded.onnx sibling when there is one,
# as ORT's quantizer wants BatchNorm folded) with min-max ranges over 100
# calibration samples; PyTorch int8 by bench/torch_int8.py.
#
# One line per model and engine: microseconds (STAT), GMAC/s, the share of
# the int8 peak, and best peer / this (> 1: this is faster than the best
# of ORT fp32, ORT int8 and PyTorch int8). A model PyTorch int8 cannot
# run shows "-" there, and the last line of its error after the table.
set -e
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"
RUNS=${RUNS:-3000}
CACHE=${CACHE:-$HOME/.cache/qcc-bench}
CC=${CC:-gcc}
QCC_CFLAGS=${QCC_CFLAGS:--O2}
PEERS=${PEERS:-1}
PY=/usr/bin/python3
[ $# -gt 0 ] || set -- $SHARED/models/mlp.onnx \
	$SHARED/models/cnn_bn.onnx $SHARED/models/mobilenet_ish.onnx

if [ "$PEERS" = 1 ] && [ ! -d "$CACHE/node_modules/onnxruntime-node" ]; then
	mkdir -p "$CACHE"
	(cd "$CACHE" && npm install --ignore-scripts onnxruntime-node >&2)
fi
export NODE_PATH="$CACHE/node_modules"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

calc() { awk "BEGIN { $1 }"; }

$CC -O2 "$here/peak.c" -o "$work/peak"
"$work/peak" | tee "$work/peak.txt"
peak=$(awk '$3 != "-" && $3 > p { p = $3 } END { print p + 0 }' "$work/peak.txt")
targets=$(list_targets)
echo "host target: $("$QCC" --list-targets | sed -n 's/^host .*: //p'); $CC $QCC_CFLAGS; $STAT of $RUNS runs; load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-16s %8s  %-22s %10s %8s %7s %10s\n' model MMAC engine \
	"us" "GMAC/s" "%peak" "peer/this"

for m in "$@"; do
	name=$(basename "$m" .onnx | tr . _)
	calib=$(model_calib "$m")
	macs=$($PY "$here/macs.py" "$m" | sed -n 's/^macs //p')
	: > "$work/$name.rows"
	"$QCC" "$m" --calib "$calib" --emit=ir -o "$work/${name}_q.g"
	for t in $targets; do
		tn=$(echo "$t" | tr - _)
		us=-
		if "$QCC" "$work/${name}_q.g" -o "$work/${name}_$tn.c" --name "$name" \
			--target "$t" 2>/dev/null &&
			$CC -std=c99 $QCC_CFLAGS -I"$work" \
			-DQCC_MODEL_HEADER="\"${name}_$tn.h\"" "$work/${name}_$tn.c" \
			"$here/qcc_bench_main.c" -o "$work/$name.$tn" 2>/dev/null; then
			us=$("$work/$name.$tn" "$RUNS" 2>/dev/null | pick) || us=-
			[ -n "$us" ] || us=-
		fi
		echo "qcc $t $us" >> "$work/$name.rows"
	done
	if [ "$PEERS" = 1 ]; then
		f=$(node "$here/ort_bench.js" time "$m" "$calib" "$RUNS" | pick)
		src=$m
		folded=${m%.onnx}.folded.onnx
		[ -f "$folded" ] && src=$folded
		$PY "$here/make_qdq.py" expose "$src" "$work/$name.expose.onnx"
		node "$here/ort_bench.js" ranges "$work/$name.expose.onnx" "$calib" 100 \
			> "$work/$name.ranges.json"
		$PY "$here/make_qdq.py" qdq "$src" "$work/$name.ranges.json" \
			"$work/$name.qdq.onnx"
		i=$(node "$here/ort_bench.js" time "$work/$name.qdq.onnx" "$calib" \
			"$RUNS" | pick)
		p=$($PY "$here/torch_int8.py" "$m" "$calib" "$RUNS" \
			2>"$work/$name.torch.err" | pick) || p=
		[ -n "$p" ] || echo "$name: PyTorch int8 did not run: $(grep . \
			"$work/$name.torch.err" | tail -n 1)" >> "$work/notes"
		echo "ORT fp32 ${f:--}" >> "$work/$name.rows"
		echo "ORT int8(QDQ) ${i:--}" >> "$work/$name.rows"
		echo "PyTorch int8 ${p:--}" >> "$work/$name.rows"
	fi
	best=$(awk '$1 != "qcc" && $NF != "-" && (b == "" || $NF < b) { b = $NF }
		END { print b }' "$work/$name.rows")
	while read -r a b us; do
		eng="$a $b"
		if [ "$us" = - ]; then
			printf '%-16s %8.3f  %-22s %10s\n' "$name" \
				"$(calc "print $macs / 1e6")" "$eng" "-"
			continue
		fi
		g=$(calc "printf \"%.1f\", $macs / $us / 1e3")
		sh=$(calc "printf \"%.1f%%\", 100 * $macs / $us / 1e3 / $peak")
		r=-
		[ -n "$best" ] && r=$(calc "printf \"%.2f\", $best / $us")
		printf '%-16s %8.3f  %-22s %10s %8s %7s %10s\n' "$name" \
			"$(calc "print $macs / 1e6")" "$eng" "$us" "$g" "$sh" "$r"
	done < "$work/$name.rows"
done
[ ! -f "$work/notes" ] || cat "$work/notes"
