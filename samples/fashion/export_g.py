#!/usr/bin/env python3
"""Export a trained PyTorch nn.Sequential to qcc's `.g` text plus a
safetensors weights file.

    import export_g
    export_g.export(model, "fashion_cnn", out_dir, (1, 1, 28, 28))

writes OUT_DIR/NAME.g and OUT_DIR/NAME.safetensors. Supported layers:
Conv2d, BatchNorm1d/2d (kept as batchnorm nodes), ReLU, ReLU6, MaxPool2d,
AvgPool2d, Flatten, Linear; Dropout and Identity are skipped (eval mode).
Each layer's output value is named after the layer; the last one is the
graph output `logits`. Weights are referenced as @LAYER.PARAM.

The text follows qcc's canonical print (full type on every statement,
attributes only when required or not at their default, in ops.def order),
so `qcc NAME.g --emit=ir` should print it back nearly unchanged.
"""
import json
import os
import re
import struct

import numpy as np
import torch
from torch import nn


# ---------------------------------------------------------------- safetensors

def write_safetensors(path, tensors):
    """tensors: list of (name, float32 ndarray), written in that order."""
    header, offset, blobs = {}, 0, []
    for name, arr in tensors:
        data = np.ascontiguousarray(arr, dtype="<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(arr.shape),
                        "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
        blobs.append(data)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)          # keep the data 8-byte aligned
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for data in blobs:
            f.write(data)


