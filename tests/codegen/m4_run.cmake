# m4_run.cmake - builds a generated model bare-metal for Cortex-M4 with the
# npy harness and runtime_stub/m4_start.c, runs it under qemu-system-arm
# (mps2-an386, semihosting) on a batch and requires outputs bit-identical
# to the simulator's.
#   cmake -DARMCC=arm-none-eabi-gcc -DQEMU=qemu-system-arm "-DFLAGS=-O2"
#         -DDIR=d -DNAME=m -DSTUB=runtime_stub -DINPUT=x.npy -DREF=sim.npy
#         -DNPYCHECK=npycheck -DTAG=m4 -P m4_run.cmake
# builds DIR/NAME_TAG.elf and writes DIR/NAME_TAG.npy.
foreach(tool ARMCC QEMU)
  if(NOT ${tool} OR ${tool} MATCHES "-NOTFOUND$")
    message("SKIP: ${tool} (arm-none-eabi-gcc, qemu-system-arm) not found")
    return()
  endif()
endforeach()
set(elf ${DIR}/${NAME}_${TAG}.elf)
execute_process(COMMAND ${ARMCC} -std=c99 -Wall -Wextra -Wpedantic -Werror
    ${FLAGS} -mcpu=cortex-m4 -mthumb --specs=nano.specs --specs=rdimon.specs
    -nostartfiles -T ${STUB}/mps2_an386.ld -I${DIR} -I${STUB}
    "-DQCC_MODEL_HEADER=\"${NAME}.h\"" -DQCC_MARK=qcc_mark
    ${DIR}/${NAME}.c ${STUB}/qcc_npy_main.c ${STUB}/m4_start.c -o ${elf}
  RESULT_VARIABLE r)
if(NOT r EQUAL 0)
  message(FATAL_ERROR "${ARMCC} failed on ${DIR}/${NAME}.c")
endif()
set(out ${DIR}/${NAME}_${TAG}.npy)
file(REMOVE ${out})
execute_process(COMMAND ${QEMU} -M mps2-an386 -cpu cortex-m4 -nographic
    -monitor none -serial none
    -semihosting-config enable=on,target=native,arg=${NAME},arg=${INPUT},arg=${out}
    -kernel ${elf}
  RESULT_VARIABLE r ERROR_VARIABLE err TIMEOUT 1500)
message(STATUS "${err}")
if(NOT r EQUAL 0)
  message(FATAL_ERROR "${elf} under ${QEMU} failed (${r}): ${err}")
endif()
execute_process(COMMAND ${NPYCHECK} equal ${out} ${REF} RESULT_VARIABLE r)
if(NOT r EQUAL 0)
  message(FATAL_ERROR "${elf}: outputs differ from the simulator's")
endif()
