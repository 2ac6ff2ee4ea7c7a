file(REMOVE_RECURSE
  "CMakeFiles/arenacheck.dir/arenacheck.c.o"
  "CMakeFiles/arenacheck.dir/arenacheck.c.o.d"
  "arenacheck"
  "arenacheck.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/arenacheck.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
