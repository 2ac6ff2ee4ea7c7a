
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/h13x/tests/fuzz/fuzz_common.c" "tests/fuzz/CMakeFiles/fuzz_replay_onnx_tensor.dir/fuzz_common.c.o" "gcc" "tests/fuzz/CMakeFiles/fuzz_replay_onnx_tensor.dir/fuzz_common.c.o.d"
  "/work/h13x/tests/fuzz/fuzz_onnx.c" "tests/fuzz/CMakeFiles/fuzz_replay_onnx_tensor.dir/fuzz_onnx.c.o" "gcc" "tests/fuzz/CMakeFiles/fuzz_replay_onnx_tensor.dir/fuzz_onnx.c.o.d"
  "/work/h13x/tests/fuzz/replay.c" "tests/fuzz/CMakeFiles/fuzz_replay_onnx_tensor.dir/replay.c.o" "gcc" "tests/fuzz/CMakeFiles/fuzz_replay_onnx_tensor.dir/replay.c.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
