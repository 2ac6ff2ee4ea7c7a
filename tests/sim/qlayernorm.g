# qlayernorm: constant rows, rows at the extremes (saturation)
# Expected output from tests/tools/gen_sim_refs.py (NumPy, docs/arith.md).
# RUN: %qcc run %s --input %S/data/qlayernorm.in0.npy --output %t.npy
# RUN: %npycheck equal %t.npy %S/data/qlayernorm.out.npy
model qlayernorm

input x : i8[1,6,12] q(scale=0.05, zp=-7)

output y : i8[1,6,12] q(scale=0.02, zp=3) = qlayernorm(x, axis=-1, eps=576, mult=[0, 1073741824, 2147483647, 522283176, 1599931304, 1890741975, 1347157637, 1306107443, 1962451421, -2057875563, -1356408371, 756397878], shift=[50, 50, 36, 56, 44, 51, 48, 49, 51, 52, 48, 47], bias=[710817087488, -396847998828544, 10783555584, 26815954730090496, 1592518508544, -1111375401189376, -54990882209792, 1966021279744, -489215028625408, 831726859321344, 30634659545088, -18478694137856])
