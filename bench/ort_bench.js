// ort_bench.js - ONNX Runtime's side of bench/bench.sh (onnxruntime-node).
//
//   node ort_bench.js time MODEL.onnx X.npy RUNS
//       one thread, batch 1: runs the model RUNS times (after RUNS/10
//       warm-up runs) on the first sample of X.npy and prints
//       `median_us T min_us T cpu_median_us T cpu_min_us T`: the median
//       and fastest run in wall time, then in the process's CPU time
//       (user + system, process.cpuUsage)
//   node ort_bench.js ranges MODEL.onnx CALIB.npy N
//       runs N calibration samples and prints, as JSON, the minimum and
//       maximum of every model output (make_qdq.py exposes every tensor)
//
// X.npy: float32 [N, ...] with the model's input shape after the first dim.
'use strict';
const fs = require('fs');
const ort = require('onnxruntime-node');

function readNpyF32(file) {
	const buf = fs.readFileSync(file);
	const v2 = buf[6] >= 2;
	const hlen = v2 ? buf.readUInt32LE(8) : buf.readUInt16LE(8);
	const start = v2 ? 12 : 10;
	const header = buf.toString('latin1', start, start + hlen);
	if (!header.includes("'<f4'") || header.includes('True'))
		throw new Error(`${file}: expected little-endian float32, C order`);
	const shape = header.match(/\(([^)]*)\)/)[1].split(',')
		.filter((s) => s.trim() !== '').map(Number);
	const off = start + hlen;
	const n = shape.reduce((a, b) => a * b, 1);
	const data = new Float32Array(buf.buffer.slice(buf.byteOffset + off,
		buf.byteOffset + off + 4 * n));
	return { shape, data };
}

function sample(x, i) {
	const per = x.shape.slice(1).reduce((a, b) => a * b, 1);
	return new ort.Tensor('float32', x.data.slice(i * per, (i + 1) * per),
		[1, ...x.shape.slice(1)]);
}

async function main() {
	const [mode, model, npy, count] = process.argv.slice(2);
	const opts = { intraOpNumThreads: 1, interOpNumThreads: 1,
		executionMode: 'sequential', graphOptimizationLevel: 'all',
		logSeverityLevel: 3 };
	const s = await ort.InferenceSession.create(model, opts);
	const x = readNpyF32(npy);
	const name = s.inputNames[0];
	if (mode === 'time') {
		const runs = Number(count);
		const feed = { [name]: sample(x, 0) };
		for (let i = 0; i < runs / 10 + 1; i++)
			await s.run(feed);
		const t = [], c = [];
		for (let i = 0; i < runs; i++) {
			const c0 = process.cpuUsage();
			const t0 = process.hrtime.bigint();
			await s.run(feed);
			t.push(Number(process.hrtime.bigint() - t0) / 1000);
			const dc = process.cpuUsage(c0);
			c.push(dc.user + dc.system);
		}
		t.sort((a, b) => a - b);
		c.sort((a, b) => a - b);
		console.log(`median_us ${t[runs >> 1].toFixed(2)} min_us ${t[0].toFixed(2)} ` +
			`cpu_median_us ${c[runs >> 1].toFixed(2)} cpu_min_us ${c[0].toFixed(2)}`);
	} else if (mode === 'ranges') {
		const r = {};
		const n = Math.min(Number(count), x.shape[0]);
		for (let i = 0; i < n; i++) {
			const out = await s.run({ [name]: sample(x, i) });
			for (const k of Object.keys(out)) {
				const d = out[k].data;
				let lo = r[k] ? r[k][0] : Infinity, hi = r[k] ? r[k][1] : -Infinity;
				for (let j = 0; j < d.length; j++) {
					if (d[j] < lo) lo = d[j];
					if (d[j] > hi) hi = d[j];
				}
				r[k] = [lo, hi];
			}
		}
		// a loop: spreading a large input into Math.min overflows the stack
		let lo = Infinity, hi = -Infinity;
		for (let j = 0; j < n * x.data.length / x.shape[0]; j++) {
			if (x.data[j] < lo) lo = x.data[j];
			if (x.data[j] > hi) hi = x.data[j];
		}
		r[name] = [lo, hi];
		console.log(JSON.stringify(r));
	} else {
		throw new Error(`unknown mode ${mode}`);
	}
}

main().catch((e) => { console.error(`ort_bench: ${e.message}`); process.exit(1); });
