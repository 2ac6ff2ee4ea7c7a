# expect_error.cmake - a qcc command that must fail with a stated error.
#   cmake -DQCC=qcc "-DARGS=model.onnx;--calib;c.npy;-o;DIR/m.c" -DOUT=DIR/m.c
#         "-DEXPECT=error text" -P expect_error.cmake
# Requires exit status 1, EXPECT (literal text) in the diagnostics, and no
# OUT (nor OUT's .h sibling) left behind.
get_filename_component(dir ${OUT} DIRECTORY)
file(MAKE_DIRECTORY ${dir})
string(REGEX REPLACE "\\.c$" ".h" header ${OUT})
file(REMOVE ${OUT} ${header})
execute_process(COMMAND ${QCC} ${ARGS} RESULT_VARIABLE r
  OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT r EQUAL 1)
  message(FATAL_ERROR "qcc exited with ${r}, expected 1\n${out}${err}")
endif()
string(FIND "${err}" "${EXPECT}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "expected the error\n  ${EXPECT}\ngot\n${err}")
endif()
if(EXISTS ${OUT} OR EXISTS ${header})
  message(FATAL_ERROR "qcc failed but left ${OUT} or ${header} behind")
endif()
message(STATUS "${err}")
