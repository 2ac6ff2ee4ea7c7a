# Empty dependencies file for npycheck.
# This may be replaced when dependencies are built.
