#!/usr/bin/python3
"""qat.py - quantization-aware training of the shared cnn_bn model for W4A8,
and its export as a QDQ ONNX model that qcc compiles without calibration.

    /usr/bin/python3 samples/qat/qat.py [MODELS_DIR] [OUT_DIR] [--epochs N]

MODELS_DIR is ../shared/models (cnn_bn.folded.onnx: conv3x3(16)+ReLU, max
pool, conv3x3(32)+ReLU, max pool, dense(10), BatchNorm folded), OUT_DIR
this directory. Fine-tunes the float weights with fake quantization in the
forward pass, the straight-through estimator for every rounding:
  - weights: per output channel, symmetric 4-bit [-7, 7], with a learned
    scale per channel (initialized to max|w| / 7);
  - activations after each ReLU: PACT, a learned clipping level alpha,
    then uint8 on [0, alpha] (scale alpha / 255, zero point 0);
  - the input and the logits: uint8 on the min-max range of the training
    images and of the logits (asymmetric, fixed before the fine-tuning);
  - biases: float, as qcc rounds them to int32 at s_x * s_w.
Then writes
  cnn_bn_w4a8.qdq.onnx   QuantizeLinear/DequantizeLinear around each
                         tensor (uint8 activations, int8 weights holding
                         the 4-bit integers, int32 biases), ONNX
                         Runtime's QDQ conventions
  qat_top1.npy           the fake-quantized model's top-1 class for each
                         of the 10,000 test images (uint8)
and prints the float and fake-quantized test accuracy. Deterministic
(seeded, one thread). Needs Debian's python3-torch, python3-onnx, numpy.
"""
import os
import sys

import numpy as np
import onnx
import torch
from onnx import TensorProto, helper, numpy_helper
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "fashion"))
import make_testset  # noqa: E402

torch.manual_seed(0)
torch.set_num_threads(1)


def ste_round(v):
    """round half to even forward (as QuantizeLinear), identity backward."""
    return v + (torch.round(v) - v).detach()


def fake_quant(x, scale, zp, qmin, qmax):
    """(clamp(round(x / scale) + zp, qmin, qmax) - zp) * scale"""
    q = torch.clamp(ste_round(x / scale) + zp, qmin, qmax)
    return (q - zp) * scale


def u8_params(lo, hi):
    """uint8 scale and zero point of [lo, hi] (0 inside), as make_qdq.py."""
    lo, hi = min(lo, 0.0), max(hi, 0.0)
    scale = np.float32((hi - lo) / 255.0)
    zp = int(np.clip(round(-lo / float(scale)), 0, 255))
    return scale, zp


class QConv(nn.Module):
    """A conv (or dense) with 4-bit fake-quantized weights and a learned
    scale per output channel."""

    def __init__(self, w, b, dense=False):
        super().__init__()
        self.w = nn.Parameter(torch.tensor(w))
        self.b = nn.Parameter(torch.tensor(b))
        amax = np.abs(w).reshape(w.shape[0], -1).max(axis=1)
        self.s = nn.Parameter(torch.tensor(np.maximum(amax, 1e-8) / 7.0))
        self.dense = dense

    def wq(self):
        shape = (-1,) + (1,) * (self.w.dim() - 1)
        s = self.s.abs().reshape(shape)
        return torch.clamp(ste_round(self.w / s), -7, 7) * s

    def forward(self, x):
        if self.dense:
            return x @ self.wq().t() + self.b
        return nn.functional.conv2d(x, self.wq(), self.b, padding=1)


class Pact(nn.Module):
    """clamp(x, 0, alpha), alpha learned, then uint8 on [0, alpha]."""

    def __init__(self, alpha):
        super().__init__()
        self.alpha = nn.Parameter(torch.tensor(float(alpha)))

    def scale(self):
        return self.alpha.abs() / 255.0

    def forward(self, x):
        a = self.alpha.abs()
        x = torch.minimum(torch.relu(x), a)   # gradient to alpha above it
        return fake_quant(x, self.scale(), 0, 0, 255)


class FixedQ(nn.Module):
    def __init__(self, lo, hi):
        super().__init__()
        self.scale, self.zp = u8_params(lo, hi)

    def forward(self, x):
        return fake_quant(x, float(self.scale), self.zp, 0, 255)


