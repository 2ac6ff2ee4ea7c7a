# CMake generated Testfile for 
# Source directory: /work/h13x/tests/eval
# Build directory: /work/h13x/build-clang/tests/eval
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
add_test([=[eval/consistent]=] "/usr/bin/cmake" "-DSRC=/work/h13x/tests/eval/consistent.g" "-DTDIR=/work/h13x/build-clang/tests/eval/lit/eval/consistent" "-DQCC=/work/h13x/build-clang/qcc" "-DNPYCHECK=/work/h13x/build-clang/tests/npycheck" "-DFILECHECK=/usr/lib/llvm-14/bin/FileCheck" "-P" "/work/h13x/tests/tools/lit_run.cmake")
set_tests_properties([=[eval/consistent]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/h13x/tests/tools/lit.cmake;50;add_test;/work/h13x/tests/eval/CMakeLists.txt;2;qcc_lit_tests;/work/h13x/tests/eval/CMakeLists.txt;0;")
add_test([=[eval/errors]=] "/usr/bin/cmake" "-DSRC=/work/h13x/tests/eval/errors.g" "-DTDIR=/work/h13x/build-clang/tests/eval/lit/eval/errors" "-DQCC=/work/h13x/build-clang/qcc" "-DNPYCHECK=/work/h13x/build-clang/tests/npycheck" "-DFILECHECK=/usr/lib/llvm-14/bin/FileCheck" "-P" "/work/h13x/tests/tools/lit_run.cmake")
set_tests_properties([=[eval/errors]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/h13x/tests/tools/lit.cmake;50;add_test;/work/h13x/tests/eval/CMakeLists.txt;2;qcc_lit_tests;/work/h13x/tests/eval/CMakeLists.txt;0;")
add_test([=[eval/findings]=] "/usr/bin/cmake" "-DSRC=/work/h13x/tests/eval/findings.g" "-DTDIR=/work/h13x/build-clang/tests/eval/lit/eval/findings" "-DQCC=/work/h13x/build-clang/qcc" "-DNPYCHECK=/work/h13x/build-clang/tests/npycheck" "-DFILECHECK=/usr/lib/llvm-14/bin/FileCheck" "-P" "/work/h13x/tests/tools/lit_run.cmake")
set_tests_properties([=[eval/findings]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/h13x/tests/tools/lit.cmake;50;add_test;/work/h13x/tests/eval/CMakeLists.txt;2;qcc_lit_tests;/work/h13x/tests/eval/CMakeLists.txt;0;")
add_test([=[eval/findings_weights]=] "/usr/bin/cmake" "-DSRC=/work/h13x/tests/eval/findings_weights.g" "-DTDIR=/work/h13x/build-clang/tests/eval/lit/eval/findings_weights" "-DQCC=/work/h13x/build-clang/qcc" "-DNPYCHECK=/work/h13x/build-clang/tests/npycheck" "-DFILECHECK=/usr/lib/llvm-14/bin/FileCheck" "-P" "/work/h13x/tests/tools/lit_run.cmake")
set_tests_properties([=[eval/findings_weights]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/h13x/tests/tools/lit.cmake;50;add_test;/work/h13x/tests/eval/CMakeLists.txt;2;qcc_lit_tests;/work/h13x/tests/eval/CMakeLists.txt;0;")
add_test([=[eval/sqnr]=] "/usr/bin/cmake" "-DSRC=/work/h13x/tests/eval/sqnr.g" "-DTDIR=/work/h13x/build-clang/tests/eval/lit/eval/sqnr" "-DQCC=/work/h13x/build-clang/qcc" "-DNPYCHECK=/work/h13x/build-clang/tests/npycheck" "-DFILECHECK=/usr/lib/llvm-14/bin/FileCheck" "-P" "/work/h13x/tests/tools/lit_run.cmake")
set_tests_properties([=[eval/sqnr]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/h13x/tests/tools/lit.cmake;50;add_test;/work/h13x/tests/eval/CMakeLists.txt;2;qcc_lit_tests;/work/h13x/tests/eval/CMakeLists.txt;0;")
add_test([=[eval/findings_builds_up]=] "/work/h13x/build-clang/qcc" "eval" "/work/shared/models/mobilenet_ish.onnx" "--weight-bits" "4" "--calib" "/work/shared/models/calib.npy" "--data" "/work/shared/models/calib.npy" "--labels" "/work/shared/models/calib_y.npy")
set_tests_properties([=[eval/findings_builds_up]=] PROPERTIES  PASS_REGULAR_EXPRESSION "findings:
  1\\. the error builds up: the output's SQNR is 1[0-9]\\.[0-9]+ dB; the layers that add the most on their own: b3_pw_Conv_output_0 1[0-9]\\.[0-9]+ dB \\(its weights 1[0-9]\\.[0-9]+ dB\\), [^
]*; the rounding of b3_pw_Conv_output_0's 4-bit weights \\(SQNR 1[0-9]\\.[0-9]+ dB\\) is most of its error: --adaround, or more --weight-bits
\$" _BACKTRACE_TRIPLES "/work/h13x/tests/eval/CMakeLists.txt;10;add_test;/work/h13x/tests/eval/CMakeLists.txt;0;")
