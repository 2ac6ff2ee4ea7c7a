/* fuzz_npy.c - fuzzes the .npy reader: the input is written to a file in a
 * private directory and read with npy_read. A file that reads must describe
 * its data consistently. */
#include "fuzz.h"

static volatile double sink;  /* keeps the reads of every element */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_write("in.npy", data, size);
	if (!path)
		fuzz_bug("cannot write the input file");
	Npy a;
	if (npy_read(path, &a) != 0)
		return 0;
	int64_t numel = 1;
	for (int i = 0; i < a.rank; i++) {
		if (a.dims[i] < 0)
			fuzz_bug("npy_read gave a negative dimension");
		numel *= a.dims[i];
	}
	if (a.rank < 0 || a.rank > QCC_MAX_RANK || numel != a.numel)
		fuzz_bug("npy_read gave rank %d and numel %lld for its dims",
			a.rank, (long long)a.numel);
	/* Touch every element so a short buffer shows up under ASan. */
	sink = 0;
	for (int64_t i = 0; i < a.numel; i++)
		sink += a.is_float ? (double)a.f[i] : (double)a.i[i];
	npy_free(&a);
	return 0;
}
