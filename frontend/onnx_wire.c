/* onnx_wire.c - checks on the raw protobuf wire format, made before
 * protobuf-c unpacks a file.
 *
 * protobuf-c unpacks nested messages recursively, without a depth limit: a
 * small hostile file could nest a million levels and exhaust the stack. This
 * walk of the wire format (by the message descriptors) refuses nesting past
 * ONNX_MAX_NESTING first; it leaves every other defect (truncation, wrong
 * wire types, lengths past the end) to protobuf-c, which reports them. */
#include "onnx_imp.h"

static int read_varint(const uint8_t *p, size_t len, size_t *k, uint64_t *v)
{
	*v = 0;
	for (int shift = 0; shift < 64 && *k < len; shift += 7) {
		uint8_t b = p[(*k)++];
		*v |= (uint64_t)(b & 0x7f) << shift;
		if (!(b & 0x80))
			return 1;
	}
	return 0;
}

/* 0 iff some message inside p nests deeper than the limit; a malformed
 * field ends the walk with 1 (protobuf-c rejects it). */
static int nesting_ok(const ProtobufCMessageDescriptor *d, const uint8_t *p,
	size_t len, int depth)
{
	if (depth > ONNX_MAX_NESTING)
		return 0;
	size_t k = 0;
	while (k < len) {
		uint64_t tag, n;
		if (!read_varint(p, len, &k, &tag))
			return 1;
		switch (tag & 7) {
		case 0:
			if (!read_varint(p, len, &k, &n))
				return 1;
			break;
		case 1:
			k += 8;
			break;
		case 5:
			k += 4;
			break;
		case 2: {
			if (!read_varint(p, len, &k, &n) || n > len - k)
				return 1;
			const ProtobufCFieldDescriptor *f =
				protobuf_c_message_descriptor_get_field(d, (unsigned)(tag >> 3));
			if (f && f->type == PROTOBUF_C_TYPE_MESSAGE &&
				!nesting_ok(f->descriptor, p + k, n, depth + 1))
				return 0;
			k += n;
			break;
		}
		default:
			return 1;
		}
	}
	return 1;
}

int onnx_wire_nesting_ok(const ProtobufCMessageDescriptor *d,
	const uint8_t *p, size_t len)
{
	return nesting_ok(d, p, len, 0);
}
