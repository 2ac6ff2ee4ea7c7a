#!/usr/bin/python3
"""binary.py - a Fashion-MNIST network with binary weights and binary
(sign) activations in its middle layers, trained here, and its export as
a QDQ ONNX model that qcc compiles with no calibration data.

    /usr/bin/python3 samples/binary/binary.py [OUT_DIR]
        [--epochs N] [--qat-epochs N]

The network (BinaryNet's recipe: binary layers between an 8-bit first and
last layer):
  conv3x3(1->32, 8-bit weights) BN sign  maxpool2       28x28 -> 14x14
  conv3x3(32->64, binary)       BN sign  maxpool2       14x14 -> 7x7
  conv3x3(64->64, binary)       BN sign  maxpool2       7x7   -> 3x3
  dense(576->128, binary)       BN sign
  dense(128->10, 8-bit weights)                         logits
sign(v) is +1 for v >= 0 and -1 below (never 0), the straight-through
estimator its gradient (1 where |v| <= 1); a binary weight is sign(w) of a
latent float weight clipped to [-1, 1].

1. --epochs (default 4) of training with BatchNorm (Adam, rate 1e-3
   decayed to 0), the first and last layers float;
2. each BatchNorm folded into its layer: a binary layer's channel becomes
   sign(w) times a scale s_c = gamma_c / sigma_c (the channel's weights
   negated where that is negative) and a bias; the first layer's weights
   take the BatchNorm's factor;
3. --qat-epochs (default 1) of quantization-aware fine-tuning of the
   folded network, every rounding the integer pipeline does mirrored
   (samples/qat/qat.py's fake quantization): uint8 input, 8-bit weights
   [-127, 127] per channel, binary weights times s_c, int32 biases at
   s_x s_w, each layer's output uint8 on the min-max range of 2,000
   training images (fixed), then sign: an activation of one bit, scale 1.
Writes into OUT_DIR (default: this directory)
  binary.qdq.onnx       QuantizeLinear/DequantizeLinear around each layer's
                        input and output; the binary weights are int8
                        constants in {-1, +1} with per-channel scales; Sign
                        after the DequantizeLinear of each middle layer
  binary_top1.npy       the fake-quantized model's top-1 class for each of
                        the 10,000 test images (uint8), its first 200
                        entries in binary_top1_200.npy
and prints the test accuracy after each step. Deterministic (seeded, one
thread). Needs Debian's python3-torch, python3-onnx, numpy.
"""
import os
import sys

import numpy as np
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "qat"))
import qat  # noqa: E402  (seeds torch, one thread)
from qat import make_testset, ste_round  # noqa: E402

F = nn.functional


class SignSTE(torch.autograd.Function):
    """+1 for v >= 0, -1 below; the gradient passes where |v| <= 1."""

    @staticmethod
    def forward(ctx, v):
        ctx.save_for_backward(v)
        return torch.where(v >= 0, torch.ones_like(v), -torch.ones_like(v))

    @staticmethod
    def backward(ctx, g):
        v, = ctx.saved_tensors
        return g * (v.abs() <= 1).to(g.dtype)


sign = SignSTE.apply

# (kind, in, out): the layers in order; binary ones are the middle four
LAYERS = [("conv", 1, 32, False), ("conv", 32, 64, True),
          ("conv", 64, 64, True), ("dense", 576, 128, True),
          ("dense", 128, 10, False)]


