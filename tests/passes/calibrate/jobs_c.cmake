# jobs_c.cmake - the generated C of MODEL calibrated on CALIB is byte-
# identical whether calibration runs on one thread or on two.
#   cmake -DQCC=... -DMODEL=... -DCALIB=... -DDIR=... -DNAME=... -P jobs_c.cmake
foreach(j 1 2)
  file(MAKE_DIRECTORY ${DIR}/j${j})
  execute_process(COMMAND ${QCC} ${MODEL} --calib ${CALIB} --jobs ${j}
      -o ${DIR}/j${j}/${NAME}.c --name ${NAME}
    RESULT_VARIABLE r)
  if(NOT r EQUAL 0)
    message(FATAL_ERROR "qcc --jobs ${j} failed")
  endif()
endforeach()
foreach(f ${NAME}.c ${NAME}.h)
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files
      ${DIR}/j1/${f} ${DIR}/j2/${f}
    RESULT_VARIABLE r)
  if(NOT r EQUAL 0)
    message(FATAL_ERROR "${f} differs between --jobs 1 and --jobs 2")
  endif()
endforeach()
