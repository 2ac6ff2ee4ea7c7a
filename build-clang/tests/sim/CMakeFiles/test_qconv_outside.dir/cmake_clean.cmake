file(REMOVE_RECURSE
  "CMakeFiles/test_qconv_outside.dir/test_qconv_outside.c.o"
  "CMakeFiles/test_qconv_outside.dir/test_qconv_outside.c.o.d"
  "test_qconv_outside"
  "test_qconv_outside.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_qconv_outside.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
