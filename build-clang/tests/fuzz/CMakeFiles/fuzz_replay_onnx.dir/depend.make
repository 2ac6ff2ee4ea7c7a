# Empty dependencies file for fuzz_replay_onnx.
# This may be replaced when dependencies are built.
