# m4_run.cmake - builds a generated model bare-metal for Cortex-M4 with the
# npy harness and runtime_stub/m4_start.c, runs it under qemu-system-arm
# (mps2-an386, semihosting) on a batch and requires outputs bit-identical
# to the simulator's.
#   cmake -DARMCC=arm-none-eabi-gcc -DQEMU=qemu-system-arm "-DFLAGS=-O2"
#         -DDIR=d -DNAME=m -DSTUB=runtime_stub -DINPUT=x.npy -DREF=sim.npy
#         -DNPYCHECK=npycheck -DTAG=m4 [-DPYTHON=python3 -DCHUNK=n]
#         -P m4_run.cmake
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
# The board has 4 MB of RAM: with -DPYTHON=python3 -DCHUNK=n the input and
# the reference are split into runs of n samples (numpy), each run checked.
set(parts ${TAG})
if(CHUNK)
  execute_process(COMMAND ${PYTHON} -c "import numpy as np, sys
n = int(sys.argv[3])
for path, tag in ((sys.argv[1], 'in'), (sys.argv[2], 'ref')):
    a = np.load(path)
    for i in range(0, len(a), n):
        np.save('%s_%s%d.npy' % (sys.argv[4], tag, i // n), a[i:i + n])
print(';'.join(str(i) for i in range((len(a) + n - 1) // n)))"
      ${INPUT} ${REF} ${CHUNK} ${DIR}/${NAME}_${TAG}
    OUTPUT_VARIABLE parts OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE r)
  if(NOT r EQUAL 0)
    message(FATAL_ERROR "splitting ${INPUT} failed")
  endif()
endif()
foreach(part ${parts})
  set(in ${INPUT})
  set(ref ${REF})
  set(out ${DIR}/${NAME}_${TAG}.npy)
  if(CHUNK)
    set(in ${DIR}/${NAME}_${TAG}_in${part}.npy)
    set(ref ${DIR}/${NAME}_${TAG}_ref${part}.npy)
    set(out ${DIR}/${NAME}_${TAG}_out${part}.npy)
  endif()
  file(REMOVE ${out})
  execute_process(COMMAND ${QEMU} -M mps2-an386 -cpu cortex-m4 -nographic
      -monitor none -serial none
      -semihosting-config enable=on,target=native,arg=${NAME},arg=${in},arg=${out}
      -kernel ${elf}
    RESULT_VARIABLE r ERROR_VARIABLE err TIMEOUT 1500)
  message(STATUS "${err}")
  if(NOT r EQUAL 0)
    message(FATAL_ERROR "${elf} under ${QEMU} failed (${r}): ${err}")
  endif()
  execute_process(COMMAND ${NPYCHECK} equal ${out} ${ref} RESULT_VARIABLE r)
  if(NOT r EQUAL 0)
    message(FATAL_ERROR "${elf} on ${in}: outputs differ from the simulator's")
  endif()
endforeach()
