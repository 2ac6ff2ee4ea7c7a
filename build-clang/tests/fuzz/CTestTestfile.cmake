# CMake generated Testfile for 
# Source directory: /work/h13x/tests/fuzz
# Build directory: /work/h13x/build-clang/tests/fuzz
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
add_test([=[fuzz/replay_g]=] "/work/h13x/build-clang/tests/fuzz/fuzz_replay_g" "/work/h13x/tests/fuzz/corpus/g")
set_tests_properties([=[fuzz/replay_g]=] PROPERTIES  ENVIRONMENT "ASAN_OPTIONS=max_allocation_size_mb=2048" _BACKTRACE_TRIPLES "/work/h13x/tests/fuzz/CMakeLists.txt;42;add_test;/work/h13x/tests/fuzz/CMakeLists.txt;0;")
add_test([=[fuzz/replay_npy]=] "/work/h13x/build-clang/tests/fuzz/fuzz_replay_npy" "/work/h13x/tests/fuzz/corpus/npy")
set_tests_properties([=[fuzz/replay_npy]=] PROPERTIES  ENVIRONMENT "ASAN_OPTIONS=max_allocation_size_mb=2048" _BACKTRACE_TRIPLES "/work/h13x/tests/fuzz/CMakeLists.txt;42;add_test;/work/h13x/tests/fuzz/CMakeLists.txt;0;")
add_test([=[fuzz/replay_safetensors]=] "/work/h13x/build-clang/tests/fuzz/fuzz_replay_safetensors" "/work/h13x/tests/fuzz/corpus/safetensors")
set_tests_properties([=[fuzz/replay_safetensors]=] PROPERTIES  ENVIRONMENT "ASAN_OPTIONS=max_allocation_size_mb=2048" _BACKTRACE_TRIPLES "/work/h13x/tests/fuzz/CMakeLists.txt;42;add_test;/work/h13x/tests/fuzz/CMakeLists.txt;0;")
add_test([=[fuzz/replay_onnx]=] "/work/h13x/build-clang/tests/fuzz/fuzz_replay_onnx" "/work/h13x/tests/fuzz/corpus/onnx")
set_tests_properties([=[fuzz/replay_onnx]=] PROPERTIES  ENVIRONMENT "ASAN_OPTIONS=max_allocation_size_mb=2048" _BACKTRACE_TRIPLES "/work/h13x/tests/fuzz/CMakeLists.txt;42;add_test;/work/h13x/tests/fuzz/CMakeLists.txt;0;")
add_test([=[fuzz/replay_onnx_tensor]=] "/work/h13x/build-clang/tests/fuzz/fuzz_replay_onnx_tensor" "/work/h13x/tests/fuzz/corpus/onnx_tensor")
set_tests_properties([=[fuzz/replay_onnx_tensor]=] PROPERTIES  ENVIRONMENT "ASAN_OPTIONS=max_allocation_size_mb=2048" _BACKTRACE_TRIPLES "/work/h13x/tests/fuzz/CMakeLists.txt;42;add_test;/work/h13x/tests/fuzz/CMakeLists.txt;0;")
add_test([=[fuzz/mutants_onnx_cases]=] "/work/h13x/build-clang/tests/fuzz/fuzz_mutate_onnx" "--mutants" "16" "/work/h13x/tests/onnx/cases" "corpus/onnx")
set_tests_properties([=[fuzz/mutants_onnx_cases]=] PROPERTIES  ENVIRONMENT "ASAN_OPTIONS=max_allocation_size_mb=2048" WORKING_DIRECTORY "/work/h13x/tests/fuzz" _BACKTRACE_TRIPLES "/work/h13x/tests/fuzz/CMakeLists.txt;74;add_test;/work/h13x/tests/fuzz/CMakeLists.txt;0;")
add_test([=[fuzz/mutants_onnx_testdata]=] "/work/h13x/build-clang/tests/fuzz/fuzz_mutate_onnx" "--mutants" "8" "/usr/share/libonnx-testdata/data")
set_tests_properties([=[fuzz/mutants_onnx_testdata]=] PROPERTIES  ENVIRONMENT "ASAN_OPTIONS=max_allocation_size_mb=2048" LABELS "slow" _BACKTRACE_TRIPLES "/work/h13x/tests/fuzz/CMakeLists.txt;83;add_test;/work/h13x/tests/fuzz/CMakeLists.txt;0;")
add_test([=[fuzz/sweep_onnx_testdata]=] "/usr/bin/cmake" "-DQCC=/work/h13x/build-clang/qcc" "-DDATA=/usr/share/libonnx-testdata/data" "-DOUT=/work/h13x/build-clang/tests/fuzz/sweep" "-P" "/work/h13x/tests/fuzz/sweep.cmake")
set_tests_properties([=[fuzz/sweep_onnx_testdata]=] PROPERTIES  ENVIRONMENT "ASAN_OPTIONS=max_allocation_size_mb=2048" LABELS "slow" _BACKTRACE_TRIPLES "/work/h13x/tests/fuzz/CMakeLists.txt;85;add_test;/work/h13x/tests/fuzz/CMakeLists.txt;0;")
