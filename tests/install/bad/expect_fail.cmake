# expect_fail.cmake - configures bad/CMakeLists.txt with one CASE and
# requires that configuring fails with a message matching EXPECT.
#   cmake -DCASE=c -DEXPECT=regex -DQCC_DIR=dir -DSAMPLES=dir -DBIN=dir
#         -DGENERATOR=g -P expect_fail.cmake
file(REMOVE_RECURSE "${BIN}")
execute_process(
  COMMAND "${CMAKE_COMMAND}" -S "${CMAKE_CURRENT_LIST_DIR}" -B "${BIN}"
          -G "${GENERATOR}" "-Dqcc_DIR=${QCC_DIR}" "-DQCC_SAMPLES=${SAMPLES}"
          "-DCASE=${CASE}"
  RESULT_VARIABLE r OUTPUT_VARIABLE out ERROR_VARIABLE err)
# CMake wraps long messages: compare with the lines joined
string(REGEX REPLACE "\n +" " " msg "${err}")
if(r EQUAL 0)
  message(FATAL_ERROR "configuring with CASE=${CASE} succeeded:\n${out}")
endif()
if(NOT msg MATCHES "${EXPECT}")
  message(FATAL_ERROR "CASE=${CASE}: expected an error matching\n  ${EXPECT}\n"
    "found:\n${err}")
endif()
message(STATUS "CASE=${CASE} failed as expected")
