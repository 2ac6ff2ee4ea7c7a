# The graph of test_qconv_outside.c, from tests/tools/gen_sim_refs.py; the
# weights are placeholders for those of qconv2d_outside.w.npy.
model qconv2d_outside

input x : i8[1,2,5,6] q(scale=0.05, zp=7)

const w : i16[3,2,3,3] q(axis=0, scale=[0.01, 0.01, 0.01], zp=0) = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
const b : i32[3] = [2944, -2692, 796]

output y : i8[1,3,5,6] q(scale=0.1, zp=0) = qconv2d(x, w, b, pad=[1,1,1,1], mult=[1481666245, 1673545790, 1196752273], shift=[47, 46, 45], act_min=-128, act_max=127)
