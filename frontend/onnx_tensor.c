/* onnx_tensor.c - TensorProto decoding: every element type the reader takes
 * (float and double as float; int64, int32, int16, uint16, int8, uint8 and
 * bool as integers), from raw_data (little-endian) or the typed fields, with
 * the shape checked against the bytes present before anything is read. */
#include <stdlib.h>
#include <stdarg.h>
#include <string.h>

#include "onnx_imp.h"

/* A tensor of numel elements; NULL if memory runs out. */
static Tens *tens_make(Ctx *c, int is_float, int rank, const int64_t *dims,
	int64_t numel)
{
	Tens *t = arena_alloc(&c->g->arena, sizeof *t);
	t->is_float = is_float;
	t->dt = is_float ? ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT :
		ONNX__TENSOR_PROTO__DATA_TYPE__INT64;
	t->rank = rank;
	for (int i = 0; i < rank; i++)
		t->dims[i] = dims[i];
	t->numel = numel;
	size_t n = numel ? numel : 1;
	void *p = arena_try_alloc(&c->g->arena,
		n * (is_float ? sizeof *t->f : sizeof *t->i));
	if (!p)
		return NULL;
	if (is_float)
		t->f = p;
	else
		t->i = p;
	return t;
}

Tens *tens_new(Ctx *c, int is_float, int rank, const int64_t *dims)
{
	int64_t numel = 1;
	for (int i = 0; i < rank; i++)
		numel *= dims[i];
	Tens *t = tens_make(c, is_float, rank, dims, numel);
	if (!t) {
		diag_fail("out of memory (a tensor of %lld elements)",
			(long long)numel);
		exit(1);
	}
	return t;
}

int64_t tens_numel(int rank, const int64_t *dims)
{
	for (int i = 0; i < rank; i++)
		if (dims[i] < 0)
			return -1;
	for (int i = 0; i < rank; i++)
		if (dims[i] == 0)
			return 0;
	int64_t numel = 1;
	for (int i = 0; i < rank; i++) {
		if (dims[i] > ONNX_MAX_NUMEL / numel)
			return -1;
		numel *= dims[i];
	}
	return numel;
}

Tens *tens_fold_new(Ctx *c, NodeCtx *n, int is_float, int rank,
	const int64_t *dims)
{
	char buf[QCC_MAX_RANK * 21 + 3] = "[";
	for (int i = 0; i < rank; i++)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%lld",
			i ? "," : "", (long long)dims[i]);
	strcat(buf, "]");
	int64_t numel = tens_numel(rank, dims), size = is_float ? 4 : 8;
	if (numel < 0) {
		int neg = 0;
		for (int i = 0; i < rank; i++)
			neg |= dims[i] < 0;
		if (neg)
			imp_reject(c, n, "its output %s has a negative dimension", buf);
		else
			imp_reject(c, n, "its output %s has more than %lld elements "
				"(the most one tensor may hold)", buf,
				(long long)ONNX_MAX_NUMEL);
		return NULL;
	}
	if (numel > graph_mem_limit / size) {
		imp_reject(c, n, "its output %s (%lld bytes) is over the memory "
			"limit of %lld bytes (--max-memory raises it)", buf,
			(long long)(numel * size), (long long)graph_mem_limit);
		return NULL;
	}
	Tens *t = tens_make(c, is_float, rank, dims, numel);
	if (!t)
		imp_reject(c, n, "out of memory for its output %s", buf);
	return t;
}

const char *onnx_dtype_name(int dt)
{
	static const char *names[] = {"undefined", "float", "uint8", "int8",
		"uint16", "int16", "int32", "int64", "string", "bool", "float16",
		"double", "uint32", "uint64", "complex64", "complex128", "bfloat16",
		"float8e4m3fn", "float8e4m3fnuz", "float8e5m2", "float8e5m2fnuz",
		"uint4", "int4"};
	if (dt >= 0 && dt < (int)(sizeof names / sizeof *names))
		return names[dt];
	return "unknown";
}

