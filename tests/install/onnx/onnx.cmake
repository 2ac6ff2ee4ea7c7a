# onnx.cmake - builds onnx/ for one model and options against a qcc package
# and requires the harness's outputs bit-identical to REF.
#   cmake -DQCC_DIR=dir -DMODEL=m.onnx -DCALIB=c.npy "-DOPTIONS=a;b"
#         -DBIN=dir -DGENERATOR=g -DCC=cc -DX=x.npy -DREF=ref.npy
#         -DNPYCHECK=npycheck -P onnx.cmake
include("${CMAKE_CURRENT_LIST_DIR}/../steps.cmake")
file(REMOVE_RECURSE "${BIN}")
# step() splits lists: keep OPTIONS one argument
string(REPLACE ";" "\\;" options "${OPTIONS}")
step("configuring" "${CMAKE_COMMAND}" -S "${CMAKE_CURRENT_LIST_DIR}"
  -B "${BIN}" -G "${GENERATOR}" "-DCMAKE_C_COMPILER=${CC}"
  "-Dqcc_DIR=${QCC_DIR}" "-DMODEL=${MODEL}" "-DCALIB=${CALIB}"
  "-DQCC_OPTIONS=${options}")
step("the build" "${CMAKE_COMMAND}" --build "${BIN}")
step("onnx_model_npy" "${BIN}/onnx_model_npy" "${X}" "${BIN}/y.npy")
step_equal("onnx_model_npy" "${BIN}/y.npy" "${REF}" "${NPYCHECK}")
