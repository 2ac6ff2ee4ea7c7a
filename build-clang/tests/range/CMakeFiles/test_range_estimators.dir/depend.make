# Empty dependencies file for test_range_estimators.
# This may be replaced when dependencies are built.
