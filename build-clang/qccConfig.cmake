# qccConfig.cmake - the qcc package: find_package(qcc) defines
#
#   qcc::qcc          the qcc compiler (imported executable)
#   qcc_EXECUTABLE    its path
#   qcc_NPY_MAIN      qcc_npy_main.c, the .npy harness (docs/codegen.md)
#   qcc_WITH_ONNX     TRUE if this qcc reads .onnx models
#   qcc_add_model()   compile a model into a static library at build time
#   qcc_add_npy_main() a .npy-in/.npy-out program for such a library
#
# See docs/cmake.md.

####### Expanded from @PACKAGE_INIT@ by configure_package_config_file() #######
####### Any changes to this file will be overwritten by the next CMake run ####
####### The input file was qccConfig.cmake.in                            ########

get_filename_component(PACKAGE_PREFIX_DIR "${CMAKE_CURRENT_LIST_DIR}/" ABSOLUTE)

macro(set_and_check _var _file)
  set(${_var} "${_file}")
  if(NOT EXISTS "${_file}")
    message(FATAL_ERROR "File or directory ${_file} referenced by variable ${_var} does not exist !")
  endif()
endmacro()

macro(check_required_components _NAME)
  foreach(comp ${${_NAME}_FIND_COMPONENTS})
    if(NOT ${_NAME}_${comp}_FOUND)
      if(${_NAME}_FIND_REQUIRED_${comp})
        set(${_NAME}_FOUND FALSE)
      endif()
    endif()
  endforeach()
endmacro()

####################################################################################

include("${CMAKE_CURRENT_LIST_DIR}/qccTargets.cmake")
get_target_property(qcc_EXECUTABLE qcc::qcc LOCATION)
set_and_check(qcc_NPY_MAIN "/work/h13x/runtime_stub/qcc_npy_main.c")
set(qcc_WITH_ONNX ON)
if(qcc_WITH_ONNX)
  set(qcc_WITH_ONNX TRUE)
else()
  set(qcc_WITH_ONNX FALSE)
endif()
include("/work/h13x/cmake/qccFunctions.cmake")
check_required_components(qcc)
