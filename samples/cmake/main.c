/* main.c - classifies Fashion-MNIST images with the two sample models,
 * which qcc_add_model() compiled to C (CMakeLists.txt):
 *
 *   classify test_x.npy [test_y.npy]
 *
 * test_x.npy: float32 [N,1,28,28], normalized as samples/fashion/README.md
 * says (samples/fashion/make_testset.py writes it); test_y.npy: int64 [N],
 * the labels. Prints each image's class by both models (and its label),
 * then how many each model got right and how often the two agree.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define QCC_MODEL_NO_ALIASES    /* two models' headers in one file */
#include "fashion_cnn.h"
#include "fashion_mlp.h"

#if fashion_cnn_INPUT_SIZE != fashion_mlp_INPUT_SIZE || \
	fashion_cnn_OUTPUT_SIZE != 10 || fashion_mlp_OUTPUT_SIZE != 10
#error "both models take one 28x28 image and give 10 logits"
#endif

static const char *const classes[10] = {
	"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
	"Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
};

/* The data of a version 1 .npy file of dtype DESCR ("'<f4'", "'<i8'") in
 * C order, and its element count in *n; NULL after a message. Assumes a
 * little-endian machine, as the generated code does. */
static void *load_npy(const char *path, const char *descr, size_t esize,
	long *n)
{
	unsigned char pre[10];
	char hdr[1024] = {0};
	void *data = NULL;
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "classify: %s: cannot open\n", path);
		return NULL;
	}
	size_t hlen = 0;
	if (fread(pre, 1, 10, f) == 10 && !memcmp(pre, "\x93NUMPY\x01", 7))
		hlen = pre[8] | (size_t)pre[9] << 8;
	const char *shape = NULL;
	if (hlen && hlen < sizeof hdr && fread(hdr, 1, hlen, f) == hlen &&
		strstr(hdr, descr) && strstr(hdr, "'fortran_order': False"))
		shape = strstr(hdr, "'shape': (");
	if (!shape) {
		fprintf(stderr, "classify: %s: expected a .npy file of %s in C "
			"order\n", path, descr);
		goto done;
	}
	*n = 1;
	for (char *p = (char *)shape + 10, *end;; p = end + 1) {
		long d = strtol(p, &end, 10);
		if (end == p)
			break;
		*n *= d;
		if (*end != ',')
			break;
	}
	data = malloc((size_t)*n * esize + 1);
	if (!data || fread(data, esize, (size_t)*n, f) != (size_t)*n) {
		fprintf(stderr, "classify: %s: %s\n", path,
			data ? "truncated" : "out of memory");
		free(data);
		data = NULL;
	}
done:
	fclose(f);
	return data;
}

static int argmax(const float *y, int n)
{
	int best = 0;
	for (int i = 1; i < n; i++)
		if (y[i] > y[best])
			best = i;
	return best;
}

int main(int argc, char **argv)
{
	static fashion_cnn_input_t cnn_in[fashion_cnn_INPUT_SIZE];
	static fashion_cnn_output_t cnn_out[fashion_cnn_OUTPUT_SIZE];
	static fashion_mlp_input_t mlp_in[fashion_mlp_INPUT_SIZE];
	static fashion_mlp_output_t mlp_out[fashion_mlp_OUTPUT_SIZE];
	float cnn_y[fashion_cnn_OUTPUT_SIZE], mlp_y[fashion_mlp_OUTPUT_SIZE];
	long nx, ny = 0;
	int64_t *labels = NULL;

	if (argc != 2 && argc != 3) {
		fprintf(stderr, "usage: %s test_x.npy [test_y.npy]\n", argv[0]);
		return 2;
	}
	float *x = load_npy(argv[1], "'<f4'", sizeof *x, &nx);
	if (!x)
		return 1;
	long n = nx / fashion_cnn_INPUT_SIZE;
	if (nx % fashion_cnn_INPUT_SIZE) {
		fprintf(stderr, "classify: %s: expected images of %d values\n",
			argv[1], fashion_cnn_INPUT_SIZE);
		free(x);
		return 1;
	}
	if (argc == 3 && !(labels = load_npy(argv[2], "'<i8'", 8, &ny))) {
		free(x);
		return 1;
	}
	if (labels && ny < n)
		n = ny;
	for (long i = 0; labels && i < n; i++) {
		if (labels[i] < 0 || labels[i] > 9) {
			fprintf(stderr, "classify: %s: label %ld is %lld, expected "
				"0 to 9\n", argv[2], i, (long long)labels[i]);
			free(x);
			free(labels);
			return 1;
		}
	}
	int cnn_ok = 0, mlp_ok = 0, agree = 0;
	for (long i = 0; i < n; i++) {
		const float *img = x + i * fashion_cnn_INPUT_SIZE;
		fashion_cnn_quantize_input(img, cnn_in);
		fashion_cnn_run(cnn_in, cnn_out);
		fashion_cnn_dequantize_output(cnn_out, cnn_y);
		fashion_mlp_quantize_input(img, mlp_in);
		fashion_mlp_run(mlp_in, mlp_out);
		fashion_mlp_dequantize_output(mlp_out, mlp_y);
		int c = argmax(cnn_y, 10), m = argmax(mlp_y, 10);
		agree += c == m;
		printf("%ld: cnn %s, mlp %s", i, classes[c], classes[m]);
		if (labels) {
			int64_t l = labels[i];
			cnn_ok += c == l;
			mlp_ok += m == l;
			printf(", label %s", classes[l]);
		}
		printf("\n");
	}
	if (labels)
		printf("cnn %d/%ld correct, mlp %d/%ld correct, ", cnn_ok, n,
			mlp_ok, n);
	printf("agree %d/%ld\n", agree, n);
	free(x);
	free(labels);
	return 0;
}
