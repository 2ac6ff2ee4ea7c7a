# accuracy.cmake - one W8A8 accuracy check (tests/quant/CMakeLists.txt).
#   cmake -DQCC=... -DNPYCHECK=... -DMODEL=... -DCALIB=... -DX=... -DY=...
#         -DOUT=PREFIX "-DFLAGS=--granularity;per-channel" -DMIN=P
#         [-DFLOAT_MARGIN=IMAGES -DAGREE=P] -P accuracy.cmake
# Quantizes MODEL on CALIB, runs the integer simulator on X and requires
# top-1 >= MIN percent on labels Y. With FLOAT_MARGIN it also runs the float
# model and requires the quantized model to lose at most FLOAT_MARGIN images
# against it, and (AGREE) to agree with its top-1 on at least AGREE percent.

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE r OUTPUT_VARIABLE out
    ERROR_VARIABLE err)
  message(STATUS "${out}${err}")
  if(NOT r EQUAL 0)
    string(REPLACE ";" " " cmd "${ARGN}")
    message(FATAL_ERROR "failed (${r}): ${cmd}\n${out}${err}")
  endif()
  set(run_out "${out}" PARENT_SCOPE)
endfunction()

run(${QCC} run ${MODEL} --calib ${CALIB} ${FLAGS} --input ${X}
  --output ${OUT}.int.npy)
run(${NPYCHECK} accuracy ${OUT}.int.npy ${Y} --min ${MIN})
if(NOT DEFINED FLOAT_MARGIN)
  return()
endif()

run(${QCC} run ${MODEL} --input ${X} --output ${OUT}.float.npy)
run(${NPYCHECK} accuracy ${OUT}.float.npy ${Y} --min 0)
if(NOT run_out MATCHES "\\(([0-9]+)/([0-9]+)\\)")
  message(FATAL_ERROR "cannot read the float accuracy from: ${run_out}")
endif()
set(correct ${CMAKE_MATCH_1})
set(total ${CMAKE_MATCH_2})
# the quantized model may lose FLOAT_MARGIN images: min = 100*(c-m)/total,
# written with four decimals in integer arithmetic
math(EXPR need "${correct} - ${FLOAT_MARGIN}")
math(EXPR scaled "(${need} * 1000000) / ${total}")
math(EXPR whole "${scaled} / 10000")
math(EXPR frac "${scaled} % 10000 + 10000")
string(SUBSTRING "${frac}" 1 4 frac)
run(${NPYCHECK} accuracy ${OUT}.int.npy ${Y} --min ${whole}.${frac})
run(${NPYCHECK} agree ${OUT}.int.npy ${OUT}.float.npy --min ${AGREE})
