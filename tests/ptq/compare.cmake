# compare.cmake - quantizes MODEL with BASE flags and with each set of
# flags in OPTS ("|"-separated, each a space-separated list), runs the
# integer simulator on the test set and compares top-1 accuracies:
#   MODE no_worse   each option loses at most 0.1 point against BASE
#   MODE better     each option is strictly more accurate than BASE
# and, with MIN set, each option reaches MIN percent. With BASE_NPY set,
# the BASE outputs are read from that file (written by an earlier test)
# instead of being computed again.
#   cmake -DQCC=... -DNPYCHECK=... -DMODEL=... -DCALIB=... -DX=... -DY=...
#         "-DBASE=..." "-DOPTS=..." -DMODE=... [-DMIN=P] [-DBASE_NPY=F]
#         -DOUT=DIR -P compare.cmake
file(MAKE_DIRECTORY ${OUT})

# Sets ${var} to the number of test images classified right with flags
# (the outputs in ${npy}, computed unless the file is given).
function(hits var npy flags)
  if(NOT EXISTS "${npy}")
    separate_arguments(f UNIX_COMMAND "${flags}")
    execute_process(COMMAND ${QCC} run ${MODEL} --calib ${CALIB} ${f}
      --input ${X} --output ${npy} RESULT_VARIABLE r)
    if(NOT r EQUAL 0)
      message(FATAL_ERROR "qcc run ${flags} failed")
    endif()
  endif()
  execute_process(COMMAND ${NPYCHECK} accuracy ${npy} ${Y}
    --min 0 OUTPUT_VARIABLE text RESULT_VARIABLE r)
  if(NOT r EQUAL 0 OR NOT text MATCHES "\\(([0-9]+)/([0-9]+)\\)")
    message(FATAL_ERROR "npycheck failed: ${text}")
  endif()
  message(STATUS "${flags}: ${text}")
  set(${var} ${CMAKE_MATCH_1} PARENT_SCOPE)
  set(total ${CMAKE_MATCH_2} PARENT_SCOPE)
endfunction()

if(BASE_NPY)
  if(NOT EXISTS "${BASE_NPY}")
    message(FATAL_ERROR "no ${BASE_NPY}: the test that writes it failed")
  endif()
  hits(base "${BASE_NPY}" "${BASE}")
else()
  file(REMOVE "${OUT}/base.npy")
  hits(base "${OUT}/base.npy" "${BASE}")
endif()
string(REPLACE "|" ";" sets "${OPTS}")
set(i 0)
set(failed "")
foreach(s ${sets})
  math(EXPR i "${i} + 1")
  file(REMOVE "${OUT}/opt${i}.npy")
  hits(h "${OUT}/opt${i}.npy" "${BASE} ${s}")
  if(MODE STREQUAL "no_worse")
    # at most 0.1 point: (base - h) / total <= 1/1000
    math(EXPR loss "(${base} - ${h}) * 1000")
    if(loss GREATER total)
      list(APPEND failed "${s}: ${h} right against ${base} without it")
    endif()
  elseif(MODE STREQUAL "better")
    if(NOT h GREATER base)
      list(APPEND failed "${s}: ${h} right, not more than ${base}")
    endif()
  else()
    message(FATAL_ERROR "unknown MODE ${MODE}")
  endif()
  if(DEFINED MIN)
    string(REPLACE "." "" min100 ${MIN})
    math(EXPR lhs "${h} * 10000")
    math(EXPR rhs "${min100} * ${total}")
    if(lhs LESS rhs)
      list(APPEND failed "${s}: ${h} of ${total} right, below ${MIN} %")
    endif()
  endif()
endforeach()
if(failed)
  string(REPLACE ";" "\n  " failed "${failed}")
  message(FATAL_ERROR "with ${BASE}:\n  ${failed}")
endif()
