# .npy files qcc cannot read are refused with `qcc: error: FILE: ...`:
# big-endian, Fortran order, object arrays, other dtypes, bad magic, an
# unknown version, a malformed header, truncated data and trailing bytes.
# RUN: %python %S/../tools/mknpy.py %T/be.npy ">f4" 2,3 1,2,3,4,5,6
# RUN-FAIL: %qcc run %s --input %T/be.npy --output %T/o.npy 2>&1
# CHECK: qcc: error: {{.*}}be.npy: big-endian data ('>f4') is not supported; save the array as little-endian
# RUN: %python %S/../tools/mknpy.py %T/fo.npy float32 2,3 1,2,3,4,5,6 --fortran
# RUN-FAIL: %qcc run %s --input %T/fo.npy --output %T/o.npy 2>&1
# CHECK: qcc: error: {{.*}}fo.npy: Fortran-order arrays are not supported; save a C-contiguous array
# RUN: %python %S/../tools/mknpy.py %T/ob.npy object 2,3 1,2,3,4,5,6
# RUN-FAIL: %qcc run %s --input %T/ob.npy --output %T/o.npy 2>&1
# CHECK: qcc: error: {{.*}}ob.npy: object arrays are not supported
# RUN: %python %S/../tools/mknpy.py %T/f2.npy float16 2,3 1,2,3,4,5,6
# RUN-FAIL: %qcc run %s --input %T/f2.npy --output %T/o.npy 2>&1
# CHECK: qcc: error: {{.*}}f2.npy: unsupported dtype '<f2'; expected one of <f4 <f8 |i1 |u1 <i4 <i8
# RUN: printf 'PK\003\004 not an array' > %T/magic.npy
# RUN-FAIL: %qcc run %s --input %T/magic.npy --output %T/o.npy 2>&1
# CHECK: qcc: error: {{.*}}magic.npy: not a .npy file (bad magic)
# RUN: printf '\223NUMPY\011\000\010\000{}      ' > %T/v9.npy
# RUN-FAIL: %qcc run %s --input %T/v9.npy --output %T/o.npy 2>&1
# CHECK: qcc: error: {{.*}}v9.npy: unsupported .npy version 9.0
# RUN: printf "\223NUMPY\001\000\050\000{'descr': '<f4', 'fortran_order': False}" > %T/noshape.npy
# RUN-FAIL: %qcc run %s --input %T/noshape.npy --output %T/o.npy 2>&1
# CHECK: qcc: error: {{.*}}noshape.npy: malformed header; expected {'descr': ..., 'fortran_order': ..., 'shape': (...)}
# RUN: printf "\223NUMPY\001\000\074\000{'descr': '<f4', 'fortran_order': False, 'shape': (2, -3), }" > %T/negdim.npy
# RUN-FAIL: %qcc run %s --input %T/negdim.npy --output %T/o.npy 2>&1
# CHECK: qcc: error: {{.*}}negdim.npy: malformed header
# RUN: printf "\223NUMPY\001\000\377\377{'descr'" > %T/shorthead.npy
# RUN-FAIL: %qcc run %s --input %T/shorthead.npy --output %T/o.npy 2>&1
# CHECK: qcc: error: {{.*}}shorthead.npy: truncated header
# RUN: %python %S/../tools/mknpy.py %T/ok.npy float32 2,3 1,2,3,4,5,6 && head -c 130 %T/ok.npy > %T/trunc.npy
# RUN-FAIL: %qcc run %s --input %T/trunc.npy --output %T/o.npy 2>&1
# CHECK: qcc: error: {{.*}}trunc.npy: truncated data; the header promises 6 elements
# RUN: cp %T/ok.npy %T/long.npy && printf 'x' >> %T/long.npy
# RUN-FAIL: %qcc run %s --input %T/long.npy --output %T/o.npy 2>&1
# CHECK: qcc: error: {{.*}}long.npy: data longer than the header's shape
# RUN-FAIL: %qcc run %s --input %T/missing.npy --output %T/o.npy 2>&1
# CHECK: qcc: error: cannot open '{{.*}}missing.npy': No such file or directory
model identity
input x : f32[3]
output y : f32[3] = reshape(x, shape=[3])
