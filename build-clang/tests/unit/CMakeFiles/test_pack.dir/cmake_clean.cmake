file(REMOVE_RECURSE
  "CMakeFiles/test_pack.dir/test_pack.c.o"
  "CMakeFiles/test_pack.dir/test_pack.c.o.d"
  "test_pack"
  "test_pack.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_pack.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
