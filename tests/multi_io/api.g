# The C API of a model with two inputs and three outputs: one pointer per
# input and output, numbered in graph order, each with its macros and type
# (NAME_INPUT1_NAME says which graph input it is), the float helpers per
# input and output, and QCC_MODEL_RUN_ARRAYS for a harness. An output that
# is a view of an input (w) or of another output (v) is copied into place;
# the npy harness gives the simulator's outputs bit for bit.
# RUN: %python -c "import numpy as np; r = np.random.RandomState(1); [np.save('%T/' + n, k * r.randn(m, 1, 4).astype(np.float32)) for n, k, m in (('a.npy', 1, 16), ('b.npy', 2, 16), ('xa.npy', 1.5, 40), ('xb.npy', 3, 40))]"
# RUN: %qcc %s --calib %T/a.npy --calib %T/b.npy --float-helpers -o %T/api.c && cat %T/api.h %T/api.c
# CHECK: #define api_INPUT0_NAME "a"
# CHECK-NEXT: #define api_INPUT0_SIZE 4
# CHECK: #define api_INPUT1_NAME "b"
# CHECK: #define api_OUTPUT0_NAME "y"
# CHECK: #define api_OUTPUT1_NAME "v"
# CHECK: #define api_OUTPUT2_NAME "w"
# CHECK-NEXT: #define api_OUTPUT2_SIZE 4
# CHECK-NEXT: #define api_OUTPUT2_RANK 2
# CHECK-NEXT: #define api_OUTPUT2_SHAPE {4, 1}
# CHECK: typedef int8_t api_input0_t;
# CHECK-NEXT: typedef int8_t api_input1_t;
# CHECK-NEXT: typedef int8_t api_output0_t;
# CHECK-NEXT: typedef int8_t api_output1_t;
# CHECK-NEXT: typedef int8_t api_output2_t;
# CHECK: int api_run(const api_input0_t *input0, const api_input1_t *input1, api_output0_t *output0, api_output1_t *output1, api_output2_t *output2);
# CHECK: void api_quantize_input1(const float *x, api_input1_t *q);
# CHECK: void api_dequantize_output2(const api_output2_t *q, float *y);
# CHECK: #define QCC_MODEL_NUM_INPUTS 2
# CHECK-NEXT: #define QCC_MODEL_NUM_OUTPUTS 3
# CHECK: #define QCC_MODEL_RUN_ARRAYS(in, out, arena) ((void)(arena), api_run((const api_input0_t *)(in)[0], (const api_input1_t *)(in)[1], (api_output0_t *)(out)[0], (api_output1_t *)(out)[1], (api_output2_t *)(out)[2]))
# CHECK-NOT: QCC_MODEL_INPUT_SIZE
# CHECK: int api_run(const int8_t *input0, const int8_t *input1, int8_t *output0, int8_t *output1, int8_t *output2)
# CHECK: memcpy(output1, output0, 4);
# CHECK-NEXT: memcpy(output2, input0, 4);
# RUN: gcc -std=c99 -Wall -Wextra -Wpedantic -Werror -O2 -I%T -I%S/../../runtime_stub -DQCC_MODEL_HEADER='"api.h"' %T/api.c %S/../../runtime_stub/qcc_npy_main.c -o %T/api_run
# RUN: %T/api_run %T/xa.npy %T/xb.npy %T/c0.npy %T/c1.npy %T/c2.npy
# RUN: %qcc run %s --calib %T/a.npy --calib %T/b.npy --input %T/xa.npy --input %T/xb.npy --output %T/s0.npy --output %T/s1.npy --output %T/s2.npy
# RUN: %npycheck equal %T/c0.npy %T/s0.npy && %npycheck equal %T/c1.npy %T/s1.npy && %npycheck equal %T/c2.npy %T/s2.npy
# RUN: %T/api_run %T/xa.npy %T/c0.npy 2>&1; echo "exit status $?"
# CHECK: usage: {{.*}}api_run INPUT.npy ... OUTPUT.npy ...   (model api: 2 inputs, 3 outputs)
# CHECK-NEXT: exit status 2
model api

input a : f32[1,4]
input b : f32[1,4]

s = add(a, b)
output y = relu(s)
output v = reshape(y, shape=[2,2])
output w = reshape(a, shape=[4,1])
