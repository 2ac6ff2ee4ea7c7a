/* safetensors.c - the weights file format: an 8-byte little-endian header
 * length, a JSON header {"name": {"dtype", "shape", "data_offsets"}, ...,
 * "__metadata__": {...}}, then the raw little-endian data.
 *
 * Reading validates the whole header before touching data (sizes, JSON,
 * every entry's dtype, shape and offsets inside the file, length equal to
 * numel * itemsize) and converts one tensor into IR storage: float for
 * F32/F64, int32_t for I64/I32/I16/I8/U8. Writing stores f32 as F32 and
 * integer types in their own width (i4/u4 as I8/U8), atomically.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cjson/cJSON.h>

#include "ir.h"

#define MAX_HEADER (100u << 20)
#define MAX_NUMEL ((int64_t)1 << 31)

static const struct {
	const char *name;
	int size;
} st_dtypes[] = {
	{"F64", 8}, {"F32", 4}, {"F16", 2}, {"BF16", 2}, {"I64", 8},
	{"I32", 4}, {"I16", 2}, {"I8", 1}, {"U64", 8}, {"U32", 4},
	{"U16", 2}, {"U8", 1}, {"BOOL", 1}, {"F8_E5M2", 1}, {"F8_E4M3", 1},
};

static int dtype_size(const char *name)
{
	for (size_t i = 0; i < sizeof st_dtypes / sizeof st_dtypes[0]; i++)
		if (strcmp(st_dtypes[i].name, name) == 0)
			return st_dtypes[i].size;
	return 0;
}

/* A JSON number that is an integer in [0, max]; -1 otherwise. */
static int64_t json_uint(const cJSON *j, int64_t max)
{
	if (!cJSON_IsNumber(j))
		return -1;
	double d = j->valuedouble;
	if (!(d >= 0) || d > (double)max || d != floor(d))
		return -1;
	return (int64_t)d;
}

typedef struct {
	const char *dtype;
	int rank;
	int64_t dims[QCC_MAX_RANK];
	int64_t numel;
	int64_t begin, end;
} Entry;

/* Checks one header entry; returns a problem or NULL. */
static const char *check_entry(const cJSON *e, uint64_t data_size, Entry *out)
{
	if (!cJSON_IsObject(e))
		return "is not an object";
	const cJSON *dt = cJSON_GetObjectItemCaseSensitive(e, "dtype");
	const cJSON *shape = cJSON_GetObjectItemCaseSensitive(e, "shape");
	const cJSON *off = cJSON_GetObjectItemCaseSensitive(e, "data_offsets");
	if (!cJSON_IsString(dt) || !cJSON_IsArray(shape) || !cJSON_IsArray(off))
		return "needs a string dtype, a shape list and data_offsets";
	int size = dtype_size(dt->valuestring);
	if (!size)
		return "has an unknown dtype";
	out->dtype = dt->valuestring;
	out->rank = cJSON_GetArraySize(shape);
	if (out->rank > QCC_MAX_RANK)
		return "has a rank above 8";
	out->numel = 1;
	for (int i = 0; i < out->rank; i++) {
		int64_t d = json_uint(cJSON_GetArrayItem(shape, i), MAX_NUMEL);
		if (d < 0)
			return "has a bad shape";
		out->dims[i] = d;
		if (d > 0 && out->numel > MAX_NUMEL / d)
			return "is too large";
		out->numel *= d;
	}
	if (cJSON_GetArraySize(off) != 2)
		return "needs two data_offsets";
	out->begin = json_uint(cJSON_GetArrayItem(off, 0), (int64_t)data_size);
	out->end = json_uint(cJSON_GetArrayItem(off, 1), (int64_t)data_size);
	if (out->begin < 0 || out->end < 0)
		return "has data_offsets beyond the end of the file";
	if (out->end < out->begin)
		return "has data_offsets that end before they begin";
	if (out->end - out->begin != out->numel * size)
		return "has data_offsets that do not match its dtype and shape";
	return NULL;
}

