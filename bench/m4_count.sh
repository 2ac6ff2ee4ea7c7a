#!/bin/sh
# m4_count.sh - qcc's generated C on a Cortex-M4: executed instructions per
# inference, code size and RAM, under QEMU (machine mps2-an386,
# runtime_stub/m4_start.c) with the instruction-counting TCG plugin of
# ../shared/tools/qemu-insncount; aarch64 targets in TARGETS are built with
# aarch64-linux-gnu-gcc and counted under qemu-aarch64 (bench/mark.c; no
# stack figure).
#
#   bench/m4_count.sh [MODEL.onnx ...]     (default: cnn_bn, mobilenet_ish)
#
# Environment: QCC (default build/qcc), SHARED (../shared), CALIB
# (calibration .npy, default $SHARED/models/calib.npy), IMAGES (test images
# run, default 100), TARGETS (default "generic cortex-m4"; a target named
# T@aarch64, e.g. generic@aarch64, is qcc's T built for aarch64), OPTS (default
# "-O2 -Os"; a comma joins the flags of one build, e.g.
# "-O3,-mcpu=cortex-a76"), ARMCC (arm-none-eabi-gcc), A64CC (the aarch64
# compiler, default aarch64-linux-gnu-gcc; e.g. "clang
# --target=aarch64-linux-gnu"), QEMU (qemu-system-arm), QOPTS (qcc's
# quantization options, e.g. "--weight-bits 4"; default none). Not part of
# CTest.
#
# First the counting is checked on loops of known length (bench/m4_loop.c):
# an N-times loop of 2 (3) instructions must count exactly 2N (3N) more
# for 2N iterations than for N. Then per model, target and option: the
# instructions between the marks around each inference (minus those of an
# empty pair), mean / min / max over the images; the outputs compared with
# `qcc run` (the simulator); code = .text of the model's object (kernels),
# const = its .rodata (weights, tables); RAM = NAME_ARENA_SIZE + the stack
# the inference used (painted and measured by m4_start.c).
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
QCC=${QCC:-$root/build/qcc}
SHARED=${SHARED:-$root/../shared}
CALIB=${CALIB:-$SHARED/models/calib.npy}
IMAGES=${IMAGES:-100}
TARGETS=${TARGETS:-generic cortex-m4}
OPTS=${OPTS:--O2 -Os}
QOPTS=${QOPTS:-}
ARMCC=${ARMCC:-arm-none-eabi-gcc}
A64CC=${A64CC:-aarch64-linux-gnu-gcc}
QEMU=${QEMU:-qemu-system-arm}
PY=/usr/bin/python3
stub=$root/runtime_stub
npycheck=${NPYCHECK:-$root/build/tests/npycheck}
[ $# -gt 0 ] || set -- $SHARED/models/cnn_bn.onnx \
	$SHARED/models/mobilenet_ish.onnx
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

gcc -O2 -shared -fPIC -fvisibility=hidden -Wall -Wextra \
	-o "$work/libinsncount.so" "$SHARED/tools/qemu-insncount/insncount.c"
ldflags="-mcpu=cortex-m4 -mthumb --specs=nano.specs --specs=rdimon.specs \
	-nostartfiles -T $stub/mps2_an386.ld"

# run ELF ARGS...: the program under QEMU with the plugin; marks in $work/c.txt
run() {
	elf=$1
	shift
	nm=arm-none-eabi-nm
	case $elf in *.a64) nm=aarch64-linux-gnu-nm ;; esac
	mark=$($nm "$elf" | awk '$3 == "qcc_mark" { print $1 }')
	plugin="$work/libinsncount.so,mark=0x$mark,out=$work/c.txt"
	case $elf in
	*.a64)
		qemu-aarch64 -L /usr/aarch64-linux-gnu -plugin "$plugin" "$elf" "$@"
		return ;;
	esac
	args=$(printf ',arg=%s' prog "$@")
	"$QEMU" -M mps2-an386 -cpu cortex-m4 -nographic -monitor none \
		-serial none -semihosting-config "enable=on,target=native$args" \
		-kernel "$elf" -plugin "$plugin"
}

# per-pair instruction counts (pair 0, the empty one, subtracted)
pairs() {
	awk '$1 == "mark" { c[$2] = $3; n = $2 + 1 }
		END { e = c[1] - c[0]; for (i = 2; i + 1 < n; i += 2) print c[i + 1] - c[i] - e }' "$work/c.txt"
}

