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
import math
import os

import numpy as np
from onnx import AttributeProto, TensorProto, helper, numpy_helper, save

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases")
rng = np.random.default_rng(7)


def write(name, graph, inputs, outputs, opset=13, functions=()):
    model = helper.make_model(graph, opset_imports=[
        helper.make_opsetid("", opset), helper.make_opsetid("local", 1)],
        functions=list(functions))
    model.ir_version = 10 if opset >= 21 else 8
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


# ---- patterns of one op (frontend/onnx_pattern.c) ----
# Each fused pattern as exporters write it, and near misses that must be
# imported node by node. Their own generator, so that cases added above
# keep their draws.
prng = np.random.default_rng(1311)


def const(name, value):
    return helper.make_node("Constant", [], [name], value=numpy_helper.from_array(
        np.asarray(value, np.float32), name))


def erf(x):
    return np.vectorize(math.erf)(x)


def layernorm_nodes(x, axes, square="Pow", scale=None, bias=None, out="y"):
    """torch.onnx.export's LayerNormalization before opset 17."""
    nodes = [
        helper.make_node("ReduceMean", [x], ["mu"], axes=axes),
        helper.make_node("Sub", [x, "mu"], ["d"]),
        const("two", 2.0),
        helper.make_node("Pow", ["d", "two"], ["d2"]) if square == "Pow" else
        helper.make_node("Mul", ["d", "d"], ["d2"]),
        helper.make_node("ReduceMean", ["d2"], ["var"], axes=axes),
        const("eps", 1e-5),
        helper.make_node("Add", ["var", "eps"], ["ve"]),
        helper.make_node("Sqrt", ["ve"], ["sd"]),
        helper.make_node("Div", ["d", "sd"], ["n" if scale or bias else out]),
    ]
    last = "n"
    if scale:
        nodes.append(helper.make_node("Mul", [last, scale],
                                      ["g" if bias else out]))
        last = "g"
    if bias:
        nodes.append(helper.make_node("Add", [last, bias], [out]))
    return nodes


def layernorm_ref(x, axes, w=None, b=None):
    x = x.astype(np.float64)
    mu = x.mean(axis=tuple(axes), keepdims=True)
    var = ((x - mu) ** 2).mean(axis=tuple(axes), keepdims=True)
    y = (x - mu) / np.sqrt(var + 1e-5)
    if w is not None:
        y = y * w
    if b is not None:
        y = y + b
    return y.astype(np.float32)


def pattern_layernorm():
    x = prng.standard_normal((2, 3, 8)).astype(np.float32)
    w = prng.standard_normal(8).astype(np.float32)
    b = prng.standard_normal(8).astype(np.float32)
    g = helper.make_graph(layernorm_nodes("x", [-1], scale="w", bias="b"),
                          "pattern_layernorm", [vi("x", [2, 3, 8])],
                          [vi("y", [2, 3, 8])], [init("w", w), init("b", b)])
    write("pattern_layernorm", g, [x], [layernorm_ref(x, [-1], w, b)])
    # two normalised axes, the square a Mul, a scale and no bias
    w2 = prng.standard_normal((3, 8)).astype(np.float32)
    g = helper.make_graph(layernorm_nodes("x", [1, 2], "Mul", scale="w2"),
                          "pattern_layernorm_2axes", [vi("x", [2, 3, 8])],
                          [vi("y", [2, 3, 8])], [init("w2", w2)])
    write("pattern_layernorm_2axes", g, [x],
          [layernorm_ref(x, [1, 2], w2)])


def gelu_ref(x, tanh=False):
    x = x.astype(np.float64)
    if tanh:
        c = math.sqrt(2 / math.pi)
        return (0.5 * x * (1 + np.tanh(c * (x + 0.044715 * x ** 3)))).astype(
            np.float32)
    return (0.5 * x * (1 + erf(x / math.sqrt(2)))).astype(np.float32)


def gelu_erf_nodes(x, out, div=1.4142135, shared=False):
    """torch: x * (1 + erf(x / sqrt 2)) * 0.5"""
    return [const(out + "_s2", div),
            helper.make_node("Div", [x, out + "_s2"], [out + "_u"]),
            helper.make_node("Erf", [out + "_u"], [out + "_e"]),
            const(out + "_one", 1.0),
            helper.make_node("Add", [out + "_e", out + "_one"], [out + "_a"]),
            helper.make_node("Mul", [x, out + "_a"], [out + "_m"]),
            const(out + "_half", 0.5),
            helper.make_node("Mul", [out + "_m", out + "_half"],
                             [out + ("_g" if shared else "")])]


