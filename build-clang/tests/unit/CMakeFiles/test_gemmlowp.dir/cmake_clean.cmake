file(REMOVE_RECURSE
  "CMakeFiles/test_gemmlowp.dir/test_gemmlowp.cc.o"
  "CMakeFiles/test_gemmlowp.dir/test_gemmlowp.cc.o.d"
  "test_gemmlowp"
  "test_gemmlowp.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C CXX)
  include(CMakeFiles/test_gemmlowp.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
