# CMake generated Testfile for 
# Source directory: /work/h13x/tests/qat
# Build directory: /work/h13x/build-clang/tests/qat
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
add_test([=[qat/testset]=] "/usr/bin/python3" "/work/h13x/samples/fashion/make_testset.py" "/work/h13x/build-clang/tests/qat/data" "--head" "200")
set_tests_properties([=[qat/testset]=] PROPERTIES  FIXTURES_SETUP "qat_testset" _BACKTRACE_TRIPLES "/work/h13x/tests/qat/CMakeLists.txt;26;add_test;/work/h13x/tests/qat/CMakeLists.txt;0;")
add_test([=[qat/weights4]=] "sh" "-c" "/work/h13x/build-clang/qcc /work/h13x/samples/qat/cnn_bn_w4a8.qdq.onnx --emit=ir | grep -c 'const .*_q : i8\\[.*bits=4' | grep -qx 3")
set_tests_properties([=[qat/weights4]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/h13x/tests/qat/CMakeLists.txt;30;add_test;/work/h13x/tests/qat/CMakeLists.txt;0;")
add_test([=[qat/sim]=] "/work/h13x/build-clang/qcc" "run" "/work/h13x/samples/qat/cnn_bn_w4a8.qdq.onnx" "--input" "/work/h13x/build-clang/tests/qat/data/test_x200.npy" "--output" "/work/h13x/build-clang/tests/qat/out/sim.npy")
set_tests_properties([=[qat/sim]=] PROPERTIES  FIXTURES_REQUIRED "qat_testset" FIXTURES_SETUP "qat_sim" _BACKTRACE_TRIPLES "/work/h13x/tests/qat/CMakeLists.txt;32;add_test;/work/h13x/tests/qat/CMakeLists.txt;0;")
add_test([=[qat/agree]=] "/work/h13x/build-clang/tests/npycheck" "accuracy" "/work/h13x/build-clang/tests/qat/out/sim.npy" "/work/h13x/samples/qat/qat_top1_200.npy" "--min" "99")
set_tests_properties([=[qat/agree]=] PROPERTIES  FIXTURES_REQUIRED "qat_sim" _BACKTRACE_TRIPLES "/work/h13x/tests/qat/CMakeLists.txt;37;add_test;/work/h13x/tests/qat/CMakeLists.txt;0;")
add_test([=[qat/gen]=] "/work/h13x/build-clang/qcc" "/work/h13x/samples/qat/cnn_bn_w4a8.qdq.onnx" "-o" "/work/h13x/build-clang/tests/qat/out/qat.c" "--name" "qat")
set_tests_properties([=[qat/gen]=] PROPERTIES  FIXTURES_SETUP "qat_gen" _BACKTRACE_TRIPLES "/work/h13x/tests/qat/CMakeLists.txt;40;add_test;/work/h13x/tests/qat/CMakeLists.txt;0;")
add_test([=[qat/gcc]=] "/usr/bin/cmake" "-DCC=gcc" "-DFLAGS=-O2" "-DDIR=/work/h13x/build-clang/tests/qat/out" "-DNAME=qat" "-DSTUB=/work/h13x/runtime_stub" "-DINPUT=/work/h13x/build-clang/tests/qat/data/test_x200.npy" "-DREF=/work/h13x/build-clang/tests/qat/out/sim.npy" "-DNPYCHECK=/work/h13x/build-clang/tests/npycheck" "-DTAG=gcc" "-P" "/work/h13x/tests/codegen/cc_run.cmake")
set_tests_properties([=[qat/gcc]=] PROPERTIES  FIXTURES_REQUIRED "qat_gen;qat_sim;qat_testset" _BACKTRACE_TRIPLES "/work/h13x/tests/qat/CMakeLists.txt;42;add_test;/work/h13x/tests/qat/CMakeLists.txt;0;")
add_test([=[qat/acc_10k]=] "sh" "-c" "/work/h13x/build-clang/qcc run /work/h13x/samples/qat/cnn_bn_w4a8.qdq.onnx --input /work/h13x/build-clang/tests/qat/data/test_x.npy --output /work/h13x/build-clang/tests/qat/out/sim10k.npy && /work/h13x/build-clang/tests/npycheck accuracy /work/h13x/build-clang/tests/qat/out/sim10k.npy /work/h13x/build-clang/tests/qat/data/test_y.npy --min 90.98 --max 91.38")
set_tests_properties([=[qat/acc_10k]=] PROPERTIES  FIXTURES_REQUIRED "qat_testset" LABELS "slow" _BACKTRACE_TRIPLES "/work/h13x/tests/qat/CMakeLists.txt;53;add_test;/work/h13x/tests/qat/CMakeLists.txt;0;")
