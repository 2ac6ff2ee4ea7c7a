# sweep.cmake - qcc over every file of a directory tree (libonnx-testdata's
# suites: models, serialized tensors, data.json): for each file,
#   qcc FILE --emit=ir -o OUT/m.g
# must exit with status 0 (m.g written) or 1 (an `error:` on stderr, and
# nothing left in OUT: no m.g, no temporary). A signal (a crash, a
# sanitizer's abort) or any other status fails the test.
#   cmake -DQCC=... -DDATA=dir -DOUT=dir -P sweep.cmake
file(GLOB_RECURSE files LIST_DIRECTORIES false ${DATA}/*)
list(SORT files)
set(ok 0)
set(refused 0)
foreach(f IN LISTS files)
  file(REMOVE_RECURSE ${OUT})
  file(MAKE_DIRECTORY ${OUT})
  execute_process(COMMAND ${QCC} ${f} --emit=ir -o ${OUT}/m.g
    RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
  file(GLOB left ${OUT}/*)
  if(rc EQUAL 0 AND EXISTS ${OUT}/m.g)
    math(EXPR ok "${ok} + 1")
  elseif(rc EQUAL 1 AND err MATCHES "error: " AND NOT left)
    math(EXPR refused "${refused} + 1")
  else()
    message(FATAL_ERROR "${f}: status ${rc}, left ${left}:\n${err}")
  endif()
endforeach()
file(REMOVE_RECURSE ${OUT})
message(STATUS "${ok} files converted, ${refused} refused with an error")
