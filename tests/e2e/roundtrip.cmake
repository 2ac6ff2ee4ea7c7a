# Print a model twice through qcc and check the text is at its fixed point.
#
#   cmake -DQCC=path/to/qcc -DSRC=model.g -DOUT=dir -P roundtrip.cmake
#
# Runs `qcc SRC --emit=ir -o OUT/a/NAME.g` and then the same on that output
# into OUT/b/NAME.g (two folders, so the `weights` lines name the same file),
# and requires the two .g files, and the two .safetensors files next to them,
# to be identical byte for byte.

foreach(var QCC SRC OUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "roundtrip.cmake: -D${var}=... is required")
  endif()
endforeach()

get_filename_component(name "${SRC}" NAME_WE)
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}/a" "${OUT}/b")

function(emit in out)
  execute_process(COMMAND "${QCC}" "${in}" --emit=ir -o "${out}"
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "qcc ${in} --emit=ir -o ${out} failed (${rc})")
  endif()
endfunction()

function(same a b)
  if(NOT EXISTS "${a}" OR NOT EXISTS "${b}")
    message(FATAL_ERROR "expected both ${a} and ${b} to exist")
  endif()
  execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${a}" "${b}"
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${a} and ${b} differ: printing is not at a fixed point")
  endif()
endfunction()

emit("${SRC}" "${OUT}/a/${name}.g")
emit("${OUT}/a/${name}.g" "${OUT}/b/${name}.g")
same("${OUT}/a/${name}.g" "${OUT}/b/${name}.g")
same("${OUT}/a/${name}.safetensors" "${OUT}/b/${name}.safetensors")
