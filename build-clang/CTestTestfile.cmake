# CMake generated Testfile for 
# Source directory: /work/h13x
# Build directory: /work/h13x/build-clang
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
subdirs("tests")
