# arm_size.cmake - compiles a generated model for Cortex-M4 (no FPU use:
# the integer core) warning-free and prints its section sizes.
#   cmake -DARMCC=arm-none-eabi-gcc -DARMSIZE=arm-none-eabi-size -DDIR=d
#         -DNAME=m -P arm_size.cmake
set(obj ${DIR}/${NAME}_m4.o)
execute_process(COMMAND ${ARMCC} -std=c99 -Wall -Wextra -Wpedantic -Werror
    -O2 -mcpu=cortex-m4 -mthumb -c ${DIR}/${NAME}.c -o ${obj}
  RESULT_VARIABLE r)
if(NOT r EQUAL 0)
  message(FATAL_ERROR "${ARMCC} failed on ${DIR}/${NAME}.c")
endif()
execute_process(COMMAND ${ARMSIZE} -A ${obj} OUTPUT_VARIABLE out
  RESULT_VARIABLE r)
if(NOT r EQUAL 0)
  message(FATAL_ERROR "${ARMSIZE} failed")
endif()
set(text 0)
set(rodata 0)
set(bss 0)
string(REPLACE "\n" ";" lines "${out}")
foreach(l ${lines})
  if(l MATCHES "^\\.(text|rodata|bss)[^ ]*[ ]+([0-9]+)")
    math(EXPR ${CMAKE_MATCH_1} "${${CMAKE_MATCH_1}} + ${CMAKE_MATCH_2}")
  endif()
endforeach()
message(STATUS "${NAME} on Cortex-M4: text ${text} rodata ${rodata} bss ${bss} bytes")
file(WRITE ${DIR}/${NAME}_m4_size.txt "text ${text}\nrodata ${rodata}\nbss ${bss}\n")
