/* fuzz_onnx.c - fuzzes the ONNX reader: the input is written to a file in a
 * private directory and imported with onnx_load (or, built with
 * FUZZ_ONNX_TENSOR, read as a serialized TensorProto with
 * onnx_read_tensor_file). An imported graph must print to a canonical text
 * that is a fixed point of print(parse(.)), and a small one (at most 2^20
 * elements in all its tensors) runs through the float interpreter on
 * zeros: every kernel must take whatever the import and the verifier let
 * through. */
#include <stdio.h>
#include <string.h>

#include "fuzz.h"

#ifdef FUZZ_ONNX_TENSOR
static volatile double sink;  /* keeps the reads of every element */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_write("in.pb", data, size);
	if (!path)
		fuzz_bug("cannot write the input file");
	Arena a = {0};
	NamedTensor t;
	if (onnx_read_tensor_file(path, &a, &t) == 0) {
		int64_t numel = 1;
		for (int i = 0; i < t.rank; i++)
			numel *= t.dims[i];
		if (t.rank < 0 || t.rank > QCC_MAX_RANK || numel < 0)
			fuzz_bug("onnx_read_tensor_file gave rank %d", t.rank);
		sink = 0;
		for (int64_t i = 0; i < numel; i++)
			sink += t.elem == DT_F32 ? (double)((float *)t.data)[i] :
				(double)((int32_t *)t.data)[i];
	}
	arena_free(&a);
	return 0;
}
#else
static void run_float(const Graph *g)
{
	int64_t total = 0;
	for (int i = 0; i < g->nvalues; i++)
		total += type_numel(&g->values[i]->type);
	if (total > (1 << 20))
		return;
	Exec *e = exec_new(g);
	for (int i = 0; i < g->ninputs; i++)
		memset(exec_buffer(e, g->inputs[i]), 0,
			type_numel(&g->inputs[i]->type) * 4);
	exec_run(e);
	exec_free(e);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_write("model.onnx", data, size);
	if (!path)
		fuzz_bug("cannot write the input file");
	Graph *g = onnx_load(path);
	if (g) {
		/* Printed text is parsed as a .g file beside the model. */
		char gpath[160];
		snprintf(gpath, sizeof gpath, "%s/model.g", fuzz_init());
		fuzz_check_roundtrip(g, gpath);
		run_float(g);
		graph_free(g);
	}
	return 0;
}
#endif
