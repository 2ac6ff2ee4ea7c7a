# A malformed --act-bits BITS=NAME,... or one naming a tensor without its
# own range is an error.
# RUN-FAIL: %qcc %s --passes=observe --act-bits 12=h --emit=ir 2>&1
# CHECK: qcc: error: --act-bits expects 8 or 16, or BITS=NAME,NAME with BITS 8 or 16, got '12=h'
# RUN-FAIL: %qcc %s --passes=observe --act-bits 16=h, --emit=ir 2>&1
# CHECK: qcc: error: --act-bits expects 8 or 16, or BITS=NAME,NAME with BITS 8 or 16, got '16=h,'
# RUN-FAIL: %qcc %s --passes=observe --act-bits 16= --emit=ir 2>&1
# CHECK: qcc: error: --act-bits expects 8 or 16, or BITS=NAME,NAME with BITS 8 or 16, got '16='
# RUN-FAIL: %qcc %s --passes=observe --act-bits 16=h,nosuch --emit=ir 2>&1
# CHECK: qcc: error: --act-bits 16=h,nosuch: the model has no value 'nosuch'
# RUN-FAIL: %qcc %s --passes=observe --act-bits 16=f --emit=ir 2>&1
# CHECK: qcc: error: --act-bits 16=f: 'f' is not an f32 tensor with its own range (views, max pooling and constants take their width from their source)
# RUN-FAIL: %qcc %s --passes=observe --act-bits 16=w --emit=ir 2>&1
# CHECK: qcc: error: --act-bits 16=w: 'w' is not an f32 tensor with its own range
model act_bits_bad
input x : f32[1,4]
const w : f32[3,4] = [1,0,0,0, 0,1,0,0, 0,0,1,0]
h = dense(x, w)
output f = flatten(h)
