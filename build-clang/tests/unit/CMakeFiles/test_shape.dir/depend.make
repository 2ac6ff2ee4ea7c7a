# Empty dependencies file for test_shape.
# This may be replaced when dependencies are built.
