# CMake generated Testfile for 
# Source directory: /work/h11low/tests/range
# Build directory: /work/h11low/build-clang/tests/range
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
add_test([=[range/estimators]=] "/work/h11low/build-clang/tests/range/test_range_estimators")
set_tests_properties([=[range/estimators]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/h11low/tests/range/CMakeLists.txt;4;add_test;/work/h11low/tests/range/CMakeLists.txt;0;")
