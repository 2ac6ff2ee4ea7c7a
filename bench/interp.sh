#!/bin/sh
# interp.sh - speed of qcc itself: the float interpreter (`qcc run` on a
# float model, one thread) in ms per image and GMAC/s, and the wall time of
# a compile whose calibration runs on --jobs threads.
#
#   bench/interp.sh [MODEL.onnx ...]
#
# Default models: mlp, cnn_bn and mobilenet_ish from ../shared/models (on
# the first IMAGES of their calib.npy) and ResNet-18 at 224x224 made by
# bench/export_resnet18.py (on its x.npy), and the same network at 32x32
# (resnet18_32, 37 M MACs: a resnet_ish-class graph). Environment: QCC (default
# build/qcc), SHARED (../shared), IMAGES (images per float run, 200; ResNet-18
# takes its 4), CALIB_N (calibration images of the ResNet-18 compile, 0:
# skip it), JOBS (--jobs of that compile, default: the online CPUs),
# BATCH (--batch of the runs and the compile: images the interpreter takes
# through a layer at once; default qcc's, 8).
# The times are wall and CPU (user + sys) per image of REPS repetitions
# (default 5) of the same pair of runs: one on n images and one on one,
# the difference over n - 1 (reading the model and starting up left
# out); printed are the median of the repetitions and, labelled min, the
# fastest. The inputs are random (seed 1) in the models' input shapes.
# MACs are those of Conv, Gemm and MatMul, counted from the ONNX shapes.
# Beside them, in the same run, ONNX Runtime fp32 on one thread
# (bench/ort_bench.js: ORT_RUNS timed runs of one image after a warm-up,
# default 200; ResNet-18 at 224x224 20): its median run in wall time
# (ORT ms), in CPU time (ORT CPU) and its fastest in CPU time (ORT min);
# qcc/ORT is the ratio of the two CPU medians, which a loaded machine
# inflates alike (a wall time there counts other jobs' turns). The ORT
# columns are left out when onnxruntime-node is not found (NODE_PATH,
# default ~/.cache/qcc-bench/node_modules).
# Not part of CTest.
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
QCC=${QCC:-$root/build/qcc}
SHARED=${SHARED:-$root/../shared}
IMAGES=${IMAGES:-200}
CALIB_N=${CALIB_N:-0}
JOBS=${JOBS:-$(getconf _NPROCESSORS_ONLN)}
BATCH=${BATCH:-8}
REPS=${REPS:-5}
PY=/usr/bin/python3
work=${WORK:-$(mktemp -d)}
[ -n "$WORK" ] || trap 'rm -rf "$work"' EXIT
[ -f "$work/r18/resnet18.onnx" ] || $PY "$here/export_resnet18.py" "$work/r18" >/dev/null 2>&1
[ -f "$work/r18_32/resnet18.onnx" ] || $PY "$here/export_resnet18.py" "$work/r18_32" --size 32 >/dev/null 2>&1
[ $# -gt 0 ] || set -- $SHARED/models/mlp.onnx $SHARED/models/cnn_bn.onnx \
	$SHARED/models/mobilenet_ish.onnx "$work/r18_32/resnet18.onnx" \
	"$work/r18/resnet18.onnx"

macs() {
	$PY - "$1" <<'PY'
import sys, onnx
from onnx import shape_inference
m = shape_inference.infer_shapes(onnx.load(sys.argv[1]))
g = m.graph
dims = {}
for v in list(g.value_info) + list(g.input) + list(g.output):
    dims[v.name] = [d.dim_value or 1 for d in v.type.tensor_type.shape.dim]
for t in g.initializer:
    dims[t.name] = list(t.dims)
total = 0
for n in g.node:
    if n.op_type == "Conv":
        w, y = dims[n.input[1]], dims[n.output[0]]
        k = 1
        for d in w[1:]:
            k *= d
        out = 1
        for d in y:
            out *= d
        total += out * k
    elif n.op_type in ("Gemm", "MatMul"):
        a, y = dims[n.input[0]], dims[n.output[0]]
        out = 1
        for d in y:
            out *= d
        total += out * a[-1]
print(total)
PY
}

export NODE_PATH=${NODE_PATH:-$HOME/.cache/qcc-bench/node_modules}
ORT_RUNS=${ORT_RUNS:-200}
ort_ok=0
[ -d "$NODE_PATH/onnxruntime-node" ] && command -v node >/dev/null && ort_ok=1
echo "qcc run --batch $BATCH, one thread, median of $REPS repetitions; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2-); load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-14s %6s %8s %8s %8s %10s %8s %8s %8s %8s\n' model images \
	"ms/image" "CPU ms" "CPU min" "CPU GMAC/s" "ORT ms" "ORT CPU" \
	"ORT min" "qcc/ORT"
for m in "$@"; do
	name=$(basename "$m" .onnx)
	if [ "$name" = resnet18 ] && [ "$(basename "$(dirname "$m")")" = r18 ]; then
		x=$(dirname "$m")/x.npy
	else
		[ "$name" = resnet18 ] && name=resnet18_32
		x=$work/$name.x.npy
		$PY -c "import numpy as np, sys; np.save(sys.argv[2], np.random.RandomState(1).randn(int(sys.argv[3]), *np.load(sys.argv[1], mmap_mode='r').shape[1:]).astype(np.float32))" \
			"$(dirname "$m")/$( [ "$name" = resnet18_32 ] && echo x.npy || echo calib.npy)" "$x" "$IMAGES"
	fi
	$PY -c "import numpy as np, sys; np.save(sys.argv[2], np.load(sys.argv[1])[:1])" "$x" "$work/$name.x1.npy"
	n=$($PY -c "import numpy as np, sys; print(np.load(sys.argv[1], mmap_mode='r').shape[0])" "$x")
	mac=$(macs "$m")
	# per repetition: one image, then n; the difference is n - 1 images
	# without the start-up
	: >"$work/times"
	r=0
	while [ $r -lt "$REPS" ]; do
		for f in "$work/$name.x1.npy" "$x"; do
			$PY "$here/timed.py" "$QCC" run "$m" --input "$f" \
				--output "$work/$name.y.npy" --batch "$BATCH" >>"$work/times"
		done
		r=$((r + 1))
	done
	ort="- - -"
	if [ $ort_ok = 1 ]; then
		runs=$ORT_RUNS
		[ "$name" = resnet18 ] && runs=20
		ort=$(node "$here/ort_bench.js" time "$m" "$x" "$runs" |
			awk '{ printf "%.3f %.3f %.3f", $2 / 1000, $6 / 1000, $8 / 1000 }')
	fi
	awk -v m="$name" -v n="$n" -v mac="$mac" -v ort="$ort" '
	function median(v, k,   i, j, t) {
		for (i = 2; i <= k; i++)
			for (j = i; j > 1 && v[j - 1] > v[j]; j--) {
				t = v[j]; v[j] = v[j - 1]; v[j - 1] = t
			}
		return k % 2 ? v[(k + 1) / 2] : (v[k / 2] + v[k / 2 + 1]) / 2
	}
	NR % 2 == 1 { w1 = $1; c1 = $2; next }
	{
		k = n > 1 ? n - 1 : 1
		ms = ($1 - (n > 1 ? w1 : 0)) * 1000 / k
		cpu = ($2 - (n > 1 ? c1 : 0)) * 1000 / k
		r++
		wall[r] = ms > 0 ? ms : 0.001
		c[r] = cpu > 0 ? cpu : 0.001
		if (r == 1 || c[r] < cmin) cmin = c[r]
	}
	END {
		ms = median(wall, r); cpu = median(c, r)
		split(ort, o, " ")
		q = o[2] == "-" ? "-" : sprintf("%.2f", cpu / o[2])
		printf "%-14s %6d %8.3f %8.3f %8.3f %10.2f %8s %8s %8s %8s\n", m, n,
			ms, cpu, cmin, mac / (cpu * 1e6), o[1], o[2], o[3], q }' "$work/times"
done

if [ "$CALIB_N" -gt 0 ]; then
	c=$work/r18/calib$CALIB_N.npy
	$PY -c "import numpy as np, sys; np.save(sys.argv[1], np.random.RandomState(1).randn(int(sys.argv[2]), 3, 224, 224).astype(np.float32))" "$c" "$CALIB_N"
	/usr/bin/time -f "%e %U %S" -o "$work/time" \
		"$QCC" "$work/r18/resnet18.onnx" --calib "$c" --jobs "$JOBS" \
		--batch "$BATCH" -o "$work/r18.c"
	awk -v n="$CALIB_N" -v j="$JOBS" -v b="$BATCH" -v l="$(cut -d' ' -f1-3 /proc/loadavg)" '{
		printf "resnet18 compile, calibration on %d images, --jobs %d --batch %d: %.1f s wall, %.1f s CPU (load average %s after)\n",
			n, j, b, $1, $2 + $3, l }' "$work/time"
fi
