# hostile.cmake - runs onnx_hostile (every truncation and single-byte
# corruption of a small model, in process), then feeds each hand-made hostile
# file it wrote to qcc: each must exit with status 1 and an error message.
#   cmake -DQCC=... -DHOSTILE=... -DOUT=dir -P hostile.cmake
file(REMOVE_RECURSE ${OUT})
file(MAKE_DIRECTORY ${OUT})
execute_process(COMMAND ${HOSTILE} ${OUT} RESULT_VARIABLE rc
  OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "onnx_hostile failed (${rc}):\n${out}\n${err}")
endif()
execute_process(COMMAND ${QCC} ${OUT}/valid.onnx --emit=ir -o ${OUT}/valid.g
  RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "qcc rejects the valid model (${rc}):\n${err}")
endif()
file(GLOB bad ${OUT}/bad_*.onnx)
list(LENGTH bad n)
if(n LESS 15)
  message(FATAL_ERROR "expected at least 15 hostile files, found ${n}")
endif()
foreach(f IN LISTS bad)
  execute_process(COMMAND ${QCC} ${f} --emit=ir -o ${OUT}/out.g
    RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 1 OR NOT err MATCHES "error: ")
    message(FATAL_ERROR "${f}: expected exit status 1 and an error, got ${rc}:\n${err}")
  endif()
  string(REGEX REPLACE "\n.*" "" first "${err}")
  message(STATUS "${first}")
endforeach()
