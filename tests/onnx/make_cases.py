#!/usr/bin/python3
"""Writes the reader's own test cases into tests/onnx/cases/NAME/, in the
layout of ONNX's backend node tests (model.onnx, test_data_set_0/input_N.pb,
output_N.pb), for what the node tests do not reach: shape sub-graphs that
must fold, model-local functions, opset-11 Softmax, Gemm with constant
operands, removed Identity/Dropout, Clip bounds from initializers, 1-D
convolution.

    /usr/bin/python3 tests/onnx/make_cases.py

Expected outputs are computed with numpy here, not by qcc. Needs onnx and
numpy; run once, the files are committed."""
import os

import numpy as np
from onnx import AttributeProto, TensorProto, helper, numpy_helper, save

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases")
rng = np.random.default_rng(7)


def write(name, graph, inputs, outputs, opset=13, functions=()):
    model = helper.make_model(graph, opset_imports=[
        helper.make_opsetid("", opset), helper.make_opsetid("local", 1)],
        functions=list(functions))
    model.ir_version = 8
    d = os.path.join(OUT, name)
    os.makedirs(os.path.join(d, "test_data_set_0"), exist_ok=True)
    save(model, os.path.join(d, "model.onnx"))
    for kind, arrays in (("input", inputs), ("output", outputs)):
        for i, a in enumerate(arrays):
            t = numpy_helper.from_array(np.asarray(a))
            with open(os.path.join(d, "test_data_set_0",
                                   f"{kind}_{i}.pb"), "wb") as f:
                f.write(t.SerializeToString())


def vi(name, shape):
    return helper.make_tensor_value_info(name, TensorProto.FLOAT, shape)


def init(name, a):
    return numpy_helper.from_array(np.asarray(a), name)


def shape_subgraph():
    # y = Reshape(x, Concat(Unsqueeze(Gather(Shape(x), 0)), [-1]))
    x = rng.standard_normal((1, 2, 3, 4)).astype(np.float32)
    nodes = [
        helper.make_node("Shape", ["x"], ["s"]),
        helper.make_node("Gather", ["s", "zero"], ["n"], axis=0),
        helper.make_node("Unsqueeze", ["n", "axes"], ["n1"]),
        helper.make_node("Concat", ["n1", "minus1"], ["shape"], axis=0),
        helper.make_node("Reshape", ["x", "shape"], ["r"]),
        helper.make_node("Relu", ["r"], ["y"]),
    ]
    g = helper.make_graph(nodes, "shape_subgraph", [vi("x", ["batch", 2, 3, 4])],
                          [vi("y", None)], [
        init("zero", np.array(0, np.int64)),
        init("axes", np.array([0], np.int64)),
        init("minus1", np.array([-1], np.int64))])
    write("shape_subgraph", g, [x], [np.maximum(x.reshape(1, -1), 0)])


def local_function():
    # Act(x; slope) = LeakyRelu(x, alpha=slope) * scale, called twice
    body = [
        helper.make_node("LeakyRelu", ["a"], ["t"]),
        helper.make_node("Mul", ["t", "s"], ["b"]),
    ]
    ref = AttributeProto()
    ref.name, ref.ref_attr_name, ref.type = "alpha", "slope", AttributeProto.FLOAT
    body[0].attribute.append(ref)
    fn = helper.make_function("local", "Act", ["a", "s"], ["b"], body,
                              [helper.make_opsetid("", 13)], ["slope"])
    x = rng.standard_normal((2, 5)).astype(np.float32)
    scale = np.array(1.5, np.float32)
    nodes = [
        helper.make_node("Act", ["x", "scale"], ["h"], domain="local",
                         name="act1", slope=0.2),
        helper.make_node("Act", ["h", "scale"], ["y"], domain="local",
                         name="act2", slope=0.05),
    ]
    g = helper.make_graph(nodes, "local_function", [vi("x", [2, 5])],
                          [vi("y", [2, 5])], [init("scale", scale)])
    h = np.where(x >= 0, x, 0.2 * x) * scale
    y = np.where(h >= 0, h, 0.05 * h) * scale
    write("local_function", g, [x], [y.astype(np.float32)], functions=[fn])


def softmax_opset11():
    x = rng.standard_normal((2, 3, 4)).astype(np.float32)
    g = helper.make_graph([helper.make_node("Softmax", ["x"], ["y"], axis=1)],
                          "softmax_opset11", [vi("x", [2, 3, 4])],
                          [vi("y", [2, 3, 4])])
    f = x.reshape(2, 12)
    e = np.exp(f - f.max(axis=1, keepdims=True))
    y = (e / e.sum(axis=1, keepdims=True)).reshape(2, 3, 4)
    write("softmax_opset11", g, [x], [y.astype(np.float32)], opset=11)


