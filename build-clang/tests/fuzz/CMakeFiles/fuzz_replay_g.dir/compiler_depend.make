# Empty compiler generated dependencies file for fuzz_replay_g.
# This may be replaced when dependencies are built.
