# A comparison of two plain integers (ids, without q) lowers to a qcompare
# with unit multipliers: the integers compared as they are.
# RUN: %qcc %s --passes=quantize --emit=ir
# CHECK:      output hit : u8[1,4] = qcompare(ids, k, cmp=eq, mult=[1,1])
# CHECK-NEXT: output big : u8[1,4] = qcompare(k, ids, cmp=lt, mult=[1,1])
model compare_ids
input ids : i32[1,4]
const k : i32[1] = [3]
output hit = compare(ids, k, cmp=eq)
output big = compare(k, ids, cmp=lt)
