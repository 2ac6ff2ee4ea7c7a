# accuracy.cmake - quantizes MODEL with FLAGS (a ;-list), runs the integer
# simulator on the test set and checks top-1 >= MIN.
#   cmake -DQCC=... -DNPYCHECK=... -DMODEL=... -DCALIB=... -DX=... -DY=...
#         -DFLAGS=... -DMIN=... -DOUT=FILE.npy -P accuracy.cmake
execute_process(COMMAND ${QCC} run ${MODEL} --calib ${CALIB} ${FLAGS}
  --input ${X} --output ${OUT} RESULT_VARIABLE r)
if(NOT r EQUAL 0)
  message(FATAL_ERROR "qcc run failed")
endif()
execute_process(COMMAND ${NPYCHECK} accuracy ${OUT} ${Y} --min ${MIN}
  RESULT_VARIABLE r)
if(NOT r EQUAL 0)
  message(FATAL_ERROR "accuracy below ${MIN}")
endif()
