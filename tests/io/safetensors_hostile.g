# Hostile weights files (tests/tools/bad_safetensors.py) are rejected with
# a message at the reference, never a crash. The model is copied next to
# each damaged w.safetensors.
# RUN: cp %s %T/m.g
# RUN: %python %S/../tools/bad_safetensors.py %T/w.safetensors short
# RUN-FAIL: %qcc %T/m.g --emit=ir 2>&1
# CHECK: m.g:56:22: error: weights file '{{.*}}w.safetensors' is too short to be safetensors
# RUN: %python %S/../tools/bad_safetensors.py %T/w.safetensors hlen_past_end
# RUN-FAIL: %qcc %T/m.g --emit=ir 2>&1
# CHECK: m.g:56:22: error: weights file '{{.*}}w.safetensors' has a bad header length 4096
# RUN: %python %S/../tools/bad_safetensors.py %T/w.safetensors hlen_huge
# RUN-FAIL: %qcc %T/m.g --emit=ir 2>&1
# CHECK: m.g:56:22: error: weights file '{{.*}}w.safetensors' has a bad header length 9223372036854775813
# RUN: %python %S/../tools/bad_safetensors.py %T/w.safetensors not_json
# RUN-FAIL: %qcc %T/m.g --emit=ir 2>&1
# CHECK: m.g:56:22: error: weights file '{{.*}}w.safetensors' has a header that is not a JSON object
# RUN: %python %S/../tools/bad_safetensors.py %T/w.safetensors not_object
# RUN-FAIL: %qcc %T/m.g --emit=ir 2>&1
# CHECK: m.g:56:22: error: weights file '{{.*}}w.safetensors' has a header that is not a JSON object
# RUN: %python %S/../tools/bad_safetensors.py %T/w.safetensors no_dtype
# RUN-FAIL: %qcc %T/m.g --emit=ir 2>&1
# CHECK: m.g:56:22: error: weights file '{{.*}}w.safetensors': tensor 'w' needs a string dtype, a shape list and data_offsets
# RUN: %python %S/../tools/bad_safetensors.py %T/w.safetensors bad_dtype
# RUN-FAIL: %qcc %T/m.g --emit=ir 2>&1
# CHECK: m.g:56:22: error: weights file '{{.*}}w.safetensors': tensor 'w' has an unknown dtype
# RUN: %python %S/../tools/bad_safetensors.py %T/w.safetensors negative_dim
# RUN-FAIL: %qcc %T/m.g --emit=ir 2>&1
# CHECK: m.g:56:22: error: weights file '{{.*}}w.safetensors': tensor 'w' has a bad shape
# RUN: %python %S/../tools/bad_safetensors.py %T/w.safetensors fractional_dim
# RUN-FAIL: %qcc %T/m.g --emit=ir 2>&1
# CHECK: m.g:56:22: error: weights file '{{.*}}w.safetensors': tensor 'w' has a bad shape
# RUN: %python %S/../tools/bad_safetensors.py %T/w.safetensors rank_9
# RUN-FAIL: %qcc %T/m.g --emit=ir 2>&1
# CHECK: m.g:56:22: error: weights file '{{.*}}w.safetensors': tensor 'w' has a rank above 8
# RUN: %python %S/../tools/bad_safetensors.py %T/w.safetensors offsets_past_end
# RUN-FAIL: %qcc %T/m.g --emit=ir 2>&1
# CHECK: m.g:56:22: error: weights file '{{.*}}w.safetensors': tensor 'w' has data_offsets beyond the end of the file
# RUN: %python %S/../tools/bad_safetensors.py %T/w.safetensors offsets_reversed
# RUN-FAIL: %qcc %T/m.g --emit=ir 2>&1
# CHECK: m.g:56:22: error: weights file '{{.*}}w.safetensors': tensor 'w' has data_offsets that end before they begin
# RUN: %python %S/../tools/bad_safetensors.py %T/w.safetensors length_mismatch
# RUN-FAIL: %qcc %T/m.g --emit=ir 2>&1
# CHECK: m.g:56:22: error: weights file '{{.*}}w.safetensors': tensor 'w' has data_offsets that do not match its dtype and shape
# RUN: %python %S/../tools/bad_safetensors.py %T/w.safetensors one_offset
# RUN-FAIL: %qcc %T/m.g --emit=ir 2>&1
# CHECK: m.g:56:22: error: weights file '{{.*}}w.safetensors': tensor 'w' needs two data_offsets
# RUN: %python %S/../tools/bad_safetensors.py %T/w.safetensors f16
# RUN-FAIL: %qcc %T/m.g --emit=ir 2>&1
# CHECK: m.g:56:22: error: tensor 'w' in '{{.*}}w.safetensors' has dtype F16; qcc reads F32, F64, I64, I32, I16, I8 and U8
# RUN: %python %S/../tools/bad_safetensors.py %T/w.safetensors other_entry_bad
# RUN-FAIL: %qcc %T/m.g --emit=ir 2>&1
# CHECK: m.g:56:22: error: weights file '{{.*}}w.safetensors': tensor 'v' has data_offsets beyond the end of the file
model m
weights "w.safetensors"
input x : f32[2,2]
const w : f32[2,2] = @w
output y : f32[2,2] = add(x, w)
