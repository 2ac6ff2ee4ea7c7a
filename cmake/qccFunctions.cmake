# qccFunctions.cmake - compile models with qcc as part of a CMake build.
#
#   qcc_add_model(<target> MODEL <model.g|model.onnx> [CALIB <calib.npy>]
#                 [NAME <c_prefix>] [OUTPUT_DIR <dir>] [OPTIONS <qcc flags>...])
#   qcc_add_npy_main(<executable> <model target>)
#
# qcc_add_model runs qcc at build time (again whenever the model, its weights
# file, the calibration data or qcc itself changes) and makes <target> a
# static library of the generated <c_prefix>.c whose public include directory
# holds <c_prefix>.h. qcc_add_npy_main builds the .npy harness
# (runtime_stub/qcc_npy_main.c) against such a library. Both need the
# executable target qcc::qcc, which find_package(qcc) imports (and which the
# qcc source tree defines as an alias of its own qcc). docs/cmake.md has the
# details.
include_guard(GLOBAL)

# The harness: the package config sets qcc_NPY_MAIN; included from the
# source tree, it is the tree's own copy.
if(DEFINED qcc_NPY_MAIN)
  set_property(GLOBAL PROPERTY QCC_NPY_MAIN "${qcc_NPY_MAIN}")
elseif(EXISTS "${CMAKE_CURRENT_LIST_DIR}/../runtime_stub/qcc_npy_main.c")
  get_filename_component(_qcc_npy_main
    "${CMAKE_CURRENT_LIST_DIR}/../runtime_stub/qcc_npy_main.c" ABSOLUTE)
  set_property(GLOBAL PROPERTY QCC_NPY_MAIN "${_qcc_npy_main}")
  unset(_qcc_npy_main)
endif()

