#!/usr/bin/python3
"""make_dynamic.py - writes tests/qdq/dynamic/: the shared models mlp and
cnn_bn (folded) as ONNX Runtime's dynamic quantizer (quantize_dynamic)
writes them, built by hand with the onnx helper following its
conventions: each Conv and each MatMul (a Gemm as MatMul and Add) reads
its input through DynamicQuantizeLinear (uint8, scale and zero point
computed at run time), its weights as int8 per tensor, symmetric
(scale max|W| / 127, zero point 0), computes in ConvInteger or
MatMulInteger, casts the int32 sums to float, multiplies them by the
product of the two scales (a Mul of the run-time scale and the weights'
scale) and adds the float bias (reshaped to [1, M, 1, 1] for Conv).

Also writes, for the first 200 Fashion-MNIST test images,
  NAME.dynamic.float_ref.npy  float32 [200, 10]: the float model on the
      dequantized weights, (W - 0) * scale, in float64 (PyTorch): what
      qcc imports the pattern as;
The ONNX Runtime references, its top-1 class running the dynamic model
itself (its run-time activation quantization) on the 10,000 test images,
NAME.dynamic.ort_top1.npy, come from tests/onnx/ort_reference.js; their
first 200 entries are NAME.dynamic.ort_top1_200.npy.

Usage: /usr/bin/python3 tests/qdq/make_dynamic.py [SHARED_MODELS_DIR]
(default ../shared/models relative to the worktree root)."""
import os
import sys

import numpy as np
import onnx
import torch
import torch.nn.functional as F
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "samples", "fashion"))
import make_testset  # noqa: E402


def quantize_weights(w):
    """int8 symmetric per tensor, as quantize_dynamic's QInt8 default."""
    scale = np.float32(np.abs(w).max() / 127.0)
    q = np.clip(np.rint(w / scale), -127, 127).astype(np.int8)
    return q, scale


class Builder:
    def __init__(self, src):
        self.src = src
        self.inits = {t.name: numpy_helper.to_array(t)
                      for t in src.graph.initializer}
        self.nodes, self.out_inits = [], []
        self.dq = {}      # activation name -> its DynamicQuantizeLinear
        self.layers = []  # (kind, dequantized weights, bias, attrs)

    def init(self, name, a):
        self.out_inits.append(numpy_helper.from_array(a, name))
        return name

    def dynq(self, x):
        if x not in self.dq:
            outs = [x + "_quantized", x + "_scale", x + "_zero_point"]
            self.nodes.append(helper.make_node(
                "DynamicQuantizeLinear", [x], outs, name=x + "_QuantizeLinear"))
            self.dq[x] = outs
        return self.dq[x]

    def integer_op(self, op, name, x, w, bias, y, attrs, bias_shape):
        wq, ws = quantize_weights(w)
        xq, xs, xz = self.dynq(x)
        wn = self.init(name + "_W_quantized", wq)
        wsn = self.init(name + "_W_scale", np.array(ws, np.float32))
        wzn = self.init(name + "_W_zero_point", np.array(0, np.int8))
        iq = name + "_output_quantized"
        self.nodes += [
            helper.make_node(op, [xq, wn, xz, wzn], [iq],
                             name=name + "_quant", **attrs),
            helper.make_node("Mul", [xs, wsn], [name + "_scales_mul"],
                             name=name + "_scales_mul"),
            helper.make_node("Cast", [iq], [iq + "_cast_output"],
                             name=iq + "_cast", to=TensorProto.FLOAT),
            helper.make_node("Mul", [iq + "_cast_output", name + "_scales_mul"],
                             [name + "_mul_output"], name=name + "_mul"),
            helper.make_node("Add", [name + "_mul_output",
                                     self.init(name + "_bias",
                                               bias.reshape(bias_shape))],
                             [y], name=name + "_bias_add")]
        self.layers.append((op, wq.astype(np.float32) * ws, bias, attrs))

    def build(self):
        for n in self.src.graph.node:
            a = {x.name: helper.get_attribute_value(x) for x in n.attribute}
            if n.op_type == "Gemm":
                assert a.get("transB") == 1 and a.get("alpha", 1) == 1
                w = self.inits[n.input[1]].T.copy()   # [K, N]
                self.integer_op("MatMulInteger", n.output[0].strip("/")
                                .replace("/", "_"), n.input[0], w,
                                self.inits[n.input[2]], n.output[0], {},
                                [-1])
            elif n.op_type == "Conv":
                w = self.inits[n.input[1]]
                self.integer_op("ConvInteger", n.output[0].strip("/")
                                .replace("/", "_"), n.input[0], w,
                                self.inits[n.input[2]], n.output[0], a,
                                [1, -1, 1, 1])
            else:
                self.nodes.append(n)
        g = helper.make_graph(self.nodes, self.src.graph.name,
                              list(self.src.graph.input),
                              list(self.src.graph.output), self.out_inits)
        m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 13)])
        m.ir_version = 7
        onnx.checker.check_model(m)
        return m


