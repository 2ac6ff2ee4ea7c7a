# cg_check.cmake - generated C against the simulator, for a model with any
# number of inputs and outputs:
#   cg_check(AREA NAME MODEL CALIBS INPUTS NOUT [qcc options...])
# CALIBS and INPUTS are ;-lists with one file per graph input, NOUT the
# number of graph outputs. Tests, under AREA/NAME/:
#   gen      qcc MODEL --calib C0 --calib C1 ... [options] -o NAME.c
#   sim      qcc run MODEL (the same options), one --input per input and one
#            --output per output
#   gcc, clang, san   the C with runtime_stub/qcc_npy_main.c built -Werror
#            (san: ASan+UBSan) by tests/codegen/cc_run.cmake: every output
#            bit-identical to the simulator's
#   intonly  the .c compiles with -mgeneral-regs-only
# Fixtures cg_AREA_NAME (the C) and cg_AREA_NAME_sim (the simulator's
# outputs, CMAKE_CURRENT_BINARY_DIR/cg/NAME/sim_K.npy).
# Including it also sets QCC, NPYCHECK (the tools), SRC (the including
# directory) and OUT (a directory of its build tree, created).
set(QCC $<TARGET_FILE:qcc>)
set(NPYCHECK $<TARGET_FILE:npycheck>)
set(SRC ${CMAKE_CURRENT_SOURCE_DIR})
set(OUT ${CMAKE_CURRENT_BINARY_DIR}/out)
file(MAKE_DIRECTORY ${OUT})
find_program(CG_CHECK_CLANG clang)
function(cg_check area name model calibs inputs nout)
  set(STUB ${PROJECT_SOURCE_DIR}/runtime_stub)
  set(CC_RUN ${PROJECT_SOURCE_DIR}/tests/codegen/cc_run.cmake)
  set(dir ${CMAKE_CURRENT_BINARY_DIR}/cg/${name})
  set(fix cg_${area}_${name})
  file(MAKE_DIRECTORY ${dir})
  set(copts)
  foreach(c ${calibs})
    list(APPEND copts --calib ${c})
  endforeach()
  set(iopts)
  foreach(i ${inputs})
    list(APPEND iopts --input ${i})
  endforeach()
  set(oopts)
  set(refs)
  math(EXPR last "${nout} - 1")
  foreach(k RANGE ${last})
    list(APPEND oopts --output ${dir}/sim_${k}.npy)
    list(APPEND refs ${dir}/sim_${k}.npy)
  endforeach()
  add_test(NAME ${area}/${name}/gen
    COMMAND ${QCC} ${model} ${copts} ${ARGN} --name ${name}
            -o ${dir}/${name}.c)
  set_tests_properties(${area}/${name}/gen PROPERTIES
    FIXTURES_SETUP ${fix})
  add_test(NAME ${area}/${name}/sim
    COMMAND ${QCC} run ${model} ${copts} ${ARGN} ${iopts} ${oopts})
  set_tests_properties(${area}/${name}/sim PROPERTIES
    FIXTURES_SETUP ${fix}_sim)
  set(ccs gcc)
  if(CG_CHECK_CLANG)
    list(APPEND ccs clang)
  endif()
  set(san "-O1;-g;-fsanitize=address,undefined;-fno-sanitize-recover=all;-fno-omit-frame-pointer")
  foreach(tag ${ccs} san)
    set(cc ${tag})
    set(flags -O2)
    if(tag STREQUAL "san")
      set(cc gcc)
      set(flags ${san})
    endif()
    add_test(NAME ${area}/${name}/${tag}
      COMMAND ${CMAKE_COMMAND} -DCC=${cc} "-DFLAGS=${flags}" -DDIR=${dir}
              -DNAME=${name} -DSTUB=${STUB} "-DINPUT=${inputs}"
              "-DREF=${refs}" -DNPYCHECK=$<TARGET_FILE:npycheck> -DTAG=${tag}
              -P ${CC_RUN})
    set_tests_properties(${area}/${name}/${tag} PROPERTIES
      FIXTURES_REQUIRED "${fix};${fix}_sim")
  endforeach()
  add_test(NAME ${area}/${name}/intonly
    COMMAND gcc -std=c99 -Wall -Wextra -Wpedantic -Werror -O2
            -mgeneral-regs-only -c ${dir}/${name}.c -o ${dir}/${name}_int.o)
  set_tests_properties(${area}/${name}/intonly PROPERTIES
    FIXTURES_REQUIRED ${fix})
endfunction()

