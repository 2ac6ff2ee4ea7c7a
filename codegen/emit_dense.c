/* emit_dense.c - the C kernels of qdense and qmatmul.
 *
 *   dense     the input row is widened once; four weight rows share it, in
 *             int16 x int8 -> int32 dot products over contiguous memory
 *             with literal trip counts (pmaddwd, SMLAD); on x86, with
 *             int32 sums and rows of a multiple of 16, qcc_rows4_sse2
 *             (generic) or qcc_rows4_avx2 (the x86 targets) of emit_c.c
 *             in place of the C loop, whose vectorisation hangs on the
 *             compiler; the folded constant (emit_fold_bias) is added in
 *             int64.
 *   matmul    B transposed and both operands zero-point-corrected into
 *             int16 scratch, then dot products.
 */
#include <stdlib.h>
#include <string.h>

#include "emit.h"

void emit_requant_args(Emit *e, const Node *n, const char *fn,
	const char *ch)
{
	int len;
	const int64_t *mult = attr_ints(n, "mult", &len);
	const int64_t *shift = attr_ints(n, "shift", NULL);
	if (len == 1)
		fprintf(e->f, "%lld, %lld", (long long)mult[0], (long long)shift[0]);
	else
		fprintf(e->f, "%s_m[%s], %s_s[%s]", fn, ch, fn, ch);
	fprintf(e->f, ", %d, %lld, %lld", (int)emit_zp(n->out),
		(long long)attr_int(n, "act_min"), (long long)attr_int(n, "act_max"));
}

void emit_dense_store4(Emit *e, const Node *n, const char *fn,
	const char *sum)
{
	int64_t M = n->in[1]->type.dims[0];
	for (int i = 0; i < 4; i++) {
		char ch[16];
		snprintf(ch, sizeof ch, "m + %d", i);
		if (i)
			emit_line(e, "if (m + %d < %lld)", i, (long long)M);
		for (int d = 0; d < e->depth + !!i; d++)
			fputc('\t', e->f);
		fprintf(e->f, "y[b * %lld + m + %d] = (%s)qcc_requant((int64_t)"
			"%s_c[m + %d] + %s(a%d), ", (long long)M, i,
			emit_ctype(n->out->type.elem), fn, i, sum, i);
		emit_requant_args(e, n, fn, ch);
		fprintf(e->f, ");\n");
	}
}

/* ------------------------------------------------------------- qdense */

/* The widened input row, K padded as the weights. */
static int64_t dense_bytes(const Node *n)
{
	int64_t K = n->in[0]->type.dims[1];
	return pack_kp(&emit_pack, K) * 2;
}

const int32_t *emit_dense_consts(Emit *e, const Node *n, const char *fn,
	int *wide)
{
	int64_t K = n->in[0]->type.dims[1], M = n->in[1]->type.dims[0];
	const int32_t *w = emit_const_data(n, 1, "weights");
	if (!w || (n->nin > 2 && n->in[2] && !emit_const_data(n, 2, "bias")))
		return NULL;
	int64_t *folded = emit_fold_bias(n, w, M, K, wide);
	emit_channel_consts(e, n, fn, folded, M, 1, NULL);
	free(folded);
	return w;
}

/* On 64-bit Arm (QCC_NEON, set by the helpers' include), the four rows
 * against the int8 input itself, sixteen taps a step: SMULL/SMULL2 and
 * SADALP, the lanes summed (ADDV); the sums are the C loop's (products of
 * int8 are exact in int16, pairs of them in int32). Written per kernel
 * with its literal K, so that gcc and clang produce the same loop. */