def pattern_gelu():
    x = (2 * prng.standard_normal((2, 10))).astype(np.float32)
    # torch's erf form, HF's (0.5 * x first, times 1/sqrt 2), the tanh form
    # with the cube as two Muls and as a Pow
    hf = [const("h5", 0.5), helper.make_node("Mul", ["x", "h5"], ["hx"]),
          const("r2", 0.70710678), helper.make_node("Mul", ["x", "r2"], ["hu"]),
          helper.make_node("Erf", ["hu"], ["he"]), const("h1", 1.0),
          helper.make_node("Add", ["h1", "he"], ["ha"]),
          helper.make_node("Mul", ["hx", "ha"], ["y2"])]
    tanh = []
    for out, cube in (("y3", "mul"), ("y4", "pow")):
        if cube == "mul":
            tanh += [helper.make_node("Mul", ["x", "x"], [out + "_x2"]),
                     helper.make_node("Mul", ["x", out + "_x2"], [out + "_x3"])]
        else:
            tanh += [const(out + "_3", 3.0),
                     helper.make_node("Pow", ["x", out + "_3"], [out + "_x3"])]
        tanh += [const(out + "_k", 0.044715),
                 helper.make_node("Mul", [out + "_k", out + "_x3"], [out + "_q"]),
                 helper.make_node("Add", ["x", out + "_q"], [out + "_s"]),
                 const(out + "_c", 0.7978846),
                 helper.make_node("Mul", [out + "_c", out + "_s"], [out + "_m"]),
                 helper.make_node("Tanh", [out + "_m"], [out + "_t"]),
                 const(out + "_1", 1.0),
                 helper.make_node("Add", [out + "_1", out + "_t"], [out + "_a"]),
                 helper.make_node("Mul", ["x", out + "_a"], [out + "_p"]),
                 const(out + "_h", 0.5),
                 helper.make_node("Mul", [out + "_h", out + "_p"], [out])]
    g = helper.make_graph(gelu_erf_nodes("x", "y1") + hf + tanh,
                          "pattern_gelu", [vi("x", [2, 10])],
                          [vi(n, [2, 10]) for n in ("y1", "y2", "y3", "y4")])
    write("pattern_gelu", g, [x], [gelu_ref(x), gelu_ref(x), gelu_ref(x, 1),
                                   gelu_ref(x, 1)])


def hardswish_ref(x):
    return (x * np.clip(x / 6 + 0.5, 0, 1)).astype(np.float32)


def relu6_nodes(x, add3, out):
    """x + add3 through Relu and Clip(0, 6), as torch writes relu6."""
    return [const(out + "_3", add3),
            helper.make_node("Add", [x, out + "_3"], [out + "_a"]),
            helper.make_node("Relu", [out + "_a"], [out + "_r"]),
            const(out + "_lo", 0.0), const(out + "_hi", 6.0),
            helper.make_node("Clip", [out + "_r", out + "_lo", out + "_hi"],
                             [out + "_c"]),
            const(out + "_6", 6.0)]


def pattern_silu_hardswish():
    x = (4 * prng.standard_normal((1, 12))).astype(np.float32)
    nodes = [helper.make_node("Sigmoid", ["x"], ["s"]),
             helper.make_node("Mul", ["s", "x"], ["y1"]),
             helper.make_node("HardSigmoid", ["x"], ["h"], alpha=1 / 6),
             helper.make_node("Mul", ["x", "h"], ["y2"])]
    nodes += relu6_nodes("x", 3.0, "p") + [
        helper.make_node("Mul", ["x", "p_c"], ["p_m"]),
        helper.make_node("Div", ["p_m", "p_6"], ["y3"])]
    nodes += relu6_nodes("x", 3.0, "q") + [
        helper.make_node("Div", ["q_c", "q_6"], ["q_d"]),
        helper.make_node("Mul", ["q_d", "x"], ["y4"])]
    g = helper.make_graph(nodes, "pattern_silu_hardswish", [vi("x", [1, 12])],
                          [vi(n, [1, 12]) for n in ("y1", "y2", "y3", "y4")])
    silu = (x / (1 + np.exp(-x.astype(np.float64)))).astype(np.float32)
    write("pattern_silu_hardswish", g, [x],
          [silu, hardswish_ref(x), hardswish_ref(x), hardswish_ref(x)])


