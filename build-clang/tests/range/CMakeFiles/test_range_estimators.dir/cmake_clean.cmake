file(REMOVE_RECURSE
  "CMakeFiles/test_range_estimators.dir/test_estimators.c.o"
  "CMakeFiles/test_range_estimators.dir/test_estimators.c.o.d"
  "test_range_estimators"
  "test_range_estimators.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_range_estimators.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
