# Empty dependencies file for qcc.
# This may be replaced when dependencies are built.