/* Reads and validates the header; *root is the parsed JSON. */
static int read_header(FILE *f, const char *path, Loc loc, cJSON **root,
	uint64_t *data_start)
{
	struct stat st;
	unsigned char len8[8];
	if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
		diag_error(loc, "weights file '%s' is not a regular file", path);
		return -1;
	}
	uint64_t fsize = (uint64_t)st.st_size;
	if (fread(len8, 1, 8, f) != 8) {
		diag_error(loc, "weights file '%s' is too short to be safetensors",
			path);
		return -1;
	}
	uint64_t hlen = 0;
	for (int i = 7; i >= 0; i--)
		hlen = hlen << 8 | len8[i];
	if (hlen > fsize - 8 || hlen > MAX_HEADER) {
		diag_error(loc, "weights file '%s' has a bad header length %llu",
			path, (unsigned long long)hlen);
		return -1;
	}
	char *text = malloc(hlen + 1);
	if (!text || fread(text, 1, hlen, f) != hlen) {
		free(text);
		diag_error(loc, "cannot read the header of '%s'", path);
		return -1;
	}
	*root = cJSON_ParseWithLength(text, hlen);
	free(text);
	if (!cJSON_IsObject(*root)) {
		cJSON_Delete(*root);
		diag_error(loc, "weights file '%s' has a header that is not a "
			"JSON object", path);
		return -1;
	}
	*data_start = 8 + hlen;
	uint64_t data_size = fsize - *data_start;
	const cJSON *e;
	cJSON_ArrayForEach(e, *root) {
		if (e->string && strcmp(e->string, "__metadata__") == 0)
			continue;
		Entry en;
		const char *why = check_entry(e, data_size, &en);
		if (why) {
			diag_error(loc, "weights file '%s': tensor '%s' %s", path,
				e->string ? e->string : "", why);
			cJSON_Delete(*root);
			return -1;
		}
	}
	return 0;
}

static int convert(const char *path, const char *name, const Entry *en,
	const unsigned char *raw, NamedTensor *out, Loc loc)
{
	int64_t n = en->numel;
	const char *dt = en->dtype;
	for (int64_t i = 0; i < n; i++) {
		if (!strcmp(dt, "F32")) {
			memcpy((float *)out->data + i, raw + 4 * i, 4);
			continue;
		}
		if (!strcmp(dt, "F64")) {
			double v;
			memcpy(&v, raw + 8 * i, 8);
			if (isfinite(v) && isinf((float)v)) {
				diag_error(loc, "tensor '%s' in '%s': F64 value %g "
					"does not fit in f32", name, path, v);
				return -1;
			}
			((float *)out->data)[i] = (float)v;
			continue;
		}
		int64_t v;
		if (!strcmp(dt, "I64")) {
			memcpy(&v, raw + 8 * i, 8);
		} else if (!strcmp(dt, "I32")) {
			int32_t x;
			memcpy(&x, raw + 4 * i, 4);
			v = x;
		} else if (!strcmp(dt, "I16")) {
			int16_t x;
			memcpy(&x, raw + 2 * i, 2);
			v = x;
		} else if (!strcmp(dt, "I8")) {
			v = (int8_t)raw[i];
		} else {
			v = raw[i];
		}
		if (v < INT32_MIN || v > INT32_MAX) {
			diag_error(loc, "tensor '%s' in '%s': I64 value %lld does "
				"not fit in i32", name, path, (long long)v);
			return -1;
		}
		((int32_t *)out->data)[i] = (int32_t)v;
	}
	return 0;
}

static int elem_of(const char *dt, DType *out)
{
	static const struct { const char *name; DType t; } m[] = {
		{"F32", DT_F32}, {"F64", DT_F32}, {"I64", DT_I32}, {"I32", DT_I32},
		{"I16", DT_I16}, {"I8", DT_I8}, {"U8", DT_U8},
	};
	for (size_t i = 0; i < sizeof m / sizeof m[0]; i++) {
		if (strcmp(m[i].name, dt) == 0) {
			*out = m[i].t;
			return 0;
		}
	}
	return -1;
}

int safetensors_load(const char *path, const char *name, Arena *a,
	NamedTensor *out, Loc loc)
{
	memset(out, 0, sizeof *out);
	struct stat st;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		/* opening a FIFO would block until a writer comes */
		diag_error(loc, "weights file '%s' is not a regular file", path);
		return -1;
	}
	FILE *f = fopen(path, "rb");
	if (!f) {
		diag_error(loc, "cannot open weights file '%s': %s", path,
			strerror(errno));
		return -1;
	}
	cJSON *root;
	uint64_t data_start;
	if (read_header(f, path, loc, &root, &data_start)) {
		fclose(f);
		return -1;
	}
	int ok = 0;
	unsigned char *raw = NULL;
	Entry en;
	const cJSON *e = cJSON_GetObjectItemCaseSensitive(root, name);
	if (!e || strcmp(name, "__metadata__") == 0) {
		diag_error(loc, "no tensor '%s' in weights file '%s'", name, path);
		goto done;
	}
	check_entry(e, UINT64_MAX >> 1, &en);  /* validated by read_header */
	if (elem_of(en.dtype, &out->elem)) {
		diag_error(loc, "tensor '%s' in '%s' has dtype %s; qcc reads F32, "
			"F64, I64, I32, I16, I8 and U8", name, path, en.dtype);
		goto done;
	}
	if (en.numel > graph_mem_limit / 4 ||
	    en.end - en.begin > graph_mem_limit) {
		diag_error(loc, "tensor '%s' in '%s' (%lld elements) is over the "
			"memory limit of %lld bytes (--max-memory raises it)", name,
			path, (long long)en.numel, (long long)graph_mem_limit);
		goto done;
	}
	size_t bytes = (size_t)(en.end - en.begin);
	raw = malloc(bytes ? bytes : 1);
	out->data = arena_try_alloc(a, (en.numel ? en.numel : 1) * 4);
	if (!raw || !out->data) {
		diag_error(loc, "out of memory for tensor '%s' of '%s' (%lld "
			"elements)", name, path, (long long)en.numel);
		goto done;
	}
	if (fseek(f, (long)(data_start + en.begin), SEEK_SET) != 0 ||
	    fread(raw, 1, bytes, f) != bytes) {
		diag_error(loc, "cannot read tensor '%s' from '%s'", name, path);
		goto done;
	}
	out->name = arena_strdup(a, name);
	out->rank = en.rank;
	memcpy(out->dims, en.dims, sizeof en.dims);
	if (convert(path, name, &en, raw, out, loc))
		goto done;
	ok = 1;
