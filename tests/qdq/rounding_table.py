#!/usr/bin/python3
"""rounding_table.py - the ONNX node tests of the quantized ops through
qcc's integer pipeline, under each --rounding.

    /usr/bin/python3 tests/qdq/rounding_table.py QCC [--node DIR]
        [--write OUT_DIR]

onnx_case runs the node tests in the float interpreter, where no
requantization happens. Here each node test of QuantizeLinear,
DequantizeLinear, QLinearConv and QLinearMatMul becomes a float model that
`qcc run` compiles through its integer pipeline (qdq_elim, quantize, the
simulator; no --calib): every integer activation input X of the node is
fed as a float input dequantized with its own scale and zero point and
quantized again by a QuantizeLinear (which gives back X exactly), scales,
zero points and weights are initializers from the test's data set, and
the integer output Y is read through a DequantizeLinear of its scale and
zero point. For --rounding away, even and double, prints per node test
the number of output elements that differ from the reference and the
largest difference in steps of the output's scale. ConvInteger,
MatMulInteger and DynamicQuantizeLinear are listed without a run: their
int32 or run-time-scaled outputs do not requantize (onnx_case checks
them). Then the same for the cases of tests/qdq/contrib (QLinearAdd,
QLinearMul, QLinearConcat; make_contrib.py), whose scales make ties.

--write OUT_DIR writes, for each node test bit-exact under --rounding
even, OUT_DIR/NAME/{model.onnx, input_K.npy, ref.npy}: the test data of
tests/qdq/CMakeLists.txt (qdq/rounding_NAME). Needs onnx and numpy."""
import argparse
import glob
import os
import subprocess
import sys
import tempfile

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

NODE = "/usr/share/libonnx-testdata/data/node"
TESTS = ["test_quantizelinear", "test_quantizelinear_axis",
         "test_dequantizelinear", "test_dequantizelinear_axis",
         "test_qlinearconv", "test_qlinearmatmul_2D", "test_qlinearmatmul_3D"]
NO_REQUANT = ["test_basic_convinteger", "test_convinteger_with_padding",
              "test_convinteger_without_padding", "test_matmulinteger",
              "test_dynamicquantizelinear",
              "test_dynamicquantizelinear_max_adjusted",
              "test_dynamicquantizelinear_min_adjusted"]
# per op: the integer activation inputs (index: scale, zero point index)
# and the output's scale and zero point inputs (None: the output is float)
ACTS = {"QuantizeLinear": ({}, (1, 2)),
        "DequantizeLinear": ({0: (1, 2)}, None),
        "QLinearConv": ({0: (1, 2)}, (6, 7)),
        "QLinearMatMul": ({0: (1, 2), 3: (4, 5)}, (6, 7))}
ROUNDINGS = ("away", "even", "double")


def read_pb(path):
    t = onnx.TensorProto()
    with open(path, "rb") as f:
        t.ParseFromString(f.read())
    return numpy_helper.to_array(t)


def dequant(q, s, z, axis=1):
    """(q - z) * s in float32, s and z per tensor or along axis."""
    s, z = np.asarray(s, np.float32), np.asarray(z).astype(np.int64)
    if s.size > 1:
        shape = [1] * q.ndim
        shape[axis] = s.size
        s, z = s.reshape(shape), z.reshape(shape)
    return ((q.astype(np.int64) - z).astype(np.float32) * s).astype(np.float32)


def wrap(src, data):
    """The float model around the node test's one node, its float inputs
    and the float reference output."""
    node = src.graph.node[0]
    acts, out_q = ACTS[node.op_type]
    axis = next((helper.get_attribute_value(a) for a in node.attribute
                 if a.name == "axis"), 1)
    inputs, inits, nodes, feeds = [], [], [], []
    for i, name in enumerate(node.input):
        a = data[i]
        if i in acts:
            s, z = data[acts[i][0]], data[acts[i][1]]
            f = dequant(a, s, z, axis)
            inputs.append(helper.make_tensor_value_info(
                name + "_f", TensorProto.FLOAT, list(a.shape)))
            nodes.append(helper.make_node(
                "QuantizeLinear", [name + "_f", name + "_qs", name + "_qz"],
                [name], axis=axis))
            inits += [numpy_helper.from_array(np.asarray(s), name + "_qs"),
                      numpy_helper.from_array(np.asarray(z), name + "_qz")]
            feeds.append(f)
        elif node.op_type == "QuantizeLinear" and i == 0:
            inputs.append(helper.make_tensor_value_info(
                name, TensorProto.FLOAT, list(a.shape)))
            feeds.append(a)
        else:
            inits.append(numpy_helper.from_array(a, name))
    nodes.append(node)
    y = node.output[0]
    ref = data[len(node.input)]
    if out_q:
        s, z = data[out_q[0]], data[out_q[1]]
        nodes.append(helper.make_node(
            "DequantizeLinear", [y, y + "_qs", y + "_qz"], [y + "_dequant"]))
        inits += [numpy_helper.from_array(np.asarray(s), y + "_qs"),
                  numpy_helper.from_array(np.asarray(z), y + "_qz")]
        ref, step = dequant(ref, s, z), float(np.asarray(s).ravel()[0])
        y += "_dequant"
    else:
        step = None
    # a float op after the last DequantizeLinear, so that the pipeline
    # quantizes the graph's input and dequantizes its output even where
    # the node alone is a QuantizeLinear -> DequantizeLinear pair
    nodes.append(helper.make_node("Reshape", [y, "out_shape"], ["out"]))
    inits.append(numpy_helper.from_array(np.array(ref.shape, np.int64),
                                         "out_shape"))
    g = helper.make_graph(nodes, "g", inputs, [helper.make_tensor_value_info(
        "out", TensorProto.FLOAT, list(ref.shape))], inits)
    m = helper.make_model(g, opset_imports=list(src.opset_import))
    m.ir_version = 7
    return m, feeds, ref, step


