/* kernels_conv.c - float kernels for the sliding-window and matrix ops:
 * conv2d, maxpool2d, avgpool2d, global_avgpool, dense, matmul. Sums are
 * accumulated in double and rounded once, which keeps the result within an
 * ulp or two of an exact reference whatever the summation order.
 *
 * Windows follow ONNX/PyTorch: output position o covers input rows
 * o*stride - pad_begin + k*dilation. Padding is never selected by maxpool;
 * avgpool divides by the window clipped to the input (count_include_pad=0)
 * or clipped to the padded input (count_include_pad=1), which is what
 * ceil_mode windows running past the padded edge need.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ir.h"

static int64_t floor_div(int64_t a, int64_t b)
{
	return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/* Each output element gets its terms in (ic, kh, kw) order, accumulated in
 * double; the loops run a whole output row per tap so that the inner loop
 * is a plain strided multiply-add over the taps inside the input. */
void eval_conv2d(const Node *n, const void *const *in, void *out)
{
	const Type *xt = &n->in[0]->type, *wt = &n->in[1]->type;
	const Type *yt = &n->out->type;
	const float *x = in[0], *w = in[1];
	const float *bias = n->nin > 2 ? in[2] : NULL;
	float *y = out;
	const int64_t *stride = attr_ints(n, "stride", NULL);
	const int64_t *pad = attr_ints(n, "pad", NULL);
	const int64_t *dil = attr_ints(n, "dilation", NULL);
	int64_t groups = attr_int(n, "groups");
	int64_t N = xt->dims[0], C = xt->dims[1], H = xt->dims[2], W = xt->dims[3];
	int64_t OC = wt->dims[0], ICG = wt->dims[1], KH = wt->dims[2],
		KW = wt->dims[3];
	int64_t OH = yt->dims[2], OW = yt->dims[3], OCG = OC / groups;
	int64_t sh = stride[0], sw = stride[1];
	double *acc = malloc((size_t)(OH * OW > 0 ? OH * OW : 1) * sizeof *acc);
	if (!acc)
		abort();
	for (int64_t b = 0; b < N; b++)
	for (int64_t oc = 0; oc < OC; oc++) {
		int64_t c0 = oc / OCG * ICG;
		const float *wo = w + oc * ICG * KH * KW;
		for (int64_t i = 0; i < OH * OW; i++)
			acc[i] = bias ? bias[oc] : 0.0;
		for (int64_t ic = 0; ic < ICG; ic++) {
			const float *xc = x + (b * C + c0 + ic) * H * W;
			for (int64_t kh = 0; kh < KH; kh++)
			for (int64_t kw = 0; kw < KW; kw++) {
				double wv = wo[(ic * KH + kh) * KW + kw];
				int64_t off = kw * dil[1] - pad[1];
				int64_t lo = -floor_div(off, sw);   /* ceil(-off / sw) */
				int64_t hi = floor_div(W - 1 - off, sw);
				if (lo < 0)
					lo = 0;
				if (hi > OW - 1)
					hi = OW - 1;
				for (int64_t oh = 0; oh < OH; oh++) {
					int64_t ih = oh * sh - pad[0] + kh * dil[0];
					if (ih < 0 || ih >= H)
						continue;
					const float *xr = xc + ih * W + off;
					double *ar = acc + oh * OW;
					for (int64_t ow = lo; ow <= hi; ow++)
						ar[ow] += (double)xr[ow * sw] * wv;
				}
			}
		}
		float *yo = y + (b * OC + oc) * OH * OW;
		for (int64_t i = 0; i < OH * OW; i++)
			yo[i] = (float)acc[i];
	}
	free(acc);
}

/* Max over the window taps inside the input. An element type other than
 * f32 holds int32_t: maxpool moves data and works on quantized tensors. */
void eval_maxpool2d(const Node *n, const void *const *in, void *out)
{
	const Type *xt = &n->in[0]->type, *yt = &n->out->type;
	const int64_t *k = attr_ints(n, "kernel", NULL);
	const int64_t *stride = attr_ints(n, "stride", NULL);
	const int64_t *pad = attr_ints(n, "pad", NULL);
	const int64_t *dil = attr_ints(n, "dilation", NULL);
	int64_t H = xt->dims[2], W = xt->dims[3];
	int64_t OH = yt->dims[2], OW = yt->dims[3];
	int64_t planes = xt->dims[0] * xt->dims[1];
	int is_f32 = xt->elem == DT_F32;
	for (int64_t p = 0; p < planes; p++)
	for (int64_t oh = 0; oh < OH; oh++)
	for (int64_t ow = 0; ow < OW; ow++) {
		float mf = -INFINITY;
		int32_t mi = INT32_MIN;
		for (int64_t kh = 0; kh < k[0]; kh++) {
			int64_t ih = oh * stride[0] - pad[0] + kh * dil[0];
			if (ih < 0 || ih >= H)
				continue;
			for (int64_t kw = 0; kw < k[1]; kw++) {
				int64_t iw = ow * stride[1] - pad[1] + kw * dil[1];
				if (iw < 0 || iw >= W)
					continue;
				int64_t at = (p * H + ih) * W + iw;
				if (is_f32) {
					float v = ((const float *)in[0])[at];
					if (v > mf || isnan(v))   /* NaN propagates */
						mf = isnan(mf) ? mf : v;
				} else if (((const int32_t *)in[0])[at] > mi) {
					mi = ((const int32_t *)in[0])[at];
				}
			}
		}
		int64_t o = (p * OH + oh) * OW + ow;
		if (is_f32)
			((float *)out)[o] = mf;
		else
			((int32_t *)out)[o] = mi;
	}
}