def float_reference(src, layers, x):
    """The source model with every weight replaced by its dequantized form,
    in float64 (the ops the shared models use)."""
    t = {src.graph.input[0].name: torch.from_numpy(x).double()}
    it = iter(layers)
    for n in src.graph.node:
        a = {v.name: helper.get_attribute_value(v) for v in n.attribute}
        x0 = t[n.input[0]]
        if n.op_type in ("Gemm", "Conv"):
            _, w, b, _ = next(it)
            w = torch.from_numpy(w.copy()).double()
            b = torch.from_numpy(b.copy()).double()
            if n.op_type == "Gemm":
                y = x0 @ w + b
            else:
                p = a.get("pads", [0, 0, 0, 0])
                assert p[0] == p[2] and p[1] == p[3]
                y = F.conv2d(x0, w, b, stride=a.get("strides", [1, 1]),
                             padding=(p[0], p[1]))
        elif n.op_type == "Relu":
            y = torch.relu(x0)
        elif n.op_type == "MaxPool":
            y = F.max_pool2d(x0, a["kernel_shape"], a.get("strides"))
        elif n.op_type == "Flatten":
            y = x0.flatten(a.get("axis", 1))
        else:
            raise SystemExit(f"make_dynamic: no reference for {n.op_type}")
        t[n.output[0]] = y
    return t[src.graph.output[0].name].float().numpy()


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        ROOT, "..", "shared", "models")
    x, _ = make_testset.load("t10k")
    x = x[:200]
    for name, file in (("mlp", "mlp.onnx"), ("cnn_bn", "cnn_bn.folded.onnx")):
        src = onnx.load(os.path.join(shared, file))
        b = Builder(src)
        m = b.build()
        onnx.save(m, os.path.join(HERE, "dynamic", name + ".dynamic.onnx"))
        np.save(os.path.join(HERE, "dynamic", name + ".dynamic.float_ref.npy"),
                float_reference(src, b.layers, x))




def shared():
    """One DynamicQuantizeLinear read by two MatMulIntegers (as the
    quantizer writes a shared input, e.g. attention's Q/K/V
    projections), per-column weight scales on the second: shared.onnx,
    and shared.input.npy / shared.ref.npy (float64 reference of the
    dequantized weights, one output each)."""
    rng = np.random.default_rng(2)
    x = rng.normal(0, 1, (5, 1, 6)).astype(np.float32)
    w1, w2 = rng.normal(0, 0.5, (6, 4)), rng.normal(0, 0.5, (6, 3))
    q1, s1 = quantize_weights(w1.astype(np.float32))
    s2 = (np.abs(w2).max(0) / 127).astype(np.float32)
    q2 = np.clip(np.rint(w2 / s2), -127, 127).astype(np.int8)
    b2 = rng.normal(0, 0.1, 3).astype(np.float32)
    dq = ["x_quantized", "x_scale", "x_zero_point"]
    nodes = [helper.make_node("DynamicQuantizeLinear", ["x"], dq)]
    inits = []
    for k, (q, s) in enumerate(((q1, s1), (q2, s2)), 1):
        p = f"mm{k}"
        nodes += [
            helper.make_node("MatMulInteger", [dq[0], p + "_W", dq[2],
                                               p + "_W_zero_point"], [p + "_q"]),
            helper.make_node("Mul", [dq[1], p + "_W_scale"], [p + "_scales"]),
            helper.make_node("Cast", [p + "_q"], [p + "_f"],
                             to=TensorProto.FLOAT),
            helper.make_node("Mul", [p + "_f", p + "_scales"],
                             ["y1" if k == 1 else p + "_y"])]
        inits += [numpy_helper.from_array(q, p + "_W"),
                  numpy_helper.from_array(np.asarray(s, np.float32),
                                          p + "_W_scale"),
                  numpy_helper.from_array(np.zeros(np.shape(s), np.int8),
                                          p + "_W_zero_point")]
    nodes.append(helper.make_node("Add", ["mm2_y", "b2"], ["y2"]))
    inits.append(numpy_helper.from_array(b2, "b2"))
    g = helper.make_graph(
        nodes, "shared",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 6])],
        [helper.make_tensor_value_info(n, TensorProto.FLOAT, [1, d])
         for n, d in (("y1", 4), ("y2", 3))], inits)
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 13)])
    m.ir_version = 7
    d = os.path.join(HERE, "dynamic")
    onnx.save(m, os.path.join(d, "shared.onnx"))
    np.save(os.path.join(d, "shared.input.npy"), x)
    x64 = x[:, 0].astype(np.float64)
    np.save(os.path.join(d, "shared.ref1.npy"),
            (x64 @ (q1.astype(np.float64) * float(s1))).astype(np.float32))
    np.save(os.path.join(d, "shared.ref2.npy"),
            (x64 @ (q2.astype(np.float64) * s2.astype(np.float64)) + b2)
            .astype(np.float32))


if __name__ == "__main__":
    main()
    shared()
