# common.sh - what bench.sh and flags.sh share, sourced after they set
# `here` (this directory): the defaults of QCC, SHARED and CALIB, the
# `pick` filter (the STAT figure of a `median_us T min_us T` line), the
# targets `qcc --list-targets` names, and the calibration of a model
# (the calib.npy beside it, else CALIB).
root=$(dirname "$here")
QCC=${QCC:-$root/build/qcc}
SHARED=${SHARED:-$root/../shared}
CALIB=${CALIB:-$SHARED/models/calib.npy}
STAT=${STAT:-median}
pick() { sed -n "s/^.*${STAT}_us \([0-9.]*\).*/\1/p"; }
list_targets() {
	"$QCC" --list-targets | sed -n 's/^\([a-z0-9][a-z0-9_-]*\)  .*/\1/p' |
		grep -v '^host$'
}
model_calib() {
	if [ -f "$(dirname "$1")/calib.npy" ]; then
		echo "$(dirname "$1")/calib.npy"
	else
		echo "$CALIB"
	fi
}
