#!/usr/bin/python3
"""The PyTorch int8 baseline of bench/bench.sh: the ONNX model rebuilt as a
torch module, quantized after training with torch.ao FX (onednn engine and
its default qconfig mapping: histogram observers for activations,
per-channel symmetric weights), calibrated on CALIB.npy, frozen with
TorchScript and timed single-threaded at batch 1.

    torch_int8.py MODEL.onnx CALIB.npy RUNS      prints `median_us T min_us T`

Needs python3-torch, python3-onnx and numpy. Takes the ops of the sample
models: Conv, BatchNormalization, Relu, Clip, MaxPool, AveragePool,
GlobalAveragePool, Flatten, Reshape, Gemm, MatMul, Add, Constant,
Identity."""
import sys
import time

import numpy as np
import onnx
import torch
from onnx import numpy_helper
from torch import nn

torch.set_num_threads(1)


def attrs(n):
    return {a.name: onnx.helper.get_attribute_value(a) for a in n.attribute}


class OnnxModule(nn.Module):
    def __init__(self, path):
        super().__init__()
        m = onnx.load(path)
        g = m.graph
        self.inits = {t.name: numpy_helper.to_array(t) for t in g.initializer}
        self.input = [i.name for i in g.input if i.name not in self.inits][0]
        self.output = g.output[0].name
        self.steps = []
        self.mods = nn.ModuleDict()
        for k, n in enumerate(g.node):
            if n.op_type == "Constant":
                self.inits[n.output[0]] = numpy_helper.to_array(attrs(n)["value"])
                continue
            if n.op_type == "Identity" and n.input[0] in self.inits:
                # torch.onnx.export names a weight shared by two nodes
                # through an Identity of the initializer
                self.inits[n.output[0]] = self.inits[n.input[0]]
                continue
            self.steps.append((k, n.op_type, list(n.input), n.output[0], attrs(n)))
            self._make(k, n)

    def _t(self, name):
        return torch.tensor(self.inits[name])

    def _make(self, k, n):
        a, key = attrs(n), str(k)
        if n.op_type == "Conv":
            w = self._t(n.input[1])
            p = a.get("pads", [0, 0, 0, 0])
            assert p[0] == p[2] and p[1] == p[3], "asymmetric padding"
            c = nn.Conv2d(w.shape[1] * a.get("group", 1), w.shape[0], tuple(w.shape[2:]),
                          stride=tuple(a.get("strides", [1, 1])), padding=(p[0], p[1]),
                          dilation=tuple(a.get("dilations", [1, 1])), groups=a.get("group", 1),
                          bias=len(n.input) > 2)
            c.weight.data = w
            if len(n.input) > 2:
                c.bias.data = self._t(n.input[2])
            self.mods[key] = c
        elif n.op_type == "BatchNormalization":
            bn = nn.BatchNorm2d(self.inits[n.input[1]].shape[0], eps=a.get("epsilon", 1e-5))
            bn.weight.data, bn.bias.data = self._t(n.input[1]), self._t(n.input[2])
            bn.running_mean.data, bn.running_var.data = self._t(n.input[3]), self._t(n.input[4])
            self.mods[key] = bn
        elif n.op_type == "Gemm":
            w = self._t(n.input[1])
            if not a.get("transB", 0):
                w = w.t()
            lin = nn.Linear(w.shape[1], w.shape[0], bias=len(n.input) > 2)
            lin.weight.data = w.contiguous()
            if len(n.input) > 2:
                lin.bias.data = self._t(n.input[2])
            self.mods[key] = lin
        elif n.op_type == "Relu":
            self.mods[key] = nn.ReLU()
        elif n.op_type == "Clip":
            lo = float(self.inits[n.input[1]]) if len(n.input) > 1 and n.input[1] else a.get("min", 0.0)
            hi = float(self.inits[n.input[2]]) if len(n.input) > 2 and n.input[2] else a.get("max", 6.0)
            self.mods[key] = nn.ReLU6() if (lo, hi) == (0.0, 6.0) else nn.Hardtanh(lo, hi)
        elif n.op_type == "MaxPool":
            p = a.get("pads", [0, 0, 0, 0])
            self.mods[key] = nn.MaxPool2d(a["kernel_shape"], a.get("strides", 1), (p[0], p[1]))
        elif n.op_type == "AveragePool":
            p = a.get("pads", [0, 0, 0, 0])
            self.mods[key] = nn.AvgPool2d(a["kernel_shape"], a.get("strides", 1), (p[0], p[1]))
        elif n.op_type == "GlobalAveragePool":
            self.mods[key] = nn.AdaptiveAvgPool2d(1)

    def forward(self, x):
        env = {self.input: x}
        for k, op, ins, out, a in self.steps:
            key = str(k)
            if key in self.mods:
                env[out] = self.mods[key](env[ins[0]])
            elif op == "Identity":
                env[out] = env[ins[0]]
            elif op == "Flatten":
                env[out] = torch.flatten(env[ins[0]], a.get("axis", 1))
            elif op == "Reshape":
                env[out] = env[ins[0]].reshape([int(v) for v in self.inits[ins[1]]])
            elif op == "Add":
                env[out] = env[ins[0]] + env[ins[1]]
            elif op == "MatMul":
                env[out] = torch.matmul(env[ins[0]], self._t(ins[1]) if ins[1] in self.inits else env[ins[1]])
            else:
                raise NotImplementedError(op)
        return env[self.output]


def main():
    from torch.ao.quantization import get_default_qconfig_mapping
    from torch.ao.quantization.quantize_fx import convert_fx, prepare_fx
    path, calib, runs = sys.argv[1], np.load(sys.argv[2]), int(sys.argv[3])
    torch.backends.quantized.engine = "onednn"
    model = OnnxModule(path).eval()
    x = torch.tensor(calib[:1])
    prepared = prepare_fx(model, get_default_qconfig_mapping("onednn"), example_inputs=(x,))
    with torch.no_grad():
        for i in range(min(len(calib), 200)):
            prepared(torch.tensor(calib[i:i + 1]))
        q = torch.jit.freeze(torch.jit.trace(convert_fx(prepared), x).eval())
        for _ in range(runs // 10 + 1):
            q(x)
        t = []
        for _ in range(runs):
            t0 = time.perf_counter_ns()
            q(x)
            t.append((time.perf_counter_ns() - t0) / 1000)
    t.sort()
    print("median_us %.2f min_us %.2f" % (t[runs // 2], t[0]))


if __name__ == "__main__":
    main()
