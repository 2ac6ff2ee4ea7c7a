// ort_reference.js - ONNX Runtime's top-1 class for every image of a test
// set, the independent reference for the real-model tests in this directory.
//
//   cd /tmp && npm install --ignore-scripts onnxruntime-node
//   NODE_PATH=/tmp/node_modules node ort_reference.js [--outputs K] [--no-top1]
//       TEST_X.npy OUT_DIR MODEL.onnx...
//
// TEST_X.npy is float32 [N, ...] (make_data.py writes it). For each model
// NAME.onnx it writes OUT_DIR/NAME.ort_top1.npy: uint8 [N], the argmax of the
// logits ONNX Runtime computes for each image, one image per run (batch 1);
// with --outputs K also OUT_DIR/NAME.ort_out.npy, float32 [K, ...]: the first
// output of the first K samples as ONNX Runtime computes it. --no-top1 skips
// the classes (for a model whose output is not a class score vector).
// Not run by CTest: its outputs are committed as test data.
'use strict';
const fs = require('fs');
const path = require('path');
const ort = require('onnxruntime-node');

function readNpyF32(file) {
	const buf = fs.readFileSync(file);
	if (buf.toString('latin1', 1, 6) !== 'NUMPY')
		throw new Error(`${file}: not an .npy file`);
	const hlen = buf.readUInt16LE(8);
	const header = buf.toString('latin1', 10, 10 + hlen);
	if (!header.includes("'<f4'") || header.includes('True'))
		throw new Error(`${file}: expected little-endian float32, C order`);
	const shape = header.match(/\(([^)]*)\)/)[1].split(',')
		.filter((s) => s.trim() !== '').map(Number);
	const off = 10 + hlen;
	const n = shape.reduce((a, b) => a * b, 1);
	const data = new Float32Array(buf.buffer.slice(buf.byteOffset + off,
		buf.byteOffset + off + 4 * n));
	return { shape, data };
}

function writeNpy(file, descr, shape, bytes) {
	const dims = shape.length === 1 ? `${shape[0]},` : shape.join(', ');
	let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${dims}), }`;
	while ((10 + header.length + 1) % 64 !== 0)
		header += ' ';
	header += '\n';
	const pre = Buffer.alloc(10);
	pre.write('\x93NUMPY', 0, 'latin1');
	pre[6] = 1;
	pre[7] = 0;
	pre.writeUInt16LE(header.length, 8);
	fs.writeFileSync(file, Buffer.concat([pre, Buffer.from(header, 'latin1'),
		Buffer.from(bytes)]));
}

async function main() {
	const args = process.argv.slice(2);
	let keep = 0, top1s = true;
	while (args.length && args[0].startsWith('--')) {
		const o = args.shift();
		if (o === '--outputs')
			keep = Number(args.shift());
		else if (o === '--no-top1')
			top1s = false;
		else
			args.length = 0;
	}
	const [xfile, outdir, ...models] = args;
	if (!xfile || !outdir || models.length === 0 || !(keep >= 0)) {
		console.error('usage: node ort_reference.js [--outputs K] [--no-top1] TEST_X.npy OUT_DIR MODEL.onnx...');
		process.exit(2);
	}
	const x = readNpyF32(xfile);
	const n = x.shape[0];
	const per = x.data.length / n;
	const dims = [1, ...x.shape.slice(1)];
	for (const model of models) {
		const sess = await ort.InferenceSession.create(model,
			{ intraOpNumThreads: 1, interOpNumThreads: 1 });
		const top1 = new Uint8Array(n);
		const kept = [];
		let oshape = null;
		for (let i = 0; i < (top1s ? n : Math.min(keep, n)); i++) {
			const t = new ort.Tensor('float32',
				x.data.subarray(i * per, (i + 1) * per), dims);
			const out = await sess.run({ [sess.inputNames[0]]: t });
			const y = out[sess.outputNames[0]].data;
			if (i < keep) {
				kept.push(Float32Array.from(y));
				oshape = out[sess.outputNames[0]].dims.slice(1);
			}
			let best = 0;
			for (let k = 1; k < y.length; k++)
				if (y[k] > y[best])
					best = k;
			top1[i] = best;
		}
		const name = path.basename(model).replace(/\.onnx$/, '');
		if (top1s)
			writeNpy(path.join(outdir, `${name}.ort_top1.npy`), '|u1', [n], top1);
		if (kept.length) {
			const all = new Float32Array(kept.length * kept[0].length);
			kept.forEach((v, i) => all.set(v, i * v.length));
			writeNpy(path.join(outdir, `${name}.ort_out.npy`), '<f4',
				[kept.length, ...oshape], new Uint8Array(all.buffer));
		}
		console.log(`${name}: ${top1s ? n : kept.length} samples`);
	}
}

main().catch((e) => { console.error(e.message); process.exit(1); });
