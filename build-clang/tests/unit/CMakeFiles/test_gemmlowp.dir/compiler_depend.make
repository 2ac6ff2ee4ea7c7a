# Empty compiler generated dependencies file for test_gemmlowp.
# This may be replaced when dependencies are built.
