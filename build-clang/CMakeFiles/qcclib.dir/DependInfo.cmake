
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/h13x/codegen/emit_arith.c" "CMakeFiles/qcclib.dir/codegen/emit_arith.c.o" "gcc" "CMakeFiles/qcclib.dir/codegen/emit_arith.c.o.d"
  "/work/h13x/codegen/emit_arm.c" "CMakeFiles/qcclib.dir/codegen/emit_arm.c.o" "gcc" "CMakeFiles/qcclib.dir/codegen/emit_arm.c.o.d"
  "/work/h13x/codegen/emit_c.c" "CMakeFiles/qcclib.dir/codegen/emit_c.c.o" "gcc" "CMakeFiles/qcclib.dir/codegen/emit_c.c.o.d"
  "/work/h13x/codegen/emit_cond.c" "CMakeFiles/qcclib.dir/codegen/emit_cond.c.o" "gcc" "CMakeFiles/qcclib.dir/codegen/emit_cond.c.o.d"
  "/work/h13x/codegen/emit_conv.c" "CMakeFiles/qcclib.dir/codegen/emit_conv.c.o" "gcc" "CMakeFiles/qcclib.dir/codegen/emit_conv.c.o.d"
  "/work/h13x/codegen/emit_dense.c" "CMakeFiles/qcclib.dir/codegen/emit_dense.c.o" "gcc" "CMakeFiles/qcclib.dir/codegen/emit_dense.c.o.d"
  "/work/h13x/codegen/emit_elem.c" "CMakeFiles/qcclib.dir/codegen/emit_elem.c.o" "gcc" "CMakeFiles/qcclib.dir/codegen/emit_elem.c.o.d"
  "/work/h13x/codegen/emit_geo.c" "CMakeFiles/qcclib.dir/codegen/emit_geo.c.o" "gcc" "CMakeFiles/qcclib.dir/codegen/emit_geo.c.o.d"
  "/work/h13x/codegen/emit_line.c" "CMakeFiles/qcclib.dir/codegen/emit_line.c.o" "gcc" "CMakeFiles/qcclib.dir/codegen/emit_line.c.o.d"
  "/work/h13x/codegen/emit_reduce.c" "CMakeFiles/qcclib.dir/codegen/emit_reduce.c.o" "gcc" "CMakeFiles/qcclib.dir/codegen/emit_reduce.c.o.d"
  "/work/h13x/codegen/emit_x86.c" "CMakeFiles/qcclib.dir/codegen/emit_x86.c.o" "gcc" "CMakeFiles/qcclib.dir/codegen/emit_x86.c.o.d"
  "/work/h13x/codegen/target.c" "CMakeFiles/qcclib.dir/codegen/target.c.o" "gcc" "CMakeFiles/qcclib.dir/codegen/target.c.o.d"
  "/work/h13x/exec/cond.c" "CMakeFiles/qcclib.dir/exec/cond.c.o" "gcc" "CMakeFiles/qcclib.dir/exec/cond.c.o.d"
  "/work/h13x/exec/conv.c" "CMakeFiles/qcclib.dir/exec/conv.c.o" "gcc" "CMakeFiles/qcclib.dir/exec/conv.c.o.d"
  "/work/h13x/exec/dense.c" "CMakeFiles/qcclib.dir/exec/dense.c.o" "gcc" "CMakeFiles/qcclib.dir/exec/dense.c.o.d"
  "/work/h13x/exec/elem.c" "CMakeFiles/qcclib.dir/exec/elem.c.o" "gcc" "CMakeFiles/qcclib.dir/exec/elem.c.o.d"
  "/work/h13x/exec/fakequant.c" "CMakeFiles/qcclib.dir/exec/fakequant.c.o" "gcc" "CMakeFiles/qcclib.dir/exec/fakequant.c.o.d"
  "/work/h13x/exec/fgemm.c" "CMakeFiles/qcclib.dir/exec/fgemm.c.o" "gcc" "CMakeFiles/qcclib.dir/exec/fgemm.c.o.d"
  "/work/h13x/exec/fused.c" "CMakeFiles/qcclib.dir/exec/fused.c.o" "gcc" "CMakeFiles/qcclib.dir/exec/fused.c.o.d"
  "/work/h13x/exec/geo.c" "CMakeFiles/qcclib.dir/exec/geo.c.o" "gcc" "CMakeFiles/qcclib.dir/exec/geo.c.o.d"
  "/work/h13x/exec/interp.c" "CMakeFiles/qcclib.dir/exec/interp.c.o" "gcc" "CMakeFiles/qcclib.dir/exec/interp.c.o.d"
  "/work/h13x/exec/layout.c" "CMakeFiles/qcclib.dir/exec/layout.c.o" "gcc" "CMakeFiles/qcclib.dir/exec/layout.c.o.d"
  "/work/h13x/exec/norm.c" "CMakeFiles/qcclib.dir/exec/norm.c.o" "gcc" "CMakeFiles/qcclib.dir/exec/norm.c.o.d"
  "/work/h13x/exec/reduce.c" "CMakeFiles/qcclib.dir/exec/reduce.c.o" "gcc" "CMakeFiles/qcclib.dir/exec/reduce.c.o.d"
  "/work/h13x/exec/unary.c" "CMakeFiles/qcclib.dir/exec/unary.c.o" "gcc" "CMakeFiles/qcclib.dir/exec/unary.c.o.d"
  "/work/h13x/frontend/npy.c" "CMakeFiles/qcclib.dir/frontend/npy.c.o" "gcc" "CMakeFiles/qcclib.dir/frontend/npy.c.o.d"
  "/work/h13x/frontend/onnx.c" "CMakeFiles/qcclib.dir/frontend/onnx.c.o" "gcc" "CMakeFiles/qcclib.dir/frontend/onnx.c.o.d"
  "/work/h13x/frontend/onnx_attr.c" "CMakeFiles/qcclib.dir/frontend/onnx_attr.c.o" "gcc" "CMakeFiles/qcclib.dir/frontend/onnx_attr.c.o.d"
  "/work/h13x/frontend/onnx_cond.c" "CMakeFiles/qcclib.dir/frontend/onnx_cond.c.o" "gcc" "CMakeFiles/qcclib.dir/frontend/onnx_cond.c.o.d"
  "/work/h13x/frontend/onnx_dynq.c" "CMakeFiles/qcclib.dir/frontend/onnx_dynq.c.o" "gcc" "CMakeFiles/qcclib.dir/frontend/onnx_dynq.c.o.d"
  "/work/h13x/frontend/onnx_fold.c" "CMakeFiles/qcclib.dir/frontend/onnx_fold.c.o" "gcc" "CMakeFiles/qcclib.dir/frontend/onnx_fold.c.o.d"
  "/work/h13x/frontend/onnx_func.c" "CMakeFiles/qcclib.dir/frontend/onnx_func.c.o" "gcc" "CMakeFiles/qcclib.dir/frontend/onnx_func.c.o.d"
  "/work/h13x/frontend/onnx_geo.c" "CMakeFiles/qcclib.dir/frontend/onnx_geo.c.o" "gcc" "CMakeFiles/qcclib.dir/frontend/onnx_geo.c.o.d"
  "/work/h13x/frontend/onnx_math.c" "CMakeFiles/qcclib.dir/frontend/onnx_math.c.o" "gcc" "CMakeFiles/qcclib.dir/frontend/onnx_math.c.o.d"
  "/work/h13x/frontend/onnx_nn.c" "CMakeFiles/qcclib.dir/frontend/onnx_nn.c.o" "gcc" "CMakeFiles/qcclib.dir/frontend/onnx_nn.c.o.d"
  "/work/h13x/frontend/onnx_node.c" "CMakeFiles/qcclib.dir/frontend/onnx_node.c.o" "gcc" "CMakeFiles/qcclib.dir/frontend/onnx_node.c.o.d"
  "/work/h13x/frontend/onnx_ops.c" "CMakeFiles/qcclib.dir/frontend/onnx_ops.c.o" "gcc" "CMakeFiles/qcclib.dir/frontend/onnx_ops.c.o.d"
  "/work/h13x/frontend/onnx_pattern.c" "CMakeFiles/qcclib.dir/frontend/onnx_pattern.c.o" "gcc" "CMakeFiles/qcclib.dir/frontend/onnx_pattern.c.o.d"
  "/work/h13x/frontend/onnx_quant.c" "CMakeFiles/qcclib.dir/frontend/onnx_quant.c.o" "gcc" "CMakeFiles/qcclib.dir/frontend/onnx_quant.c.o.d"
  "/work/h13x/frontend/onnx_reduce.c" "CMakeFiles/qcclib.dir/frontend/onnx_reduce.c.o" "gcc" "CMakeFiles/qcclib.dir/frontend/onnx_reduce.c.o.d"
  "/work/h13x/frontend/onnx_sym.c" "CMakeFiles/qcclib.dir/frontend/onnx_sym.c.o" "gcc" "CMakeFiles/qcclib.dir/frontend/onnx_sym.c.o.d"
  "/work/h13x/frontend/onnx_tensor.c" "CMakeFiles/qcclib.dir/frontend/onnx_tensor.c.o" "gcc" "CMakeFiles/qcclib.dir/frontend/onnx_tensor.c.o.d"
  "/work/h13x/frontend/onnx_wire.c" "CMakeFiles/qcclib.dir/frontend/onnx_wire.c.o" "gcc" "CMakeFiles/qcclib.dir/frontend/onnx_wire.c.o.d"
  "/work/h13x/frontend/parse.c" "CMakeFiles/qcclib.dir/frontend/parse.c.o" "gcc" "CMakeFiles/qcclib.dir/frontend/parse.c.o.d"
  "/work/h13x/frontend/parse_type.c" "CMakeFiles/qcclib.dir/frontend/parse_type.c.o" "gcc" "CMakeFiles/qcclib.dir/frontend/parse_type.c.o.d"
  "/work/h13x/frontend/safetensors.c" "CMakeFiles/qcclib.dir/frontend/safetensors.c.o" "gcc" "CMakeFiles/qcclib.dir/frontend/safetensors.c.o.d"
  "/work/h13x/ir/arena.c" "CMakeFiles/qcclib.dir/ir/arena.c.o" "gcc" "CMakeFiles/qcclib.dir/ir/arena.c.o.d"
  "/work/h13x/ir/check.c" "CMakeFiles/qcclib.dir/ir/check.c.o" "gcc" "CMakeFiles/qcclib.dir/ir/check.c.o.d"
  "/work/h13x/ir/diag.c" "CMakeFiles/qcclib.dir/ir/diag.c.o" "gcc" "CMakeFiles/qcclib.dir/ir/diag.c.o.d"
  "/work/h13x/ir/facts.c" "CMakeFiles/qcclib.dir/ir/facts.c.o" "gcc" "CMakeFiles/qcclib.dir/ir/facts.c.o.d"
  "/work/h13x/ir/graph.c" "CMakeFiles/qcclib.dir/ir/graph.c.o" "gcc" "CMakeFiles/qcclib.dir/ir/graph.c.o.d"
  "/work/h13x/ir/guard.c" "CMakeFiles/qcclib.dir/ir/guard.c.o" "gcc" "CMakeFiles/qcclib.dir/ir/guard.c.o.d"
  "/work/h13x/ir/ops.c" "CMakeFiles/qcclib.dir/ir/ops.c.o" "gcc" "CMakeFiles/qcclib.dir/ir/ops.c.o.d"
  "/work/h13x/ir/outfile.c" "CMakeFiles/qcclib.dir/ir/outfile.c.o" "gcc" "CMakeFiles/qcclib.dir/ir/outfile.c.o.d"
  "/work/h13x/ir/pack.c" "CMakeFiles/qcclib.dir/ir/pack.c.o" "gcc" "CMakeFiles/qcclib.dir/ir/pack.c.o.d"
  "/work/h13x/ir/print.c" "CMakeFiles/qcclib.dir/ir/print.c.o" "gcc" "CMakeFiles/qcclib.dir/ir/print.c.o.d"
  "/work/h13x/ir/shape.c" "CMakeFiles/qcclib.dir/ir/shape.c.o" "gcc" "CMakeFiles/qcclib.dir/ir/shape.c.o.d"
  "/work/h13x/ir/shape_elem.c" "CMakeFiles/qcclib.dir/ir/shape_elem.c.o" "gcc" "CMakeFiles/qcclib.dir/ir/shape_elem.c.o.d"
  "/work/h13x/ir/shape_geo.c" "CMakeFiles/qcclib.dir/ir/shape_geo.c.o" "gcc" "CMakeFiles/qcclib.dir/ir/shape_geo.c.o.d"
  "/work/h13x/ir/shape_q.c" "CMakeFiles/qcclib.dir/ir/shape_q.c.o" "gcc" "CMakeFiles/qcclib.dir/ir/shape_q.c.o.d"
  "/work/h13x/ir/shape_reduce.c" "CMakeFiles/qcclib.dir/ir/shape_reduce.c.o" "gcc" "CMakeFiles/qcclib.dir/ir/shape_reduce.c.o.d"
  "/work/h13x/ir/types.c" "CMakeFiles/qcclib.dir/ir/types.c.o" "gcc" "CMakeFiles/qcclib.dir/ir/types.c.o.d"
  "/work/h13x/ir/verify.c" "CMakeFiles/qcclib.dir/ir/verify.c.o" "gcc" "CMakeFiles/qcclib.dir/ir/verify.c.o.d"
  "/work/h13x/ir/window.c" "CMakeFiles/qcclib.dir/ir/window.c.o" "gcc" "CMakeFiles/qcclib.dir/ir/window.c.o.d"
  "/work/h13x/build-clang/lexer.c" "CMakeFiles/qcclib.dir/lexer.c.o" "gcc" "CMakeFiles/qcclib.dir/lexer.c.o.d"
  "/work/h13x/build-clang/onnx.pb-c.c" "CMakeFiles/qcclib.dir/onnx.pb-c.c.o" "gcc" "CMakeFiles/qcclib.dir/onnx.pb-c.c.o.d"
  "/work/h13x/build-clang/parser.c" "CMakeFiles/qcclib.dir/parser.c.o" "gcc" "CMakeFiles/qcclib.dir/parser.c.o.d"
  "/work/h13x/passes/adaround.c" "CMakeFiles/qcclib.dir/passes/adaround.c.o" "gcc" "CMakeFiles/qcclib.dir/passes/adaround.c.o.d"
  "/work/h13x/passes/bias_correction.c" "CMakeFiles/qcclib.dir/passes/bias_correction.c.o" "gcc" "CMakeFiles/qcclib.dir/passes/bias_correction.c.o.d"
  "/work/h13x/passes/calibrate.c" "CMakeFiles/qcclib.dir/passes/calibrate.c.o" "gcc" "CMakeFiles/qcclib.dir/passes/calibrate.c.o.d"
  "/work/h13x/passes/cle.c" "CMakeFiles/qcclib.dir/passes/cle.c.o" "gcc" "CMakeFiles/qcclib.dir/passes/cle.c.o.d"
  "/work/h13x/passes/fold_bn.c" "CMakeFiles/qcclib.dir/passes/fold_bn.c.o" "gcc" "CMakeFiles/qcclib.dir/passes/fold_bn.c.o.d"
  "/work/h13x/passes/fuse.c" "CMakeFiles/qcclib.dir/passes/fuse.c.o" "gcc" "CMakeFiles/qcclib.dir/passes/fuse.c.o.d"
  "/work/h13x/passes/memplan.c" "CMakeFiles/qcclib.dir/passes/memplan.c.o" "gcc" "CMakeFiles/qcclib.dir/passes/memplan.c.o.d"
  "/work/h13x/passes/observe.c" "CMakeFiles/qcclib.dir/passes/observe.c.o" "gcc" "CMakeFiles/qcclib.dir/passes/observe.c.o.d"
  "/work/h13x/passes/pipeline.c" "CMakeFiles/qcclib.dir/passes/pipeline.c.o" "gcc" "CMakeFiles/qcclib.dir/passes/pipeline.c.o.d"
  "/work/h13x/passes/qdq_elim.c" "CMakeFiles/qcclib.dir/passes/qdq_elim.c.o" "gcc" "CMakeFiles/qcclib.dir/passes/qdq_elim.c.o.d"
  "/work/h13x/passes/quantize.c" "CMakeFiles/qcclib.dir/passes/quantize.c.o" "gcc" "CMakeFiles/qcclib.dir/passes/quantize.c.o.d"
  "/work/h13x/passes/quantize_geo.c" "CMakeFiles/qcclib.dir/passes/quantize_geo.c.o" "gcc" "CMakeFiles/qcclib.dir/passes/quantize_geo.c.o.d"
  "/work/h13x/passes/quantize_pad.c" "CMakeFiles/qcclib.dir/passes/quantize_pad.c.o" "gcc" "CMakeFiles/qcclib.dir/passes/quantize_pad.c.o.d"
  "/work/h13x/passes/quantize_reduce.c" "CMakeFiles/qcclib.dir/passes/quantize_reduce.c.o" "gcc" "CMakeFiles/qcclib.dir/passes/quantize_reduce.c.o.d"
  "/work/h13x/passes/range.c" "CMakeFiles/qcclib.dir/passes/range.c.o" "gcc" "CMakeFiles/qcclib.dir/passes/range.c.o.d"
  "/work/h13x/passes/range_estimators.c" "CMakeFiles/qcclib.dir/passes/range_estimators.c.o" "gcc" "CMakeFiles/qcclib.dir/passes/range_estimators.c.o.d"
  )

# Pairs of files generated by the same build rule.
set(CMAKE_MULTIPLE_OUTPUT_PAIRS
  "/work/h13x/build-clang/onnx.pb-c.h" "/work/h13x/build-clang/onnx.pb-c.c"
  "/work/h13x/build-clang/parser.h" "/work/h13x/build-clang/parser.c"
  )


# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
