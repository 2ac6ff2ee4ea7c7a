# ONNX If: with a condition that folds at import time (from the input's
# shape) the branch taken is imported in place, its initializers with it,
# and its result keeps the If output's name; the branch not taken leaves
# nothing (no neg). An If whose condition is computed at run time is
# refused, naming the node and the condition.
# RUN: %qcc %S/if_fold.onnx --emit=ir
# CHECK: const two : f32[1] = [2]
# CHECK: r : f32[1,4] = relu(x)
# CHECK-NEXT: output y : f32[1,4] = mul(r, two)
# CHECK-NEXT: output z : f32[1,4] = sigmoid(x)
# CHECK-NOT: neg
# RUN-FAIL: %qcc %S/if_runtime.onnx --emit=ir 2>&1
# CHECK: if_runtime.onnx: error: node 'gate' (If, opset 13): its condition 'c' is computed at run time; qcc imports If only when the condition is known at import time (a constant or a shape computation), and then only the branch it takes