$ARMCC -O2 $ldflags "$here/m4_loop.c" "$stub/m4_start.c" -o "$work/loop.elf"
for n in 1000 100000; do
	run "$work/loop.elf" $n 2> /dev/null
	set -- $(pairs | tr '\n' ' ') "$@"
	# d2 d3 for N, then for 2N
	if [ $(($3 - $1)) -ne $((2 * n)) ] || [ $(($4 - $2)) -ne $((3 * n)) ]; then
		echo "m4_count.sh: counting check failed for N=$n: $1 $2 $3 $4" >&2
		exit 1
	fi
	echo "counting check: loops of 2 and 3 instructions, N=$n and $((2 * n)): +$(($3 - $1)) and +$(($4 - $2)) (exact)"
	shift 4
done

$PY "$SHARED/models/make_data.py" "$work" > /dev/null
$PY -c "import numpy as np, sys
np.save(sys.argv[2], np.load(sys.argv[1])[:int(sys.argv[3])])" \
	"$work/test_x.npy" "$work/x.npy" "$IMAGES"

printf '%-16s %-15s %-20s %12s %10s %10s %7s %7s %7s %7s  %s\n' model target \
	opt "instr/inf" min max code const arena stack "RAM"
for m in "$@"; do
	name=$(basename "$m" .onnx | tr . _)
	"$QCC" run "$m" --calib "$CALIB" $QOPTS --input "$work/x.npy" \
		--output "$work/$name.sim.npy"
	for t in $TARGETS; do
		d=$work/$name-$t
		mkdir -p "$d"
		"$QCC" "$m" --calib "$CALIB" $QOPTS --target "${t%@*}" -o "$d/$name.c" \
			--name "$name"
		arena=$(sed -n "s/^#define ${name}_ARENA_SIZE \([0-9]*\)/\1/p" "$d/$name.h")
		for o in $OPTS; do
			of=$(echo "$o" | tr , ' ')
			case $t in
			aarch64* | *@aarch64)
				cc=$A64CC elf=$d/m.a64 extra=$here/mark.c
				cflags= size=aarch64-linux-gnu-size ;;
			*)
				cc=$ARMCC elf=$d/m.elf extra=$stub/m4_start.c
				cflags="-mcpu=cortex-m4 -mthumb" size=arm-none-eabi-size ;;
			esac
			$cc -std=c99 $of $cflags -c "$d/$name.c" -o "$d/m.o"
			set -- $($size -A "$d/m.o" | awk '
				/^\.text/ { t += $2 } /^\.rodata/ { r += $2 }
				END { print t + 0, r + 0 }')
			code=$1 const=$2
			case $t in
			aarch64* | *@aarch64) $cc -std=c99 $of -no-pie -static -I"$d" -I"$stub" \
				-DQCC_MODEL_HEADER="\"$name.h\"" -DQCC_MARK=qcc_mark \
				"$d/$name.c" "$stub/qcc_npy_main.c" "$extra" -o "$elf" ;;
			*) $cc -std=c99 $of $ldflags -I"$d" -I"$stub" \
				-DQCC_MODEL_HEADER="\"$name.h\"" -DQCC_MARK=qcc_mark \
				"$d/$name.c" "$stub/qcc_npy_main.c" "$extra" -o "$elf" ;;
			esac
			stack=$(run "$elf" "$work/x.npy" "$d/out.npy" 2>&1 |
				sed -n 's/^stack //p')
			"$npycheck" equal "$d/out.npy" "$work/$name.sim.npy" > /dev/null ||
				{ echo "m4_count.sh: $name $t $o differs from the simulator" >&2; exit 1; }
			pairs | awk -v m="$name" -v t="$t" -v o="$o" -v code="$code" \
				-v cst="$const" -v ar="$arena" -v st="$stack" '
				{ s += $1; if (n == 0 || $1 < lo) lo = $1; if ($1 > hi) hi = $1; n++ }
				END { if (st == "") printf "%-16s %-15s %-20s %12.0f %10d %10d %7d %7d %7d %7s  %s\n",
					m, t, o, s / n, lo, hi, code, cst, ar, "-", "-"
				else printf "%-16s %-15s %-20s %12.0f %10d %10d %7d %7d %7d %7d  %d\n",
					m, t, o, s / n, lo, hi, code, cst, ar, st, ar + st }'
		done
	done
done
echo "(instructions per inference on $IMAGES test images, outputs bit-identical to qcc run; bytes)"
