#!/usr/bin/python3
"""qat.py - quantization-aware training of a shared model for W4A8, and its
export as a QDQ ONNX model that qcc compiles without calibration.

    /usr/bin/python3 samples/qat/qat.py [MODELS_DIR] [OUT_DIR]
        [--model NAME] [--epochs N] [--distill]

MODELS_DIR is ../shared/models, NAME one of its models with BatchNorm
folded (NAME.folded.onnx; default mobilenet_ish; cnn_bn works too): a chain
of Conv, Relu/Clip(0, c), MaxPool, GlobalAveragePool, Flatten and Gemm,
rebuilt here as a PyTorch model from the ONNX weights. OUT_DIR is this
directory. Fine-tunes the float weights with fake quantization in the
forward pass, the straight-through estimator for every rounding:
  - weights: per output channel, symmetric 4-bit [-7, 7], with a learned
    scale per channel (initialized to max|w| / 7);
  - biases: int32 at s_x * s_w, as qcc and the export round them;
  - the output of each Conv or Gemm followed by Relu/Clip, and of the
    global average pool: PACT, a learned clipping level alpha (at most the
    Clip's upper bound), then uint8 on [0, alpha] (scale alpha / 255, zero
    point 0); MaxPool and Flatten keep their input's parameters;
  - the input and the logits: uint8 on the min-max range of 2,000 training
    images and of their logits (asymmetric, fixed before the fine-tuning).
With --distill the loss is the cross-entropy with the labels plus the KL
divergence from the float model's output (knowledge distillation).
Then writes
  NAME_w4a8.qdq.onnx     QuantizeLinear/DequantizeLinear around each
                         tensor (uint8 activations, int8 weights holding
                         the 4-bit integers, int32 biases), ONNX
                         Runtime's QDQ conventions; the Relu/Clip is the
                         uint8 quantization's own clamp
  NAME_top1.npy          the fake-quantized model's top-1 class for each
                         of the 10,000 test images (uint8), and its first
                         200 entries in NAME_top1_200.npy
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
F = nn.functional


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
    """A Conv (or Gemm) with fake-quantized weights: integers in [-qmax,
    qmax] (7: 4-bit, 127: 8-bit, 1: ternary) times a learned scale per
    output channel; the bias int32 at s_x * s_w. The scale starts at
    max|w| / qmax, for ternary weights at TWN's: the mean |w| of the
    weights above 0.7 mean|w| (the learned scale then sets the threshold,
    s / 2)."""

    def __init__(self, w, b, attrs=None, qmax=7):
        super().__init__()
        self.w = nn.Parameter(torch.tensor(w))
        self.b = nn.Parameter(torch.tensor(b))
        a = np.abs(w).reshape(w.shape[0], -1)
        if qmax == 1:
            big = a > 0.7 * a.mean(axis=1, keepdims=True)
            s = (a * big).sum(axis=1) / np.maximum(big.sum(axis=1), 1)
        else:
            s = a.max(axis=1) / qmax
        self.s = nn.Parameter(torch.tensor(np.maximum(s, 1e-8).astype(np.float32)))
        self.attrs = attrs        # None: a Gemm (transB=1)
        self.qmax = qmax

    def wscale(self):
        return self.s.abs().clamp_min(1e-8)

    def wq(self):
        shape = (-1,) + (1,) * (self.w.dim() - 1)
        s = self.wscale().reshape(shape)
        return torch.clamp(ste_round(self.w / s), -self.qmax, self.qmax) * s

    def apply(self, x, w, b):
        if self.attrs is None:
            return x @ w.t() + b
        a = self.attrs
        return F.conv2d(x, w, b, stride=a["strides"], padding=a["pads"][:2],
                        groups=a["group"])

    def forward(self, x, sx):
        if sx is None:
            return self.apply(x, self.w, self.b)
        bs = sx * self.wscale()
        return self.apply(x, self.wq(), ste_round(self.b / bs) * bs)


class Pact(nn.Module):
    """clamp(x, 0, alpha), alpha learned (at most cap), then uint8 on
    [0, alpha]."""

    def __init__(self, alpha, cap):
        super().__init__()
        self.alpha = nn.Parameter(torch.tensor(float(min(alpha, cap))))
        self.cap = cap

    def level(self):
        return torch.clamp(self.alpha.abs(), max=self.cap)

    def scale(self):
        return self.level() / 255.0

    def forward(self, x):
        x = torch.minimum(torch.relu(x), self.level())  # gradient to alpha
        return fake_quant(x, self.scale(), 0, 0, 255)


class FixedQ(nn.Module):
    def __init__(self, lo, hi):
        super().__init__()
        self.set_range(lo, hi)

    def set_range(self, lo, hi):
        self.s, self.zp = u8_params(lo, hi)

    def scale(self):
        return float(self.s)

    def forward(self, x):
        return fake_quant(x, float(self.s), self.zp, 0, 255)


class QatNet(nn.Module):
    """The ONNX chain as PyTorch layers. Each step is (kind, module, onnx
    node); kind conv (its module a QConv, then a quantizer: Pact when a
    Relu/Clip follows, else FixedQ), pool (MaxPool), gap, flatten. qmax:
    each Conv/Gemm's weight range in graph order (default 7: 4-bit)."""

    def __init__(self, graph, qmax=None):
        super().__init__()
        p = {t.name: numpy_helper.to_array(t).astype(np.float32)
             for t in graph.initializer}
        nodes = [n for n in graph.node if n.op_type != "Constant"]
        consts = {n.output[0]: numpy_helper.to_array(n.attribute[0].t)
                  for n in graph.node if n.op_type == "Constant"}
        self.qin = FixedQ(0, 1)
        self.steps, mods = [], []
        i, nconv = 0, 0
        while i < len(nodes):
            n = nodes[i]
            at = {a.name: helper.get_attribute_value(a) for a in n.attribute}
            if n.op_type in ("Conv", "Gemm"):
                if n.op_type == "Gemm" and (at.get("transB") != 1 or
                                            at.get("transA", 0) != 0):
                    sys.exit("qat.py: node '%s': Gemm must have transB=1" %
                             n.name)
                conv = QConv(p[n.input[1]], p[n.input[2]],
                             None if n.op_type == "Gemm" else
                             {"strides": at.get("strides", [1, 1]),
                              "pads": at.get("pads", [0] * 4),
                              "group": at.get("group", 1),
                              "kernel_shape": at["kernel_shape"]},
                             qmax[nconv] if qmax else 7)
                nconv += 1
                nxt = nodes[i + 1] if i + 1 < len(nodes) else None
                if nxt is not None and nxt.op_type in ("Relu", "Clip"):
                    cap = float("inf")
                    if nxt.op_type == "Clip":
                        lo, hi = (float(consts[v]) for v in nxt.input[1:3])
                        if lo != 0.0:
                            sys.exit("qat.py: node '%s': Clip's lower bound "
                                     "must be 0" % nxt.name)
                        cap = hi
                    q = Pact(1.0, cap)
                    i += 1
                else:
                    q = FixedQ(0, 1)
                self.steps.append(("conv", conv, q, n))
                mods += [conv, q]
            elif n.op_type == "MaxPool":
                self.steps.append(("pool", None, None, n))
            elif n.op_type == "GlobalAveragePool":
                q = Pact(1.0, float("inf"))
                self.steps.append(("gap", None, q, n))
                mods.append(q)
            elif n.op_type == "Flatten":
                self.steps.append(("flatten", None, None, n))
            else:
                sys.exit("qat.py: node '%s': op %s not handled" %
                         (n.name, n.op_type))
            i += 1
        self.layers = nn.ModuleList(mods)
        self.quant = True

    def forward(self, x, trace=None):
        """trace: a list the float outputs of each quantizer are added to
        (the float model's ranges)."""
        q = self.quant
        sx = self.qin.scale() if q else None
        x = self.qin(x) if q else x
        for kind, conv, qz, n in self.steps:
            if kind == "conv":
                x = conv(x, sx)
                if isinstance(qz, Pact) and not q:
                    x = torch.clamp(torch.relu(x), max=qz.cap)
            elif kind == "pool":
                at = {a.name: helper.get_attribute_value(a)
                      for a in n.attribute}
                x = F.max_pool2d(x, at["kernel_shape"],
                                 at.get("strides", at["kernel_shape"]))
                continue
            elif kind == "gap":
                x = x.mean(dim=(2, 3), keepdim=True)
            else:
                x = x.flatten(1)
                continue
            if trace is not None:
                trace.append(x)
            if q:
                x = qz(x)
                sx = qz.scale()
        return x

    def quantizers(self):
        return [self.qin] + [qz for _, _, qz, _ in self.steps if qz]

    def set_ranges(self, x):
        """Each quantizer's initial range: the float model's min-max on x."""
        self.quant = False
        trace = [x]
        with torch.no_grad():
            self(x, trace)
        self.quant = True
        for qz, t in zip(self.quantizers(), trace):
            if isinstance(qz, Pact):
                qz.alpha.data.fill_(min(float(t.max()), qz.cap))
            else:
                qz.set_range(float(t.min()), float(t.max()))


