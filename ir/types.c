/* types.c - element types, tensor types and quantization ranges. */
#include <string.h>

#include "ir.h"

static const struct {
	const char *name;
	int bits, is_signed, is_int;
} dtypes[DT_COUNT] = {
	[DT_F32] = {"f32", 32, 1, 0},
	[DT_I32] = {"i32", 32, 1, 1},
	[DT_I16] = {"i16", 16, 1, 1},
	[DT_I8] = {"i8", 8, 1, 1},
	[DT_U8] = {"u8", 8, 0, 1},
	[DT_I4] = {"i4", 4, 1, 1},
	[DT_U4] = {"u4", 4, 0, 1},
};

const char *dtype_name(DType t) { return dtypes[t].name; }
int dtype_bits(DType t) { return dtypes[t].bits; }
int dtype_is_int(DType t) { return dtypes[t].is_int; }
int dtype_is_signed(DType t) { return dtypes[t].is_signed; }

int dtype_from_name(const char *s)
{
	for (int i = 0; i < DT_COUNT; i++)
		if (strcmp(s, dtypes[i].name) == 0)
			return i;
	return -1;
}

int64_t type_numel(const Type *t)
{
	int64_t n = 1;
	for (int i = 0; i < t->rank; i++)
		n *= t->dims[i];
	return n;
}

int type_same_shape(const Type *a, const Type *b)
{
	if (a->rank != b->rank)
		return 0;
	for (int i = 0; i < a->rank; i++)
		if (a->dims[i] != b->dims[i])
			return 0;
	return 1;
}

void type_split_axis(const Type *t, int axis, int64_t *outer, int64_t *mid,
	int64_t *inner)
{
	*outer = *inner = 1;
	for (int i = 0; i < axis; i++)
		*outer *= t->dims[i];
	for (int i = axis + 1; i < t->rank; i++)
		*inner *= t->dims[i];
	*mid = t->dims[axis];
}

int64_t type_bcast_offset(const Type *t, const Type *out, int64_t i)
{
	int64_t off = 0, stride = 1;
	for (int d = out->rank - 1; d >= 0; d--) {
		int64_t coord = i % out->dims[d];
		i /= out->dims[d];
		int td = d - (out->rank - t->rank);
		if (td < 0)
			break;
		if (t->dims[td] != 1)
			off += coord * stride;
		stride *= t->dims[td];
	}
	return off;
}

static int type_bits(const Type *t)
{
	int bits = dtype_bits(t->elem);
	if (t->q.present && t->q.bits > 0 && t->q.bits < bits)
		bits = t->q.bits;
	return bits;
}

int32_t type_qmin(const Type *t)
{
	int bits = type_bits(t);
	if (!dtype_is_signed(t->elem))
		return 0;
	return bits >= 32 ? INT32_MIN : -(int32_t)(1u << (bits - 1));
}

int64_t type_qspan(const Type *t)
{
	int64_t z = t->q.present ? t->q.zp[0] : 0;
	int64_t up = type_qmax(t) - z, down = z - type_qmin(t);
	return up > down ? up : down;
}

int64_t qmatmul_bound(const Type *a, const Type *b, int64_t k)
{
	return k * type_qspan(a) * type_qspan(b);
}

int32_t type_qmax(const Type *t)
{
	int bits = type_bits(t);
	if (!dtype_is_signed(t->elem))
		return bits >= 32 ? INT32_MAX : (int32_t)((1u << bits) - 1);
	if (bits == 1)
		return 1;   /* binary: {-1, +1} */
	return bits >= 32 ? INT32_MAX : (int32_t)((1u << (bits - 1)) - 1);
}

int type_binary(const Type *t)
{
	return t->q.present && t->q.bits == 1 && dtype_is_signed(t->elem);
}

char *type_str(const Type *t, char *buf, size_t size)
{
	size_t k = 0;
	k += snprintf(buf + k, size - k, "%s[", dtype_name(t->elem));
	for (int i = 0; i < t->rank && k < size; i++)
		k += snprintf(buf + k, size - k, i ? ",%lld" : "%lld",
			(long long)t->dims[i]);
	if (k < size)
		k += snprintf(buf + k, size - k, "]");
	if (t->q.present && k < size) {
		if (t->q.axis < 0)
			snprintf(buf + k, size - k, " q(scale=%.9g, zp=%d)",
				t->q.scale[0], (int)t->q.zp[0]);
		else
			snprintf(buf + k, size - k, " q(axis=%d, ...)", t->q.axis);
	}
	return buf;
}

void options_default(Options *o)
{
	memset(o, 0, sizeof *o);
	o->weight_bits = 8;
	o->act_bits = 8;
	o->granularity = GRAN_PER_CHANNEL;
	o->range_method = "minmax";
	o->restricted_range = 1;
	o->max_drop = -1;
}

const char *const rounding_names[ROUND_COUNT] = {"away", "even", "double"};

int rounding_find(const char *s)
{
	for (int i = 0; i < ROUND_COUNT; i++)
		if (!strcmp(s, rounding_names[i]))
			return i;
	return -1;
}
