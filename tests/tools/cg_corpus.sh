#!/bin/sh
# cg_corpus.sh QCC OUTDIR - the generated C of every reference model, sample
# and synthetic codegen model under several option sets, for checking that a
# change keeps generated code byte-identical:
#
#   tests/tools/cg_corpus.sh old/qcc /tmp/a; tests/tools/cg_corpus.sh build/qcc /tmp/b
#   diff -r /tmp/a /tmp/b
#
# Needs the synthetic models' data from a build that ran the codegen tests
# (build/tests/codegen/data; DATA overrides), and ../shared/models (SHARED
# overrides ../shared). Models that qcc refuses are listed in OUTDIR/fail.txt.
set -u
QCC=${1:?usage: cg_corpus.sh QCC OUTDIR}
OUT=${2:?usage: cg_corpus.sh QCC OUTDIR}
root=$(cd "$(dirname "$0")/../.." && pwd)
M=${SHARED:-$root/../shared}/models
D=${DATA:-$root/build/tests/codegen/data}
S=$root/samples/fashion
mkdir -p "$OUT"
: > "$OUT/fail.txt"
gen() {
	name=$1 model=$2 calib=$3
	shift 3
	"$QCC" "$model" --calib "$calib" "$@" -o "$OUT/$name.c" --name "$name" \
		> "$OUT/$name.log" 2>&1 || echo "$name" >> "$OUT/fail.txt"
}
for m in "$M"/*.onnx; do
	b=$(basename "$m" .onnx | tr . _)
	gen "$b" "$m" "$M/calib.npy"
	gen "${b}_pt" "$m" "$M/calib.npy" --granularity per-tensor
	gen "${b}_w4" "$m" "$M/calib.npy" --weight-bits 4
	gen "${b}_a16" "$m" "$M/calib.npy" --act-bits 16
	gen "${b}_sym" "$m" "$M/calib.npy" --symmetric-acts --pow2-scales
done
for s in fashion_mlp fashion_cnn; do
	gen "$s" "$S/$s.g" "$S/calib.npy"
	gen "${s}_ca" "$S/$s.g" "$S/calib.npy" --caller-arena --float-helpers
	gen "${s}_w4pt" "$S/$s.g" "$S/calib.npy" --weight-bits 4 --granularity per-tensor
done
for m in ops_conv ops_elem ops_wide ops_maxmin; do
	g=$root/tests/codegen/models/$m.g
	[ -f "$D/$m/calib.npy" ] || { echo "$m: no $D/$m/calib.npy" >&2; continue; }
	gen "$m" "$g" "$D/$m/calib.npy"
	gen "${m}_a16" "$g" "$D/$m/calib.npy" --act-bits 16
	gen "${m}_w4pt" "$g" "$D/$m/calib.npy" --weight-bits 4 --granularity per-tensor
	gen "${m}_sym" "$g" "$D/$m/calib.npy" --symmetric-acts --pow2-scales
done
gen dw_cle_bc "$M/dw_imbalanced.onnx" "$M/calib.npy" --granularity per-tensor \
	--cle --bias-correction