def run(qcc, model, feeds, rounding, tmp):
    path = os.path.join(tmp, "m.onnx")
    onnx.save(model, path)
    cmd = [qcc, "run", path, "--rounding", rounding]
    for k, f in enumerate(feeds):
        np.save(os.path.join(tmp, f"in{k}.npy"), f[None])
        cmd += ["--input", os.path.join(tmp, f"in{k}.npy")]
    cmd += ["--output", os.path.join(tmp, "out.npy")]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        err = [ln for ln in r.stderr.splitlines() if "error:" in ln]
        return None, (err[0].split("error: ", 1)[1] if err else r.stderr)
    return np.load(os.path.join(tmp, "out.npy"))[0], None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("qcc")
    ap.add_argument("--node", default=NODE)
    ap.add_argument("--write")
    ap.add_argument("--contrib", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "contrib"))
    a = ap.parse_args()
    print("| node test | " + " | ".join(
        f"`{r}`: differing / max diff (steps)" for r in ROUNDINGS) + " |")
    print("|---|" + "---|" * len(ROUNDINGS))
    with tempfile.TemporaryDirectory() as tmp:
        for t in TESTS:
            d = os.path.join(a.node, t)
            src = onnx.load(os.path.join(d, "model.onnx"))
            sets = sorted(glob.glob(os.path.join(d, "test_data_set_0", "*.pb")))
            ins = [read_pb(p) for p in sets if "input_" in p]
            outs = [read_pb(p) for p in sets if "output_" in p]
            model, feeds, ref, step = wrap(src, ins + outs)
            cells, exact_even = [], False
            for r in ROUNDINGS:
                y, err = run(a.qcc, model, feeds, r, tmp)
                if err:
                    cells.append(f"rejected: {err}")
                    continue
                diff = np.abs(y.astype(np.float64) - ref)
                steps = diff / step if step else diff
                n = int((diff > 0).sum())
                cells.append(f"{n} of {ref.size} / {steps.max():.3g}")
                exact_even |= r == "even" and n == 0
            if len(set(cells)) == 1 and cells[0].startswith("rejected"):
                cells = [cells[0]] + ["same"] * (len(cells) - 1)
            print(f"| {t} | " + " | ".join(cells) + " |")
            if a.write and exact_even:
                out = os.path.join(a.write, t)
                os.makedirs(out, exist_ok=True)
                onnx.save(model, os.path.join(out, "model.onnx"))
                for k, f in enumerate(feeds):
                    np.save(os.path.join(out, f"input_{k}.npy"), f[None])
                # qcc run's samples take the place of a leading 1
                np.save(os.path.join(out, "ref.npy"),
                        ref if ref.shape[0] == 1 else ref[None])
    # the contrib ops' own cases (make_contrib.py): the output's step is
    # the scale of its DequantizeLinear
    for d in sorted(glob.glob(os.path.join(a.contrib, "*", "model.onnx"))):
        d = os.path.dirname(d)
        m = onnx.load(os.path.join(d, "model.onnx"))
        step = next(float(numpy_helper.to_array(t)) for t in
                    m.graph.initializer if t.name == "y_scale")
        feeds = [np.load(p)[0] for p in
                 sorted(glob.glob(os.path.join(d, "input_*.npy")))]
        ref = np.load(os.path.join(d, "ref.npy"))[0]
        cells = []
        with tempfile.TemporaryDirectory() as tmp:
            for r in ROUNDINGS:
                y, err = run(a.qcc, m, feeds, r, tmp)
                diff = np.abs(y.astype(np.float64) - ref) if y is not None \
                    else None
                cells.append(f"rejected: {err}" if err else
                             f"{int((diff > 0).sum())} of {ref.size} / "
                             f"{diff.max() / step:.3g}")
        print(f"| {os.path.basename(d)} (tests/qdq/contrib) | " +
              " | ".join(cells) + " |")
    for t in NO_REQUANT:
        print(f"| {t} | no requantization: identical outputs in the float "
              "interpreter (onnx_case) | | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
