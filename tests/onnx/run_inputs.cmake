# run_inputs.cmake - `qcc run CASE/model.onnx --input b.npy --input a.npy`
# (the graph's input order) must give CASE/y.npy.
#   cmake -DQCC=... -DNPYCHECK=... -DCASE=dir -DOUT=dir -P run_inputs.cmake
file(MAKE_DIRECTORY ${OUT})
execute_process(COMMAND ${QCC} run ${CASE}/model.onnx --input ${CASE}/b.npy
  --input ${CASE}/a.npy --output ${OUT}/y.npy RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "qcc run failed (${rc}):\n${err}")
endif()
execute_process(COMMAND ${NPYCHECK} close ${OUT}/y.npy ${CASE}/y.npy
  --rtol 0 --atol 1e-6 RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "outputs differ:\n${out}")
endif()
