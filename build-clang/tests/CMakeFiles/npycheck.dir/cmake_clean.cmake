file(REMOVE_RECURSE
  "CMakeFiles/npycheck.dir/tools/npycheck.c.o"
  "CMakeFiles/npycheck.dir/tools/npycheck.c.o.d"
  "npycheck"
  "npycheck.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/npycheck.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
