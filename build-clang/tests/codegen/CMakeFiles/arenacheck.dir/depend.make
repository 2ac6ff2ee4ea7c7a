# Empty dependencies file for arenacheck.
# This may be replaced when dependencies are built.
