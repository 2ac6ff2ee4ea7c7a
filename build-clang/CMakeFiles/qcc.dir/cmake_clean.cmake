file(REMOVE_RECURSE
  "CMakeFiles/qcc.dir/driver/eval.c.o"
  "CMakeFiles/qcc.dir/driver/eval.c.o.d"
  "CMakeFiles/qcc.dir/driver/main.c.o"
  "CMakeFiles/qcc.dir/driver/main.c.o.d"
  "qcc"
  "qcc.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/qcc.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