def near_misses():
    x = prng.standard_normal((2, 3, 8)).astype(np.float32)
    # layernorm over the middle axis (not the last dims), and one whose
    # variance is also a graph output
    g = helper.make_graph(layernorm_nodes("x", [1]), "near_layernorm_axis",
                          [vi("x", [2, 3, 8])], [vi("y", [2, 3, 8])])
    write("near_layernorm_axis", g, [x], [layernorm_ref(x, [1])])
    g = helper.make_graph(layernorm_nodes("x", [-1]), "near_layernorm_shared",
                          [vi("x", [2, 3, 8])],
                          [vi("y", [2, 3, 8]), vi("var", [2, 3, 1])])
    d = x - x.mean(axis=-1, keepdims=True)
    write("near_layernorm_shared", g, [x],
          [layernorm_ref(x, [-1]), (d * d).mean(axis=-1, keepdims=True)])
    # gelu dividing by 1.5, gelu whose Erf is also read by another node
    z = (2 * prng.standard_normal((2, 10))).astype(np.float32)
    nodes = gelu_erf_nodes("x", "y1", div=1.5) + gelu_erf_nodes(
        "x", "y2", shared=True) + [
        helper.make_node("Add", ["y2_g", "y2_e"], ["y2"])]
    g = helper.make_graph(nodes, "near_gelu", [vi("x", [2, 10])],
                          [vi("y1", [2, 10]), vi("y2", [2, 10])])
    zd = z.astype(np.float64)
    y1 = (0.5 * zd * (1 + erf(zd / 1.5))).astype(np.float32)
    y2 = (gelu_ref(z).astype(np.float64) + erf(zd / math.sqrt(2))).astype(
        np.float32)
    write("near_gelu", g, [z], [y1, y2])
    # silu of another tensor's sigmoid, hardswish adding 2, HardSigmoid with
    # ONNX's default alpha 0.2
    a = (4 * prng.standard_normal((1, 12))).astype(np.float32)
    b = prng.standard_normal((1, 12)).astype(np.float32)
    nodes = [helper.make_node("Sigmoid", ["b"], ["s"]),
             helper.make_node("Mul", ["a", "s"], ["y1"]),
             helper.make_node("HardSigmoid", ["a"], ["h"]),
             helper.make_node("Mul", ["a", "h"], ["y2"])]
    nodes += relu6_nodes("a", 2.0, "p") + [
        helper.make_node("Mul", ["a", "p_c"], ["p_m"]),
        helper.make_node("Div", ["p_m", "p_6"], ["y3"])]
    g = helper.make_graph(nodes, "near_silu_hardswish",
                          [vi("a", [1, 12]), vi("b", [1, 12])],
                          [vi(n, [1, 12]) for n in ("y1", "y2", "y3")])
    ad = a.astype(np.float64)
    write("near_silu_hardswish", g, [a, b], [
        (ad / (1 + np.exp(-b.astype(np.float64)))).astype(np.float32),
        (ad * np.clip(0.2 * ad + 0.5, 0, 1)).astype(np.float32),
        (ad * np.clip(ad + 2, 0, 6) / 6).astype(np.float32)])


pattern_layernorm()
pattern_gelu()
pattern_silu_hardswish()
near_misses()


# ---- opsets 6 to 21 ----
orng = np.random.default_rng(2106)


def old_opsets():
    """Opset 6: Add and Mul with the legacy broadcast attributes (B on axis
    1, and B on the last dims), Greater-1 likewise, BatchNormalization with
    is_test, Gemm with broadcast, AveragePool and MaxPool before
    count_include_pad and ceil_mode."""
    x = orng.standard_normal((2, 3, 4, 4)).astype(np.float32)
    b = orng.standard_normal(3).astype(np.float32)
    c = orng.standard_normal((4, 4)).astype(np.float32)
    s, o = (orng.random(3) + 0.5).astype(np.float32), orng.standard_normal(
        3).astype(np.float32)
    m, v = orng.standard_normal(3).astype(np.float32), (orng.random(3) + 0.5
                                                        ).astype(np.float32)
    w = orng.standard_normal((5, 3)).astype(np.float32)
    gb = orng.standard_normal(5).astype(np.float32)
    nodes = [
        helper.make_node("Add", ["x", "b"], ["a"], broadcast=1, axis=1),
        helper.make_node("Mul", ["a", "c"], ["mu"], broadcast=1),
        helper.make_node("BatchNormalization", ["mu", "s", "o", "m", "v"],
                         ["bn"], is_test=1, epsilon=1e-3),
        helper.make_node("AveragePool", ["bn"], ["ap"], kernel_shape=[2, 2],
                         strides=[2, 2]),
        helper.make_node("MaxPool", ["bn"], ["mp"], kernel_shape=[2, 2],
                         strides=[2, 2]),
        helper.make_node("Concat", ["ap", "mp"], ["cat"], axis=1),
        helper.make_node("GlobalAveragePool", ["cat"], ["gp"]),
        helper.make_node("Flatten", ["gp"], ["f"]),
        helper.make_node("Gemm", ["f", "w", "gb"], ["y"], transB=1,
                         broadcast=1),
        helper.make_node("Greater", ["x", "b"], ["gt"], broadcast=1, axis=1),
    ]
    wcat = np.concatenate([w, w], axis=1)
    g = helper.make_graph(nodes, "old_opsets", [vi("x", [2, 3, 4, 4])],
                          [vi("y", [2, 5]), helper.make_tensor_value_info(
                              "gt", TensorProto.BOOL, [2, 3, 4, 4])],
                          [init("b", b), init("c", c), init("s", s),
                           init("o", o), init("m", m), init("v", v),
                           init("w", wcat), init("gb", gb)])
    xd = x.astype(np.float64)
    a = (xd + b[None, :, None, None]) * c
    bn = (a - m[None, :, None, None]) / np.sqrt(v[None, :, None, None] +
                                                np.float32(1e-3)) * \
        s[None, :, None, None] + o[None, :, None, None]
    blocks = bn.reshape(2, 3, 2, 2, 2, 2)
    ap, mp = blocks.mean(axis=(3, 5)), blocks.max(axis=(3, 5))
    gp = np.concatenate([ap, mp], axis=1).mean(axis=(2, 3))
    y = gp @ wcat.T + gb
    write("old_opsets", g, [x], [y.astype(np.float32),
                                 x > b[None, :, None, None]], opset=6)


