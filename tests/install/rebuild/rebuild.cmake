# rebuild.cmake - the generated model is rebuilt when the model, its weights
# file, the calibration data or qcc itself changes, and only then.
#   cmake -DQCC_DIR=dir -DQCC_EXE=qcc -DSAMPLES=samples/fashion -DWORK=dir
#         -DGENERATOR=g -DCC=cc -P rebuild.cmake
set(model "${WORK}/model")
set(bin "${WORK}/build")
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${model}")
file(COPY "${SAMPLES}/fashion_mlp.g" "${SAMPLES}/fashion_mlp.safetensors"
  "${SAMPLES}/calib.npy" DESTINATION "${model}")
include("${CMAKE_CURRENT_LIST_DIR}/../steps.cmake")
step("configuring" "${CMAKE_COMMAND}" -S "${CMAKE_CURRENT_LIST_DIR}"
  -B "${bin}" -G "${GENERATOR}" "-DCMAKE_C_COMPILER=${CC}"
  "-Dqcc_DIR=${QCC_DIR}" "-DMODEL_DIR=${model}")

# build(WHY EXPECT): builds; EXPECT 1 if qcc must run, 0 if it must not.
function(build why expect)
  step("${why}: the build" "${CMAKE_COMMAND}" --build "${bin}")
  set(out "${step_out}")
  string(FIND "${out}" "qcc: compiling fashion_mlp.g to tiny.c" at)
  if(expect AND at EQUAL -1)
    message(FATAL_ERROR "${why}: qcc did not run:\n${out}")
  elseif(NOT expect AND NOT at EQUAL -1)
    message(FATAL_ERROR "${why}: qcc ran again:\n${out}")
  endif()
endfunction()

build("first build" 1)
foreach(f gen/tiny.c gen/tiny.h)
  if(NOT EXISTS "${bin}/${f}")
    message(FATAL_ERROR "NAME tiny, OUTPUT_DIR gen: no ${bin}/${f}")
  endif()
endforeach()
build("nothing changed" 0)
foreach(f "${model}/fashion_mlp.safetensors" "${model}/calib.npy"
    "${model}/fashion_mlp.g" "${QCC_EXE}")
  execute_process(COMMAND "${CMAKE_COMMAND}" -E touch "${f}")
  build("touched ${f}" 1)
  build("after rebuilding for ${f}" 0)
endforeach()
execute_process(COMMAND "${bin}/use" RESULT_VARIABLE r OUTPUT_VARIABLE out)
if(NOT r EQUAL 0 OR NOT out MATCHES "^-?[0-9]+( -?[0-9]+)+\n$")
  message(FATAL_ERROR "use: exit ${r}, output '${out}'")
endif()
