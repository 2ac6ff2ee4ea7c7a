# rt_isa.cmake - the generic C's run-time choice of its AVX2 twins:
#   cmake -DCC=gcc -DDIR=d -DNAME=m -DSRC=rt_isa.c [-DFLAGS=-DQCC_NO_RUNTIME_ISA]
#         -DTAG=t -P rt_isa.cmake
# builds rt_isa.c with DIR/NAME.c (-std=c99 -Wpedantic -Werror -O2) and
# requires it to print 1 exactly where /proc/cpuinfo lists avx2, and 0
# whatever the CPU when FLAGS define QCC_NO_RUNTIME_ISA.
set(exe ${DIR}/rt_isa_${TAG})
execute_process(COMMAND ${CC} -std=c99 -Wall -Wextra -Wpedantic -Werror -O2
    ${FLAGS} -I${DIR} "-DQCC_MODEL_C=\"${NAME}.c\"" ${SRC} -o ${exe}
  RESULT_VARIABLE r)
if(NOT r EQUAL 0)
  message(FATAL_ERROR "${CC} failed on ${SRC} with ${DIR}/${NAME}.c")
endif()
execute_process(COMMAND ${exe} OUTPUT_VARIABLE got RESULT_VARIABLE r
  OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT r EQUAL 0)
  message(FATAL_ERROR "${exe} failed (${r})")
endif()
set(cpuinfo "")
if(EXISTS /proc/cpuinfo)
  file(STRINGS /proc/cpuinfo cpuinfo REGEX "^flags" LIMIT_COUNT 1)
endif()
set(want 0)
if(" ${cpuinfo} " MATCHES " avx2 " AND NOT "${FLAGS}" MATCHES "QCC_NO_RUNTIME_ISA")
  set(want 1)
endif()
if(NOT got STREQUAL want)
  message(FATAL_ERROR "${exe}: the AVX2 twins chosen: ${got}, expected ${want} "
    "(avx2 in /proc/cpuinfo, FLAGS '${FLAGS}')")
endif()
message("the AVX2 twins chosen: ${got}")
