"""onnx_int4.py - int4 initializers for the scripts of tests/qdq: the
onnx package of Debian (1.12) predates the int4 type (22), so the tensor
is written by hand, two values a byte in raw_data, low nibble first."""
import numpy as np
import onnx

INT4 = 22


def int4_tensor(name, a):
    """a (int values in [-8, 7]) packed two a byte, low nibble first."""
    flat = (a.ravel().astype(np.int16) & 15).astype(np.uint8)
    if flat.size % 2:
        flat = np.append(flat, np.uint8(0))
    t = onnx.TensorProto()
    t.name = name
    t.data_type = INT4
    t.dims.extend(a.shape)
    t.raw_data = (flat[0::2] | (flat[1::2] << 4)).astype(np.uint8).tobytes()
    return t