def top1(model, x, quant):
    model.quant = quant
    out = []
    with torch.no_grad():
        for i in range(0, len(x), 1000):
            out.append(model(torch.from_numpy(x[i:i + 1000])).argmax(1))
    model.quant = True
    return torch.cat(out).numpy().astype(np.uint8)


def run_epochs(x, y, epochs, step, seed=0, tag="epoch", batch=128):
    """epochs over (x, y) in minibatches, shuffled by a generator seeded
    with seed; step(xb, yb) trains on one and returns its loss."""
    g = torch.Generator().manual_seed(seed)
    xt, yt = torch.from_numpy(x), torch.from_numpy(y)
    for ep in range(epochs):
        perm = torch.randperm(len(x), generator=g)
        total = 0.0
        for i in range(0, len(x), batch):
            idx = perm[i:i + batch]
            total += step(xt[idx], yt[idx]) * len(idx)
        print("%s %d: loss %.4f" % (tag, ep + 1, total / len(x)), flush=True)


def train(model, x, y, epochs, distill, batch=128):
    """Adam, cosine-decayed rates: weights and biases gently, the scales
    and clipping levels faster. With distill, the float model (the weights
    before fine-tuning) is the teacher."""
    slow, fast = [], []
    for name, prm in model.named_parameters():
        (slow if name.endswith((".w", ".b")) else fast).append(prm)
    opt = torch.optim.Adam([{"params": slow, "lr": 5e-4},
                            {"params": fast, "lr": 2e-3}])
    steps = epochs * ((len(x) + batch - 1) // batch)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, steps)
    teacher = None
    if distill:
        import copy
        teacher = copy.deepcopy(model)
        teacher.quant = False

    def step(xb, yb):
        out = model(xb)
        loss = F.cross_entropy(out, yb)
        if teacher is not None:
            with torch.no_grad():
                soft = F.softmax(teacher(xb), 1)
            loss = loss + F.kl_div(F.log_softmax(out, 1), soft,
                                   reduction="batchmean")
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
        return float(loss)
    run_epochs(x, y, epochs, step, batch=batch)


def parse_args(argv, opts, flags=()):
    """argv[1:] -> (positional arguments, the flags given); opts: option
    name -> default value, updated in place from `--name value`."""
    args, given = [], set()
    i = 1
    while i < len(argv):
        if argv[i] in opts:
            opts[argv[i]] = argv[i + 1]
            i += 1
        elif argv[i] in flags:
            given.add(argv[i])
        else:
            args.append(argv[i])
        i += 1
    return args, given


# ---- export ----

class Exporter:
    def __init__(self):
        self.inits, self.nodes = [], []

    def const(self, name, a):
        self.inits.append(numpy_helper.from_array(a, name))
        return name

    def node(self, op, ins, outs, **attrs):
        self.nodes.append(helper.make_node(op, ins, outs, **attrs))

    def qdq(self, x, scale, zp, name):
        s = self.const(name + "_s", np.array(scale, np.float32))
        z = self.const(name + "_z", np.array(zp, np.uint8))
        self.node("QuantizeLinear", [x, s, z], [name + "_q"])
        self.node("DequantizeLinear", [name + "_q", s, z], [name + "_dq"])
        return name + "_dq"

    def save(self, gname, path):
        """The graph (input [1, 1, 28, 28], logits [1, 10]: the last
        node's output) as an opset-13 model at path."""
        self.nodes[-1].output[0] = "logits"
        g = helper.make_graph(
            self.nodes, gname,
            [helper.make_tensor_value_info("input", TensorProto.FLOAT,
                                           [1, 1, 28, 28])],
            [helper.make_tensor_value_info("logits", TensorProto.FLOAT,
                                           [1, 10])],
            self.inits)
        m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 13)])
        m.ir_version = 7
        onnx.checker.check_model(m)
        onnx.save(m, path)

    def weights(self, m, name, sx):
        """DequantizeLinear of the weights' integers (int8) and of the
        int32 bias."""
        s = m.wscale().detach().numpy().astype(np.float32)
        shape = (-1,) + (1,) * (m.w.dim() - 1)
        w = m.w.detach().numpy()
        q = np.clip(np.round(w / s.reshape(shape)), -m.qmax, m.qmax)
        q = q.astype(np.int8)
        wd = name + "_w"
        self.node("DequantizeLinear",
                  [self.const(name + "_wq", q), self.const(name + "_ws", s),
                   self.const(name + "_wz", np.zeros(len(s), np.int8))],
                  [wd], axis=0)
        bs = (np.float32(sx) * s).astype(np.float32)
        bq = np.round(m.b.detach().numpy() / bs).astype(np.int32)
        bd = name + "_b"
        self.node("DequantizeLinear",
                  [self.const(name + "_bq", bq), self.const(name + "_bs", bs),
                   self.const(name + "_bz", np.zeros(len(s), np.int32))],
                  [bd], axis=0)
        return wd, bd


