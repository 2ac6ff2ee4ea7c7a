file(REMOVE_RECURSE
  "CMakeFiles/print_fixed_point.dir/print_fixed_point.c.o"
  "CMakeFiles/print_fixed_point.dir/print_fixed_point.c.o.d"
  "print_fixed_point"
  "print_fixed_point.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/print_fixed_point.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
