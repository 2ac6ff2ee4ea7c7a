/* npy.c - NumPy .npy arrays in and out.
 *
 * Reads format versions 1.0, 2.0 and 3.0 with a little-endian (or
 * byte-order-free) descr of '<f4' '<f8' '|i1' '|u1' '<i4' '<i8' in C order;
 * anything else is refused with a message naming the file. Writes version
 * 1.0, '<f4' or '<i4', through atomic_open (ir/outfile.c).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ir.h"

#define NPY_MAX_NUMEL ((int64_t)1 << 31)

/* --------------------------------------------------------- header parsing */

/* The header is a Python dict literal with the keys descr, fortran_order and
 * shape. This reads exactly that subset. */
typedef struct {
	const char *p, *end;
	char descr[16];
	int fortran;
	int rank;
	int64_t dims[QCC_MAX_RANK];
	int seen;  /* bit 0 descr, 1 fortran_order, 2 shape */
} Header;

static void skip_blank(Header *h)
{
	while (h->p < h->end && (*h->p == ' ' || *h->p == '\t' || *h->p == '\n'))
		h->p++;
}

static int eat(Header *h, char c)
{
	skip_blank(h);
	if (h->p < h->end && *h->p == c) {
		h->p++;
		return 1;
	}
	return 0;
}

/* A quoted string into buf; 0 on failure. */
static int read_str(Header *h, char *buf, size_t size)
{
	skip_blank(h);
	if (h->p >= h->end || (*h->p != '\'' && *h->p != '"'))
		return 0;
	char q = *h->p++;
	size_t k = 0;
	while (h->p < h->end && *h->p != q) {
		if (k + 1 >= size)
			return 0;
		buf[k++] = *h->p++;
	}
	if (h->p >= h->end)
		return 0;
	h->p++;
	buf[k] = 0;
	return 1;
}

static int read_shape(Header *h)
{
	if (!eat(h, '('))
		return 0;
	h->rank = 0;
	while (!eat(h, ')')) {
		skip_blank(h);
		int64_t v = 0;
		int digits = 0;
		while (h->p < h->end && *h->p >= '0' && *h->p <= '9') {
			v = v * 10 + (*h->p++ - '0');
			if (v > NPY_MAX_NUMEL)
				return 0;
			digits++;
		}
		if (!digits || h->rank == QCC_MAX_RANK)
			return 0;
		h->dims[h->rank++] = v;
		if (!eat(h, ',')) {
			if (!eat(h, ')'))
				return 0;
			break;
		}
	}
	return 1;
}

static int parse_header(Header *h)
{
	char key[32];
	if (!eat(h, '{'))
		return 0;
	while (!eat(h, '}')) {
		if (!read_str(h, key, sizeof key) || !eat(h, ':'))
			return 0;
		skip_blank(h);
		if (strcmp(key, "descr") == 0) {
			if (!read_str(h, h->descr, sizeof h->descr))
				return 0;
			h->seen |= 1;
		} else if (strcmp(key, "fortran_order") == 0) {
			if ((size_t)(h->end - h->p) >= 4 && !strncmp(h->p, "True", 4)) {
				h->fortran = 1;
				h->p += 4;
			} else if ((size_t)(h->end - h->p) >= 5 &&
				   !strncmp(h->p, "False", 5)) {
				h->p += 5;
			} else {
				return 0;
			}
			h->seen |= 2;
		} else if (strcmp(key, "shape") == 0) {
			if (!read_shape(h))
				return 0;
			h->seen |= 4;
		} else {
			return 0;
		}
		if (!eat(h, ',')) {
			if (!eat(h, '}'))
				return 0;
			break;
		}
	}
	return h->seen == 7;
}

/* ------------------------------------------------------------------ read */

static const struct {
	const char *descr;
	int size, is_float;
} descrs[] = {
	{"<f4", 4, 1}, {"<f8", 8, 1}, {"|i1", 1, 0}, {"|u1", 1, 0},
	{"<i4", 4, 0}, {"<i8", 8, 0}, {"<i1", 1, 0}, {"<u1", 1, 0},
};

static int check_descr(const char *path, const Header *h, int *size,
	int *is_float)
{
	for (size_t i = 0; i < sizeof descrs / sizeof descrs[0]; i++) {
		if (strcmp(h->descr, descrs[i].descr) == 0) {
			*size = descrs[i].size;
			*is_float = descrs[i].is_float;
			return 0;
		}
	}
	if (h->descr[0] == '>')
		diag_fail("%s: big-endian data ('%s') is not supported; save the "
			"array as little-endian", path, h->descr);
	else if (strchr(h->descr, 'O'))
		diag_fail("%s: object arrays are not supported", path);
	else
		diag_fail("%s: unsupported dtype '%s'; expected one of <f4 <f8 "
			"|i1 |u1 <i4 <i8", path, h->descr);
	return -1;
}

static void convert(const unsigned char *raw, int64_t n, const char *descr,
	int size, Npy *a)
{
	for (int64_t i = 0; i < n; i++) {
		const unsigned char *p = raw + i * size;
		if (!strcmp(descr, "<f4")) {
			float v;
			memcpy(&v, p, 4);
			a->f[i] = v;
		} else if (!strcmp(descr, "<f8")) {
			double v;
			memcpy(&v, p, 8);
			a->f[i] = (float)v;
		} else if (!strcmp(descr, "<i4")) {
			int32_t v;
			memcpy(&v, p, 4);
			a->i[i] = v;
		} else if (!strcmp(descr, "<i8")) {
			int64_t v;
			memcpy(&v, p, 8);
			a->i[i] = v;
		} else if (descr[1] == 'i') {
			a->i[i] = (int8_t)p[0];
		} else {
			a->i[i] = p[0];
		}
	}
}

