# Runs one per-op case: qcc run MODEL --input ... --output OUT, then
# npycheck close OUT EXPECTED with the case's tolerance.
set(args run ${MODEL})
foreach(in ${INPUTS})
  list(APPEND args --input ${in})
endforeach()
file(REMOVE ${OUT})
execute_process(COMMAND ${QCC} ${args} --output ${OUT} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "qcc run failed (${rc})")
endif()
execute_process(COMMAND ${NPYCHECK} close ${OUT} ${EXPECTED} ${TOL}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "output differs from the reference")
endif()
