#!/usr/bin/python3
"""Writes the reader's own cases of the geometry ops into tests/onnx/cases/,
for the opsets and forms the node tests do not reach: Upsample at opset 7
(scales an attribute), Resize at opset 10 (as Upsample) and 18 (axes),
Split at opset 18 (num_outputs, the last part smaller) and at opset 11 (the
split attribute), Slice at opset 1 (attributes) on run-time data, Gather of
run-time data by run-time int64 ids, ConvTranspose 1-D with output_shape.

    /usr/bin/python3 tests/onnx/make_geo_opsets.py

Expected outputs are computed with numpy here (the ONNX definitions), not
by qcc. Needs onnx and numpy; run once, the files are committed."""
import os

import numpy as np
from onnx import TensorProto, helper, numpy_helper, save

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases")
rng = np.random.default_rng(11)


def write(name, nodes, ins, outs, inputs, outputs, opset, inits=()):
    graph = helper.make_graph(nodes, name, ins, outs, initializer=list(inits))
    model = helper.make_model(graph, opset_imports=[
        helper.make_opsetid("", opset)])
    model.ir_version = 8 if opset >= 13 else 6
    d = os.path.join(OUT, name)
    os.makedirs(os.path.join(d, "test_data_set_0"), exist_ok=True)
    save(model, os.path.join(d, "model.onnx"))
    for kind, arrays in (("input", inputs), ("output", outputs)):
        for i, a in enumerate(arrays):
            t = numpy_helper.from_array(np.asarray(a))
            with open(os.path.join(d, "test_data_set_0",
                                   f"{kind}_{i}.pb"), "wb") as f:
                f.write(t.SerializeToString())


def vi(name, shape, dt=TensorProto.FLOAT):
    return helper.make_tensor_value_info(name, dt, shape)


def f32(*shape):
    return rng.standard_normal(shape).astype(np.float32)


def upsample7():
    x = f32(1, 2, 3, 2)
    y = x.repeat(2, axis=2).repeat(3, axis=3)
    write("geo_upsample7", [helper.make_node(
        "Upsample", ["x"], ["y"], mode="nearest", scales=[1.0, 1.0, 2.0, 3.0])],
        [vi("x", [1, 2, 3, 2])], [vi("y", [1, 2, 6, 6])], [x], [y], 7)


def resize10():
    """Resize 10 is Upsample 9: asymmetric coordinates, nearest floor."""
    x = f32(1, 1, 4, 5)
    rows = np.floor(np.arange(6) / 1.5).astype(int)
    cols = np.floor(np.arange(2) / 0.5).astype(int)
    y = x[:, :, rows][:, :, :, cols]
    s = numpy_helper.from_array(np.array([1, 1, 1.5, 0.5], np.float32), "s")
    write("geo_resize10", [helper.make_node("Resize", ["x", "s"], ["y"])],
          [vi("x", [1, 1, 4, 5])], [vi("y", [1, 1, 6, 2])], [x], [y], 10,
          [s])


def resize18_axes():
    """sizes for axes [2, 3] only; asymmetric, floor: index o * in / out."""
    x = f32(1, 2, 4, 3)
    rows = np.floor(np.arange(5) / np.float32(5 / 4)).astype(int)
    cols = np.floor(np.arange(7) / np.float32(7 / 3)).astype(int)
    y = x[:, :, rows][:, :, :, cols]
    sz = numpy_helper.from_array(np.array([5, 7], np.int64), "sz")
    write("geo_resize18_axes", [helper.make_node(
        "Resize", ["x", "", "", "sz"], ["y"], axes=[2, 3],
        coordinate_transformation_mode="asymmetric", nearest_mode="floor")],
        [vi("x", [1, 2, 4, 3])], [vi("y", [1, 2, 5, 7])], [x], [y], 18, [sz])


def split_opsets():
    x = f32(2, 7)
    write("geo_split18", [helper.make_node(
        "Split", ["x"], ["a", "b", "c"], axis=1, num_outputs=3)],
        [vi("x", [2, 7])], [vi("a", [2, 3]), vi("b", [2, 3]), vi("c", [2, 1])],
        [x], [x[:, :3], x[:, 3:6], x[:, 6:]], 18)
    write("geo_split11", [helper.make_node(
        "Split", ["x"], ["a", "b"], axis=-1, split=[2, 5])],
        [vi("x", [2, 7])], [vi("a", [2, 2]), vi("b", [2, 5])],
        [x], [x[:, :2], x[:, 2:]], 11)


def slice1():
    x = f32(3, 4, 5)
    write("geo_slice1", [helper.make_node(
        "Slice", ["x"], ["y"], starts=[1, -3], ends=[3, 100], axes=[0, 2])],
        [vi("x", [3, 4, 5])], [vi("y", [2, 4, 3])], [x], [x[1:3, :, -3:]], 1)


def gather_ids():
    x = f32(5, 3)
    ids = np.array([[4, 0], [-1, 2]], np.int64)
    write("geo_gather_ids", [helper.make_node("Gather", ["x", "ids"], ["y"])],
          [vi("x", [5, 3]), vi("ids", [2, 2], TensorProto.INT64)],
          [vi("y", [2, 2, 3])], [x, ids], [x[ids]], 13)


def convtranspose_1d():
    """output_shape 9 where stride 2 gives 7 + 1: the extra at the end."""
    x = f32(1, 2, 3)
    w = f32(2, 3, 2)
    L, K, s = 3, 2, 3
    full = np.zeros((1, 3, s * (L - 1) + K), np.float32)
    for c in range(2):
        for i in range(L):
            for o in range(3):
                full[0, o, i * s:i * s + K] += x[0, c, i] * w[c, o]
    y = np.zeros((1, 3, 9), np.float32)
    y[:, :, :full.shape[2]] = full
    wt = numpy_helper.from_array(w, "w")
    write("geo_convtranspose_1d", [helper.make_node(
        "ConvTranspose", ["x", "w"], ["y"], strides=[s], output_shape=[9])],
        [vi("x", [1, 2, 3])], [vi("y", [1, 3, 9])], [x], [y], 11, [wt])


if __name__ == "__main__":
    upsample7()
    resize10()
    resize18_axes()
    split_opsets()
    slice1()
    gather_ids()
    convtranspose_1d()
