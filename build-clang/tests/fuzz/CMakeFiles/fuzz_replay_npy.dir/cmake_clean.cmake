file(REMOVE_RECURSE
  "CMakeFiles/fuzz_replay_npy.dir/fuzz_common.c.o"
  "CMakeFiles/fuzz_replay_npy.dir/fuzz_common.c.o.d"
  "CMakeFiles/fuzz_replay_npy.dir/fuzz_npy.c.o"
  "CMakeFiles/fuzz_replay_npy.dir/fuzz_npy.c.o.d"
  "CMakeFiles/fuzz_replay_npy.dir/replay.c.o"
  "CMakeFiles/fuzz_replay_npy.dir/replay.c.o.d"
  "fuzz_replay_npy"
  "fuzz_replay_npy.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/fuzz_replay_npy.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
