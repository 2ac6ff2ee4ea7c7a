# Empty compiler generated dependencies file for test_qnorm.
# This may be replaced when dependencies are built.