int onnx_dtype_ir(int dt)
{
	switch (dt) {
	case ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT: return DT_F32;
	case ONNX__TENSOR_PROTO__DATA_TYPE__DOUBLE: return DT_F32;
	case ONNX__TENSOR_PROTO__DATA_TYPE__INT64: return DT_I32;
	case ONNX__TENSOR_PROTO__DATA_TYPE__INT32: return DT_I32;
	case ONNX__TENSOR_PROTO__DATA_TYPE__UINT16: return DT_I32;
	case ONNX__TENSOR_PROTO__DATA_TYPE__INT16: return DT_I16;
	case ONNX__TENSOR_PROTO__DATA_TYPE__INT8: return DT_I8;
	case ONNX__TENSOR_PROTO__DATA_TYPE__UINT8: return DT_U8;
	case ONNX__TENSOR_PROTO__DATA_TYPE__BOOL: return DT_U8;
	case ONNX_DT_INT4: return DT_I8;
	case ONNX_DT_UINT4: return DT_U8;
	default: return -1;
	}
}

int onnx_dtype_of_ir(int elem)
{
	switch (elem) {
	case DT_I32: return ONNX__TENSOR_PROTO__DATA_TYPE__INT32;
	case DT_I16: return ONNX__TENSOR_PROTO__DATA_TYPE__INT16;
	case DT_I8: return ONNX__TENSOR_PROTO__DATA_TYPE__INT8;
	case DT_U8: return ONNX__TENSOR_PROTO__DATA_TYPE__UINT8;
	default: return ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT;
	}
}

static int packed4(int dt)
{
	return dt == ONNX_DT_INT4 || dt == ONNX_DT_UINT4;
}

/* Bytes per element of the types the reader decodes (1 for the 4-bit
 * types, whose raw data holds two a byte); 0 for the others. */
static int dtype_size(int dt)
{
	switch (dt) {
	case ONNX_DT_INT4: return 1;
	case ONNX_DT_UINT4: return 1;
	case ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT: return 4;
	case ONNX__TENSOR_PROTO__DATA_TYPE__DOUBLE: return 8;
	case ONNX__TENSOR_PROTO__DATA_TYPE__INT64: return 8;
	case ONNX__TENSOR_PROTO__DATA_TYPE__INT32: return 4;
	case ONNX__TENSOR_PROTO__DATA_TYPE__INT16: return 2;
	case ONNX__TENSOR_PROTO__DATA_TYPE__UINT16: return 2;
	case ONNX__TENSOR_PROTO__DATA_TYPE__INT8: return 1;
	case ONNX__TENSOR_PROTO__DATA_TYPE__UINT8: return 1;
	case ONNX__TENSOR_PROTO__DATA_TYPE__BOOL: return 1;
	default: return 0;
	}
}

/* Element k of little-endian raw data of type dt. */
static void raw_at(const uint8_t *p, int dt, int64_t k, double *f, int64_t *i)
{
	if (packed4(dt)) {
		int v = k % 2 ? p[k / 2] >> 4 : p[k / 2] & 15;
		*i = dt == ONNX_DT_INT4 && v > 7 ? v - 16 : v;
		return;
	}
	int size = dtype_size(dt);
	uint64_t u = 0;
	for (int b = size - 1; b >= 0; b--)
		u = (u << 8) | p[k * size + b];
	switch (dt) {
	case ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT: {
		uint32_t w = (uint32_t)u;
		float x;
		memcpy(&x, &w, 4);
		*f = x;
		break;
	}
	case ONNX__TENSOR_PROTO__DATA_TYPE__DOUBLE:
		memcpy(f, &u, 8);
		break;
	case ONNX__TENSOR_PROTO__DATA_TYPE__INT64: *i = (int64_t)u; break;
	case ONNX__TENSOR_PROTO__DATA_TYPE__INT32: *i = (int32_t)(uint32_t)u; break;
	case ONNX__TENSOR_PROTO__DATA_TYPE__INT16: *i = (int16_t)(uint16_t)u; break;
	case ONNX__TENSOR_PROTO__DATA_TYPE__INT8: *i = (int8_t)(uint8_t)u; break;
	default: *i = (int64_t)u; break;
	}
}

/* Element count of a typed (non-raw) field of a TensorProto. */
static size_t typed_count(const Onnx__TensorProto *tp, int dt)
{
	switch (dt) {
	case ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT: return tp->n_float_data;
	case ONNX__TENSOR_PROTO__DATA_TYPE__DOUBLE: return tp->n_double_data;
	case ONNX__TENSOR_PROTO__DATA_TYPE__INT64: return tp->n_int64_data;
	default: return tp->n_int32_data;
	}
}

