#----------------------------------------------------------------
# Generated CMake target import file for configuration "RelWithDebInfo".
#----------------------------------------------------------------

# Commands may need to know the format version.
set(CMAKE_IMPORT_FILE_VERSION 1)

# Import target "qcc::qcc" for configuration "RelWithDebInfo"
set_property(TARGET qcc::qcc APPEND PROPERTY IMPORTED_CONFIGURATIONS RELWITHDEBINFO)
set_target_properties(qcc::qcc PROPERTIES
  IMPORTED_LOCATION_RELWITHDEBINFO "${_IMPORT_PREFIX}/bin/qcc"
  )

list(APPEND _cmake_import_check_targets qcc::qcc )
list(APPEND _cmake_import_check_files_for_qcc::qcc "${_IMPORT_PREFIX}/bin/qcc" )

# Commands beyond this point should not need to know the version.
set(CMAKE_IMPORT_FILE_VERSION)
