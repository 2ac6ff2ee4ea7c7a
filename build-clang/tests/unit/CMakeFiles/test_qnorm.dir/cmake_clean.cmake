file(REMOVE_RECURSE
  "CMakeFiles/test_qnorm.dir/test_qnorm.c.o"
  "CMakeFiles/test_qnorm.dir/test_qnorm.c.o.d"
  "test_qnorm"
  "test_qnorm.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_qnorm.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
