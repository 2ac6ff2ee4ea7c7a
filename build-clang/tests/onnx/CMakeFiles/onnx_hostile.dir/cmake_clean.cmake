file(REMOVE_RECURSE
  "CMakeFiles/onnx_hostile.dir/onnx_hostile.c.o"
  "CMakeFiles/onnx_hostile.dir/onnx_hostile.c.o.d"
  "onnx_hostile"
  "onnx_hostile.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/onnx_hostile.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
