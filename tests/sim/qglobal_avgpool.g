# qglobal_avgpool: sum, then one requantization (ties)
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qglobal_avgpool.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qglobal_avgpool.out.npy
model qglobal_avgpool

input x : i8[1,5,2,2] q(scale=0.1, zp=-4)

output y : i8[1,5,1,1] q(scale=0.1, zp=6) = qglobal_avgpool(x, mult=[1073741824], shift=[32])
