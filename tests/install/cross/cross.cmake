# cross.cmake - builds cross/ for Cortex-M4 against the installed package
# and requires an ARM object in the model library.
#   cmake -DPREFIX=dir -DSAMPLES=dir -DBIN=dir -DGENERATOR=g -DREADELF=r
#         -P cross.cmake
include("${CMAKE_CURRENT_LIST_DIR}/../steps.cmake")
file(REMOVE_RECURSE "${BIN}")
step("configuring the cross build" "${CMAKE_COMMAND}"
  -S "${CMAKE_CURRENT_LIST_DIR}" -B "${BIN}" -G "${GENERATOR}"
  "-DCMAKE_TOOLCHAIN_FILE=${CMAKE_CURRENT_LIST_DIR}/arm-none-eabi.cmake"
  "-DCMAKE_PREFIX_PATH=${PREFIX}" "-DSAMPLES=${SAMPLES}"
  -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
step("the cross build" "${CMAKE_COMMAND}" --build "${BIN}")
step("readelf" "${READELF}" -h "${BIN}/libfashion_cnn.a")
if(NOT step_out MATCHES "Machine: +ARM\n")
  message(FATAL_ERROR "libfashion_cnn.a is not an ARM library:\n${step_out}")
endif()
