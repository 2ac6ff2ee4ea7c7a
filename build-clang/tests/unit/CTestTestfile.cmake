# CMake generated Testfile for 
# Source directory: /work/h13x/tests/unit
# Build directory: /work/h13x/build-clang/tests/unit
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
add_test([=[unit/test_shape]=] "/work/h13x/build-clang/tests/unit/test_shape")
set_tests_properties([=[unit/test_shape]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/h13x/tests/unit/CMakeLists.txt;8;add_test;/work/h13x/tests/unit/CMakeLists.txt;0;")
add_test([=[unit/test_verify]=] "/work/h13x/build-clang/tests/unit/test_verify")
set_tests_properties([=[unit/test_verify]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/h13x/tests/unit/CMakeLists.txt;8;add_test;/work/h13x/tests/unit/CMakeLists.txt;0;")
add_test([=[unit/test_exec]=] "/work/h13x/build-clang/tests/unit/test_exec")
set_tests_properties([=[unit/test_exec]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/h13x/tests/unit/CMakeLists.txt;8;add_test;/work/h13x/tests/unit/CMakeLists.txt;0;")
add_test([=[unit/test_pack]=] "/work/h13x/build-clang/tests/unit/test_pack")
set_tests_properties([=[unit/test_pack]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/h13x/tests/unit/CMakeLists.txt;8;add_test;/work/h13x/tests/unit/CMakeLists.txt;0;")
add_test([=[unit/test_graph]=] "/work/h13x/build-clang/tests/unit/test_graph")
set_tests_properties([=[unit/test_graph]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/h13x/tests/unit/CMakeLists.txt;8;add_test;/work/h13x/tests/unit/CMakeLists.txt;0;")
add_test([=[unit/test_check]=] "/work/h13x/build-clang/tests/unit/test_check")
set_tests_properties([=[unit/test_check]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/h13x/tests/unit/CMakeLists.txt;8;add_test;/work/h13x/tests/unit/CMakeLists.txt;0;")
add_test([=[unit/test_qnorm]=] "/work/h13x/build-clang/tests/unit/test_qnorm")
set_tests_properties([=[unit/test_qnorm]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/h13x/tests/unit/CMakeLists.txt;8;add_test;/work/h13x/tests/unit/CMakeLists.txt;0;")
add_test([=[unit/test_gemmlowp]=] "/work/h13x/build-clang/tests/unit/test_gemmlowp")
set_tests_properties([=[unit/test_gemmlowp]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/h13x/tests/unit/CMakeLists.txt;21;add_test;/work/h13x/tests/unit/CMakeLists.txt;0;")
