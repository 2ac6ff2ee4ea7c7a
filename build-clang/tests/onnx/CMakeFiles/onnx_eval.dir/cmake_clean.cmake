file(REMOVE_RECURSE
  "CMakeFiles/onnx_eval.dir/onnx_eval.c.o"
  "CMakeFiles/onnx_eval.dir/onnx_eval.c.o.d"
  "onnx_eval"
  "onnx_eval.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/onnx_eval.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
