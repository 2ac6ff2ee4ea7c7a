# CMake generated Testfile for 
# Source directory: /work/h11low
# Build directory: /work/h11low/build-clang
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
subdirs("tests")
