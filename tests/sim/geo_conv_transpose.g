# conv-transpose: dilate then qconv2d with flipped kernels, against ConvTranspose's scatter form (groups, strides, dilations, pads, output padding)
# Expected output from tests/tools/gen_geo_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/geo_conv_transpose.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/geo_conv_transpose.out.npy
model geo_conv_transpose

input x : i8[1,4,3,4] q(scale=0.1, zp=-5)

const w : i8[6,2,3,3] q(scale=0.01, zp=0) = [-100,-111,14,3,27,124,-70,-52,-66,-84,-47,-92,-57,58,24,90,-56,-99,-95,23,47,10,53,41,56,-53,60,95,84,-1,75,97,125,-115,-80,80,90,25,59,109,-114,22,-35,-3,74,61,-85,97,-109,98,-7,-99,67,100,96,-109,-120,78,18,-30,-82,-117,-33,-37,-5,16,111,59,99,-121,-62,52,-63,48,43,34,-78,123,120,-81,-7,-5,-100,-31,93,-90,-11,-120,-29,-84,63,74,123,107,-121,-53,-57,-56,100,-64,62,79,-28,-32,101,-34,28,-12]
const b : i32[6] q(scale=0.001, zp=0) = [-1626,-2174,-1677,183,-438,2699]

d : i8[1,4,11,10] q(scale=0.1, zp=-5) = dilate(x, stride=[1,1,2,2], pads=[0,0,3,2,0,0,3,1])
output y : i8[1,6,7,8] q(scale=0.05, zp=3) = qconv2d(d, w, b, dilation=[2,1], groups=2, mult=[2080944205,2079662534,1594152590,2087976754,1252505160,1494086125], shift=[40,39,38,40,39,38], act_min=-128, act_max=127)