static void emit_rows4_neon(Emit *e, const EmitVars *v)
{
	emit_fill(e, "#elif defined(QCC_NEON)\n"
		"\t\t\tconst int8_t *w0 = ${fn}_w + m * $Kp, *xb = x + b * $K;\n"
		"\t\t\tint32x4_t s0 = vdupq_n_s32(0), s1 = s0, s2 = s0, s3 = s0;\n"
		"\t\t\tint32_t a0, a1, a2, a3;\n"
		"\t\t\tfor (k = 0; k < $K; k += 16) {\n"
		"\t\t\t\tconst int8x16_t xk = vld1q_s8(xb + k);\n", v);
	for (int i = 0; i < 4; i++) {
		EmitVars u = *v;
		emit_vari(&u, "i", i);
		emit_fill(e, "\t\t\t\tconst int8x16_t v$i = vld1q_s8(w0 + $i * $Kp + k);\n"
			"\t\t\t\ts$i = vpadalq_s16(s$i, vmull_s8(vget_low_s8(v$i), "
			"vget_low_s8(xk)));\n"
			"\t\t\t\ts$i = vpadalq_s16(s$i, vmull_high_s8(v$i, xk));\n", &u);
	}
	emit_fill(e, "\t\t\t}\n"
		"\t\t\ta0 = vaddvq_s32(s0), a1 = vaddvq_s32(s1);\n"
		"\t\t\ta2 = vaddvq_s32(s2), a3 = vaddvq_s32(s3);\n", v);
}

static int emit_qdense(Emit *e, const Node *n, const char *fn)
{
	int64_t N = n->in[0]->type.dims[0], K = n->in[0]->type.dims[1];
	int64_t M = n->in[1]->type.dims[0];
	int64_t Kp = pack_kp(&emit_pack, K);
	int wide;
	const int32_t *w = emit_dense_consts(e, n, fn, &wide);
	if (!w)
		return -1;
	/* int32 sums of int8 weights in rows of a multiple of 16: the
	 * helpers of emit_c.c on x86, AVX2 where the target has it */
	const char *rows4 = NULL;
	if (!wide && n->in[1]->type.elem == DT_I8 && Kp % 16 == 0)
		rows4 = e->target->gcc_isa && strstr(e->target->gcc_isa, "avx2") ?
			"avx2" : "sse2";
	emit_packed_weights(e, fn, w, M, K, n->in[1]->type.elem);
	EmitVars v = {0};
	emit_var(&v, "fn", fn);
	emit_var(&v, "xt", emit_ctype(n->in[0]->type.elem));
	emit_var(&v, "yt", emit_ctype(n->out->type.elem));
	emit_var(&v, "wt", emit_wtype(n));
	emit_var(&v, "acc", wide ? "int64_t" : "int32_t");
	emit_var(&v, "cast", wide ? "(int64_t)" : "");
	emit_vari(&v, "N", N);
	emit_vari(&v, "K", K);
	emit_vari(&v, "Kp", Kp);
	emit_vari(&v, "M", M);
	emit_fill(e, "static void $fn(const $xt *x, $yt *y, void *scratch)\n{\n"
		"\tint16_t *xv = scratch;\n\tint b, m, k;\n"
		"\tfor (b = 0; b < $N; b++) {\n"
		"\t\tfor (k = 0; k < $K; k++)\n\t\t\txv[k] = x[b * $K + k];\n"
		"\t\tfor (; k < $Kp; k++)\n\t\t\txv[k] = 0;\n"
		"\t\tfor (m = 0; m + 4 <= $M; m += 4) {\n", &v);
	if (rows4) {
		/* the helper alone (AVX2), or the SSE2 one beside the C loop */
		emit_var(&v, "isa", rows4);
		if (strcmp(rows4, "avx2"))
			fprintf(e->f, "#if defined(__SSE2__)\n");
		emit_fill(e, "\t\t\tint32_t a[4], a0, a1, a2, a3;\n"
			"\t\t\tqcc_rows4_$isa(a, ${fn}_w + m * $Kp, $Kp, xv);\n"
			"\t\t\ta0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3];\n", &v);
		if (!strcmp(rows4, "avx2"))
			goto requant;
		if (K % 16 == 0 && n->in[0]->type.elem == DT_I8)
			emit_rows4_neon(e, &v);
		fprintf(e->f, "#else\n");
	}
	emit_fill(e, "\t\t\tconst $wt *w0 = ${fn}_w + m * $Kp, *w1 = w0 + $Kp;\n"
		"\t\t\tconst $wt *w2 = w1 + $Kp, *w3 = w2 + $Kp;\n"
		"\t\t\t$acc a0 = 0, a1 = 0, a2 = 0, a3 = 0;\n"
		"\t\t\tfor (k = 0; k < $Kp; k++) {\n"
		"\t\t\t\tint16_t xk = xv[k];\n"
		"\t\t\t\ta0 += ${cast}xk * (int16_t)w0[k];\n"
		"\t\t\t\ta1 += ${cast}xk * (int16_t)w1[k];\n"
		"\t\t\t\ta2 += ${cast}xk * (int16_t)w2[k];\n"
		"\t\t\t\ta3 += ${cast}xk * (int16_t)w3[k];\n\t\t\t}\n", &v);
	if (rows4)
		fprintf(e->f, "#endif\n");
requant:
	for (int i = 0; i < 4; i++) {
		char ch[8];
		snprintf(ch, sizeof ch, "m + %d", i);
		fprintf(e->f, "\t\t\ty[b * %lld + m + %d] = (%s)qcc_requant("
			"(int64_t)%s_c[m + %d] + a%d, ", (long long)M, i,
			emit_ctype(n->out->type.elem), fn, i, i);
		emit_requant_args(e, n, fn, ch);
		fprintf(e->f, ");\n");
	}
	emit_fill(e, "\t\t}\n\t\tfor (; m < $M; m++) {\n"
		"\t\t\tconst $wt *w0 = ${fn}_w + m * $Kp;\n"
		"\t\t\t$acc a0 = 0;\n"
		"\t\t\tfor (k = 0; k < $Kp; k++)\n"
		"\t\t\t\ta0 += ${cast}xv[k] * (int16_t)w0[k];\n"
		"\t\t\ty[b * $M + m] = ($yt)qcc_requant((int64_t)${fn}_c[m] + a0, ",
		&v);
	emit_requant_args(e, n, fn, "m");
	fprintf(e->f, ");\n\t\t}\n\t}\n}\n");
	return 0;
}

