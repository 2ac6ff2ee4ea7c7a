/* test_pack.c - the weight packing of ir/pack.c (tap reorder, K padding,
 * sub-byte values) and the window geometry of ir/window.c. */
#include "check.h"

static void test_kp(void)
{
	PackSpec sim = {PACK_OIHW, 16, 0, 16};   /* the simulator's */
	PackSpec cg = {PACK_OHWI, 8, 16, 32};    /* codegen's */
	CHECK(pack_kp(&sim, 1) == 16 && pack_kp(&sim, 16) == 16);
	CHECK(pack_kp(&sim, 17) == 32 && pack_kp(&sim, 27) == 32);
	CHECK(pack_kp(&cg, 9) == 9 && pack_kp(&cg, 15) == 15);
	CHECK(pack_kp(&cg, 16) == 16 && pack_kp(&cg, 17) == 24);
	CHECK(pack_kp(&cg, 27) == 32 && pack_kp(&cg, 72) == 72);
	PackSpec none = {PACK_OIHW, 1, 0, 8};
	CHECK(pack_kp(&none, 7) == 7);
	CHECK(pack_bytes(&sim, 3, 17) == 3 * 32 * 2);
	PackSpec i4 = {PACK_OIHW, 1, 0, 4};
	CHECK(pack_bytes(&i4, 1, 7) == 4 && pack_bytes(&i4, 3, 3) == 5);
}

/* [OC=2][ICG=3][KH*KW=2] to (kh, kw, ic) order. */
static void test_reorder(void)
{
	int32_t w[12], out[12];
	for (int i = 0; i < 12; i++)
		w[i] = i;
	pack_reorder(PACK_OHWI, w, 2, 3, 2, out);
	static const int32_t want[12] = {0, 2, 4, 1, 3, 5, 6, 8, 10, 7, 9, 11};
	CHECK(memcmp(out, want, sizeof want) == 0);
	pack_reorder(PACK_OIHW, w, 2, 3, 2, out);
	CHECK(memcmp(out, w, sizeof w) == 0);
}

/* Rows of K = 17 padded to 32 (int16) and to 24 (int32, reordered). */
static void test_rows(void)
{
	int32_t w[2 * 17];
	for (int i = 0; i < 34; i++)
		w[i] = i - 17;
	PackSpec sim = {PACK_OIHW, 16, 0, 16};
	int16_t p16[64];
	pack_rows(&sim, w, 2, 17, p16);
	int ok = 1;
	for (int m = 0; m < 2; m++)
		for (int k = 0; k < 32; k++)
			ok &= p16[m * 32 + k] == (k < 17 ? w[m * 17 + k] : 0);
	CHECK(ok);

	/* a conv [OC=2][ICG=17][1][1]: reorder is the identity for 1x1 */
	Graph *g = graph_new("m");
	Value *x = input(g, "x", TYPE(1, 17, 3, 3));
	Value *wv = constant(g, "w", TYPE(2, 17, 1, 1), 0, 1);
	Node *n = node(g, "conv2d", "c", 2, x, wv, NULL);
	CHECK(shape_infer(g) == 0);
	WinGeom geo;
	geom_conv(n, &geo);
	PackSpec cg = {PACK_OHWI, 8, 16, 32};
	int32_t p32[48];
	pack_conv(&cg, &geo, w, p32);
	ok = 1;
	for (int m = 0; m < 2; m++)
		for (int k = 0; k < 24; k++)
			ok &= p32[m * 24 + k] == (k < 17 ? w[m * 17 + k] : 0);
	CHECK(ok);
	graph_free(g);
}

