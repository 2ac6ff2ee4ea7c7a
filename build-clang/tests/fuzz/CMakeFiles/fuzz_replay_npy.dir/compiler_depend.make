# Empty compiler generated dependencies file for fuzz_replay_npy.
# This may be replaced when dependencies are built.
