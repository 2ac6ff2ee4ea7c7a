// ort_optimize.js - ONNX Runtime's optimized form of a QDQ model: its graph
// optimizer fuses the QuantizeLinear/DequantizeLinear pairs into
// QLinearConv, QGemm, QLinearGlobalAveragePool (com.microsoft) and runs
// MaxPool and Flatten on uint8. Not run by CTest: its outputs are committed
// (models/*.ort_optimized.onnx).
//
//   NODE_PATH=~/.cache/qcc-bench/node_modules node ort_optimize.js IN.onnx OUT.onnx
'use strict';
const ort = require('onnxruntime-node');

async function main() {
	const [model, out] = process.argv.slice(2);
	await ort.InferenceSession.create(model, { graphOptimizationLevel:
		'extended', optimizedModelFilePath: out, logSeverityLevel: 3 });
}
main();
