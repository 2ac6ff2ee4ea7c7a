# Empty compiler generated dependencies file for onnx_eval.
# This may be replaced when dependencies are built.
