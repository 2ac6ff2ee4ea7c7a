#!/usr/bin/python3
"""Writes tests/onnx/cases/torch_geo and tests/onnx/cases/torch_embed, two
models torch.onnx.export writes with the geometry ops, with PyTorch's outputs
as their test data:

  torch_geo    a small encoder-decoder (opset 13): strided convolutions
               down, ConvTranspose (stride 2, output_padding, groups) and
               Resize (nearest x2, bilinear align_corners=False) up, skip
               connections joined by Concat, a Split (torch.chunk), a Slice
               with a step, Expand and Tile
  torch_embed  an embedding lookup (opset 13): int64 token ids [1, 8] (a
               graph input) -> Embedding (Gather) -> the first token taken
               by Gather on run-time data, a Slice of the rest, Linear
               layers; ids.npy and ids_calib.npy hold ids for the tests

tests/onnx runs them through the float interpreter (onnx_case_NAME) and
tests/codegen compiles them to C (codegen/torch_geo, codegen/torch_embed).

    /usr/bin/python3 tests/onnx/make_geo_cases.py

Needs torch, onnx and numpy; run once, the files are committed."""
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from onnx import numpy_helper

CASES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases")


class EncDec(nn.Module):
    def __init__(self):
        super().__init__()
        self.e1 = nn.Conv2d(3, 8, 3, stride=2, padding=1)
        self.e2 = nn.Conv2d(8, 16, 3, stride=2, padding=1)
        self.up1 = nn.ConvTranspose2d(16, 8, 3, stride=2, padding=1,
                                      output_padding=1, groups=2)
        self.d1 = nn.Conv2d(16, 8, 3, padding=1)
        self.d2 = nn.Conv2d(8 + 3, 4, 3, padding=1)

    def forward(self, x):
        a = F.relu(self.e1(x))                              # [8, 8, 8]
        b = F.relu(self.e2(a))                              # [16, 4, 4]
        u = F.relu(self.up1(b))                             # [8, 8, 8]
        n = F.interpolate(b, scale_factor=2.0, mode="nearest")
        h1, h2 = torch.chunk(n, 2, dim=1)                   # Split
        m = torch.cat([u + h1, a - h2], 1)                  # [16, 8, 8]
        d = F.relu(self.d1(m))
        up = F.interpolate(d, size=(16, 16), mode="bilinear",
                           align_corners=False)
        y = self.d2(torch.cat([up, x], 1))                  # [4, 16, 16]
        s = y[:, :, ::2, 1:]                                # Slice, steps
        t = s[:, :1].expand(1, 4, 8, 15) + s[:, :2].repeat(1, 2, 1, 1)
        return t


class Embed(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(50, 12)
        self.fc1 = nn.Linear(12, 16)
        self.fc2 = nn.Linear(16 * 7, 5)

    def forward(self, ids):
        e = self.emb(ids)                  # [1, 8, 12]
        cls = e[:, 0]                      # Gather on run-time data
        rest = e[:, 1:]                    # Slice
        h = torch.tanh(self.fc1(rest + cls.unsqueeze(1)))
        return self.fc2(h.flatten(1))


def save_case(name, net, inputs, input_name):
    out = os.path.join(CASES, name)
    os.makedirs(out, exist_ok=True)
    torch.onnx.export(net, inputs[0], os.path.join(out, "model.onnx"),
                      opset_version=13, input_names=[input_name],
                      output_names=["y"])
    for k, x in enumerate(inputs):
        d = os.path.join(out, "test_data_set_%d" % k)
        os.makedirs(d, exist_ok=True)
        with torch.no_grad():
            y = net(x).numpy()
        for fname, a in (("input_0", x.numpy()), ("output_0", y)):
            t = numpy_helper.from_array(np.asarray(a))
            with open(os.path.join(d, fname + ".pb"), "wb") as f:
                f.write(t.SerializeToString())
    return out


def main():
    torch.manual_seed(5)
    net = EncDec().eval()
    save_case("torch_geo", net, [torch.randn(1, 3, 16, 16) for _ in range(2)],
              "x")
    net = Embed().eval()
    g = torch.Generator().manual_seed(6)
    ids = [torch.randint(0, 50, (1, 8), generator=g) for _ in range(2)]
    out = save_case("torch_embed", net, ids, "ids")
    r = np.random.RandomState(6)
    np.save(os.path.join(out, "ids_calib.npy"),
            r.randint(0, 50, size=(64, 1, 8)).astype(np.int64))
    np.save(os.path.join(out, "ids.npy"),
            r.randint(0, 50, size=(100, 1, 8)).astype(np.int64))


if __name__ == "__main__":
    main()
