/* fuzz_safetensors.c - fuzzes the safetensors reader: the input is written
 * to a file in a private directory and every tensor its header names (and
 * one name it does not) is loaded with safetensors_load. */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "fuzz.h"

static volatile double sink;  /* keeps the reads of every element */

/* Loads `name` and touches every element of a tensor that loads. */
static void load(const char *path, const char *name)
{
	Arena a = {0};
	NamedTensor t;
	if (safetensors_load(path, name, &a, &t, (Loc){0}) == 0) {
		int64_t numel = 1;
		for (int i = 0; i < t.rank; i++)
			numel *= t.dims[i];
		if (t.rank < 0 || t.rank > QCC_MAX_RANK || !t.data)
			fuzz_bug("safetensors_load gave rank %d", t.rank);
		sink = 0;
		for (int64_t i = 0; i < numel; i++)
			sink += t.elem == DT_F32 ? (double)((float *)t.data)[i] :
				(double)((int32_t *)t.data)[i];
	}
	arena_free(&a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_write("in.safetensors", data, size);
	if (!path)
		fuzz_bug("cannot write the input file");
	load(path, "w");
	if (size < 8)
		return 0;
	/* The tensor names, read here independently of the reader. */
	uint64_t hlen = 0;
	for (int i = 7; i >= 0; i--)
		hlen = hlen << 8 | data[i];
	if (hlen > size - 8)
		return 0;
	cJSON *root = cJSON_ParseWithLength((const char *)data + 8, hlen);
	int n = 0;
	const cJSON *e;
	cJSON_ArrayForEach(e, root) {
		if (e->string && n++ < 8)
			load(path, e->string);
	}
	cJSON_Delete(root);
	return 0;
}