/* ------------------------------------------------------------ qmatmul */

/* B transposed, and one row of A, as int16. */
static int64_t matmul_bytes(const Node *n)
{
	const Type *at = &n->in[0]->type, *bt = &n->in[1]->type;
	int64_t K = at->dims[at->rank - 1], P = bt->dims[bt->rank - 1];
	return (P * K + K) * 2;
}

/* FN_oa, FN_ob: per batch of y, the offsets of its A and B matrices
 * (broadcast batch dimensions repeat a matrix). */
static void emit_batch_offsets(Emit *e, const Node *n, const char *fn,
	int64_t M, int64_t K, int64_t P, int64_t batches)
{
	const Type *at = &n->in[0]->type, *bt = &n->in[1]->type;
	int64_t *offa = malloc((batches + 1) * sizeof *offa);
	int64_t *offb = malloc((batches + 1) * sizeof *offb);
	if (!offa || !offb)
		abort();
	/* batch shapes: the types with their two matrix dims dropped */
	Type ab = *at, bb = *bt, yb = n->out->type;
	ab.rank -= 2, bb.rank -= 2, yb.rank -= 2;
	for (int64_t bi = 0; bi < batches; bi++) {
		offa[bi] = type_bcast_offset(&ab, &yb, bi) * M * K;
		offb[bi] = type_bcast_offset(&bb, &yb, bi) * K * P;
	}
	char name[400];
	snprintf(name, sizeof name, "%s_oa", fn);
	emit_ints(e, "int32_t", name, offa, batches);
	snprintf(name, sizeof name, "%s_ob", fn);
	emit_ints(e, "int32_t", name, offb, batches);
	free(offa);
	free(offb);
}