/* int4 and int2 round trips with the edge values, odd counts. */
static void test_subbyte(void)
{
	static const int32_t v4[7] = {-8, 7, -1, 0, 1, -8, 7};
	uint8_t p[8];
	int32_t back[16];
	memset(p, 0xff, sizeof p);
	pack_subbyte(v4, 7, 4, p);
	CHECK(p[0] == 0x78 && p[1] == 0x0f && p[2] == 0x81 && p[3] == 0x07);
	pack_subbyte_read(p, 7, 4, 1, back);
	CHECK(memcmp(back, v4, sizeof v4) == 0);
	pack_subbyte_read(p, 2, 4, 0, back);
	CHECK(back[0] == 8 && back[1] == 7);

	static const int32_t v2[5] = {-2, 1, 0, -1, 1};
	memset(p, 0xff, sizeof p);
	pack_subbyte(v2, 5, 2, p);
	/* -2 = 0b10, 1 = 0b01, 0, -1 = 0b11: 0b11000110; then 1 */
	CHECK(p[0] == 0xc6 && p[1] == 0x01);
	pack_subbyte_read(p, 5, 2, 1, back);
	CHECK(memcmp(back, v2, sizeof v2) == 0);

	/* binary: a set bit is +1, low bits first */
	static const int32_t v1[10] = {1, -1, -1, 1, 1, 1, -1, 1, -1, 1};
	memset(p, 0xff, sizeof p);
	pack_subbyte(v1, 10, 1, p);
	CHECK(p[0] == 0xb9 && p[1] == 0x02);
	pack_subbyte_read(p, 10, 1, 1, back);
	CHECK(memcmp(back, v1, sizeof v1) == 0);

	/* the sub-byte layout: rows padded to whole bytes */
	PackSpec s1 = pack_sub_spec(1), s2 = pack_sub_spec(2);
	CHECK(pack_kp(&s1, 9) == 16 && pack_bytes(&s1, 3, 9) == 6);
	CHECK(pack_kp(&s2, 9) == 12 && pack_bytes(&s2, 3, 9) == 9);

	/* packed rows: K = 3 padded to 4, two rows of int4 in 4 bytes */
	PackSpec i4 = {PACK_OIHW, 4, 0, 4};
	static const int32_t w[6] = {-8, 7, -2, 1, -1, 0};
	pack_rows(&i4, w, 2, 3, p);
	pack_subbyte_read(p, 8, 4, 1, back);
	static const int32_t want[8] = {-8, 7, -2, 0, 1, -1, 0, 0};
	CHECK(memcmp(back, want, sizeof want) == 0);
}

/* Geometry of a strided, padded, dilated conv and of a ceil_mode pool. */
static void test_geom(void)
{
	Graph *g = graph_new("m");
	Value *x = input(g, "x", TYPE(2, 4, 7, 6));
	Value *w = constant(g, "w", TYPE(6, 2, 3, 2), 0, 1);
	Node *c = node(g, "conv2d", "c", 2, x, w, NULL);
	attr_set_ints(g, c, "stride", (int64_t[]){2, 1}, 2);
	attr_set_ints(g, c, "pad", (int64_t[]){1, 0, 2, 1}, 4);
	attr_set_ints(g, c, "dilation", (int64_t[]){2, 1}, 2);
	attr_set_int(g, c, "groups", 2);
	Node *p = node(g, "avgpool2d", "p", 1, x, NULL, NULL);
	attr_set_ints(g, p, "kernel", (int64_t[]){2, 2}, 2);
	attr_set_ints(g, p, "stride", (int64_t[]){2, 2}, 2);
	attr_set_int(g, p, "ceil_mode", 1);
	CHECK(shape_infer(g) == 0);
	WinGeom a, b;
	geom_conv(c, &a);
	geom_shape(c, &b);
	CHECK(memcmp(&a, &b, sizeof a) == 0);
	CHECK(a.N == 2 && a.C == 4 && a.H == 7 && a.W == 6);
	CHECK(a.OC == 6 && a.ICG == 2 && a.KH == 3 && a.KW == 2);
	CHECK(a.OH == 3 && a.OW == 6 && a.groups == 2 && a.OCG == 3);
	CHECK(a.sh == 2 && a.sw == 1 && a.pt == 1 && a.pl == 0);
	CHECK(a.pb == 2 && a.pr == 1 && a.dh == 2 && a.dw == 1);
	CHECK(a.K == 12 && !a.depthwise && !a.ceil_mode);
	geom_pool(p, &a);
	CHECK(a.OC == 4 && a.ICG == 1 && a.KH == 2 && a.KW == 2);
	CHECK(a.groups == 4 && a.OCG == 1 && a.K == 4 && a.depthwise);
	CHECK(a.OH == 4 && a.OW == 3 && a.ceil_mode && a.dh == 1);
	graph_free(g);
}

int main(void)
{
	test_kp();
	test_reorder();
	test_rows();
	test_subbyte();
	test_geom();
	return finish("test_pack");
}
