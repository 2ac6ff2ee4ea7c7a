# ONNX If: with a condition that folds at import time (from the input's
# shape) the branch taken is imported in place, its initializers with it,
# and its result keeps the If output's name; the branch not taken leaves
# nothing (no neg). An If whose condition is computed at run time imports
# both branches and selects each output with where on the condition.
# RUN: %qcc %S/if_fold.onnx --emit=ir
# CHECK: const two : f32[1] = [2]
# CHECK: r : f32[1,4] = relu(x)
# CHECK-NEXT: output y : f32[1,4] = mul(r, two)
# CHECK-NEXT: output z : f32[1,4] = sigmoid(x)
# CHECK-NOT: neg
# RUN: %qcc %S/if_runtime.onnx --emit=ir
# CHECK: input c : u8[]
# CHECK: r : f32[1,4] = relu(x)
# CHECK-NEXT: y1 : f32[1,4] = mul(r, two)
# CHECK-NEXT: y2 : f32[1,4] = neg(x)
# CHECK-NEXT: output y : f32[1,4] = where(c, y1, y2)
