# Empty dependencies file for test_ptq.
# This may be replaced when dependencies are built.
