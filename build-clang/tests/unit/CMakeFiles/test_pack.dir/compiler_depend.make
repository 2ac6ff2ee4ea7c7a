# Empty compiler generated dependencies file for test_pack.
# This may be replaced when dependencies are built.
