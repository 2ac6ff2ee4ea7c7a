# Recorded accumulator bounds that the constants do not prove: the verifier
# recomputes |bias_c| + sum_k |w_ck| * max(qmax - zx, zx - qmin) per output
# channel (for c, channel 0: 1049 + 128 * (127 + 64) = 25497), wants one per
# output channel, and each below 2^31.
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: acc_bound_wrong.g:19:56: error: qconv2d 'c': acc_bound[0] is 25496 but the weights and bias give 25497
# CHECK: acc_bound_wrong.g:20:56: error: qconv2d 'd': acc_bound has 2 entries, expected 3 (one per output channel)
# CHECK: acc_bound_wrong.g:21:56: error: qconv2d 'e': acc_bound[0] is 2147515512: the int32 accumulator may overflow
model acc_bound_wrong
input x : f32[1,2,4,4]
const w_q : i8[3,2,1,1] q(axis=0, scale=[0.00393700786,0.00787401572,0.00787401572], zp=0) = [127, -64, 127, 95, -127, 64]
const b_q : i32[3] q(axis=0, scale=[9.52967966e-05,0.000190593593,0.000190593593], zp=0) = [1049, -525, 1049]
const wo_q : i8[1,2,1,1] q(scale=0.01, zp=0) = [127, 127]
const bo_q : i32[1] q(scale=0.000242053866, zp=0) = [2147483000]
x_q : i8[1,2,4,4] q(scale=0.0242053866, zp=0) = quantize(x)
# c: the bound of channel 0 is one short
# d: two bounds for three channels
# e: the bias alone is close to 2^31
output c : i8[1,3,4,4] q(scale=0.0254000798, zp=-19) = qconv2d(x_q, w_q, b_q, mult=[2062590703,2062590703,2062590703], shift=[39,38,38], act_min=-128, act_max=127, acc_bound=[25496,28941,25497])
output d : i8[1,3,4,4] q(scale=0.0254000798, zp=-19) = qconv2d(x_q, w_q, b_q, mult=[2062590703,2062590703,2062590703], shift=[39,38,38], act_min=-128, act_max=127, acc_bound=[25497,28941])
output e : i8[1,1,4,4] q(scale=0.0254000798, zp=-19) = qconv2d(x_q, wo_q, bo_q, mult=[2062590703], shift=[39], act_min=-128, act_max=127, acc_bound=[2147515512])
