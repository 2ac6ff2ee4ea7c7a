file(REMOVE_RECURSE
  "CMakeFiles/fuzz_replay_g.dir/fuzz_common.c.o"
  "CMakeFiles/fuzz_replay_g.dir/fuzz_common.c.o.d"
  "CMakeFiles/fuzz_replay_g.dir/fuzz_g.c.o"
  "CMakeFiles/fuzz_replay_g.dir/fuzz_g.c.o.d"
  "CMakeFiles/fuzz_replay_g.dir/replay.c.o"
  "CMakeFiles/fuzz_replay_g.dir/replay.c.o.d"
  "fuzz_replay_g"
  "fuzz_replay_g.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/fuzz_replay_g.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
