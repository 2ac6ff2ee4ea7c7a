# emit_roundtrip.cmake - `qcc MODEL.onnx --emit=ir -o OUT/model.g`, then
# `qcc run` on the ONNX file and on the .g: the outputs must be identical.
#   cmake -DQCC=... -DNPYCHECK=... -DMODEL=x.onnx -DX=inputs.npy -DOUT=dir -P emit_roundtrip.cmake
file(REMOVE_RECURSE ${OUT})
file(MAKE_DIRECTORY ${OUT})
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${err}")
  endif()
endfunction()
run(${QCC} ${MODEL} --emit=ir -o ${OUT}/model.g)
if(NOT EXISTS ${OUT}/model.g)
  message(FATAL_ERROR "qcc --emit=ir wrote no ${OUT}/model.g")
endif()
run(${QCC} run ${MODEL} --input ${X} --output ${OUT}/from_onnx.npy)
run(${QCC} run ${OUT}/model.g --input ${X} --output ${OUT}/from_g.npy)
run(${NPYCHECK} equal ${OUT}/from_g.npy ${OUT}/from_onnx.npy)
