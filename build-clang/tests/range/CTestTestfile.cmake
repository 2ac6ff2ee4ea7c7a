# CMake generated Testfile for 
# Source directory: /work/h13x/tests/range
# Build directory: /work/h13x/build-clang/tests/range
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
add_test([=[range/estimators]=] "/work/h13x/build-clang/tests/range/test_range_estimators")
set_tests_properties([=[range/estimators]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/h13x/tests/range/CMakeLists.txt;4;add_test;/work/h13x/tests/range/CMakeLists.txt;0;")
