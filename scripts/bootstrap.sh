#!/bin/sh
# A newcomer's first command: installs the dependencies, builds qcc into
# build/, and compiles the bundled Fashion-MNIST CNN sample to C.
set -eu
cd "$(dirname "$0")/.."
sh scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j"$(nproc)"
S=samples/fashion
./build/qcc run $S/fashion_cnn.g --input $S/calib.npy --output build/fashion_cnn_logits.npy
echo "qcc: float logits of the calibration images written to build/fashion_cnn_logits.npy"