def new_opsets():
    """Opset 21: Gelu (opset 20) in both forms, Mish (18), AveragePool with
    its dilations attribute at 1 (19), Cast's saturate attribute (19)."""
    x = (2 * orng.standard_normal((1, 2, 4, 4))).astype(np.float32)
    nodes = [
        helper.make_node("Gelu", ["x"], ["g1"]),
        helper.make_node("Gelu", ["x"], ["g2"], approximate="tanh"),
        helper.make_node("Mish", ["g1"], ["m"]),
        helper.make_node("Add", ["m", "g2"], ["s"]),
        helper.make_node("Cast", ["s"], ["c"], to=TensorProto.FLOAT,
                         saturate=1),
        helper.make_node("AveragePool", ["c"], ["y"], kernel_shape=[2, 2],
                         dilations=[1, 1]),
    ]
    g = helper.make_graph(nodes, "new_opsets", [vi("x", [1, 2, 4, 4])],
                          [vi("y", [1, 2, 3, 3])])
    xd = x.astype(np.float64)
    g1 = 0.5 * xd * (1 + erf(xd / math.sqrt(2)))
    g2 = 0.5 * xd * (1 + np.tanh(math.sqrt(2 / math.pi) *
                                 (xd + 0.044715 * xd ** 3)))
    s = g1 * np.tanh(np.logaddexp(0, g1)) + g2
    y = (s[:, :, :-1, :-1] + s[:, :, 1:, :-1] + s[:, :, :-1, 1:] +
         s[:, :, 1:, 1:]) / 4
    write("new_opsets", g, [x], [y.astype(np.float32)], opset=21)


def bad_opsets():
    """Models the reader refuses, each for one reason tied to an opset."""
    def model(name, node, opset, shape=(1, 2, 4, 4)):
        g = helper.make_graph([node], name, [vi("x", list(shape))],
                              [vi("y", None)])
        write(name, g, [], [], opset=opset)
    model("bad_avgpool_dilated", helper.make_node(
        "AveragePool", ["x"], ["y"], kernel_shape=[2, 2], dilations=[2, 2]),
        19)
    model("bad_ceil_mode_opset7", helper.make_node(
        "AveragePool", ["x"], ["y"], kernel_shape=[2, 2], ceil_mode=1), 7)
    model("bad_broadcast_opset13", helper.make_node(
        "Add", ["x", "x"], ["y"], broadcast=1), 13)
    model("bad_batchnorm_training6", helper.make_node(
        "BatchNormalization", ["x", "x", "x", "x", "x"], ["y"]), 6)
    model("bad_opset22", helper.make_node("Relu", ["x"], ["y"]), 22)


old_opsets()
new_opsets()
bad_opsets()


def pattern_layernorm_identity():
    """torch shares equal initializers between modules through Identity
    nodes: the scale and bias of a second layernorm are Identity outputs."""
    r = np.random.default_rng(1312)
    x = r.standard_normal((1, 4, 6)).astype(np.float32)
    w = r.standard_normal(6).astype(np.float32)
    b = r.standard_normal(6).astype(np.float32)
    nodes = [helper.make_node("Identity", ["w"], ["w2"]),
             helper.make_node("Identity", ["b"], ["b2"])]
    nodes += layernorm_nodes("x", [-1], scale="w2", bias="b2")
    g = helper.make_graph(nodes, "pattern_layernorm_identity",
                          [vi("x", [1, 4, 6])], [vi("y", [1, 4, 6])],
                          [init("w", w), init("b", b)])
    write("pattern_layernorm_identity", g, [x], [layernorm_ref(x, [-1], w, b)])


pattern_layernorm_identity()
