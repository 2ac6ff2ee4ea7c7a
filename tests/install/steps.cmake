# steps.cmake - included by the install test scripts.
#
# step(WHAT <command>...): runs the command; stops the test with WHAT and
# the command's output if it fails. Its output (stdout and stderr) is left
# in step_out.
function(step what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE r OUTPUT_VARIABLE out
    ERROR_VARIABLE out)
  if(NOT r EQUAL 0)
    message(FATAL_ERROR "${what} failed (${r}):\n${out}")
  endif()
  set(step_out "${out}" PARENT_SCOPE)
endfunction()

# step_equal(WHAT A B NPYCHECK): A and B are identical .npy arrays.
function(step_equal what a b npycheck)
  execute_process(COMMAND "${npycheck}" equal "${a}" "${b}" RESULT_VARIABLE r)
  if(NOT r EQUAL 0)
    message(FATAL_ERROR "${what}: outputs differ from `qcc run --calib`")
  endif()
endfunction()