def gemm_constants():
    a = rng.standard_normal((4, 3)).astype(np.float32)   # transA: [K,N]
    b = rng.standard_normal((5, 4)).astype(np.float32)   # transB: [M,K]
    c = rng.standard_normal((5,)).astype(np.float32)
    node = helper.make_node("Gemm", ["a", "b", "c"], ["y"], alpha=0.5,
                            beta=2.0, transA=1, transB=1)
    g = helper.make_graph([node], "gemm_constants", [vi("a", [4, 3])],
                          [vi("y", [3, 5])], [init("b", b), init("c", c)])
    y = 0.5 * a.T @ b.T + 2.0 * c
    write("gemm_constants", g, [a], [y.astype(np.float32)])


def removed_and_clip():
    # Identity -> Dropout -> Clip(0, 6) from initializers -> relu6
    x = (4 * rng.standard_normal((1, 3, 4, 4))).astype(np.float32)
    nodes = [
        helper.make_node("Identity", ["x"], ["i"]),
        helper.make_node("Dropout", ["i"], ["d"]),
        helper.make_node("Clip", ["d", "lo", "hi"], ["y"]),
    ]
    g = helper.make_graph(nodes, "removed_and_clip", [vi("x", [1, 3, 4, 4])],
                          [vi("y", [1, 3, 4, 4])], [
        init("lo", np.array(0, np.float32)), init("hi", np.array(6, np.float32))])
    write("removed_and_clip", g, [x], [np.clip(x, 0, 6)])


def conv1d():
    # 1-D convolution with constant weights, asymmetric pads, stride, dilation
    x = rng.standard_normal((1, 2, 11)).astype(np.float32)
    w = rng.standard_normal((3, 2, 3)).astype(np.float32)
    b = rng.standard_normal((3,)).astype(np.float32)
    node = helper.make_node("Conv", ["x", "w", "b"], ["y"], pads=[2, 1],
                            strides=[2], dilations=[2])
    xp = np.pad(x, ((0, 0), (0, 0), (2, 1)))
    n_out = (xp.shape[2] - (2 * (3 - 1) + 1)) // 2 + 1
    y = np.zeros((1, 3, n_out), np.float64)
    for o in range(3):
        for t in range(n_out):
            win = xp[0, :, 2 * t: 2 * t + 5: 2]
            y[0, o, t] = (win * w[o]).sum() + b[o]
    g = helper.make_graph([node], "conv1d", [vi("x", [1, 2, 11])],
                          [vi("y", [1, 3, n_out])], [init("w", w), init("b", b)])
    write("conv1d", g, [x], [y.astype(np.float32)])


shape_subgraph()
local_function()
softmax_opset11()
gemm_constants()
removed_and_clip()
conv1d()


def two_inputs():
    # `qcc run` takes one --input per graph input, in the graph's order:
    # y = Sub(b, a) with the inputs declared as (b, a); also written as .npy
    # files (b.npy, a.npy, 4 samples each, and y.npy) for the driver test
    a = rng.standard_normal((4, 3)).astype(np.float32)
    b = rng.standard_normal((4, 3)).astype(np.float32)
    node = helper.make_node("Sub", ["b", "a"], ["y"])
    g = helper.make_graph([node], "two_inputs", [vi("b", [1, 3]), vi("a", [1, 3])],
                          [vi("y", [1, 3])])
    write("two_inputs", g, [b[:1], a[:1]], [b[:1] - a[:1]])
    d = os.path.join(OUT, "two_inputs")
    np.save(os.path.join(d, "b.npy"), b)
    np.save(os.path.join(d, "a.npy"), a)
    np.save(os.path.join(d, "y.npy"), b - a)


two_inputs()


def pad_modes():
    # reflect and edge padding on float data (the node tests use int32)
    x = rng.standard_normal((1, 2, 4, 5)).astype(np.float32)
    pads = np.array([0, 0, 2, 1, 0, 0, 1, 3], np.int64)
    nodes = [helper.make_node("Pad", ["x", "pads"], ["r"], mode="reflect"),
             helper.make_node("Pad", ["x", "pads"], ["e"], mode="edge")]
    g = helper.make_graph(nodes, "pad_modes", [vi("x", [1, 2, 4, 5])],
                          [vi("r", [1, 2, 7, 9]), vi("e", [1, 2, 7, 9])],
                          [init("pads", pads)])
    width = ((0, 0), (0, 0), (2, 1), (1, 3))
    write("pad_modes", g, [x], [np.pad(x, width, mode="reflect"),
                                np.pad(x, width, mode="edge")])


pad_modes()
