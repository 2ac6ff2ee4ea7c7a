#!/usr/bin/python3
"""The ONNX Runtime int8 baseline of bench/bench.sh: a QDQ model, as ONNX
Runtime's own quantizer writes it (QuantizeLinear/DequantizeLinear pairs that
ORT fuses into QLinearConv/QLinearMatMul and friends).

    make_qdq.py expose MODEL.onnx OUT.onnx
        MODEL with every float tensor a node computes added as an output
        (ort_bench.js `ranges` records their min/max)
    make_qdq.py qdq MODEL.onnx RANGES.json OUT.onnx
        activations: per-tensor uint8, asymmetric min-max ranges from
        RANGES.json; Conv/Gemm/MatMul weights: per-channel int8, symmetric,
        [-127, 127]; biases: int32 at s_x * s_w; graph outputs per-tensor
        uint8 too (as ORT's quantizer does).
Needs python3-onnx and numpy only."""
import json
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def expose(src, dst):
    m = onnx.load(src)
    have = {o.name for o in m.graph.output}
    for n in m.graph.node:
        for o in n.output:
            if o and o not in have:
                m.graph.output.append(helper.make_tensor_value_info(o, TensorProto.FLOAT, None))
                have.add(o)
    onnx.save(m, dst)


def qparams_u8(lo, hi):
    lo, hi = min(lo, 0.0), max(hi, 0.0)
    scale = (hi - lo) / 255.0 if hi > lo else 1.0
    zp = int(np.clip(round(-lo / scale), 0, 255))
    return np.float32(scale), np.uint8(zp)


def fold_activations(g):
    """Relu/Clip after Conv/Gemm goes into the quantization range of the
    output, as ORT's quantizer does: the conv writes the activation's output
    tensor directly."""
    uses = {}
    for n in g.node:
        for i in n.input:
            uses[i] = uses.get(i, 0) + 1
    producer = {o: n for n in g.node for o in n.output}
    keep = []
    for n in g.node:
        p = producer.get(n.input[0]) if n.input else None
        if n.op_type in ("Relu", "Clip") and p is not None and \
                p.op_type in ("Conv", "Gemm") and uses[n.input[0]] == 1:
            p.output[0] = n.output[0]
            continue
        keep.append(n)
    del g.node[:]
    g.node.extend(keep)


def qdq(src, ranges_path, dst):
    m = onnx.load(src)
    g = m.graph
    fold_activations(g)
    ranges = json.load(open(ranges_path))
    inits = {t.name: t for t in g.initializer}
    new_inits, new_nodes = [], []
    act_q = {}  # activation name -> its dequantized name

    def act(name):
        if name in act_q or name not in ranges:
            return act_q.get(name, name)
        s, z = qparams_u8(*ranges[name])
        new_inits.append(numpy_helper.from_array(np.array(s, np.float32), name + "_s"))
        new_inits.append(numpy_helper.from_array(np.array(z, np.uint8), name + "_z"))
        new_nodes.append(helper.make_node("QuantizeLinear", [name, name + "_s", name + "_z"], [name + "_q"]))
        new_nodes.append(helper.make_node("DequantizeLinear", [name + "_q", name + "_s", name + "_z"], [name + "_dq"]))
        act_q[name] = name + "_dq"
        return act_q[name]

    def weight(name, axis):
        w = numpy_helper.to_array(inits[name]).astype(np.float64)
        red = tuple(i for i in range(w.ndim) if i != axis)
        s = np.abs(w).max(axis=red) / 127.0
        s[s == 0] = 1.0
        shape = [1] * w.ndim
        shape[axis] = -1
        q = np.clip(np.round(w / s.reshape(shape)), -127, 127).astype(np.int8)
        new_inits.append(numpy_helper.from_array(q, name + "_wq"))
        new_inits.append(numpy_helper.from_array(s.astype(np.float32), name + "_ws"))
        new_inits.append(numpy_helper.from_array(np.zeros(len(s), np.int8), name + "_wz"))
        new_nodes.append(helper.make_node("DequantizeLinear", [name + "_wq", name + "_ws", name + "_wz"],
                                          [name + "_wdq"], axis=axis))
        return name + "_wdq", s

    def bias(name, sx, sw):
        b = numpy_helper.to_array(inits[name]).astype(np.float64)
        s = (sx * sw).astype(np.float32)
        q = np.clip(np.round(b / s), -2**31 + 1, 2**31 - 1).astype(np.int32)
        new_inits.append(numpy_helper.from_array(q, name + "_bq"))
        new_inits.append(numpy_helper.from_array(s, name + "_bs"))
        new_inits.append(numpy_helper.from_array(np.zeros(len(s), np.int32), name + "_bz"))
        new_nodes.append(helper.make_node("DequantizeLinear", [name + "_bq", name + "_bs", name + "_bz"],
                                          [name + "_bdq"], axis=0))
        return name + "_bdq"

    for n in g.node:
        ins = list(n.input)
        if n.op_type in ("Conv", "Gemm", "MatMul") and len(ins) > 1 and ins[1] in inits:
            x = act(ins[0])
            axis = 0
            if n.op_type == "Gemm":
                tb = [a.i for a in n.attribute if a.name == "transB"]
                axis = 0 if tb and tb[0] else 1
            elif n.op_type == "MatMul":
                axis = 1
            ins[0] = x
            ins[1], sw = weight(n.input[1], axis)
            if len(ins) > 2 and ins[2] in inits and n.input[0] in ranges:
                sx = float(qparams_u8(*ranges[n.input[0]])[0])
                ins[2] = bias(n.input[2], sx, sw)
        elif n.op_type not in ("Reshape", "Shape", "Constant"):
            ins = [act(i) if i in ranges else i for i in ins]
        elif ins:
            ins[0] = act(ins[0])
        del n.input[:]
        n.input.extend(ins)
        new_nodes.append(n)
    # graph outputs too, as ORT's quantizer does for Conv/Gemm outputs: the
    # producer writes NAME_f, and Q/DQ give NAME back
    for o in g.output:
        if o.name not in ranges or o.name in act_q:
            continue
        for n in new_nodes:
            n.output[:] = [o.name + "_f" if x == o.name else x for x in n.output]
        s, z = qparams_u8(*ranges[o.name])
        new_inits.append(numpy_helper.from_array(np.array(s, np.float32), o.name + "_s"))
        new_inits.append(numpy_helper.from_array(np.array(z, np.uint8), o.name + "_z"))
        new_nodes.append(helper.make_node("QuantizeLinear", [o.name + "_f", o.name + "_s", o.name + "_z"], [o.name + "_q"]))
        new_nodes.append(helper.make_node("DequantizeLinear", [o.name + "_q", o.name + "_s", o.name + "_z"], [o.name]))
    used = {i for n in new_nodes for i in n.input}
    keep = [t for t in g.initializer if t.name in used]
    del g.initializer[:]
    g.initializer.extend(keep)
    del g.node[:]
    g.node.extend(new_nodes)
    g.initializer.extend(new_inits)
    onnx.checker.check_model(m)
    onnx.save(m, dst)


if __name__ == "__main__":
    if sys.argv[1] == "expose":
        expose(sys.argv[2], sys.argv[3])
    else:
        qdq(sys.argv[2], sys.argv[3], sys.argv[4])
