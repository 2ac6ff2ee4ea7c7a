# Empty compiler generated dependencies file for fuzz_mutate_onnx.
# This may be replaced when dependencies are built.