class QatCnn(nn.Module):
    def __init__(self, p, ranges):
        super().__init__()
        self.qin = FixedQ(*ranges["input"])
        self.conv1 = QConv(p["onnx::Conv_28"], p["onnx::Conv_29"])
        self.act1 = Pact(ranges["relu1"][1])
        self.conv2 = QConv(p["onnx::Conv_31"], p["onnx::Conv_32"])
        self.act2 = Pact(ranges["relu2"][1])
        self.fc = QConv(p["fc.weight"], p["fc.bias"], dense=True)
        self.qout = FixedQ(*ranges["logits"])
        self.quant = True

    def forward(self, x):
        q = self.quant
        x = self.qin(x) if q else x
        x = self.conv1(x) if q else self.float_conv(self.conv1, x)
        x = nn.functional.max_pool2d(self.act1(x) if q else torch.relu(x), 2)
        x = self.conv2(x) if q else self.float_conv(self.conv2, x)
        x = nn.functional.max_pool2d(self.act2(x) if q else torch.relu(x), 2)
        x = x.flatten(1)
        x = self.fc(x) if q else x @ self.fc.w.t() + self.fc.b
        return self.qout(x) if q else x

    @staticmethod
    def float_conv(m, x):
        return nn.functional.conv2d(x, m.w, m.b, padding=1)


def float_ranges(model, x):
    """min/max of the input, the two ReLU outputs and the logits (float)."""
    model.quant = False
    r = {"input": (float(x.min()), float(x.max()))}
    with torch.no_grad():
        h1 = torch.relu(QatCnn.float_conv(model.conv1, x))
        h2 = torch.relu(QatCnn.float_conv(model.conv2,
                                          nn.functional.max_pool2d(h1, 2)))
        y = nn.functional.max_pool2d(h2, 2).flatten(1) @ model.fc.w.t() + \
            model.fc.b
    r["relu1"] = (0.0, float(h1.max()))
    r["relu2"] = (0.0, float(h2.max()))
    r["logits"] = (float(y.min()), float(y.max()))
    model.quant = True
    return r


def top1(model, x, quant):
    model.quant = quant
    out = []
    with torch.no_grad():
        for i in range(0, len(x), 1000):
            out.append(model(torch.from_numpy(x[i:i + 1000])).argmax(1))
    model.quant = True
    return torch.cat(out).numpy().astype(np.uint8)


