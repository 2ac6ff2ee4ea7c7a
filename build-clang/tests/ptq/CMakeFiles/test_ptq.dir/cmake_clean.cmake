file(REMOVE_RECURSE
  "CMakeFiles/test_ptq.dir/test_ptq.c.o"
  "CMakeFiles/test_ptq.dir/test_ptq.c.o.d"
  "test_ptq"
  "test_ptq.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_ptq.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