def read_safetensors(path):
    """The F32 tensors of a safetensors file, as {name: ndarray}."""
    raw = open(path, "rb").read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n])
    base, out = 8 + n, {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        assert info["dtype"] == "F32", f"{name}: dtype {info['dtype']}"
        b, e = info["data_offsets"]
        out[name] = np.frombuffer(raw[base + b:base + e], "<f4").reshape(info["shape"])
    return out


# ---------------------------------------------------------------- text

def fmt_float(v):
    """An f32 attribute as qcc prints it (%.9g of the float32 value)."""
    return "%.9g" % float(np.float32(v))


def fmt_ints(v):
    return "[" + ",".join(str(int(i)) for i in v) + "]"


def fmt_type(shape):
    return "f32[" + ",".join(str(int(d)) for d in shape) + "]"


def ident(s):
    """A tensor name (conv1.weight) as a `.g` identifier (conv1_weight)."""
    s = re.sub(r"[^A-Za-z0-9_]", "_", s)
    return s if re.match(r"[A-Za-z_]", s) else "_" + s


def pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


class Exporter:
    def __init__(self, name):
        self.name = name
        self.consts = []      # (ident, shape, tensor name)
        self.tensors = []     # (tensor name, ndarray)
        self.nodes = []       # (value, shape, op, args, attrs)

    def const(self, tname, arr):
        arr = np.asarray(arr, dtype=np.float32)
        self.tensors.append((tname, arr))
        cid = ident(tname)
        self.consts.append((cid, arr.shape, tname))
        return cid

    def param(self, layer, pname, t):
        return self.const(f"{layer}.{pname}", t.detach().cpu().numpy())

    def node(self, value, shape, op, args, attrs=()):
        self.nodes.append((value, shape, op, args, list(attrs)))

    def layer(self, lname, m, x, v, shape):
        """Emit the node of module LNAME reading value X and defining V."""
        if isinstance(m, nn.Conv2d):
            if m.padding_mode != "zeros" or isinstance(m.padding, str):
                raise ValueError(f"{lname}: only explicit zero padding is supported")
            ph, pw = pair(m.padding)
            args = [x, self.param(lname, "weight", m.weight)]
            if m.bias is not None:
                args.append(self.param(lname, "bias", m.bias))
            attrs = []
            if pair(m.stride) != (1, 1):
                attrs.append(("stride", fmt_ints(pair(m.stride))))
            if (ph, pw) != (0, 0):
                attrs.append(("pad", fmt_ints([ph, pw, ph, pw])))
            if pair(m.dilation) != (1, 1):
                attrs.append(("dilation", fmt_ints(pair(m.dilation))))
            if m.groups != 1:
                attrs.append(("groups", str(m.groups)))
            self.node(v, shape, "conv2d", args, attrs)
        elif isinstance(m, (nn.BatchNorm1d, nn.BatchNorm2d)):
            if m.running_mean is None:
                raise ValueError(f"{lname}: batchnorm without running statistics")
            c = m.num_features
            scale = m.weight if m.affine else torch.ones(c)
            bias = m.bias if m.affine else torch.zeros(c)
            args = [x, self.param(lname, "weight", scale),
                    self.param(lname, "bias", bias),
                    self.param(lname, "running_mean", m.running_mean),
                    self.param(lname, "running_var", m.running_var)]
            attrs = []
            if np.float32(m.eps) != np.float32(1e-5):
                attrs.append(("epsilon", fmt_float(m.eps)))
            self.node(v, shape, "batchnorm", args, attrs)
        elif isinstance(m, nn.ReLU):
            self.node(v, shape, "relu", [x])
        elif isinstance(m, nn.ReLU6):
            self.node(v, shape, "relu6", [x])
        elif isinstance(m, (nn.MaxPool2d, nn.AvgPool2d)):
            kernel = pair(m.kernel_size)
            stride = pair(m.stride if m.stride is not None else m.kernel_size)
            ph, pw = pair(m.padding)
            attrs = [("kernel", fmt_ints(kernel))]
            if stride != (1, 1):
                attrs.append(("stride", fmt_ints(stride)))
            if (ph, pw) != (0, 0):
                attrs.append(("pad", fmt_ints([ph, pw, ph, pw])))
            if isinstance(m, nn.MaxPool2d):
                if pair(m.dilation) != (1, 1):
                    attrs.append(("dilation", fmt_ints(pair(m.dilation))))
                if m.ceil_mode:
                    attrs.append(("ceil_mode", "1"))
                self.node(v, shape, "maxpool2d", [x], attrs)
            else:
                if m.divisor_override is not None:
                    raise ValueError(f"{lname}: avgpool divisor_override is not supported")
                if m.ceil_mode:
                    attrs.append(("ceil_mode", "1"))
                if m.count_include_pad and (ph, pw) != (0, 0):
                    attrs.append(("count_include_pad", "1"))
                self.node(v, shape, "avgpool2d", [x], attrs)
        elif isinstance(m, nn.Flatten):
            if m.end_dim != -1:
                raise ValueError(f"{lname}: flatten must run to the last dimension")
            attrs = [] if m.start_dim == 1 else [("axis", str(m.start_dim))]
            self.node(v, shape, "flatten", [x], attrs)
        elif isinstance(m, nn.Linear):
            args = [x, self.param(lname, "weight", m.weight)]
            if m.bias is not None:
                args.append(self.param(lname, "bias", m.bias))
            self.node(v, shape, "dense", args)
        else:
            raise ValueError(f"{lname}: cannot export {type(m).__name__}")

    def text(self, input_shape, weights_file):
        out = [f"# {self.name}: exported from PyTorch by samples/fashion/export_g.py",
               f"model {self.name}", f'weights "{weights_file}"', "",
               f"input x : {fmt_type(input_shape)}", ""]
        for cid, shape, tname in self.consts:
            out.append(f"const {cid} : {fmt_type(shape)} = @{tname}")
        out.append("")
        for i, (v, shape, op, args, attrs) in enumerate(self.nodes):
            parts = list(args) + [f"{k}={val}" for k, val in attrs]
            stmt = f"{v} : {fmt_type(shape)} = {op}({', '.join(parts)})"
            out.append(("output " if i == len(self.nodes) - 1 else "") + stmt)
        return "\n".join(out) + "\n"


def export(model, name, out_dir, input_shape, output="logits"):
    """Write OUT_DIR/NAME.g and OUT_DIR/NAME.safetensors for an eval-mode
    nn.Sequential; returns the path of the .g file."""
    if not isinstance(model, nn.Sequential):
        raise ValueError("export expects an nn.Sequential")
    model.eval()
    ex = Exporter(name)
    x, value = torch.zeros(input_shape), "x"
    layers = [(n, m) for n, m in model.named_children()
              if not isinstance(m, (nn.Dropout, nn.Identity))]
    with torch.no_grad():
        for i, (lname, m) in enumerate(layers):
            x = m(x)
            v = output if i == len(layers) - 1 else ident(lname)
            ex.layer(lname, m, value, v, tuple(x.shape))
            value = v
    weights = f"{name}.safetensors"
    write_safetensors(os.path.join(out_dir, weights), ex.tensors)
    path = os.path.join(out_dir, f"{name}.g")
    with open(path, "w") as f:
        f.write(ex.text(input_shape, weights))
    return path
