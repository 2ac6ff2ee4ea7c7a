#!/bin/sh
# A newcomer's first command: installs the Debian packages, builds qcc into
# build/, then does qcc's main job on the bundled Fashion-MNIST CNN: calibrate
# on 500 training images, quantize, generate C, build it with the .npy
# harness and measure its accuracy on the 10,000 test images.
set -eu
cd "$(dirname "$0")/.."
sh scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j"$(nproc)"

S=samples/fashion
./build/qcc $S/fashion_cnn.g --calib $S/calib.npy -o build/fashion_cnn.c
cc -std=c99 -O2 -Ibuild -Iruntime_stub -DQCC_MODEL_HEADER='"fashion_cnn.h"' \
	build/fashion_cnn.c runtime_stub/qcc_npy_main.c -o build/fashion_cnn_run
python3=/usr/bin/python3
$python3 $S/make_testset.py build/data
./build/fashion_cnn_run build/data/test_x.npy build/fashion_cnn_out.npy
./build/tests/npycheck accuracy build/fashion_cnn_out.npy build/data/test_y.npy --min 0