class Net(nn.Module):
    """Step 1: latent float weights, BatchNorm after every layer but the
    last."""

    def __init__(self):
        super().__init__()
        self.w = nn.ParameterList()
        self.b = nn.ParameterList()
        self.bn = nn.ModuleList()
        for kind, ci, co, _ in LAYERS:
            shape = (co, ci, 3, 3) if kind == "conv" else (co, ci)
            fan = ci * (9 if kind == "conv" else 1)
            self.w.append(nn.Parameter(torch.randn(shape) / fan ** 0.5))
            self.b.append(nn.Parameter(torch.zeros(co)))
            if co != 10:
                self.bn.append(nn.BatchNorm2d(co) if kind == "conv" else
                               nn.BatchNorm1d(co))

    def weight(self, i):
        w = self.w[i]
        if LAYERS[i][3]:
            return sign(torch.clamp(w, -1, 1))
        return w

    def forward(self, x):
        for i, (kind, _, co, _) in enumerate(LAYERS):
            if kind == "dense" and x.dim() == 4:
                x = x.flatten(1)
            w = self.weight(i)
            x = F.conv2d(x, w, self.b[i], padding=1) if kind == "conv" \
                else x @ w.t() + self.b[i]
            if co == 10:
                return x
            x = sign(self.bn[i](x))
            if kind == "conv":
                x = F.max_pool2d(x, 2)
        return x

    def clip(self):
        with torch.no_grad():
            for i, l in enumerate(LAYERS):
                if l[3]:
                    self.w[i].clamp_(-1, 1)


class QNet(nn.Module):
    """Steps 2 and 3: the folded network with the integer pipeline's
    roundings. Layer i: weights wq (integers) times a per-channel scale s,
    bias b; its output (all but the last) uint8 on a fixed range, then
    sign."""

    def __init__(self, net):
        super().__init__()
        self.w, self.s, self.b = (nn.ParameterList() for _ in range(3))
        self.binary = []
        for i, (kind, _, co, binary) in enumerate(LAYERS):
            w = net.weight(i).detach().clone()
            b = net.b[i].detach().clone()
            if co != 10:
                bn = net.bn[i]
                f = bn.weight.detach() / torch.sqrt(bn.running_var + bn.eps)
                b = (b - bn.running_mean) * f + bn.bias.detach()
            else:
                f = torch.ones(co)
            shape = (-1,) + (1,) * (w.dim() - 1)
            if binary:
                # sign(w) * f: negative factors negate the channel
                w = w * torch.sign(f).reshape(shape)
                s = f.abs()
            else:
                w = w * f.reshape(shape)
                s = w.abs().reshape(co, -1).max(1).values / 127
            self.w.append(nn.Parameter(w))
            self.s.append(nn.Parameter(s.clamp_min(1e-8)))
            self.b.append(nn.Parameter(b))
            self.binary.append(binary)
        self.qin = qat.FixedQ(0, 1)
        self.qout = [qat.FixedQ(0, 1) for _ in LAYERS]
        self.quant = True

    def wq(self, i):
        """the weights' integers: sign (binary) or [-127, 127]."""
        w = self.w[i]
        if self.binary[i]:
            return sign(torch.clamp(w, -1, 1))
        s = self.s[i].abs().reshape((-1,) + (1,) * (w.dim() - 1))
        return torch.clamp(ste_round(w / s), -127, 127)

    def forward(self, x, trace=None):
        q = self.quant
        x = self.qin(x) if q else x
        sx = self.qin.scale() if q else 1.0
        for i, (kind, _, co, _) in enumerate(LAYERS):
            if kind == "dense" and x.dim() == 4:
                x = x.flatten(1)
            s = self.s[i].abs()
            bs = sx * s
            b = ste_round(self.b[i] / bs) * bs if q else self.b[i]
            w = self.wq(i) * s.reshape((-1,) + (1,) * (self.w[i].dim() - 1))
            x = F.conv2d(x, w, b, padding=1) if kind == "conv" \
                else x @ w.t() + b
            if trace is not None:
                trace.append(x)
            if q:
                x = self.qout[i](x)
            if co == 10:
                return x
            x = sign(x)
            sx = 1.0
            if kind == "conv":
                x = F.max_pool2d(x, 2)
        return x

    def quantizers(self):
        return [self.qin] + self.qout

    # each quantizer's range: the float model's min-max on x
    set_ranges = qat.QatNet.set_ranges


