# qmax: three inputs, broadcasting, ties, saturation
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qmax_broadcast3.in0.npy --input %S/data/qmax_broadcast3.in1.npy --input %S/data/qmax_broadcast3.in2.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qmax_broadcast3.out.npy
model qmax_broadcast3

input a : i8[1,2,3,4] q(scale=0.1, zp=5)
input b : i8[1,1,3,1] q(scale=0.1, zp=-100)
input c : i8[4] q(scale=0.1, zp=0)

output y : i8[1,2,3,4] q(scale=0.1, zp=-3) = qmax(a, b, c, mult=[1073741824, 1073741824, 1518500250], shift=[31, 30, 31])
