# Empty dependencies file for onnx_case.
# This may be replaced when dependencies are built.
