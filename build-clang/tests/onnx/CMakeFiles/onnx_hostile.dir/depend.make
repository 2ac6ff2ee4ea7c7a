# Empty dependencies file for onnx_hostile.
# This may be replaced when dependencies are built.
