#!/bin/sh
# bench.sh - qcc's generated C against ONNX Runtime (fp32 and int8 QDQ) and
# PyTorch int8 (onednn), one thread, batch 1, median of RUNS in-process runs.
#
#   bench/bench.sh [MODEL.onnx ...]
#
# Default models: mlp, cnn_bn and mobilenet_ish from ../shared/models
# (SHARED overrides ../shared).
# Environment: QCC (the qcc binary; default build/qcc), CALIB (calibration
# .npy; default $SHARED/models/calib.npy), RUNS (3000), CACHE (where
# onnxruntime-node is installed with npm on first use; default
# $HOME/.cache/qcc-bench), CC (gcc). Not part of CTest.
#
# Per model: qcc MODEL --calib CALIB -o NAME.c, compiled with
# QCC_CFLAGS (default -O3 -march=native) and bench/qcc_bench_main.c; ORT fp32 on MODEL; ORT int8
# on a QDQ model made by bench/make_qdq.py from MODEL (its .folded.onnx
# sibling when there is one, as ORT's quantizer wants BatchNorm folded)
# with min-max ranges over 100 calibration samples; PyTorch int8 by
# bench/torch_int8.py. Ratios are baseline time / qcc time (> 1: qcc faster).
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
QCC=${QCC:-$root/build/qcc}
SHARED=${SHARED:-$root/../shared}
CALIB=${CALIB:-$SHARED/models/calib.npy}
RUNS=${RUNS:-3000}
CACHE=${CACHE:-$HOME/.cache/qcc-bench}
CC=${CC:-gcc}
QCC_CFLAGS=${QCC_CFLAGS:--O3 -march=native}
PY=/usr/bin/python3
[ $# -gt 0 ] || set -- $SHARED/models/mlp.onnx \
	$SHARED/models/cnn_bn.onnx $SHARED/models/mobilenet_ish.onnx

if [ ! -d "$CACHE/node_modules/onnxruntime-node" ]; then
	mkdir -p "$CACHE"
	(cd "$CACHE" && npm install --ignore-scripts onnxruntime-node >&2)
fi
export NODE_PATH="$CACHE/node_modules"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

us() { sed -n 's/^median_us \([0-9.]*\).*/\1/p'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "") print "-"; else printf "%.2f", a / b }'; }

printf '%-16s %10s %10s %10s %10s   %s\n' model "qcc us" "ORT fp32" \
	"ORT int8" "PT int8" "ratios ORT fp32 / ORT int8 / PT int8 over qcc"
for m in "$@"; do
	name=$(basename "$m" .onnx | tr . _)
	"$QCC" "$m" --calib "$CALIB" -o "$work/$name.c" --name "$name"
	$CC -std=c99 $QCC_CFLAGS -I"$work" \
		-DQCC_MODEL_HEADER="\"$name.h\"" "$work/$name.c" \
		"$here/qcc_bench_main.c" -o "$work/$name.bench"
	q=$("$work/$name.bench" "$RUNS" | us)
	f=$(node "$here/ort_bench.js" time "$m" "$CALIB" "$RUNS" | us)
	src=$m
	folded=${m%.onnx}.folded.onnx
	[ -f "$folded" ] && src=$folded
	$PY "$here/make_qdq.py" expose "$src" "$work/$name.expose.onnx"
	node "$here/ort_bench.js" ranges "$work/$name.expose.onnx" "$CALIB" 100 \
		> "$work/$name.ranges.json"
	$PY "$here/make_qdq.py" qdq "$src" "$work/$name.ranges.json" \
		"$work/$name.qdq.onnx"
	i=$(node "$here/ort_bench.js" time "$work/$name.qdq.onnx" "$CALIB" \
		"$RUNS" | us)
	t=$($PY "$here/torch_int8.py" "$m" "$CALIB" "$RUNS" 2>/dev/null | us) || t=
	printf '%-16s %10s %10s %10s %10s   %s / %s / %s\n' "$name" "$q" "$f" \
		"$i" "${t:--}" "$(ratio "$f" "$q")" "$(ratio "$i" "$q")" \
		"$(ratio "$t" "$q")"
done
