# Empty dependencies file for test_qconv_outside.
# This may be replaced when dependencies are built.
