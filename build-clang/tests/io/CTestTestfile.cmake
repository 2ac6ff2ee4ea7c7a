# CMake generated Testfile for 
# Source directory: /work/h13x/tests/io
# Build directory: /work/h13x/build-clang/tests/io
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
add_test([=[io/npy_formats]=] "/usr/bin/cmake" "-DSRC=/work/h13x/tests/io/npy_formats.g" "-DTDIR=/work/h13x/build-clang/tests/io/lit/io/npy_formats" "-DQCC=/work/h13x/build-clang/qcc" "-DNPYCHECK=/work/h13x/build-clang/tests/npycheck" "-DFILECHECK=/usr/lib/llvm-14/bin/FileCheck" "-P" "/work/h13x/tests/tools/lit_run.cmake")
set_tests_properties([=[io/npy_formats]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/h13x/tests/tools/lit.cmake;50;add_test;/work/h13x/tests/io/CMakeLists.txt;2;qcc_lit_tests;/work/h13x/tests/io/CMakeLists.txt;0;")
add_test([=[io/npy_hostile]=] "/usr/bin/cmake" "-DSRC=/work/h13x/tests/io/npy_hostile.g" "-DTDIR=/work/h13x/build-clang/tests/io/lit/io/npy_hostile" "-DQCC=/work/h13x/build-clang/qcc" "-DNPYCHECK=/work/h13x/build-clang/tests/npycheck" "-DFILECHECK=/usr/lib/llvm-14/bin/FileCheck" "-P" "/work/h13x/tests/tools/lit_run.cmake")
set_tests_properties([=[io/npy_hostile]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/h13x/tests/tools/lit.cmake;50;add_test;/work/h13x/tests/io/CMakeLists.txt;2;qcc_lit_tests;/work/h13x/tests/io/CMakeLists.txt;0;")
add_test([=[io/run_batch]=] "/usr/bin/cmake" "-DSRC=/work/h13x/tests/io/run_batch.g" "-DTDIR=/work/h13x/build-clang/tests/io/lit/io/run_batch" "-DQCC=/work/h13x/build-clang/qcc" "-DNPYCHECK=/work/h13x/build-clang/tests/npycheck" "-DFILECHECK=/usr/lib/llvm-14/bin/FileCheck" "-P" "/work/h13x/tests/tools/lit_run.cmake")
set_tests_properties([=[io/run_batch]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/h13x/tests/tools/lit.cmake;50;add_test;/work/h13x/tests/io/CMakeLists.txt;2;qcc_lit_tests;/work/h13x/tests/io/CMakeLists.txt;0;")
add_test([=[io/run_multi]=] "/usr/bin/cmake" "-DSRC=/work/h13x/tests/io/run_multi.g" "-DTDIR=/work/h13x/build-clang/tests/io/lit/io/run_multi" "-DQCC=/work/h13x/build-clang/qcc" "-DNPYCHECK=/work/h13x/build-clang/tests/npycheck" "-DFILECHECK=/usr/lib/llvm-14/bin/FileCheck" "-P" "/work/h13x/tests/tools/lit_run.cmake")
set_tests_properties([=[io/run_multi]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/h13x/tests/tools/lit.cmake;50;add_test;/work/h13x/tests/io/CMakeLists.txt;2;qcc_lit_tests;/work/h13x/tests/io/CMakeLists.txt;0;")
add_test([=[io/safetensors_hostile]=] "/usr/bin/cmake" "-DSRC=/work/h13x/tests/io/safetensors_hostile.g" "-DTDIR=/work/h13x/build-clang/tests/io/lit/io/safetensors_hostile" "-DQCC=/work/h13x/build-clang/qcc" "-DNPYCHECK=/work/h13x/build-clang/tests/npycheck" "-DFILECHECK=/usr/lib/llvm-14/bin/FileCheck" "-P" "/work/h13x/tests/tools/lit_run.cmake")
set_tests_properties([=[io/safetensors_hostile]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/h13x/tests/tools/lit.cmake;50;add_test;/work/h13x/tests/io/CMakeLists.txt;2;qcc_lit_tests;/work/h13x/tests/io/CMakeLists.txt;0;")
add_test([=[io/safetensors_write]=] "/usr/bin/cmake" "-DSRC=/work/h13x/tests/io/safetensors_write.g" "-DTDIR=/work/h13x/build-clang/tests/io/lit/io/safetensors_write" "-DQCC=/work/h13x/build-clang/qcc" "-DNPYCHECK=/work/h13x/build-clang/tests/npycheck" "-DFILECHECK=/usr/lib/llvm-14/bin/FileCheck" "-P" "/work/h13x/tests/tools/lit_run.cmake")
set_tests_properties([=[io/safetensors_write]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/h13x/tests/tools/lit.cmake;50;add_test;/work/h13x/tests/io/CMakeLists.txt;2;qcc_lit_tests;/work/h13x/tests/io/CMakeLists.txt;0;")
