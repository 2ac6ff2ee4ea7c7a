# CMake generated Testfile for 
# Source directory: /work/h11low/tests
# Build directory: /work/h11low/build-clang/tests
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
subdirs("e2e")
subdirs("range")
subdirs("unit")
subdirs("ops")
subdirs("parse")
subdirs("diag")
subdirs("check")
subdirs("io")
subdirs("safety")
subdirs("onnx")
subdirs("passes/observe")
subdirs("passes/calibrate")
subdirs("passes/range")
subdirs("passes/cle")
subdirs("passes/fold_bn")
subdirs("passes/fuse")
subdirs("passes/quantize")
subdirs("passes/adaround")
subdirs("passes/bias_correction")
subdirs("ptq")
subdirs("sim")
subdirs("eval")
subdirs("codegen")
subdirs("fuzz")
subdirs("quant")
subdirs("install")
