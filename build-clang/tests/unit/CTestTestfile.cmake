# CMake generated Testfile for 
# Source directory: /work/h11low/tests/unit
# Build directory: /work/h11low/build-clang/tests/unit
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
add_test([=[unit/test_shape]=] "/work/h11low/build-clang/tests/unit/test_shape")
set_tests_properties([=[unit/test_shape]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/h11low/tests/unit/CMakeLists.txt;7;add_test;/work/h11low/tests/unit/CMakeLists.txt;0;")
add_test([=[unit/test_verify]=] "/work/h11low/build-clang/tests/unit/test_verify")
set_tests_properties([=[unit/test_verify]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/h11low/tests/unit/CMakeLists.txt;7;add_test;/work/h11low/tests/unit/CMakeLists.txt;0;")
add_test([=[unit/test_exec]=] "/work/h11low/build-clang/tests/unit/test_exec")
set_tests_properties([=[unit/test_exec]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/h11low/tests/unit/CMakeLists.txt;7;add_test;/work/h11low/tests/unit/CMakeLists.txt;0;")
add_test([=[unit/test_pack]=] "/work/h11low/build-clang/tests/unit/test_pack")
set_tests_properties([=[unit/test_pack]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/h11low/tests/unit/CMakeLists.txt;7;add_test;/work/h11low/tests/unit/CMakeLists.txt;0;")
add_test([=[unit/test_graph]=] "/work/h11low/build-clang/tests/unit/test_graph")
set_tests_properties([=[unit/test_graph]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/h11low/tests/unit/CMakeLists.txt;7;add_test;/work/h11low/tests/unit/CMakeLists.txt;0;")
add_test([=[unit/test_check]=] "/work/h11low/build-clang/tests/unit/test_check")
set_tests_properties([=[unit/test_check]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/h11low/tests/unit/CMakeLists.txt;7;add_test;/work/h11low/tests/unit/CMakeLists.txt;0;")