static int emit_qmatmul(Emit *e, const Node *n, const char *fn)
{
	const Type *at = &n->in[0]->type, *bt = &n->in[1]->type;
	const Type *yt = &n->out->type;
	int64_t M = at->dims[at->rank - 2], K = at->dims[at->rank - 1];
	int64_t P = bt->dims[bt->rank - 1];
	int64_t batches = type_numel(yt) / (M * P);
	emit_batch_offsets(e, n, fn, M, K, P, batches);
	EmitVars v = {0};
	emit_var(&v, "fn", fn);
	emit_var(&v, "ta", emit_ctype(at->elem));
	emit_var(&v, "tb", emit_ctype(bt->elem));
	emit_var(&v, "ty", emit_ctype(yt->elem));
	emit_var(&v, "subza", emit_sub(emit_zp(n->in[0])));
	emit_var(&v, "subzb", emit_sub(emit_zp(n->in[1])));
	emit_vari(&v, "M", M);
	emit_vari(&v, "K", K);
	emit_vari(&v, "P", P);
	emit_vari(&v, "PK", P * K);
	emit_vari(&v, "MP", M * P);
	emit_vari(&v, "batches", batches);
	emit_vari(&v, "mult", attr_ints(n, "mult", NULL)[0]);
	emit_vari(&v, "shift", attr_ints(n, "shift", NULL)[0]);
	emit_vari(&v, "zy", emit_zp(n->out));
	emit_vari(&v, "lo", attr_int(n, "act_min"));
	emit_vari(&v, "hi", attr_int(n, "act_max"));
	/* int32 where the bound allows, else int64 rounded by pre bits */
	int64_t pre = attr_int(n, "pre");
	int wide = qmatmul_bound(at, bt, K) > INT32_MAX;
	emit_var(&v, "acct", wide ? "int64_t" : "int32_t");
	emit_var(&v, "cast", wide ? "(int32_t)" : "");
	char accv[64];
	snprintf(accv, sizeof accv, pre ? "qcc_round_shift(acc, %d)" : "acc",
		(int)pre);
	emit_var(&v, "acc", accv);
	emit_fill(e, "static void $fn(const $ta *a, const $tb *b, $ty *y, "
		"void *scratch)\n{\n"
		"\tint16_t *bt = scratch, *av = bt + $PK;\n"
		"\tint bi, i, j, k;\n"
		"\tfor (bi = 0; bi < $batches; bi++) {\n"
		"\t\tconst $ta *am = a + ${fn}_oa[bi];\n"
		"\t\tconst $tb *bm = b + ${fn}_ob[bi];\n"
		"\t\t$ty *ym = y + bi * $MP;\n"
		"\t\tfor (k = 0; k < $K; k++)\n"
		"\t\t\tfor (j = 0; j < $P; j++)\n"
		"\t\t\t\tbt[j * $K + k] = (int16_t)(bm[k * $P + j]$subzb);\n"
		"\t\tfor (i = 0; i < $M; i++) {\n"
		"\t\t\tfor (k = 0; k < $K; k++)\n"
		"\t\t\t\tav[k] = (int16_t)(am[i * $K + k]$subza);\n"
		"\t\t\tfor (j = 0; j < $P; j++) {\n"
		"\t\t\t\tconst int16_t *bc = bt + j * $K;\n"
		"\t\t\t\t$acct acc = 0;\n"
		"\t\t\t\tfor (k = 0; k < $K; k++)\n"
		"\t\t\t\t\tacc += $cast(av[k] * bc[k]);\n"
		"\t\t\t\tym[i * $P + j] = ($ty)qcc_requant($acc, $mult, $shift, $zy, "
		"$lo, $hi);\n"
		"\t\t\t}\n\t\t}\n\t}\n}\n", &v);
	return 0;
}

const KernelRow emit_dense_kernels[] = {
	{OP_QDENSE, "generic", "dense", "always (four weight rows share each "
		"input load)", NULL, dense_bytes, emit_qdense, 1},
	{OP_QMATMUL, "generic", "matmul", "always (B transposed, dot products)",
		NULL, matmul_bytes, emit_qmatmul, -1},
	{0},
};
