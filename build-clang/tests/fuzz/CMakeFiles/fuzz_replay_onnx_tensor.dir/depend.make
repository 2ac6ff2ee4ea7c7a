# Empty dependencies file for fuzz_replay_onnx_tensor.
# This may be replaced when dependencies are built.