done:
	free(raw);
	cJSON_Delete(root);
	fclose(f);
	return ok ? 0 : -1;
}

/* ----------------------------------------------------------------- write */

static const char *st_name(DType t, int *size)
{
	switch (t) {
	case DT_F32: *size = 4; return "F32";
	case DT_I32: *size = 4; return "I32";
	case DT_I16: *size = 2; return "I16";
	case DT_I8:
	case DT_I4: *size = 1; return "I8";
	default: *size = 1; return "U8";
	}
}

static int write_data(FILE *f, const NamedTensor *t, int64_t numel)
{
	int size;
	st_name(t->elem, &size);
	for (int64_t i = 0; i < numel; i++) {
		unsigned char b[4];
		if (t->elem == DT_F32) {
			memcpy(b, (const float *)t->data + i, 4);
		} else {
			int32_t v = ((const int32_t *)t->data)[i];
			uint32_t u = (uint32_t)v;
			for (int k = 0; k < 4; k++)
				b[k] = (unsigned char)(u >> (8 * k));
		}
		if (fwrite(b, 1, size, f) != (size_t)size)
			return -1;
	}
	return 0;
}

int safetensors_write(const char *path, const NamedTensor *t, int n)
{
	cJSON *root = cJSON_CreateObject();
	int64_t off = 0;
	for (int i = 0; i < n && root; i++) {
		if (cJSON_GetObjectItemCaseSensitive(root, t[i].name)) {
			diag_fail("%s: tensor name '%s' used twice", path, t[i].name);
			cJSON_Delete(root);
			return -1;
		}
		int size;
		const char *dt = st_name(t[i].elem, &size);
		int64_t numel = 1;
		for (int k = 0; k < t[i].rank; k++)
			numel *= t[i].dims[k];
		cJSON *e = cJSON_AddObjectToObject(root, t[i].name);
		cJSON *shape = cJSON_AddArrayToObject(e, "shape");
		cJSON *offs;
		cJSON_AddStringToObject(e, "dtype", dt);
		for (int k = 0; k < t[i].rank; k++)
			cJSON_AddItemToArray(shape,
				cJSON_CreateNumber((double)t[i].dims[k]));
		offs = cJSON_AddArrayToObject(e, "data_offsets");
		cJSON_AddItemToArray(offs, cJSON_CreateNumber((double)off));
		off += numel * size;
		cJSON_AddItemToArray(offs, cJSON_CreateNumber((double)off));
	}
	char *json = root ? cJSON_PrintUnformatted(root) : NULL;
	cJSON_Delete(root);
	if (!json) {
		diag_fail("%s: out of memory", path);
		return -1;
	}
	/* Pad the header with spaces so the data is 8-byte aligned. */
	size_t hlen = strlen(json);
	size_t padded = (hlen + 7) / 8 * 8;
	char *tmp;
	FILE *f = atomic_open(path, &tmp);
	if (!f) {
		free(json);
		return -1;
	}
	unsigned char len8[8];
	for (int k = 0; k < 8; k++)
		len8[k] = (unsigned char)((uint64_t)padded >> (8 * k));
	int ok = fwrite(len8, 1, 8, f) == 8 && fwrite(json, 1, hlen, f) == hlen;
	for (size_t k = hlen; k < padded && ok; k++)
		ok = fputc(' ', f) != EOF;
	free(json);
	for (int i = 0; i < n && ok; i++) {
		int64_t numel = 1;
		for (int k = 0; k < t[i].rank; k++)
			numel *= t[i].dims[k];
		ok = write_data(f, &t[i], numel) == 0;
	}
	return atomic_commit(f, tmp, path, ok);
}
