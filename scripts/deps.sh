#!/bin/sh
# Installs the Debian 12 packages qcc needs to build and test (run as root, or
# through sudo). The list is the one CI uses; PyTorch and ONNX are only needed
# to regenerate samples and reference data (scripts listed in the README).
set -eu
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends \
	build-essential cmake pkg-config flex bison \
	libcjson-dev protobuf-c-compiler libprotobuf-c-dev libonnx-dev \
	llvm-14-tools clang libclang-rt-14-dev \
	gcc-arm-none-eabi libnewlib-arm-none-eabi \
	qemu-system-arm qemu-user gcc-aarch64-linux-gnu libc6-dev-arm64-cross \
	libgemmlowp-dev \
	python3 python3-numpy \
	dataset-fashion-mnist libonnx-testdata