# _qcc_input(VAR FN WHAT PATH): PATH made absolute (relative to the current
# source directory) into VAR; a fatal error if it names no file, unless the
# build generates it.
function(_qcc_input var fn what path)
  get_filename_component(abs "${path}" ABSOLUTE
    BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  get_source_file_property(generated "${abs}" GENERATED)
  if(NOT generated AND (NOT EXISTS "${abs}" OR IS_DIRECTORY "${abs}"))
    message(FATAL_ERROR "${fn}: ${what} file '${abs}' does not exist")
  endif()
  set(${var} "${abs}" PARENT_SCOPE)
endfunction()

# _qcc_weights(VAR FN MODEL): the file a .g model's `weights "..."` line
# names (relative to the model's directory unless absolute, as the parser
# reads it), or "" if it has none.
function(_qcc_weights var fn model)
  set(${var} "" PARENT_SCOPE)
  file(STRINGS "${model}" lines REGEX "^[ \t]*weights[ \t]")
  foreach(line IN LISTS lines)
    if(line MATCHES "^[ \t]*weights[ \t]+\"([^\"]+)\"")
      set(file "${CMAKE_MATCH_1}")
      if(NOT IS_ABSOLUTE "${file}")
        get_filename_component(dir "${model}" DIRECTORY)
        set(file "${dir}/${file}")
      endif()
      _qcc_input(weights "${fn}" "weights" "${file}")
      set(${var} "${weights}" PARENT_SCOPE)
      return()
    endif()
  endforeach()
endfunction()

function(qcc_add_model target)
  set(fn "qcc_add_model(${target})")
  set(keywords MODEL CALIB NAME OUTPUT_DIR OPTIONS)
  if(target IN_LIST keywords OR target STREQUAL "TARGET")
    message(FATAL_ERROR "qcc_add_model: the first argument is the name of "
      "the library target to create, found '${target}'; e.g. "
      "qcc_add_model(my_model MODEL model.onnx CALIB calib.npy)")
  endif()
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "MODEL;CALIB;NAME;OUTPUT_DIR"
    "OPTIONS")
  if(arg_UNPARSED_ARGUMENTS)
    list(GET arg_UNPARSED_ARGUMENTS 0 bad)
    message(FATAL_ERROR "${fn}: unknown argument '${bad}'; expected MODEL, "
      "CALIB, NAME, OUTPUT_DIR or OPTIONS")
  endif()
  foreach(kw IN LISTS arg_KEYWORDS_MISSING_VALUES)
    if(NOT kw STREQUAL "OPTIONS")
      message(FATAL_ERROR "${fn}: ${kw} needs a value")
    endif()
  endforeach()
  if(NOT DEFINED arg_MODEL)
    message(FATAL_ERROR "${fn}: MODEL is required: the .g or .onnx file "
      "to compile")
  endif()
  if(TARGET "${target}")
    message(FATAL_ERROR "${fn}: a target named '${target}' already exists")
  endif()
  if(NOT TARGET qcc::qcc)
    message(FATAL_ERROR "${fn}: no qcc::qcc target; call find_package(qcc) "
      "first")
  endif()

  # ---- the model and what it depends on ----
  _qcc_input(model "${fn}" "MODEL" "${arg_MODEL}")
  string(TOLOWER "${model}" lower)
  set(depends "${model}")
  if(lower MATCHES "\\.onnx$")
    if(DEFINED qcc_WITH_ONNX AND NOT qcc_WITH_ONNX)
      message(FATAL_ERROR "${fn}: this qcc was built without the ONNX "
        "reader and cannot read '${model}'")
    endif()
  elseif(lower MATCHES "\\.g$")
    get_source_file_property(generated "${model}" GENERATED)
    if(NOT generated)
      _qcc_weights(weights "${fn}" "${model}")
      if(weights)
        list(APPEND depends "${weights}")
      endif()
      # a changed `weights` line changes the dependencies
      set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${model}")
    endif()
  else()
    message(FATAL_ERROR "${fn}: MODEL must be a .g or .onnx file, found "
      "'${model}'")
  endif()
  set(calib_args "")
  if(DEFINED arg_CALIB)
    _qcc_input(calib "${fn}" "CALIB" "${arg_CALIB}")
    list(APPEND depends "${calib}")
    set(calib_args --calib "${calib}")
  endif()

  # ---- names and places ----
  if(DEFINED arg_NAME)
    set(name "${arg_NAME}")
  else()
    string(MAKE_C_IDENTIFIER "${target}" name)
  endif()
  if(NOT name MATCHES "^[A-Za-z_][A-Za-z0-9_]*$")
    message(FATAL_ERROR "${fn}: NAME must be a C identifier, found '${name}'")
  endif()
  if(DEFINED arg_OUTPUT_DIR)
    get_filename_component(outdir "${arg_OUTPUT_DIR}" ABSOLUTE
      BASE_DIR "${CMAKE_CURRENT_BINARY_DIR}")
  else()
    set(outdir "${CMAKE_CURRENT_BINARY_DIR}/qcc/${target}")
  endif()
  set(c "${outdir}/${name}.c")
  set(h "${outdir}/${name}.h")
  get_property(taken GLOBAL PROPERTY QCC_MODEL_OUTPUTS)
  if(c IN_LIST taken)
    message(FATAL_ERROR "${fn}: another qcc_add_model() already writes "
      "'${c}'; give this model another NAME or OUTPUT_DIR")
  endif()
  set_property(GLOBAL APPEND PROPERTY QCC_MODEL_OUTPUTS "${c}")
  foreach(opt IN LISTS arg_OPTIONS)
    if(opt MATCHES "^(-o|--name|--calib|--emit)(=.*)?$")
      message(FATAL_ERROR "${fn}: OPTIONS must not contain '${opt}'; the "
        "function sets the output (NAME, OUTPUT_DIR) and the calibration "
        "data (CALIB)")
    endif()
  endforeach()
  get_property(languages GLOBAL PROPERTY ENABLED_LANGUAGES)
  if(NOT "C" IN_LIST languages)
    message(FATAL_ERROR "${fn}: the generated code is C; enable the C "
      "language (project(... LANGUAGES C) or enable_language(C))")
  endif()
  file(MAKE_DIRECTORY "${outdir}")

  # ---- the build step and the library ----
  get_filename_component(shown "${model}" NAME)
  add_custom_command(OUTPUT "${c}" "${h}"
    COMMAND qcc::qcc "${model}" ${calib_args} ${arg_OPTIONS}
            --name "${name}" -o "${c}"
    DEPENDS ${depends} qcc::qcc "$<TARGET_FILE:qcc::qcc>"
    WORKING_DIRECTORY "${outdir}"
    COMMENT "qcc: compiling ${shown} to ${name}.c"
    VERBATIM)
  add_library(${target} STATIC "${c}" "${h}")
  target_include_directories(${target} PUBLIC "$<BUILD_INTERFACE:${outdir}>")
  target_compile_features(${target} INTERFACE c_std_99)
  set_target_properties(${target} PROPERTIES
    C_STANDARD 99 C_STANDARD_REQUIRED ON C_EXTENSIONS OFF
    QCC_MODEL_NAME "${name}" QCC_MODEL_HEADER "${h}")
endfunction()

function(qcc_add_npy_main exe model)
  set(fn "qcc_add_npy_main(${exe})")
  if(ARGN)
    message(FATAL_ERROR "${fn}: unexpected arguments '${ARGN}'; expected "
      "qcc_add_npy_main(<executable> <target of qcc_add_model>)")
  endif()
  if(NOT TARGET "${model}")
    message(FATAL_ERROR "${fn}: '${model}' is not a target")
  endif()
  get_target_property(name "${model}" QCC_MODEL_NAME)
  if(NOT name)
    message(FATAL_ERROR "${fn}: '${model}' was not created by qcc_add_model()")
  endif()
  get_property(npy_main GLOBAL PROPERTY QCC_NPY_MAIN)
  if(NOT npy_main)
    message(FATAL_ERROR "${fn}: qcc_npy_main.c not found; call "
      "find_package(qcc) first")
  endif()
  add_executable(${exe} "${npy_main}")
  target_link_libraries(${exe} PRIVATE ${model})
  target_compile_definitions(${exe} PRIVATE "QCC_MODEL_HEADER=\"${name}.h\"")
  set_target_properties(${exe} PROPERTIES
    C_STANDARD 99 C_STANDARD_REQUIRED ON C_EXTENSIONS OFF)
endfunction()
