# cc_run.cmake - builds a generated model with the npy harness, runs it on a
# batch and requires outputs bit-identical to the simulator's.
#   cmake -DCC=gcc "-DFLAGS=-O2;-Wall" -DDIR=d -DNAME=m -DSTUB=runtime_stub
#         -DINPUT=x.npy -DREF=sim.npy -DNPYCHECK=npycheck -DTAG=gcc
#         [-DSTRIP_SAN=1] [-DCPU_FLAGS=avx2,fma] -P cc_run.cmake
# builds DIR/NAME_TAG from DIR/NAME.c and writes DIR/NAME_TAG.npy. With
# CPU_FLAGS, prints "SKIP: ..." and stops where /proc/cpuinfo does not list
# every one of them (the test's SKIP_REGULAR_EXPRESSION).
if(CPU_FLAGS)
  set(cpuinfo "")
  if(EXISTS /proc/cpuinfo)
    file(STRINGS /proc/cpuinfo cpuinfo REGEX "^flags" LIMIT_COUNT 1)
  endif()
  string(REPLACE "," ";" CPU_FLAGS "${CPU_FLAGS}")
  foreach(fl ${CPU_FLAGS})
    if(NOT " ${cpuinfo} " MATCHES " ${fl} ")
      message("SKIP: this CPU cannot run the code (no ${fl} in /proc/cpuinfo)")
      return()
    endif()
  endforeach()
endif()
set(exe ${DIR}/${NAME}_${TAG})
execute_process(COMMAND ${CC} -std=c99 -Wall -Wextra -Wpedantic -Werror
    ${FLAGS} -I${DIR} -I${STUB} "-DQCC_MODEL_HEADER=\"${NAME}.h\""
    ${DIR}/${NAME}.c ${STUB}/qcc_npy_main.c -o ${exe}
  RESULT_VARIABLE r)
if(NOT r EQUAL 0)
  message(FATAL_ERROR "${CC} failed on ${DIR}/${NAME}.c")
endif()
execute_process(COMMAND ${exe} ${INPUT} ${exe}.npy RESULT_VARIABLE r)
if(NOT r EQUAL 0)
  message(FATAL_ERROR "${exe} failed (${r})")
endif()
execute_process(COMMAND ${NPYCHECK} equal ${exe}.npy ${REF} RESULT_VARIABLE r)
if(NOT r EQUAL 0)
  message(FATAL_ERROR "${exe}: outputs differ from the simulator's")
endif()