void eval_avgpool2d(const Node *n, const void *const *in, void *out)
{
	const Type *xt = &n->in[0]->type, *yt = &n->out->type;
	const float *x = in[0];
	float *y = out;
	const int64_t *k = attr_ints(n, "kernel", NULL);
	const int64_t *stride = attr_ints(n, "stride", NULL);
	const int64_t *pad = attr_ints(n, "pad", NULL);
	int include_pad = attr_int(n, "count_include_pad") != 0;
	int64_t H = xt->dims[2], W = xt->dims[3];
	int64_t OH = yt->dims[2], OW = yt->dims[3];
	int64_t planes = xt->dims[0] * xt->dims[1];
	for (int64_t p = 0; p < planes; p++)
	for (int64_t oh = 0; oh < OH; oh++)
	for (int64_t ow = 0; ow < OW; ow++) {
		int64_t h0 = oh * stride[0] - pad[0], w0 = ow * stride[1] - pad[1];
		int64_t h1 = h0 + k[0], w1 = w0 + k[1];
		/* the window clipped to the padded input, then to the input */
		int64_t ph1 = h1 < H + pad[2] ? h1 : H + pad[2];
		int64_t pw1 = w1 < W + pad[3] ? w1 : W + pad[3];
		int64_t padded = (ph1 - h0) * (pw1 - w0);
		if (h0 < 0) h0 = 0;
		if (w0 < 0) w0 = 0;
		if (h1 > H) h1 = H;
		if (w1 > W) w1 = W;
		double sum = 0;
		for (int64_t ih = h0; ih < h1; ih++)
			for (int64_t iw = w0; iw < w1; iw++)
				sum += x[(p * H + ih) * W + iw];
		int64_t count = include_pad ? padded : (h1 - h0) * (w1 - w0);
		y[(p * OH + oh) * OW + ow] = (float)(sum / count);
	}
}

void eval_global_avgpool(const Node *n, const void *const *in, void *out)
{
	const Type *xt = &n->in[0]->type;
	const float *x = in[0];
	float *y = out;
	int64_t planes = xt->dims[0] * xt->dims[1];
	int64_t size = type_numel(xt) / planes;
	for (int64_t p = 0; p < planes; p++) {
		double sum = 0;
		for (int64_t j = 0; j < size; j++)
			sum += x[p * size + j];
		y[p] = (float)(sum / size);
	}
}

/* y[N,M] = x[N,K] w + b, with w [M,K] (trans_w=1) or [K,M]. */
void eval_dense(const Node *n, const void *const *in, void *out)
{
	const Type *xt = &n->in[0]->type, *yt = &n->out->type;
	const float *x = in[0], *w = in[1];
	const float *bias = n->nin > 2 ? in[2] : NULL;
	float *y = out;
	int trans_w = attr_int(n, "trans_w") != 0;
	int64_t N = xt->dims[0], K = xt->dims[1], M = yt->dims[1];
	for (int64_t r = 0; r < N; r++)
		for (int64_t m = 0; m < M; m++) {
			double acc = bias ? bias[m] : 0.0;
			for (int64_t k = 0; k < K; k++)
				acc += (double)x[r * K + k] *
					(trans_w ? w[m * K + k] : w[k * M + m]);
			y[r * M + m] = (float)acc;
		}
}

/* numpy matmul: a [..., M, K] times b [..., K, P]; a 1-D a is [1, K] and a
 * 1-D b is [K, 1]. Batch dims broadcast; matrices are walked by an index
 * over the output's batch dims. */
void eval_matmul(const Node *n, const void *const *in, void *out)
{
	const Type *at = &n->in[0]->type, *bt = &n->in[1]->type;
	const float *a = in[0], *b = in[1];
	float *y = out;
	int64_t M = at->rank > 1 ? at->dims[at->rank - 2] : 1;
	int64_t K = at->dims[at->rank - 1];
	int64_t P = bt->rank > 1 ? bt->dims[bt->rank - 1] : 1;
	int ra = at->rank > 2 ? at->rank - 2 : 0, rb = bt->rank > 2 ? bt->rank - 2 : 0;
	int rank = ra > rb ? ra : rb;
	int64_t dims[QCC_MAX_RANK], sa[QCC_MAX_RANK], sb[QCC_MAX_RANK];
	int64_t idx[QCC_MAX_RANK] = {0}, batches = 1;
	/* batch dims of the output and, per dim, the matrix stride of a and b */
	int64_t step_a = 1, step_b = 1;
	for (int i = rank - 1; i >= 0; i--) {
		int ia = i - (rank - ra), ib = i - (rank - rb);
		int64_t da = ia >= 0 ? at->dims[ia] : 1;
		int64_t db = ib >= 0 ? bt->dims[ib] : 1;
		dims[i] = da > db ? da : db;
		sa[i] = da == 1 ? 0 : step_a;
		sb[i] = db == 1 ? 0 : step_b;
		step_a *= da;
		step_b *= db;
		batches *= dims[i];
	}
	int64_t oa = 0, ob = 0;
	for (int64_t bi = 0; bi < batches; bi++) {
		const float *am = a + oa * M * K, *bm = b + ob * K * P;
		float *ym = y + bi * M * P;
		for (int64_t i = 0; i < M; i++)
			for (int64_t j = 0; j < P; j++) {
				double acc = 0;
				for (int64_t k = 0; k < K; k++)
					acc += (double)am[i * K + k] * bm[k * P + j];
				ym[i * P + j] = (float)acc;
			}
		for (int d = rank - 1; d >= 0; d--) {
			oa += sa[d];
			ob += sb[d];
			if (++idx[d] < dims[d])
				break;
			oa -= sa[d] * dims[d];
			ob -= sb[d] * dims[d];
			idx[d] = 0;
		}
	}
}