def top1(model, x):
    out = []
    model.eval()
    with torch.no_grad():
        for i in range(0, len(x), 1000):
            out.append(model(torch.from_numpy(x[i:i + 1000])).argmax(1))
    model.train()
    return torch.cat(out).numpy().astype(np.uint8)


def fit(model, x, y, epochs, lr, tag, after_step=None):
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    steps = epochs * ((len(x) + 127) // 128)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, max(steps, 1))

    def step(xb, yb):
        loss = F.cross_entropy(model(xb), yb)
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
        if after_step:
            after_step()
        return float(loss)
    qat.run_epochs(x, y, epochs, step, seed=2, tag=tag)


# ---- export ----

def export(model, path):
    e = qat.Exporter()

    def qdq(x, qz, name):
        return e.qdq(x, np.float32(qz.scale()), qz.zp, name)

    x = qdq("input", model.qin, "input")
    sx = np.float32(model.qin.scale())
    for i, (kind, _, co, binary) in enumerate(LAYERS):
        name = "l%d" % i
        s = model.s[i].detach().abs().numpy().astype(np.float32)
        q = model.wq(i).detach().numpy().astype(np.int8)
        w = name + "_w"
        e.node("DequantizeLinear",
               [e.const(name + "_wq", q), e.const(name + "_ws", s),
                e.const(name + "_wz", np.zeros(co, np.int8))], [w], axis=0)
        bs = (sx * s).astype(np.float32)
        bq = np.round(model.b[i].detach().numpy() / bs).astype(np.int32)
        b = name + "_b"
        e.node("DequantizeLinear",
               [e.const(name + "_bq", bq), e.const(name + "_bs", bs),
                e.const(name + "_bz", np.zeros(co, np.int32))], [b], axis=0)
        if kind == "dense" and i == 3:
            e.node("Flatten", [x], ["flat"], axis=1)
            x = "flat"
        if kind == "conv":
            e.node("Conv", [x, w, b], [name + "_f"], pads=[1, 1, 1, 1],
                   kernel_shape=[3, 3])
        else:
            e.node("Gemm", [x, w, b], [name + "_f"], transB=1)
        x = qdq(name + "_f", model.qout[i], name)
        if co == 10:
            break
        e.node("Sign", [x], [name + "_sign"])
        x = name + "_sign"
        sx = np.float32(1.0)
        if kind == "conv":
            e.node("MaxPool", [x], [name + "_pool"], kernel_shape=[2, 2],
                   strides=[2, 2])
            x = name + "_pool"
    e.save("binary", path)


def main(argv):
    opts = {"--epochs": "4", "--qat-epochs": "1"}
    args, _ = qat.parse_args(argv, opts)
    out = args[0] if args else HERE
    xtr, ytr = make_testset.load("train")
    xte, yte = make_testset.load("t10k")
    acc = lambda t: 100.0 * float(np.mean(t == yte))  # noqa: E731
    net = Net()
    fit(net, xtr, ytr, int(opts["--epochs"]), 1e-3, "epoch", net.clip)
    print("binary, BatchNorm:          %.2f%%" % acc(top1(net, xte)))
    net.eval()
    model = QNet(net)
    model.set_ranges(torch.from_numpy(xtr[:2000]))
    model.quant = False
    print("folded, float:              %.2f%%" % acc(top1(model, xte)))
    model.quant = True
    print("folded, fake-quantized:     %.2f%%" % acc(top1(model, xte)))
    fit(model, xtr, ytr, int(opts["--qat-epochs"]), 2e-4, "qat epoch")
    t = top1(model, xte)
    print("after QAT, fake-quantized:  %.2f%%" % acc(t))
    np.save(os.path.join(out, "binary_top1.npy"), t)
    np.save(os.path.join(out, "binary_top1_200.npy"), t[:200])
    export(model, os.path.join(out, "binary.qdq.onnx"))


if __name__ == "__main__":
    main(sys.argv)
