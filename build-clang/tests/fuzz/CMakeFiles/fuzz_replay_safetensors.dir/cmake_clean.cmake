file(REMOVE_RECURSE
  "CMakeFiles/fuzz_replay_safetensors.dir/fuzz_common.c.o"
  "CMakeFiles/fuzz_replay_safetensors.dir/fuzz_common.c.o.d"
  "CMakeFiles/fuzz_replay_safetensors.dir/fuzz_safetensors.c.o"
  "CMakeFiles/fuzz_replay_safetensors.dir/fuzz_safetensors.c.o.d"
  "CMakeFiles/fuzz_replay_safetensors.dir/replay.c.o"
  "CMakeFiles/fuzz_replay_safetensors.dir/replay.c.o.d"
  "fuzz_replay_safetensors"
  "fuzz_replay_safetensors.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/fuzz_replay_safetensors.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
