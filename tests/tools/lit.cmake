# lit.cmake - `.g` files that carry their own test: qcc_lit_tests(DIR).
#
# Every *.g file directly in DIR (relative to the calling CMakeLists.txt)
# becomes one CTest test named after its path under tests/, without the
# extension, e.g. `diag/unknown_op`, `passes/fold_bn/basic`. The file's comment lines say what to run and what to
# expect:
#
#   # RUN: %qcc %s --passes=fold_bn --emit=ir
#   # RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
#   # CHECK: c1 = conv2d(x, w1_f, b1_f
#   # CHECK-NOT: batchnorm
#
# - RUN: runs the command with /bin/sh (so pipes, &&, redirections and
#   `2>&1` work) and requires exit status 0. RUN-FAIL: requires exit status
#   exactly 1 and, in addition, that the command added no file to %T (so a
#   failing `-o %t.g` created nothing, not even a temporary). Several RUN
#   and RUN-FAIL lines run in order in the same test (earlier ones may
#   prepare data in %T); each must pass.
# - The standard output of all RUN lines (plus standard error where the line
#   redirects it with 2>&1), concatenated, is checked by LLVM FileCheck against
#   the file's CHECK lines (any FileCheck directive: CHECK, CHECK-NEXT,
#   CHECK-NOT, CHECK-SAME, CHECK-EMPTY...). A file without CHECK lines only
#   checks exit statuses (e.g. a RUN line ending in `| diff ...`).
# - Substitutions: %s the test file, %S its directory, %T a fresh empty
#   directory for this test, %t = %T/t (a path prefix for outputs: %t.g,
#   %t.npy), %qcc the qcc binary, %npycheck the npycheck tool,
#   %python /usr/bin/python3.
#
# Optional arguments after DIR: LABELS l1 l2 ... sets CTest labels.
#
# Usage, in tests/AREA/CMakeLists.txt:
#   include(${PROJECT_SOURCE_DIR}/tests/tools/lit.cmake)
#   qcc_lit_tests(.)                # or qcc_lit_tests(fold_bn)

find_program(QCC_FILECHECK FileCheck
  PATHS /usr/lib/llvm-14/bin /usr/lib/llvm-15/bin /usr/lib/llvm-16/bin
  REQUIRED)
set(QCC_LIT_RUNNER ${CMAKE_CURRENT_LIST_DIR}/lit_run.cmake)

function(qcc_lit_tests dir)
  cmake_parse_arguments(LIT "" "" "LABELS" ${ARGN})
  get_filename_component(abs ${dir} ABSOLUTE BASE_DIR ${CMAKE_CURRENT_SOURCE_DIR})
  file(RELATIVE_PATH area ${PROJECT_SOURCE_DIR}/tests ${abs})
  file(GLOB files CONFIGURE_DEPENDS ${abs}/*.g)
  list(SORT files)
  foreach(f ${files})
    get_filename_component(stem ${f} NAME_WE)
    set(name ${area}/${stem})
    set(tdir ${CMAKE_CURRENT_BINARY_DIR}/lit/${area}/${stem})
    add_test(NAME ${name}
      COMMAND ${CMAKE_COMMAND}
        -DSRC=${f} -DTDIR=${tdir}
        -DQCC=$<TARGET_FILE:qcc> -DNPYCHECK=$<TARGET_FILE:npycheck>
        -DFILECHECK=${QCC_FILECHECK}
        -P ${QCC_LIT_RUNNER})
    if(LIT_LABELS)
      set_tests_properties(${name} PROPERTIES LABELS "${LIT_LABELS}")
    endif()
  endforeach()
endfunction()
