# codegen.cmake - compiles MODEL with the PTQ options OPTS (a ;-list) to C,
# runs the simulator on X, then builds the C with gcc and the npy harness and
# requires bit-identical outputs (tests/codegen/cc_run.cmake).
#   cmake -DQCC=... -DNPYCHECK=... -DMODEL=... -DCALIB=... -DX=... -DOPTS=...
#         -DDIR=... -DNAME=... -DSTUB=... -DCCRUN=... -P codegen.cmake
file(MAKE_DIRECTORY ${DIR})
execute_process(COMMAND ${QCC} ${MODEL} --calib ${CALIB} ${OPTS}
    -o ${DIR}/${NAME}.c --name ${NAME}
  RESULT_VARIABLE r)
if(NOT r EQUAL 0)
  message(FATAL_ERROR "qcc -o ${NAME}.c failed")
endif()
execute_process(COMMAND ${QCC} run ${MODEL} --calib ${CALIB} ${OPTS}
    --input ${X} --output ${DIR}/sim.npy
  RESULT_VARIABLE r)
if(NOT r EQUAL 0)
  message(FATAL_ERROR "qcc run failed")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -DCC=gcc "-DFLAGS=-O2" -DDIR=${DIR}
    -DNAME=${NAME} -DSTUB=${STUB} -DINPUT=${X} -DREF=${DIR}/sim.npy
    -DNPYCHECK=${NPYCHECK} -DTAG=gcc -P ${CCRUN}
  RESULT_VARIABLE r)
if(NOT r EQUAL 0)
  message(FATAL_ERROR "generated C differs from the simulator")
endif()
