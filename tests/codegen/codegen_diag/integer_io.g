# A graph with integer input and output (no quantize/dequantize): the C API
# takes and returns those integers; the header states their parameters.
# RUN: %qcc %s -o %t.c && cat %t.h %t.c
# CHECK: #define integer_io_INPUT_SIZE 4
# CHECK: #define integer_io_INPUT_SCALE 5.000000000e-01f
# CHECK: #define integer_io_INPUT_ZERO_POINT 3
# CHECK: #define integer_io_OUTPUT_ZERO_POINT -1
# CHECK: #define integer_io_ARENA_SIZE 0
# CHECK: int integer_io_run(const integer_io_input_t *input, integer_io_output_t *output);
# CHECK: /* y = requantize(x i8[1,4] q(scale=0.5, zp=3)) -> i8[1,4] q(scale=0.25, zp=-1) act_min=-128 act_max=127 */
# CHECK-NOT: float
# CHECK: int integer_io_run(const int8_t *input, int8_t *output)
model integer_io

input x : i8[1,4] q(scale=0.5, zp=3)
output y : i8[1,4] q(scale=0.25, zp=-1) = requantize(x, mult=[1073741824], shift=[29], act_min=-128, act_max=127)
