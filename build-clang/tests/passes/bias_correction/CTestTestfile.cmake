# CMake generated Testfile for 
# Source directory: /work/h13x/tests/passes/bias_correction
# Build directory: /work/h13x/build-clang/tests/passes/bias_correction
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
add_test([=[passes/bias_correction/no_stats]=] "/usr/bin/cmake" "-DSRC=/work/h13x/tests/passes/bias_correction/no_stats.g" "-DTDIR=/work/h13x/build-clang/tests/passes/bias_correction/lit/passes/bias_correction/no_stats" "-DQCC=/work/h13x/build-clang/qcc" "-DNPYCHECK=/work/h13x/build-clang/tests/npycheck" "-DFILECHECK=/usr/lib/llvm-14/bin/FileCheck" "-P" "/work/h13x/tests/tools/lit_run.cmake")
set_tests_properties([=[passes/bias_correction/no_stats]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/h13x/tests/tools/lit.cmake;50;add_test;/work/h13x/tests/passes/bias_correction/CMakeLists.txt;2;qcc_lit_tests;/work/h13x/tests/passes/bias_correction/CMakeLists.txt;0;")
add_test([=[passes/bias_correction/through_pool]=] "/usr/bin/cmake" "-DSRC=/work/h13x/tests/passes/bias_correction/through_pool.g" "-DTDIR=/work/h13x/build-clang/tests/passes/bias_correction/lit/passes/bias_correction/through_pool" "-DQCC=/work/h13x/build-clang/qcc" "-DNPYCHECK=/work/h13x/build-clang/tests/npycheck" "-DFILECHECK=/usr/lib/llvm-14/bin/FileCheck" "-P" "/work/h13x/tests/tools/lit_run.cmake")
set_tests_properties([=[passes/bias_correction/through_pool]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/h13x/tests/tools/lit.cmake;50;add_test;/work/h13x/tests/passes/bias_correction/CMakeLists.txt;2;qcc_lit_tests;/work/h13x/tests/passes/bias_correction/CMakeLists.txt;0;")
