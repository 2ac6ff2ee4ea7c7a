/* test_qnorm.c - the contracts of the integer normalizations
 * (docs/arith.md): the exact integer square root, and qlayernorm and
 * qsoftmax lowered by quantize from float graphs with fixed grids, run on
 * random and adversarial rows and held to the bounds the contract states.
 * Under -DQCC_SANITIZE=ON the same runs show no undefined behaviour for
 * any 8-bit input. */
#include <math.h>

#include "check.h"
#include "../../exec/qarith.h"

/* r = isqrt_u64(n) is the floor: r^2 <= n < (r + 1)^2, in 128 bits. */
static int is_floor_sqrt(uint64_t n, uint64_t r)
{
	unsigned __int128 a = (unsigned __int128)r * r;
	unsigned __int128 b = (unsigned __int128)(r + 1) * (r + 1);
	return a <= n && n < b;
}

/* Every square boundary of 0..2^32 - 1 (k^2 - 1, k^2, k^2 + 1 for each
 * k <= 2^16), the boundaries near the top of uint64_t, powers of two and
 * their neighbours, and pseudo-random values of every width. */
static void test_isqrt(void)
{
	int bad = 0;
	for (uint64_t k = 0; k <= 65536; k++) {
		uint64_t s = k * k;
		bad += isqrt_u64(s) != k;
		if (s > 0)
			bad += isqrt_u64(s - 1) != k - 1;
		bad += !is_floor_sqrt(s + 1, isqrt_u64(s + 1));
	}
	CHECK(isqrt_u64(4294967295u) == 65535);
	CHECK(isqrt_u64(4294967296u) == 65536);
	CHECK(isqrt_u64(UINT64_MAX) == 4294967295u);
	CHECK(isqrt_u64(0xFFFFFFFE00000001u) == 4294967295u);   /* (2^32-1)^2 */
	CHECK(isqrt_u64(0xFFFFFFFE00000000u) == 4294967294u);
	for (int b = 0; b < 64; b++) {
		uint64_t p = (uint64_t)1 << b;
		bad += !is_floor_sqrt(p, isqrt_u64(p));
		bad += !is_floor_sqrt(p - 1, isqrt_u64(p - 1));
		bad += !is_floor_sqrt(p + 1, isqrt_u64(p + 1));
	}
	uint64_t s = 88172645463325252u;
	for (int i = 0; i < 200000; i++) {
		s ^= s << 13, s ^= s >> 7, s ^= s << 17;
		uint64_t n = s >> (i % 64);
		bad += !is_floor_sqrt(n, isqrt_u64(n));
	}
	CHECK(bad == 0);
}

/* Parses text, lowers it with quantize (8- or 16-bit activations) and
 * returns the graph; *xin the input, *yq the integer output NAME_q. */
static Graph *lowered(const char *text, int act_bits, Value **xin,
	Value **yq)
{
	Graph *g = parse_string("t.g", text, strlen(text));
	CHECK(g != NULL);
	if (!g)
		exit(1);
	Options o;
	options_default(&o);
	o.act_bits = act_bits;
	CHECK(pass_quantize(g, &o) == 0);
	*xin = g->inputs[0];
	*yq = graph_find(g, "y_q");
	CHECK(*yq != NULL && (*yq)->def != NULL);
	return g;
}

/* ---- qsoftmax ---- */

/* Rows of a softmax (input scale sx, zp 0, rows of len; 8- or 16-bit):
 * random, all equal, one huge, two huge, the extremes alternating, all
 * at the bottom, near ties; each output row sums to U codes (U = 256 or
 * 32768, the grid's 1.0) within len / 2, and each element is within the
 * bound of docs/arith.md of U p, p the softmax computed in double. */
static void softmax_rows(double sx, int len, int act_bits)
{
	char text[512];
	snprintf(text, sizeof text, "model sm\n\ninput x : f32[9,%d] q(scale=%.9g, "
		"zp=0)\n\noutput y : f32[9,%d] q(scale=0.00390625, zp=-128) = "
		"softmax(x, axis=-1)\n", len, sx, len);
	Value *x, *yq;
	Graph *g = lowered(text, act_bits, &x, &yq);
	int wide = act_bits > 8;
	int64_t qmax = wide ? 32767 : 127, qmin = wide ? -32768 : -128;
	CHECK(yq->def->op == OP_QSOFTMAX && yq->def->in[0]->type.elem ==
		(wide ? DT_I16 : DT_I8) && yq->type.elem == (wide ? DT_I16 : DT_I8));
	Exec *e = exec_new(g);
	float *in = exec_buffer(e, x);
	uint64_t s = 12345;
	for (int r = 0; r < 9; r++)
		for (int i = 0; i < len; i++) {
			s ^= s << 13, s ^= s >> 7, s ^= s << 17;
			int64_t q = (int64_t)(s % (uint64_t)(qmax - qmin + 1)) + qmin;
			if (r == 1)
				q = 7;                                  /* all equal */
			if (r == 2)
				q = i == 3 ? qmax : qmin;               /* one huge */
			if (r == 3)
				q = i == 0 || i == len - 1 ? qmax : qmin;
			if (r == 4)
				q = i % 2 ? qmax : qmin;
			if (r == 5)
				q = qmin;
			if (r == 6)
				q = i == len - 1 ? qmax - 1 : qmax;   /* near ties */
			in[r * len + i] = (float)(sx * (double)q);
		}
	exec_run(e);
	const int32_t *y = exec_buffer(e, yq);
	const QParams *qy = &yq->type.q;
	double unit = 1.0 / qy->scale[0];     /* codes of 1.0 */
	int ybad = 0, sbad = 0;
	for (int r = 0; r < 9; r++) {
		const float *xs = in + r * len;
		double m = xs[0], sum = 0, codes = 0;
		for (int i = 1; i < len; i++)
			m = fmax(m, xs[i]);
		for (int i = 0; i < len; i++)
			sum += exp(xs[i] - m);
		for (int i = 0; i < len; i++) {
			double want = exp(xs[i] - m) / sum * unit;
			double got = (double)y[r * len + i] - qy->zp[0];
			codes += got;
			/* 1/2 for the rounding, 1 at the saturating top (1.0 is one
			 * code past qmax), 3/2 units of 2^-16 in e and in each term
			 * of the sum */
			ybad += fabs(got - want) > 0.5 + (want > unit - 1.5) +
				1.5 * unit / 65536 + want * 1.5 * len / 65536 + 1e-9;
		}
		sbad += fabs(codes - unit) > len / 2.0;
	}
	CHECK(ybad == 0);
	CHECK(sbad == 0);
	exec_free(e);
	graph_free(g);
}

