#!/usr/bin/python3
"""ternary.py - a Fashion-MNIST CNN with ternary weights, trained here, and
its export as a QDQ ONNX model that qcc compiles without calibration.

    /usr/bin/python3 samples/ternary/ternary.py [OUT_DIR]
        [--float-epochs N] [--epochs N]

The network: conv3x3(16)+ReLU, max pool, conv3x3(32)+ReLU, max pool,
conv3x3(64)+ReLU, max pool, dense(10). First trained in float (Adam,
--float-epochs, default 3), then fine-tuned (--epochs, default 4) with
fake quantization, the straight-through estimator for every rounding
(samples/qat/qat.py does the quantization and the export):
  - the two middle convolutions (80% of the weights, 94% of the MACs):
    ternary weights, {-1, 0, +1} times a learned scale per output channel
    (started at TWN's: the mean |w| of the weights above 0.7 mean|w|;
    a weight is 0 where |w| < scale / 2);
  - the first convolution and the dense layer: 8-bit weights [-127, 127],
    a learned scale per output channel, as is common;
  - activations: uint8, PACT (learned clipping) after each ReLU, the input
    and the logits on their min-max range over 2,000 training images;
  - biases int32 at s_x * s_w.
Writes into OUT_DIR (default: this directory)
  ternary.qdq.onnx      QuantizeLinear/DequantizeLinear around each tensor;
                        the ternary weights are int8 constants in {-1, 0,
                        1} with per-channel scales
  ternary_top1.npy      the ternary model's top-1 class for each of the
                        10,000 test images (uint8), and its first 200
                        entries in ternary_top1_200.npy
and prints the float and ternary test accuracy. Deterministic (seeded, one
thread). Needs Debian's python3-torch, python3-onnx, numpy.
"""
import io
import os
import sys

import numpy as np
import onnx
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "qat"))
import qat  # noqa: E402  (seeds torch, one thread)
from qat import make_testset  # noqa: E402

# each Conv/Gemm's weight range: 8-bit, ternary, ternary, 8-bit
QMAX = [127, 1, 1, 127]


def float_net():
    return nn.Sequential(
        nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(64 * 3 * 3, 10))


def train_float(net, x, y, epochs):
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)

    def step(xb, yb):
        loss = nn.functional.cross_entropy(net(xb), yb)
        opt.zero_grad()
        loss.backward()
        opt.step()
        return float(loss)
    qat.run_epochs(x, y, epochs, step, seed=1, tag="float epoch")


def to_onnx(net):
    """The float network as an ONNX graph (Conv, Relu, MaxPool, Flatten,
    Gemm), which qat.QatNet rebuilds with fake quantization."""
    f = io.BytesIO()
    torch.onnx.export(net, torch.zeros(1, 1, 28, 28), f, opset_version=13,
                      input_names=["input"], output_names=["logits"])
    return onnx.load_from_string(f.getvalue()).graph


def main(argv):
    opts = {"--float-epochs": "3", "--epochs": "4"}
    args, _ = qat.parse_args(argv, opts)
    out = args[0] if args else HERE
    xtr, ytr = make_testset.load("train")
    xte, yte = make_testset.load("t10k")
    net = float_net()
    train_float(net, xtr, ytr, int(opts["--float-epochs"]))
    model = qat.QatNet(to_onnx(net), QMAX)
    model.set_ranges(torch.from_numpy(xtr[:2000]))
    acc = lambda t: 100.0 * float(np.mean(t == yte))  # noqa: E731
    print("float:                %.2f%%" % acc(qat.top1(model, xte, False)))
    print("ternary before QAT:   %.2f%%" % acc(qat.top1(model, xte, True)))
    qat.train(model, xtr, ytr, int(opts["--epochs"]), False)
    t = qat.top1(model, xte, True)
    print("ternary after QAT:    %.2f%% (fake quantization)" % acc(t))
    np.save(os.path.join(out, "ternary_top1.npy"), t)
    np.save(os.path.join(out, "ternary_top1_200.npy"), t[:200])
    qat.export(model, "ternary", os.path.join(out, "ternary.qdq.onnx"))


if __name__ == "__main__":
    main(sys.argv)