int npy_read(const char *path, Npy *out)
{
	memset(out, 0, sizeof *out);
	FILE *f = fopen(path, "rb");
	if (!f) {
		diag_fail("cannot open '%s': %s", path, strerror(errno));
		return -1;
	}
	unsigned char pre[12];
	char *text = NULL;
	unsigned char *raw = NULL;
	int ok = 0;
	size_t got = fread(pre, 1, 10, f);
	if (got < 10 || memcmp(pre, "\x93NUMPY", 6) != 0) {
		diag_fail("%s: not a .npy file (bad magic)", path);
		goto done;
	}
	int major = pre[6];
	uint32_t hlen = pre[8] | (uint32_t)pre[9] << 8;
	if (major == 2 || major == 3) {
		if (fread(pre + 10, 1, 2, f) != 2) {
			diag_fail("%s: truncated header", path);
			goto done;
		}
		hlen |= (uint32_t)pre[10] << 16 | (uint32_t)pre[11] << 24;
	} else if (major != 1) {
		diag_fail("%s: unsupported .npy version %d.%d", path, major, pre[7]);
		goto done;
	}
	if (hlen > (1u << 20)) {
		diag_fail("%s: header of %u bytes is too long", path, hlen);
		goto done;
	}
	text = malloc(hlen + 1);
	if (!text || fread(text, 1, hlen, f) != hlen) {
		diag_fail("%s: truncated header", path);
		goto done;
	}
	Header h = {.p = text, .end = text + hlen};
	if (!parse_header(&h)) {
		diag_fail("%s: malformed header; expected {'descr': ..., "
			"'fortran_order': ..., 'shape': (...)}", path);
		goto done;
	}
	int size, is_float;
	if (check_descr(path, &h, &size, &is_float))
		goto done;
	if (h.fortran) {
		diag_fail("%s: Fortran-order arrays are not supported; save a "
			"C-contiguous array", path);
		goto done;
	}
	int64_t numel = 1;
	for (int i = 0; i < h.rank; i++) {
		if (h.dims[i] > 0 && numel > NPY_MAX_NUMEL / h.dims[i]) {
			diag_fail("%s: array too large", path);
			goto done;
		}
		numel *= h.dims[i];
	}
	size_t bytes = (size_t)numel * size;
	/* Check the size before allocating: a short file may promise 16 GB. */
	struct stat st;
	long pos = ftell(f);
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && pos >= 0 &&
	    (uint64_t)(st.st_size - pos) < bytes) {
		diag_fail("%s: truncated data; the header promises %lld "
			"elements", path, (long long)numel);
		goto done;
	}
	raw = malloc(bytes ? bytes : 1);
	if (!raw) {
		diag_fail("%s: out of memory for %lld elements", path,
			(long long)numel);
		goto done;
	}
	if (fread(raw, 1, bytes, f) != bytes) {
		diag_fail("%s: truncated data; the header promises %lld "
			"elements", path, (long long)numel);
		goto done;
	}
	if (fgetc(f) != EOF) {
		diag_fail("%s: data longer than the header's shape", path);
		goto done;
	}
	out->rank = h.rank;
	memcpy(out->dims, h.dims, sizeof h.dims);
	out->numel = numel;
	out->is_float = is_float;
	if (is_float)
		out->f = malloc((numel ? numel : 1) * sizeof *out->f);
	else
		out->i = malloc((numel ? numel : 1) * sizeof *out->i);
	if (!out->f && !out->i) {
		diag_fail("%s: out of memory", path);
		goto done;
	}
	convert(raw, numel, h.descr, size, out);
	ok = 1;
done:
	free(text);
	free(raw);
	fclose(f);
	return ok ? 0 : -1;
}

void npy_free(Npy *a)
{
	free(a->f);
	free(a->i);
	a->f = NULL;
	a->i = NULL;
}

/* ----------------------------------------------------------------- write */

static int write_npy(const char *path, const void *data, const char *descr,
	int rank, const int64_t *dims)
{
	char head[320];
	int k = snprintf(head, sizeof head, "{'descr': '%s', 'fortran_order': "
		"False, 'shape': (", descr);
	int64_t numel = 1;
	for (int i = 0; i < rank; i++) {
		k += snprintf(head + k, sizeof head - k, "%lld%s",
			(long long)dims[i], rank == 1 ? "," : i + 1 < rank ? ", " : "");
		numel *= dims[i];
	}
	k += snprintf(head + k, sizeof head - k, "), }");
	/* Pad with spaces so that the data starts on a 64-byte boundary. */
	int total = (10 + k + 1 + 63) / 64 * 64;
	while (10 + k + 1 < total)
		head[k++] = ' ';
	head[k++] = '\n';

	char *tmp;
	FILE *f = atomic_open(path, &tmp);
	if (!f)
		return -1;
	unsigned char pre[10] = {0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0,
		(unsigned char)(k & 0xff), (unsigned char)(k >> 8)};
	int ok = fwrite(pre, 1, 10, f) == 10 &&
		fwrite(head, 1, k, f) == (size_t)k &&
		fwrite(data, 4, numel, f) == (size_t)numel;
	return atomic_commit(f, tmp, path, ok);
}

int npy_write_f32(const char *path, const float *data, int rank,
	const int64_t *dims)
{
	return write_npy(path, data, "<f4", rank, dims);
}

int npy_write_i32(const char *path, const int32_t *data, int rank,
	const int64_t *dims)
{
	return write_npy(path, data, "<i4", rank, dims);
}
