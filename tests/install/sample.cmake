# sample.cmake - configures and builds samples/cmake against a qcc package
# with a separate cmake, then runs its programs on the first 100 test images.
#   cmake -DSRC=samples/cmake -DBIN=dir -DPREFIX=dir -DEXPECT_DIR=dir
#         -DEXPECT_EXE=qcc -DGENERATOR=g -DCC=cc -DX=x.npy -DY=y.npy
#         -DREF=sim.npy -DNPYCHECK=npycheck -P sample.cmake
# PREFIX goes into CMAKE_PREFIX_PATH; find_package(qcc) must find the config
# in EXPECT_DIR and the qcc executable EXPECT_EXE. fashion_cnn_npy must be
# bit-identical to REF (`qcc run --calib`), and `classify` must get at least
# 80 of the 100 images right with each model (PyTorch's float models: about
# 90 %; a broken build gives about 10).
include("${CMAKE_CURRENT_LIST_DIR}/steps.cmake")
file(REMOVE_RECURSE "${BIN}")
step("configuring ${SRC}" "${CMAKE_COMMAND}" -S "${SRC}" -B "${BIN}"
  -G "${GENERATOR}" "-DCMAKE_C_COMPILER=${CC}" -DCMAKE_BUILD_TYPE=Release
  "-DCMAKE_PREFIX_PATH=${PREFIX}" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
set(out "${step_out}")
file(STRINGS "${BIN}/CMakeCache.txt" dir REGEX "^qcc_DIR:")
string(REGEX REPLACE "^[^=]*=" "" dir "${dir}")
file(REAL_PATH "${dir}" dir)
file(REAL_PATH "${EXPECT_DIR}" want)
if(NOT dir STREQUAL want)
  message(FATAL_ERROR "find_package(qcc) found ${dir}, expected ${want}")
endif()
if(NOT out MATCHES "-- qcc [0-9.]+: ([^\n]*)\n")
  message(FATAL_ERROR "no qcc_EXECUTABLE line in:\n${out}")
endif()
file(REAL_PATH "${CMAKE_MATCH_1}" exe)
file(REAL_PATH "${EXPECT_EXE}" want)
if(NOT exe STREQUAL want)
  message(FATAL_ERROR "the package's qcc is ${exe}, expected ${want}")
endif()

step("building ${SRC}" "${CMAKE_COMMAND}" --build "${BIN}")
step("fashion_cnn_npy" "${BIN}/fashion_cnn_npy" "${X}" "${BIN}/cnn.npy")
step_equal("fashion_cnn_npy" "${BIN}/cnn.npy" "${REF}" "${NPYCHECK}")

execute_process(COMMAND "${BIN}/classify" "${X}" "${Y}"
  RESULT_VARIABLE r OUTPUT_VARIABLE out)
if(NOT r EQUAL 0 OR NOT out MATCHES
    "\ncnn ([0-9]+)/100 correct, mlp ([0-9]+)/100 correct, agree [0-9]+/100\n$")
  message(FATAL_ERROR "classify: exit ${r}, output:\n${out}")
endif()
if(CMAKE_MATCH_1 LESS 80 OR CMAKE_MATCH_2 LESS 80)
  message(FATAL_ERROR "classify: too few right:\n${out}")
endif()
message(STATUS "classify: cnn ${CMAKE_MATCH_1}/100, mlp ${CMAKE_MATCH_2}/100")
