# Empty dependencies file for qcclib.
# This may be replaced when dependencies are built.
