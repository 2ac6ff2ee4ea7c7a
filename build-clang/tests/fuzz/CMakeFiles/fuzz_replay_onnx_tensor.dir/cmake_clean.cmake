file(REMOVE_RECURSE
  "CMakeFiles/fuzz_replay_onnx_tensor.dir/fuzz_common.c.o"
  "CMakeFiles/fuzz_replay_onnx_tensor.dir/fuzz_common.c.o.d"
  "CMakeFiles/fuzz_replay_onnx_tensor.dir/fuzz_onnx.c.o"
  "CMakeFiles/fuzz_replay_onnx_tensor.dir/fuzz_onnx.c.o.d"
  "CMakeFiles/fuzz_replay_onnx_tensor.dir/replay.c.o"
  "CMakeFiles/fuzz_replay_onnx_tensor.dir/replay.c.o.d"
  "fuzz_replay_onnx_tensor"
  "fuzz_replay_onnx_tensor.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/fuzz_replay_onnx_tensor.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
