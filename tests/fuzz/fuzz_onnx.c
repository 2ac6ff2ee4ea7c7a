/* fuzz_onnx.c - fuzzes the ONNX reader: the input is written to a file in a
 * private directory and imported with onnx_load (or, built with
 * FUZZ_ONNX_TENSOR, read as a serialized TensorProto with
 * onnx_read_tensor_file). An imported graph must print to a canonical text
 * that is a fixed point of print(parse(.)). */
#include <stdio.h>

#include "fuzz.h"

#ifdef FUZZ_ONNX_TENSOR
static volatile double sink;  /* keeps the reads of every element */
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
#ifdef FUZZ_ONNX_TENSOR
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
#else
	const char *path = fuzz_write("model.onnx", data, size);
	if (!path)
		fuzz_bug("cannot write the input file");
	Graph *g = onnx_load(path);
	if (g) {
		/* Printed text is parsed as a .g file beside the model. */
		char gpath[160];
		snprintf(gpath, sizeof gpath, "%s/model.g", fuzz_init());
		fuzz_check_roundtrip(g, gpath);
		graph_free(g);
	}
#endif
	return 0;
}