def train(model, x, y, epochs, batch=128):
    # separate rates: weights gently, scales and clipping levels faster
    slow = [m.w for m in (model.conv1, model.conv2, model.fc)] + \
        [m.b for m in (model.conv1, model.conv2, model.fc)]
    fast = [model.conv1.s, model.conv2.s, model.fc.s, model.act1.alpha,
            model.act2.alpha]
    opt = torch.optim.Adam([{"params": slow, "lr": 2e-4},
                            {"params": fast, "lr": 1e-3}])
    g = torch.Generator().manual_seed(0)
    xt, yt = torch.from_numpy(x), torch.from_numpy(y)
    for ep in range(epochs):
        perm = torch.randperm(len(x), generator=g)
        total = 0.0
        for i in range(0, len(x), batch):
            idx = perm[i:i + batch]
            loss = nn.functional.cross_entropy(model(xt[idx]), yt[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += float(loss) * len(idx)
        print("epoch %d: loss %.4f" % (ep + 1, total / len(x)), flush=True)


# ---- export ----

def export(model, path):
    inits, nodes = [], []

    def const(name, a):
        inits.append(numpy_helper.from_array(a, name))
        return name

    def qdq(x, scale, zp, name):
        s = const(name + "_s", np.array(scale, np.float32))
        z = const(name + "_z", np.array(zp, np.uint8))
        nodes.append(helper.make_node("QuantizeLinear", [x, s, z], [name + "_q"]))
        nodes.append(helper.make_node("DequantizeLinear", [name + "_q", s, z],
                                      [name + "_dq"]))
        return name + "_dq"

    def weights(m, name, sx):
        s = m.s.detach().abs().numpy().astype(np.float32)
        shape = (-1,) + (1,) * (m.w.dim() - 1)
        w = m.w.detach().numpy()
        q = np.clip(np.round(w / s.reshape(shape)), -7, 7).astype(np.int8)
        wd = name + "_w"
        nodes.append(helper.make_node(
            "DequantizeLinear", [const(name + "_wq", q), const(name + "_ws", s),
                                 const(name + "_wz", np.zeros(len(s), np.int8))],
            [wd], axis=0))
        bs = (np.float32(sx) * s).astype(np.float32)
        bq = np.round(m.b.detach().numpy() / bs).astype(np.int32)
        bd = name + "_b"
        nodes.append(helper.make_node(
            "DequantizeLinear", [const(name + "_bq", bq), const(name + "_bs", bs),
                                 const(name + "_bz", np.zeros(len(s), np.int32))],
            [bd], axis=0))
        return wd, bd

    s_in, z_in = model.qin.scale, model.qin.zp
    x = qdq("input", s_in, z_in, "input")
    s1 = np.float32(model.act1.scale().item())
    s2 = np.float32(model.act2.scale().item())
    w, b = weights(model.conv1, "conv1", s_in)
    nodes.append(helper.make_node("Conv", [x, w, b], ["conv1"], pads=[1] * 4,
                                  kernel_shape=[3, 3]))
    x = qdq("conv1", s1, 0, "relu1")
    nodes.append(helper.make_node("MaxPool", [x], ["pool1"],
                                  kernel_shape=[2, 2], strides=[2, 2]))
    x = qdq("pool1", s1, 0, "pool1")
    w, b = weights(model.conv2, "conv2", s1)
    nodes.append(helper.make_node("Conv", [x, w, b], ["conv2"], pads=[1] * 4,
                                  kernel_shape=[3, 3]))
    x = qdq("conv2", s2, 0, "relu2")
    nodes.append(helper.make_node("MaxPool", [x], ["pool2"],
                                  kernel_shape=[2, 2], strides=[2, 2]))
    x = qdq("pool2", s2, 0, "pool2")
    nodes.append(helper.make_node("Flatten", [x], ["flat"], axis=1))
    x = qdq("flat", s2, 0, "flat")
    w, b = weights(model.fc, "fc", s2)
    nodes.append(helper.make_node("Gemm", [x, w, b], ["logits_f"], transB=1))
    s, z = model.qout.scale, model.qout.zp
    sq = const("logits_s", np.array(s, np.float32))
    zq = const("logits_z", np.array(z, np.uint8))
    nodes.append(helper.make_node("QuantizeLinear", ["logits_f", sq, zq],
                                  ["logits_q"]))
    nodes.append(helper.make_node("DequantizeLinear", ["logits_q", sq, zq],
                                  ["logits"]))
    g = helper.make_graph(
        nodes, "cnn_bn_w4a8",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT,
                                       [1, 1, 28, 28])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, [1, 10])],
        inits)
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 13)])
    m.ir_version = 7
    onnx.checker.check_model(m)
    onnx.save(m, path)


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    epochs = 3
    if "--epochs" in argv:
        epochs = int(argv[argv.index("--epochs") + 1])
        args.remove(str(epochs))
    models = args[0] if args else os.path.join(HERE, "..", "..", "..",
                                               "shared", "models")
    out = args[1] if len(args) > 1 else HERE
    src = onnx.load(os.path.join(models, "cnn_bn.folded.onnx"))
    p = {t.name: numpy_helper.to_array(t).astype(np.float32)
         for t in src.graph.initializer}
    xtr, ytr = make_testset.load("train")
    xte, yte = make_testset.load("t10k")
    model = QatCnn(p, {"input": (0, 1), "relu1": (0, 1), "relu2": (0, 1),
                       "logits": (0, 1)})
    ranges = float_ranges(model, torch.from_numpy(xtr[:2000]))
    model = QatCnn(p, ranges)
    acc = lambda t: 100.0 * float(np.mean(t == yte))  # noqa: E731
    print("float:            %.2f%%" % acc(top1(model, xte, False)))
    print("W4A8 before QAT:  %.2f%%" % acc(top1(model, xte, True)))
    train(model, xtr, ytr, epochs)
    t = top1(model, xte, True)
    print("W4A8 after QAT:   %.2f%% (fake quantization)" % acc(t))
    np.save(os.path.join(out, "qat_top1.npy"), t)
    export(model, os.path.join(out, "cnn_bn_w4a8.qdq.onnx"))


if __name__ == "__main__":
    main(sys.argv)
