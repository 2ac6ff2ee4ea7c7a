#!/bin/sh
# interp.sh - speed of qcc itself: the float interpreter (`qcc run` on a
# float model, one thread) in ms per image and GMAC/s, and the wall time of
# a compile whose calibration runs on --jobs threads.
#
#   bench/interp.sh [MODEL.onnx ...]
#
# Default models: mlp, cnn_bn and mobilenet_ish from ../shared/models (on
# the first IMAGES of their calib.npy) and ResNet-18 at 224x224 made by
# bench/export_resnet18.py (on its x.npy). Environment: QCC (default
# build/qcc; point it at a build configured with -DQCC_WITH_BLAS=OFF for the
# loops), SHARED (../shared), IMAGES (images per float run, 200; ResNet-18
# takes its 4), CALIB_N (calibration images of the ResNet-18 compile, 0:
# skip it), JOBS (--jobs of that compile, default: the online CPUs).
# The times are wall and CPU (user + sys) of the whole command, reading
# the model included. MACs are those of Conv, Gemm and MatMul, counted from the ONNX shapes.
# Not part of CTest.
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
QCC=${QCC:-$root/build/qcc}
SHARED=${SHARED:-$root/../shared}
IMAGES=${IMAGES:-200}
CALIB_N=${CALIB_N:-0}
JOBS=${JOBS:-$(getconf _NPROCESSORS_ONLN)}
PY=/usr/bin/python3
work=${WORK:-$(mktemp -d)}
[ -n "$WORK" ] || trap 'rm -rf "$work"' EXIT
[ -f "$work/r18/resnet18.onnx" ] || $PY "$here/export_resnet18.py" "$work/r18" >/dev/null 2>&1
[ $# -gt 0 ] || set -- $SHARED/models/mlp.onnx $SHARED/models/cnn_bn.onnx \
	$SHARED/models/mobilenet_ish.onnx "$work/r18/resnet18.onnx"

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

printf '%-16s %8s %10s %10s %12s %10s\n' model images "ms/image" "GMAC/s" \
	"CPU ms/image" "CPU GMAC/s"
for m in "$@"; do
	name=$(basename "$m" .onnx)
	if [ "$name" = resnet18 ]; then
		x=$(dirname "$m")/x.npy
	else
		x=$work/$name.x.npy
		$PY -c "import numpy as np, sys; np.save(sys.argv[2], np.load(sys.argv[1])[:int(sys.argv[3])])" \
			"$SHARED/models/calib.npy" "$x" "$IMAGES"
	fi
	n=$($PY -c "import numpy as np, sys; print(np.load(sys.argv[1], mmap_mode='r').shape[0])" "$x")
	mac=$(macs "$m")
	/usr/bin/time -f "%e %U %S" -o "$work/time" \
		"$QCC" run "$m" --input "$x" --output "$work/$name.y.npy"
	awk -v m="$name" -v n="$n" -v mac="$mac" '{
		ms = $1 * 1000 / n
		cpu = ($2 + $3) * 1000 / n
		printf "%-16s %8d %10.2f %10.2f %12.2f %10.2f\n", m, n, ms,
			mac / (ms * 1e6), cpu, mac / (cpu * 1e6) }' "$work/time"
done

if [ "$CALIB_N" -gt 0 ]; then
	c=$work/r18/calib$CALIB_N.npy
	$PY -c "import numpy as np, sys; np.save(sys.argv[1], np.random.RandomState(1).randn(int(sys.argv[2]), 3, 224, 224).astype(np.float32))" "$c" "$CALIB_N"
	/usr/bin/time -f "%e %U %S" -o "$work/time" \
		"$QCC" "$work/r18/resnet18.onnx" --calib "$c" --jobs "$JOBS" -o "$work/r18.c"
	awk -v n="$CALIB_N" -v j="$JOBS" '{
		printf "resnet18 compile, calibration on %d images, --jobs %d: %.1f s wall, %.1f s CPU\n",
			n, j, $1, $2 + $3 }' "$work/time"
fi
