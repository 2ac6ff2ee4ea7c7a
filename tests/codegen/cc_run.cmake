# cc_run.cmake - builds a generated model with the npy harness, runs it on a
# batch and requires outputs bit-identical to the simulator's.
#   cmake -DCC=gcc "-DFLAGS=-O2;-Wall" -DDIR=d -DNAME=m -DSTUB=runtime_stub
#         -DINPUT=x.npy -DREF=sim.npy -DNPYCHECK=npycheck -DTAG=gcc
#         [-DSTRIP_SAN=1] [-DRUNNER=qemu-aarch64;-L;/usr/aarch64-linux-gnu]
#         -P cc_run.cmake
# builds DIR/NAME_TAG from DIR/NAME.c and writes DIR/NAME_TAG.npy (RUNNER:
# the program run under it, e.g. a cross build under qemu-user).
set(exe ${DIR}/${NAME}_${TAG})
if(CC MATCHES "-NOTFOUND" OR RUNNER MATCHES "-NOTFOUND")
  message("SKIP: not found: ${CC} ${RUNNER}")
  return()
endif()
execute_process(COMMAND ${CC} -std=c99 -Wall -Wextra -Wpedantic -Werror
    ${FLAGS} -I${DIR} -I${STUB} "-DQCC_MODEL_HEADER=\"${NAME}.h\""
    ${DIR}/${NAME}.c ${STUB}/qcc_npy_main.c -o ${exe}
  RESULT_VARIABLE r)
if(NOT r EQUAL 0)
  message(FATAL_ERROR "${CC} failed on ${DIR}/${NAME}.c")
endif()
execute_process(COMMAND ${RUNNER} ${exe} ${INPUT} ${exe}.npy RESULT_VARIABLE r)
if(NOT r EQUAL 0)
  message(FATAL_ERROR "${exe} failed (${r})")
endif()
execute_process(COMMAND ${NPYCHECK} equal ${exe}.npy ${REF} RESULT_VARIABLE r)
if(NOT r EQUAL 0)
  message(FATAL_ERROR "${exe}: outputs differ from the simulator's")
endif()
