# Empty dependencies file for fuzz_replay_safetensors.
# This may be replaced when dependencies are built.