def export(model, gname, path):
    e = Exporter()
    s, z = np.float32(model.qin.scale()), model.qin.zp
    x = e.qdq("input", s, z, "input")
    last = len(model.steps) - 1
    for k, (kind, conv, qz, n) in enumerate(model.steps):
        lname = "l%d" % k
        out = "logits" if k == last else lname
        if kind == "conv":
            w, b = e.weights(conv, lname, s)
            if conv.attrs is None:
                e.node("Gemm", [x, w, b], [out + "_f"], transB=1)
            else:
                a = conv.attrs
                e.node("Conv", [x, w, b], [out + "_f"], pads=a["pads"],
                       strides=a["strides"], group=a["group"],
                       kernel_shape=a["kernel_shape"])
        elif kind == "pool":
            e.nodes.append(helper.make_node("MaxPool", [x], [out + "_f"]))
            e.nodes[-1].attribute.extend(n.attribute)
        elif kind == "gap":
            e.node("GlobalAveragePool", [x], [out + "_f"])
        else:
            e.node("Flatten", [x], [out + "_f"], axis=1)
        if qz is not None:
            s = np.float32(qz.scale().item() if isinstance(qz, Pact)
                           else qz.scale())
            z = qz.zp if isinstance(qz, FixedQ) else 0
        x = e.qdq(out + "_f", s, z, out)
    e.save(gname, path)


