#!/usr/bin/python3
"""make_integer.py - writes tests/qdq/integer/: ConvInteger and
MatMulInteger cases beyond the ONNX node tests (int8 and uint8 operands,
zero points per output channel, per row and per column, strides, groups,
a batched MatMulInteger), each a directory in the node tests' layout
(model.onnx, test_data_set_0/{input,output}_*.pb) that onnx_case runs,
with the int32 outputs computed here in int64 NumPy; and the malformed
variants of tests/qdq/bad/ for them. Run once with /usr/bin/python3
(onnx, numpy); CTest reads the files it writes."""
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
RNG = np.random.default_rng(13)
ONNX_TYPE = {np.int8: TensorProto.INT8, np.uint8: TensorProto.UINT8,
             np.float32: TensorProto.FLOAT}


def model(node, inputs, inits, out_shape, opset=10):
    g = helper.make_graph(
        [node], "g",
        [helper.make_tensor_value_info(n, ONNX_TYPE[a.dtype.type], a.shape)
         for n, a in inputs.items()],
        [helper.make_tensor_value_info(node.output[0], TensorProto.INT32,
                                       out_shape)],
        [numpy_helper.from_array(a, n) for n, a in inits.items()])
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", opset)])
    m.ir_version = 7
    return m


def case(name, node, inputs, inits, y):
    d = os.path.join(HERE, "integer", name)
    os.makedirs(os.path.join(d, "test_data_set_0"), exist_ok=True)
    onnx.save(model(node, inputs, inits, y.shape), os.path.join(d, "model.onnx"))
    for i, (n, a) in enumerate(inputs.items()):
        with open(os.path.join(d, "test_data_set_0", f"input_{i}.pb"), "wb") as f:
            f.write(numpy_helper.from_array(a, n).SerializeToString())
    with open(os.path.join(d, "test_data_set_0", "output_0.pb"), "wb") as f:
        f.write(numpy_helper.from_array(y.astype(np.int32), node.output[0])
                .SerializeToString())


def conv_ref(x, w, stride, pad, group):
    """int64 cross-correlation of [N,C,H,W] with [M,C/g,KH,KW]."""
    n, c, h, wd = x.shape
    m, cg, kh, kw = w.shape
    xp = np.zeros((n, c, h + pad[0] + pad[2], wd + pad[1] + pad[3]), np.int64)
    xp[:, :, pad[0]:pad[0] + h, pad[1]:pad[1] + wd] = x
    oh = (xp.shape[2] - kh) // stride[0] + 1
    ow = (xp.shape[3] - kw) // stride[1] + 1
    y = np.zeros((n, m, oh, ow), np.int64)
    mg = m // group
    for o in range(m):
        g = o // mg
        for i in range(oh):
            for j in range(ow):
                win = xp[:, g * cg:(g + 1) * cg, i * stride[0]:i * stride[0] + kh,
                         j * stride[1]:j * stride[1] + kw]
                y[:, o, i, j] = (win * w[o]).sum(axis=(1, 2, 3))
    return y


def ints(dtype, shape):
    info = np.iinfo(dtype)
    return RNG.integers(info.min, info.max + 1, shape).astype(dtype)


# ConvInteger: int8 x (zero point -3), int8 constant weights with a zero
# point per output channel, stride 2, asymmetric pads, 2 groups
x = ints(np.int8, (1, 4, 7, 6))
w = ints(np.int8, (6, 2, 3, 3))
xz, wz = np.int8(-3), np.array([0, 5, -7, 1, 127, -128], np.int8)
y = conv_ref(x.astype(np.int64) - xz, w.astype(np.int64) -
             wz.astype(np.int64)[:, None, None, None], (2, 2), (1, 0, 2, 1), 2)
case("convinteger_int8_per_channel",
     helper.make_node("ConvInteger", ["x", "w", "xz", "wz"], ["y"],
                      strides=[2, 2], pads=[1, 0, 2, 1], group=2),
     {"x": x}, {"w": w, "xz": np.array(xz), "wz": wz}, y)

# ConvInteger: uint8 x and run-time uint8 weights, no zero points
x = ints(np.uint8, (2, 3, 5, 5))
w = ints(np.uint8, (4, 3, 2, 2))
y = conv_ref(x.astype(np.int64), w.astype(np.int64), (1, 1), (0, 0, 0, 0), 1)
case("convinteger_uint8_runtime_w",
     helper.make_node("ConvInteger", ["x", "w"], ["y"]),
     {"x": x, "w": w}, {}, y)

# MatMulInteger: uint8 A with a zero point per row, int8 constant B with
# one per column
a = ints(np.uint8, (5, 7))
b = ints(np.int8, (7, 3))
az = ints(np.uint8, (5,))
bz = np.array([0, -128, 127], np.int8)
y = (a.astype(np.int64) - az.astype(np.int64)[:, None]) @ \
    (b.astype(np.int64) - bz.astype(np.int64)[None, :])
case("matmulinteger_per_row_column",
     helper.make_node("MatMulInteger", ["a", "b", "az", "bz"], ["y"]),
     {"a": a}, {"b": b, "az": az, "bz": bz}, y)

# MatMulInteger: batched int8 A times run-time int8 B, scalar zero points
a = ints(np.int8, (2, 3, 6))
b = ints(np.int8, (6, 4))
y = (a.astype(np.int64) - 9) @ (b.astype(np.int64) + 2)
case("matmulinteger_batched",
     helper.make_node("MatMulInteger", ["a", "b", "az", "bz"], ["y"]),
     {"a": a, "b": b}, {"az": np.array(9, np.int8),
                        "bz": np.array(-2, np.int8)}, y)


# ---- malformed variants (tests/qdq/bad/) ----
def bad(name, node, inputs, inits, out_shape):
    onnx.save(model(node, inputs, inits, out_shape),
              os.path.join(HERE, "bad", name + ".onnx"))


# 64 channels of 3x3 uint8 products: sums up to 576 * 255 * 255
bad("convinteger_exactness",
    helper.make_node("ConvInteger", ["x", "w"], ["y"], name="ci"),
    {"x": np.zeros((1, 64, 4, 4), np.uint8),
     "w": np.zeros((8, 64, 3, 3), np.uint8)}, {}, [1, 8, 2, 2])
bad("convinteger_zp_type",
    helper.make_node("ConvInteger", ["x", "w", "xz"], ["y"], name="ci"),
    {"x": np.zeros((1, 2, 4, 4), np.uint8)},
    {"w": np.ones((3, 2, 1, 1), np.int8), "xz": np.array(0, np.int8)},
    [1, 3, 4, 4])
bad("convinteger_zp_length",
    helper.make_node("ConvInteger", ["x", "w", "xz", "wz"], ["y"], name="ci"),
    {"x": np.zeros((1, 2, 4, 4), np.uint8)},
    {"w": np.ones((3, 2, 1, 1), np.int8), "xz": np.array(0, np.uint8),
     "wz": np.zeros(2, np.int8)}, [1, 3, 4, 4])
bad("matmulinteger_float",
    helper.make_node("MatMulInteger", ["a", "b"], ["y"], name="mi"),
    {"a": np.zeros((2, 3), np.float32)}, {"b": np.ones((3, 2), np.int8)},
    [2, 2])
