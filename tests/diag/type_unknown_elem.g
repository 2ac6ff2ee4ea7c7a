# an element type qcc does not have
# RUN-FAIL: %qcc %s --emit=ir -o %t.g 2>&1
# CHECK: type_unknown_elem.g:5:11: error: unknown element type 'f16'; expected f32, i32, i16, i8, u8, i4 or u4
model m
input x : f16[1,4]