/* ---- qlayernorm ---- */

/* A layer norm over rows of 16 (input q(sx, zx), output q(sy, zy)),
 * scale and bias per channel; the rows: random, constant (variance 0:
 * the output is the bias), the extremes alternating (normalized +-1),
 * one extreme among constants, all at the top, and every 8-bit code.
 * Each output is within 1/2 + 1/2^20 |scale| / sy codes (plus the float
 * reference's own error) of the layer norm of the dequantized input,
 * computed in double, before the clamp. */
static void layernorm_rows(int act_bits)
{
	enum { L = 16, R = 24 };
	double sx = act_bits > 8 ? 0.0005 : 0.05, sy = act_bits > 8 ? 0.0002 : 0.03;
	int zx = act_bits > 8 ? 0 : -20, zy = act_bits > 8 ? 0 : 5;
	char text[4096];
	int len = snprintf(text, sizeof text, "model ln\n\ninput x : f32[%d,%d] "
		"q(scale=%.9g, zp=%d)\n\nconst g : f32[%d] = [", R, L, sx, zx, L);
	double gamma[L], beta[L];
	for (int i = 0; i < L; i++) {
		gamma[i] = (float)(i % 3 == 0 ? -1.5 + 0.1 * i : 0.3 + 0.07 * i);
		beta[i] = (float)(i % 4 == 0 ? 0 : 0.2 * (i % 5) - 0.4);
		len += snprintf(text + len, sizeof text - len, "%s%.9g", i ? ", " : "",
			gamma[i]);
	}
	len += snprintf(text + len, sizeof text - len, "]\nconst b : f32[%d] = [", L);
	for (int i = 0; i < L; i++)
		len += snprintf(text + len, sizeof text - len, "%s%.9g", i ? ", " : "",
			beta[i]);
	snprintf(text + len, sizeof text - len, "]\n\noutput y : f32[%d,%d] "
		"q(scale=%.9g, zp=%d) = layernorm(x, g, b, epsilon=1e-5)\n", R, L, sy,
		act_bits > 8 ? 0 : zy);
	Value *x, *yq;
	Graph *g = lowered(text, act_bits, &x, &yq);
	int64_t qmin = act_bits > 8 ? -32768 : -128, qmax = -qmin - 1;
	Exec *e = exec_new(g);
	float *in = exec_buffer(e, x);
	uint64_t s = 777;
	int64_t code = qmin;
	for (int r = 0; r < R; r++)
		for (int i = 0; i < L; i++) {
			s ^= s << 13, s ^= s >> 7, s ^= s << 17;
			int64_t q = (int64_t)(s % (uint64_t)(qmax - qmin + 1)) + qmin;
			if (r == 1)
				q = 3;                       /* constant */
			if (r == 2)
				q = qmin;
			if (r == 3)
				q = i % 2 ? qmax : qmin;     /* extremes */
			if (r == 4)
				q = i == 5 ? qmax : qmin;
			if (r == 5)
				q = qmax;
			if (r >= 8 && act_bits == 8)
				q = code > qmax ? qmax : code++;   /* every code */
			in[r * L + i] = (float)(sx * (double)(q - zx));
		}
	exec_run(e);
	const int32_t *y = exec_buffer(e, yq);
	int bad = 0;
	for (int r = 0; r < R; r++) {
		const float *xs = in + r * L;
		double mean = 0, var = 0;
		for (int i = 0; i < L; i++)
			mean += xs[i];
		mean /= L;
		for (int i = 0; i < L; i++)
			var += (xs[i] - mean) * (xs[i] - mean);
		var /= L;
		for (int i = 0; i < L; i++) {
			double v = (xs[i] - mean) / sqrt(var + 1e-5) * gamma[i] + beta[i];
			double want = zy * (act_bits == 8) + v / sy;
			want = fmin(fmax(want, (double)qmin), (double)qmax);
			double tol = 0.5 + fabs(gamma[i]) / sy / 1048576 + 1e-6;
			if (fabs(y[r * L + i] - want) > tol) {
				bad++;
				printf("row %d col %d: %d, want %.4f\n", r, i, y[r * L + i],
					want);
			}
		}
	}
	CHECK(bad == 0);
	/* a constant row is the bias alone */
	for (int i = 0; i < L; i++)
		CHECK(y[L + i] == (act_bits == 8 ? zy : 0) + (int32_t)lround(beta[i] /
			sy));
	exec_free(e);
	graph_free(g);
}

int main(void)
{
	test_isqrt();
	softmax_rows(0.0625, 10, 8);
	softmax_rows(0.0625, 300, 8);
	softmax_rows(0.5, 7, 8);
	softmax_rows(0.001, 10, 16);
	softmax_rows(0.0002, 300, 16);
	softmax_rows(0.01, 64, 16);
	layernorm_rows(8);
	layernorm_rows(16);
	return finish("test_qnorm");
}
