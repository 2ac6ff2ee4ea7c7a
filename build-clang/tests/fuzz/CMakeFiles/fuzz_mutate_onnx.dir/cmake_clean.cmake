file(REMOVE_RECURSE
  "CMakeFiles/fuzz_mutate_onnx.dir/fuzz_common.c.o"
  "CMakeFiles/fuzz_mutate_onnx.dir/fuzz_common.c.o.d"
  "CMakeFiles/fuzz_mutate_onnx.dir/fuzz_onnx.c.o"
  "CMakeFiles/fuzz_mutate_onnx.dir/fuzz_onnx.c.o.d"
  "CMakeFiles/fuzz_mutate_onnx.dir/mutate.c.o"
  "CMakeFiles/fuzz_mutate_onnx.dir/mutate.c.o.d"
  "fuzz_mutate_onnx"
  "fuzz_mutate_onnx.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/fuzz_mutate_onnx.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