/* A problem with the tensor `what`: reported unless what is NULL (a
 * quiet look, tens_peek). Returns NULL. */
static Tens *bad(Ctx *c, const char *what, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static Tens *bad(Ctx *c, const char *what, const char *fmt, ...)
{
	char msg[400];
	va_list ap;
	if (!what)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag_error(c->loc, "%s: %s", what, msg);
	return NULL;
}

/* The element count of tp, its data checked against it; -1 (after
 * bad()) if tp is not a tensor qcc decodes. */
static int64_t checked_numel(Ctx *c, const Onnx__TensorProto *tp,
	const char *what)
{
	int dt = tp->has_data_type ? tp->data_type : 0;
	if (tp->n_external_data || (tp->has_data_location &&
		tp->data_location == ONNX__TENSOR_PROTO__DATA_LOCATION__EXTERNAL))
		return bad(c, what, "external tensor data is not supported"), -1;
	if (tp->segment)
		return bad(c, what, "segmented tensors are not supported"), -1;
	if (!dtype_size(dt))
		return bad(c, what, "element type %s is not supported",
			onnx_dtype_name(dt)), -1;
	if (tp->n_dims > QCC_MAX_RANK)
		return bad(c, what, "rank %zu exceeds the maximum of %d", tp->n_dims,
			QCC_MAX_RANK), -1;
	int64_t numel = 1;
	for (size_t i = 0; i < tp->n_dims; i++) {
		if (tp->dims[i] < 0 || tp->dims[i] > ONNX_MAX_NUMEL ||
			numel * tp->dims[i] > ONNX_MAX_NUMEL)
			return bad(c, what, "dimension %zu is %lld; expected 0 to %lld "
				"elements in all", i, (long long)tp->dims[i],
				(long long)ONNX_MAX_NUMEL), -1;
		numel *= tp->dims[i];
	}
	if (packed4(dt) && !tp->has_raw_data)
		return bad(c, what, "%s data must be in raw_data",
			onnx_dtype_name(dt)), -1;
	if (packed4(dt) && tp->raw_data.len != (size_t)(numel + 1) / 2)
		return bad(c, what, "shape holds %lld %s elements but the data "
			"holds %zu bytes", (long long)numel, onnx_dtype_name(dt),
			tp->raw_data.len), -1;
	if (packed4(dt))
		return numel;
	int size = dtype_size(dt);
	size_t have = tp->has_raw_data ? tp->raw_data.len / size :
		typed_count(tp, dt);
	if ((tp->has_raw_data && tp->raw_data.len != (size_t)numel * size) ||
		have != (size_t)numel)
		return bad(c, what, "shape holds %lld elements but the data holds %zu",
			(long long)numel, have), -1;
	return numel;
}

Tens *tens_peek(Ctx *c, const Onnx__TensorProto *tp)
{
	return imp_tensor(c, tp, NULL);
}

Tens *imp_tensor(Ctx *c, const Onnx__TensorProto *tp, const char *what)
{
	int dt = tp->has_data_type ? tp->data_type : 0;
	int64_t numel = checked_numel(c, tp, what);
	if (numel < 0)
		return NULL;
	int is_float = dt == ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT ||
		dt == ONNX__TENSOR_PROTO__DATA_TYPE__DOUBLE;
	Tens *t = tens_new(c, is_float, (int)tp->n_dims, tp->dims);
	t->dt = dt;
	for (int64_t k = 0; k < numel; k++) {
		double f = 0;
		int64_t i = 0;
		if (tp->has_raw_data)
			raw_at(tp->raw_data.data, dt, k, &f, &i);
		else if (dt == ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT)
			f = tp->float_data[k];
		else if (dt == ONNX__TENSOR_PROTO__DATA_TYPE__DOUBLE)
			f = tp->double_data[k];
		else if (dt == ONNX__TENSOR_PROTO__DATA_TYPE__INT64)
			i = tp->int64_data[k];
		else
			i = tp->int32_data[k];
		if (is_float)
			t->f[k] = (float)f;
		else
			t->i[k] = i;
	}
	return t;
}
