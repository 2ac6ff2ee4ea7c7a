file(REMOVE_RECURSE
  "CMakeFiles/test_shape.dir/test_shape.c.o"
  "CMakeFiles/test_shape.dir/test_shape.c.o.d"
  "test_shape"
  "test_shape.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_shape.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
