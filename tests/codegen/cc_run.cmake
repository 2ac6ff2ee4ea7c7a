# cc_run.cmake - builds a generated model with the npy harness, runs it on a
# batch and requires outputs bit-identical to the simulator's.
#   cmake -DCC=gcc "-DFLAGS=-O2;-Wall" -DDIR=d -DNAME=m -DSTUB=runtime_stub
#         -DINPUT=x.npy -DREF=sim.npy -DNPYCHECK=npycheck -DTAG=gcc
#         [-DSTRIP_SAN=1] [-DCPU_FLAGS=avx2,fma]
#         [-DRUNNER=qemu-aarch64;-L;/usr/aarch64-linux-gnu] -P cc_run.cmake
# builds DIR/NAME_TAG from DIR/NAME.c and writes DIR/NAME_TAG.npy. A model
# with several inputs and outputs takes INPUT and REF as lists (one file per
# input, one reference per output) and writes DIR/NAME_TAG_K.npy, K from 0.
# RUNNER: the program is run under it (a cross build under qemu-user); the
# test prints SKIP when the compiler or the runner is not installed.
# With CPU_FLAGS, prints "SKIP: ..." and stops where /proc/cpuinfo does not
# list every one of them (the test's SKIP_REGULAR_EXPRESSION).
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
list(LENGTH REF nref)
set(outs)
if(nref EQUAL 1)
  set(outs ${exe}.npy)
else()
  math(EXPR last "${nref} - 1")
  foreach(k RANGE ${last})
    list(APPEND outs ${exe}_${k}.npy)
  endforeach()
endif()
execute_process(COMMAND ${RUNNER} ${exe} ${INPUT} ${outs} RESULT_VARIABLE r)
if(NOT r EQUAL 0)
  message(FATAL_ERROR "${exe} failed (${r})")
endif()
foreach(out ref IN ZIP_LISTS outs REF)
  execute_process(COMMAND ${NPYCHECK} equal ${out} ${ref} RESULT_VARIABLE r)
  if(NOT r EQUAL 0)
    message(FATAL_ERROR "${exe}: ${out} differs from the simulator's ${ref}")
  endif()
endforeach()
