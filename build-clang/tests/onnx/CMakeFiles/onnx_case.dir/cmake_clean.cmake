file(REMOVE_RECURSE
  "CMakeFiles/onnx_case.dir/onnx_case.c.o"
  "CMakeFiles/onnx_case.dir/onnx_case.c.o.d"
  "onnx_case"
  "onnx_case.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/onnx_case.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
