# Every .npy element type qcc reads ('<f4' '<f8' '|i1' '|u1' '<i4' '<i8') and
# a version 2.0 header, through `qcc run` on an identity model: the output
# must equal the values written, as float32.
# RUN: %python %S/../tools/mknpy.py %T/want.npy float32 2,3 -3,0,7,100,-128,5
# RUN: %python %S/../tools/mknpy.py %T/want_u.npy float32 2,3 3,0,7,100,255,5
# RUN: %python %S/../tools/mknpy.py %T/f4.npy float32 2,3 -3,0,7,100,-128,5
# RUN: %python %S/../tools/mknpy.py %T/f8.npy float64 2,3 -3,0,7,100,-128,5
# RUN: %python %S/../tools/mknpy.py %T/i1.npy int8 2,3 -3,0,7,100,-128,5
# RUN: %python %S/../tools/mknpy.py %T/u1.npy uint8 2,3 3,0,7,100,255,5
# RUN: %python %S/../tools/mknpy.py %T/i4.npy int32 2,3 -3,0,7,100,-128,5
# RUN: %python %S/../tools/mknpy.py %T/i8.npy int64 2,3 -3,0,7,100,-128,5
# RUN: %python %S/../tools/mknpy.py %T/v2.npy float32 2,3 -3,0,7,100,-128,5 --version 2
# RUN: %qcc run %s --input %T/f4.npy --output %T/o_f4.npy && %npycheck equal %T/o_f4.npy %T/want.npy
# RUN: %qcc run %s --input %T/f8.npy --output %T/o_f8.npy && %npycheck equal %T/o_f8.npy %T/want.npy
# RUN: %qcc run %s --input %T/i1.npy --output %T/o_i1.npy && %npycheck equal %T/o_i1.npy %T/want.npy
# RUN: %qcc run %s --input %T/u1.npy --output %T/o_u1.npy && %npycheck equal %T/o_u1.npy %T/want_u.npy
# RUN: %qcc run %s --input %T/i4.npy --output %T/o_i4.npy && %npycheck equal %T/o_i4.npy %T/want.npy
# RUN: %qcc run %s --input %T/i8.npy --output %T/o_i8.npy && %npycheck equal %T/o_i8.npy %T/want.npy
# RUN: %qcc run %s --input %T/v2.npy --output %T/o_v2.npy && %npycheck equal %T/o_v2.npy %T/want.npy
# The file qcc writes is a plain version 1.0 '<f4' C-order array NumPy reads.
# RUN: %python -c "import numpy as np, sys; a = np.load(sys.argv[1]); print(a.dtype.str, a.shape, a.flags.c_contiguous, a.tolist())" %T/o_i8.npy
# CHECK: <f4 (2, 3) True {{\[}}[-3.0, 0.0, 7.0], [100.0, -128.0, 5.0]]
model identity
input x : f32[3]
output y : f32[3] = reshape(x, shape=[3])
