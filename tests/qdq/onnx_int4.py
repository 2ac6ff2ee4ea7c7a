"""onnx_int4.py - int4 initializers for the scripts of tests/qdq: the
onnx package of Debian (1.12) predates the int4 type (22), so the tensor
is written by hand, two values a byte in raw_data, low nibble first; and
qdq_model, the x -> y model the scripts wrap their nodes in."""
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


def qdq_model(nodes, name, x_shape, y_shape, inits, opset=21):
    """A float x -> y graph of nodes as a model of the default domain's
    opset (IR version 10 from opset 21, else 7)."""
    g = onnx.helper.make_graph(
        nodes, name,
        [onnx.helper.make_tensor_value_info("x", onnx.TensorProto.FLOAT,
                                            x_shape)],
        [onnx.helper.make_tensor_value_info("y", onnx.TensorProto.FLOAT,
                                            y_shape)], inits)
    m = onnx.helper.make_model(
        g, opset_imports=[onnx.helper.make_opsetid("", opset)])
    m.ir_version = 10 if opset >= 21 else 7
    return m