def main(argv):
    opts = {"--epochs": "4", "--model": "mobilenet_ish"}
    args, flags = parse_args(argv, opts, ("--distill",))
    name = opts["--model"]
    models = args[0] if args else os.path.join(HERE, "..", "..", "..",
                                               "shared", "models")
    out = args[1] if len(args) > 1 else HERE
    src = onnx.load(os.path.join(models, name + ".folded.onnx"))
    xtr, ytr = make_testset.load("train")
    xte, yte = make_testset.load("t10k")
    model = QatNet(src.graph)
    model.set_ranges(torch.from_numpy(xtr[:2000]))
    acc = lambda t: 100.0 * float(np.mean(t == yte))  # noqa: E731
    print("float:            %.2f%%" % acc(top1(model, xte, False)))
    print("W4A8 before QAT:  %.2f%%" % acc(top1(model, xte, True)))
    train(model, xtr, ytr, int(opts["--epochs"]), "--distill" in flags)
    t = top1(model, xte, True)
    print("W4A8 after QAT:   %.2f%% (fake quantization)" % acc(t))
    np.save(os.path.join(out, name + "_top1.npy"), t)
    np.save(os.path.join(out, name + "_top1_200.npy"), t[:200])
    export(model, name + "_w4a8",
           os.path.join(out, name + "_w4a8.qdq.onnx"))


if __name__ == "__main__":
    main(sys.argv)
