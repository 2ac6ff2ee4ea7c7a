# Empty compiler generated dependencies file for print_fixed_point.
# This may be replaced when dependencies are built.
