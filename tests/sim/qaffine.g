# qaffine: signed per-channel multipliers and offsets (ties, saturation)
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qaffine.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qaffine.out.npy
model qaffine

input x : i8[1,5,3,4] q(scale=0.1, zp=-20)

output y : i8[1,5,3,4] q(scale=0.1, zp=11) = qaffine(x, mult=[1073741824, -1073741824, 1518500250, -1300000000, 1073741824], shift=[31, 31, 33, 29, 25], bias=[3221225472, -1073741824, 123456789, -1879048192, 2147483648])
