// ort_reference.js - ONNX Runtime's top-1 class for every image of a test
// set, the independent reference for the real-model tests in this directory.
//
//   cd /tmp && npm install --ignore-scripts onnxruntime-node
//   NODE_PATH=/tmp/node_modules node ort_reference.js TEST_X.npy OUT_DIR MODEL.onnx...
//
// TEST_X.npy is float32 [N,1,28,28] (make_data.py writes it). For each model
// NAME.onnx it writes OUT_DIR/NAME.ort_top1.npy: uint8 [N], the argmax of the
// logits ONNX Runtime computes for each image, one image per run (batch 1).
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

function writeNpyU8(file, bytes) {
	let header = `{'descr': '|u1', 'fortran_order': False, 'shape': (${bytes.length},), }`;
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
	const [xfile, outdir, ...models] = process.argv.slice(2);
	if (!xfile || !outdir || models.length === 0) {
		console.error('usage: node ort_reference.js TEST_X.npy OUT_DIR MODEL.onnx...');
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
		for (let i = 0; i < n; i++) {
			const t = new ort.Tensor('float32',
				x.data.subarray(i * per, (i + 1) * per), dims);
			const out = await sess.run({ [sess.inputNames[0]]: t });
			const y = out[sess.outputNames[0]].data;
			let best = 0;
			for (let k = 1; k < y.length; k++)
				if (y[k] > y[best])
					best = k;
			top1[i] = best;
		}
		const name = path.basename(model).replace(/\.onnx$/, '');
		writeNpyU8(path.join(outdir, `${name}.ort_top1.npy`), top1);
		console.log(`${name}: ${n} images`);
	}
}

main().catch((e) => { console.error(e.message); process.exit(1); });
