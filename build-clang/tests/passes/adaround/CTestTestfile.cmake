# CMake generated Testfile for 
# Source directory: /work/h13x/tests/passes/adaround
# Build directory: /work/h13x/build-clang/tests/passes/adaround
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
add_test([=[passes/adaround/no_layer]=] "/usr/bin/cmake" "-DSRC=/work/h13x/tests/passes/adaround/no_layer.g" "-DTDIR=/work/h13x/build-clang/tests/passes/adaround/lit/passes/adaround/no_layer" "-DQCC=/work/h13x/build-clang/qcc" "-DNPYCHECK=/work/h13x/build-clang/tests/npycheck" "-DFILECHECK=/usr/lib/llvm-14/bin/FileCheck" "-P" "/work/h13x/tests/tools/lit_run.cmake")
set_tests_properties([=[passes/adaround/no_layer]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/h13x/tests/tools/lit.cmake;50;add_test;/work/h13x/tests/passes/adaround/CMakeLists.txt;2;qcc_lit_tests;/work/h13x/tests/passes/adaround/CMakeLists.txt;0;")
