# int_models.cmake - the reader on integer graph inputs and initializers.
# Encodes int/NAME.txtpb (text-format ModelProto) with protoc-c, then
#   NAME=int_inputs: --emit=ir keeps the integer inputs (u8, i32 for int64)
#     and `qcc run` on the .onnx and on the .g gives the same outputs, bit
#     for bit, with the uint8 ids passed through unchanged;
#   any other NAME: qcc rejects the model with exit status 1 and an error
#     matching EXPECT (the op names the integer input).
# SUBDIR (default int) is the directory of NAME.txtpb; ARGS are more qcc
# options; LIMIT_KB, if set, runs that rejecting qcc under
# `ulimit -v LIMIT_KB`; it has 5 s. With IR_EXPECT instead of EXPECT, qcc
# must accept the model and print IR matching IR_EXPECT.
#   cmake -DQCC=... -DNPYCHECK=... -DPROTOC_C=... -DONNX_PROTO=...
#         -DNAME=... [-DEXPECT=regex | -DIR_EXPECT=regex] [-DSUBDIR=dir]
#         [-DARGS=opt] [-DLIMIT_KB=n] -DOUT=dir -P int_models.cmake
if(NOT SUBDIR)
  set(SUBDIR int)
endif()
set(dir ${CMAKE_CURRENT_LIST_DIR}/${SUBDIR})
file(REMOVE_RECURSE ${OUT})
file(MAKE_DIRECTORY ${OUT})
get_filename_component(proto_dir ${ONNX_PROTO} DIRECTORY)
execute_process(COMMAND ${PROTOC_C} --encode=onnx.ModelProto
  --proto_path=${proto_dir} ${ONNX_PROTO}
  INPUT_FILE ${dir}/${NAME}.txtpb OUTPUT_FILE ${OUT}/${NAME}.onnx
  RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "protoc-c --encode failed (${rc}):\n${err}")
endif()
set(model ${OUT}/${NAME}.onnx)

if(IR_EXPECT)
  execute_process(COMMAND ${QCC} ${model} ${ARGS} --emit=ir TIMEOUT 5
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0 OR NOT out MATCHES "${IR_EXPECT}")
    message(FATAL_ERROR "expected status 0 and /${IR_EXPECT}/, got ${rc}:\n"
      "${out}${err}")
  endif()
  return()
endif()
if(NOT NAME STREQUAL "int_inputs")
  set(cmd ${QCC} ${model} ${ARGS} --emit=ir)
  if(LIMIT_KB)
    set(cmd sh -c "ulimit -v ${LIMIT_KB} && exec \"$0\" \"$@\"" ${cmd})
  endif()
  execute_process(COMMAND ${cmd} TIMEOUT 5
    RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
  if(NOT rc EQUAL 1 OR NOT err MATCHES "${EXPECT}")
    message(FATAL_ERROR "expected status 1 and /${EXPECT}/, got ${rc}:\n${err}")
  endif()
  return()
endif()

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out
    ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
endfunction()
run(${QCC} ${model} --emit=ir)
foreach(line "input ids : u8\\[1,4\\]" "input len : i32\\[2\\]"
             "const ids_shape : i32\\[2\\] = \\[1, 4\\]" "output ids\n")
  if(NOT out MATCHES "${line}")
    message(FATAL_ERROR "--emit=ir lacks /${line}/:\n${out}")
  endif()
endforeach()
run(${QCC} ${model} --emit=ir -o ${OUT}/model.g)
set(in --input ${dir}/x.npy --input ${dir}/ids.npy --input ${dir}/len.npy)
foreach(src onnx g)
  set(m ${model})
  if(src STREQUAL "g")
    set(m ${OUT}/model.g)
  endif()
  run(${QCC} run ${m} ${in} --output ${OUT}/y_${src}.npy
    --output ${OUT}/ids_${src}.npy --output ${OUT}/shape_${src}.npy)
endforeach()
foreach(o y ids shape)
  run(${NPYCHECK} equal ${OUT}/${o}_g.npy ${OUT}/${o}_onnx.npy)
endforeach()
run(${NPYCHECK} equal ${OUT}/ids_onnx.npy ${dir}/ids.npy)
