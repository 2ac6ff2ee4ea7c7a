# same_float.cmake - the float model with and without cross-layer
# equalization computes the same logits (to 1e-5 of their magnitude).
#   cmake -DQCC=... -DNPYCHECK=... -DMODEL=... -DX=... -DOUT=DIR -P same_float.cmake
file(MAKE_DIRECTORY ${OUT})
execute_process(COMMAND ${QCC} run ${MODEL} --passes=fold_bn,fuse
  --input ${X} --output ${OUT}/ref.npy RESULT_VARIABLE r)
if(NOT r EQUAL 0)
  message(FATAL_ERROR "qcc run without cle failed")
endif()
execute_process(COMMAND ${QCC} run ${MODEL} --passes=fold_bn,fuse,cle
  --input ${X} --output ${OUT}/cle.npy RESULT_VARIABLE r)
if(NOT r EQUAL 0)
  message(FATAL_ERROR "qcc run with cle failed")
endif()
# logits are of magnitude ~10: atol 1e-4 is 1e-5 of it
execute_process(COMMAND ${NPYCHECK} close ${OUT}/cle.npy ${OUT}/ref.npy
  --rtol 1e-5 --atol 1e-4 RESULT_VARIABLE r)
if(NOT r EQUAL 0)
  message(FATAL_ERROR "cle changed the float outputs")
endif()
