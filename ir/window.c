/* window.c - the geometry of a 2-D sliding window, read once from a node:
 * conv2d and qconv2d (weights [OC, ICG, KH, KW]) and the pooling ops
 * (maxpool2d, avgpool2d, qmaxpool2d, qavgpool2d: attribute `kernel`).
 * Shape inference, the float interpreter, the integer simulator and codegen
 * all read the window from here.
 *
 * Output position (oh, ow) covers input rows oh*sh - pt + kh*dh, kh < KH,
 * and columns ow*sw - pl + kw*dw, kw < KW (ONNX/PyTorch). A pooling window
 * is a depthwise one: OC = C, ICG = 1, groups = C, OCG = 1, K = KH*KW.
 */
#include <assert.h>
#include <string.h>

#include "ir.h"

/* Attribute `name` of n (two entries), or {1, 1} if the op has none. */
static const int64_t *pair_attr(const Node *n, const char *name)
{
	static const int64_t one[2] = {1, 1};
	return op_attr_index(n->op, name) >= 0 ? attr_ints(n, name, NULL) : one;
}

static int64_t int_attr(const Node *n, const char *name)
{
	return op_attr_index(n->op, name) >= 0 ? attr_int(n, name) : 0;
}

void geom_shape(const Node *n, WinGeom *g)
{
	const Type *xt = &n->in[0]->type;
	const int64_t *stride = pair_attr(n, "stride");
	const int64_t *pad = attr_ints(n, "pad", NULL);
	const int64_t *dil = pair_attr(n, "dilation");
	memset(g, 0, sizeof *g);
	g->N = xt->dims[0], g->C = xt->dims[1];
	g->H = xt->dims[2], g->W = xt->dims[3];
	if (op_attr_index(n->op, "kernel") >= 0) {
		const int64_t *k = attr_ints(n, "kernel", NULL);
		g->OC = g->C, g->ICG = 1, g->KH = k[0], g->KW = k[1];
		g->groups = g->C;
	} else {
		const Type *wt = &n->in[1]->type;
		g->OC = wt->dims[0], g->ICG = wt->dims[1];
		g->KH = wt->dims[2], g->KW = wt->dims[3];
		g->groups = attr_int(n, "groups");
	}
	g->OCG = g->OC / g->groups;
	g->sh = stride[0], g->sw = stride[1];
	g->pt = pad[0], g->pl = pad[1], g->pb = pad[2], g->pr = pad[3];
	g->dh = dil[0], g->dw = dil[1];
	g->K = g->ICG * g->KH * g->KW;
	g->depthwise = g->ICG == 1 && g->groups > 1;
	g->ceil_mode = (int)int_attr(n, "ceil_mode");
	g->count_include_pad = (int)int_attr(n, "count_include_pad");
	g->OH = shape_window(g->H, g->KH, g->sh, g->pt, g->pb, g->dh,
		g->ceil_mode);
	g->OW = shape_window(g->W, g->KW, g->sw, g->pl, g->pr, g->dw,
		g->ceil_mode);
}

void geom_conv(const Node *n, WinGeom *g)
{
	assert(n->op == OP_CONV2D || n->op == OP_QCONV2D);
	geom_shape(n, g);
	g->OH = n->out->type.dims[2], g->OW = n->out->type.dims[3];
}

void geom_pool(const Node *n, WinGeom *g)
{
	assert(op_attr_index(n->op, "kernel") >= 0);
	geom_shape(n, g);
	g->OH = n->out->type.dims[2], g->OW = n->out->type.dims[3];
}

int geom_2x2_tiles(const WinGeom *g)
{
	return g->KH == 2 && g->KW == 2 && g->sh == 2 && g->sw == 2 &&
		g->dh == 1 && g->dw == 1 && !g->pt && !g->pl &&
		g->H == 2 * g->OH && g->W == 2 * g->OW;
}
