/* onnx.c - the ONNX reader's entry points: a model file read whole, its
 * message nesting checked on the wire (onnx_wire.c) before the protobuf-c
 * bindings generated from Debian's onnx.proto unpack it, then the graph
 * walked in four steps: initializers (tensors known at import time),
 * graph inputs (static shapes; an unknown first dimension is taken as batch
 * 1; float or integer elements), the nodes in order (onnx_node.c), the graph
 * outputs. Also serialized tensors (.pb) for test data.
 *
 * Names live in the symbol table (onnx_sym.c), attributes in onnx_attr.c,
 * functions in onnx_func.c, the per-op importers in onnx_ops.c, onnx_nn.c
 * and onnx_fold.c, tensor decoding in onnx_tensor.c. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "onnx_imp.h"

#define ONNX_MAX_FILE ((long)1 << 31)

/* ---- graph inputs and outputs ---- */

/* The tensor type of a graph input or output, or NULL. */
static const Onnx__TypeProto__Tensor *tensor_type(
	const Onnx__ValueInfoProto *vi)
{
	if (!vi->type || vi->type->value_case != ONNX__TYPE_PROTO__VALUE_TENSOR_TYPE)
		return NULL;
	return vi->type->tensor_type;
}

/* The --input-shape for graph input `name`, or NULL. */
static const InputShape *given_shape(const Ctx *c, const char *name)
{
	for (int i = 0; i < c->nshapes; i++)
		if (strcmp(c->shapes[i].name, name) == 0)
			return &c->shapes[i];
	return NULL;
}

/* The model's shape of a graph input as text: [N,80,T] (? unnamed). */
static void shape_text(const Onnx__TensorShapeProto *shape, char *buf,
	size_t size)
{
	size_t k = snprintf(buf, size, "[");
	for (size_t i = 0; i < shape->n_dim && k < size; i++) {
		const Onnx__TensorShapeProto__Dimension *d = shape->dim[i];
		if (d->value_case ==
		    ONNX__TENSOR_SHAPE_PROTO__DIMENSION__VALUE_DIM_VALUE)
			k += snprintf(buf + k, size - k, "%s%lld", i ? "," : "",
				(long long)d->dim_value);
		else
			k += snprintf(buf + k, size - k, "%s%s", i ? "," : "",
				d->value_case ==
				ONNX__TENSOR_SHAPE_PROTO__DIMENSION__VALUE_DIM_PARAM &&
				d->dim_param && *d->dim_param ? d->dim_param : "?");
	}
	if (k < size)
		snprintf(buf + k, size - k, "]");
}

/* Checks --input-shape s against graph input vi's shape: its rank, and
 * each dim the model fixes. -1 after reporting. */
static int check_given(Ctx *c, const Onnx__ValueInfoProto *vi,
	const Onnx__TensorShapeProto *shape, const InputShape *s)
{
	char text[256];
	shape_text(shape, text, sizeof text);
	if ((size_t)s->rank != shape->n_dim) {
		diag_error(c->loc, "--input-shape %s: graph input '%s' has rank "
			"%zu (%s), not %d", s->text, vi->name, shape->n_dim, text,
			s->rank);
		return -1;
	}
	for (int i = 0; i < s->rank; i++) {
		const Onnx__TensorShapeProto__Dimension *d = shape->dim[i];
		if (d->value_case ==
		    ONNX__TENSOR_SHAPE_PROTO__DIMENSION__VALUE_DIM_VALUE &&
		    d->dim_value != s->dims[i]) {
			diag_error(c->loc, "--input-shape %s: dimension %d of graph "
				"input '%s' is %lld in the model (%s), not %lld", s->text,
				i, vi->name, (long long)d->dim_value, text,
				(long long)s->dims[i]);
			return -1;
		}
	}
	return 0;
}

/* The static dims of a graph input into ty (its --input-shape, if given);
 * -1 after reporting. */
static int input_dims(Ctx *c, const Onnx__ValueInfoProto *vi,
	const Onnx__TensorShapeProto *shape, Type *ty)
{
	const InputShape *given = given_shape(c, vi->name);
	if (given && shape && check_given(c, vi, shape, given) != 0)
		return -1;
	if (!shape && given) {
		ty->rank = given->rank;
		memcpy(ty->dims, given->dims, sizeof ty->dims);
		return 0;
	}
	if (!shape) {
		diag_error(c->loc, "graph input '%s' has no shape; qcc needs static "
			"shapes", vi->name);
		return -1;
	}
	if (shape->n_dim > QCC_MAX_RANK) {
		diag_error(c->loc, "graph input '%s' has rank %zu; expected at most "
			"%d", vi->name, shape->n_dim, QCC_MAX_RANK);
		return -1;
	}
	ty->rank = (int)shape->n_dim;
	int64_t numel = 1;
	for (int i = 0; i < ty->rank; i++) {
		const Onnx__TensorShapeProto__Dimension *d = shape->dim[i];
		int known = d->value_case ==
			ONNX__TENSOR_SHAPE_PROTO__DIMENSION__VALUE_DIM_VALUE;
		if (given) {
			ty->dims[i] = given->dims[i];
		} else if (!known && i == 0) {
			ty->dims[i] = 1; /* symbolic batch: qcc compiles batch 1 */
		} else if (!known) {
			char text[256];
			shape_text(shape, text, sizeof text);
			diag_error(c->loc, "graph input '%s' has a dynamic dimension %d "
				"('%s'); qcc needs static shapes: fix it with --input-shape "
				"%s=D0,D1,... (the model's shape is %s)", vi->name, i,
				d->value_case == ONNX__TENSOR_SHAPE_PROTO__DIMENSION__VALUE_DIM_PARAM
				? d->dim_param : "?", vi->name, text);
			return -1;
		} else {
			ty->dims[i] = d->dim_value;
		}
		if (ty->dims[i] < 1 || ty->dims[i] > ONNX_MAX_NUMEL ||
		    numel * ty->dims[i] > ONNX_MAX_NUMEL) {
			diag_error(c->loc, "graph input '%s' has dimension %d of size "
				"%lld; expected 1 to %lld elements in all", vi->name, i,
				(long long)ty->dims[i], (long long)ONNX_MAX_NUMEL);
			return -1;
		}
		numel *= ty->dims[i];
	}
	return 0;
}

/* A graph input of float or integer elements (an op that cannot take
 * integers rejects them itself, naming the input). */
static int add_input(Ctx *c, const Onnx__ValueInfoProto *vi)
{
	const Onnx__TypeProto__Tensor *tt = tensor_type(vi);
	if (!tt) {
		diag_error(c->loc, "graph input '%s' is not a tensor", vi->name);
		return -1;
	}
	int dt = tt->has_elem_type ? tt->elem_type : 0;
	int elem = dt == ONNX__TENSOR_PROTO__DATA_TYPE__DOUBLE ? -1 :
		onnx_dtype_ir(dt);
	if (elem < 0) {
		diag_error(c->loc, "graph input '%s' has element type %s; expected "
			"float or an integer type", vi->name, onnx_dtype_name(dt));
		return -1;
	}
	Type ty = {0};
	ty.elem = (DType)elem;
	if (input_dims(c, vi, tt->shape, &ty) != 0)
		return -1;
	Value *v = graph_add_input(c->g, sym_fresh_name(c, vi->name, NULL), &ty,
		c->loc);
	return v ? sym_bind_value(c, vi->name, v, dt) : -1;
}

/* Names consumed by some node in an input slot that must be constant. */
static int used_statically(const Onnx__GraphProto *gp, const char *name)
{
	for (size_t k = 0; k < gp->n_node; k++) {
		const Onnx__NodeProto *p = gp->node[k];
		const OnnxOp *op = p->op_type ? onnx_op_find(p->op_type) : NULL;
		if (!op)
			continue;
		for (size_t i = 0; i < p->n_input && i < 32; i++)
			if ((op->static_in >> i & 1) && strcmp(p->input[i], name) == 0)
				return 1;
	}
	return 0;
}

/* A bound tensor as graph input vi: integers keep vi's element type (a
 * quantization's uint8 zero point stays uint8). */
static Tens *tens_from_named(Ctx *c, const NamedTensor *nt,
	const Onnx__ValueInfoProto *vi)
{
	int is_float = nt->elem == DT_F32;
	Tens *t = tens_new(c, is_float, nt->rank, nt->dims);
	t->dt = onnx_dtype_of_ir(nt->elem);
	if (!is_float && vi->type && vi->type->tensor_type &&
	    vi->type->tensor_type->elem_type)
		t->dt = vi->type->tensor_type->elem_type;
	for (int64_t k = 0; k < t->numel; k++) {
		if (is_float)
			t->f[k] = ((const float *)nt->data)[k];
		else
			t->i[k] = ((const int32_t *)nt->data)[k];
	}
	return t;
}

static int is_initializer(const Onnx__GraphProto *gp, const char *name)
{
	for (size_t i = 0; i < gp->n_initializer; i++)
		if (gp->initializer[i]->name &&
			strcmp(gp->initializer[i]->name, name) == 0)
			return 1;
	return 0;
}

/* Marks the value of name as a graph output; a tensor known at import time
 * becomes a constant (integer data as integers). */
static int add_output(Ctx *c, const char *name)
{
	Sym *s = sym_get(c, name);
	if (!s) {
		diag_error(c->loc, "graph output '%s' is not computed by any node",
			name);
		return -1;
	}
	if (!s->v && s->t->numel == 0) {
		diag_error(c->loc, "graph output '%s' is an empty constant", name);
		return -1;
	}
	Value *v = s->v ? s->v : sym_value(c, s);
	if (!v)
		return -1;
	if (v->is_output) {
		diag_error(c->loc, "graph output '%s' is listed twice", name);
		return -1;
	}
	graph_mark_output(c->g, v);
	return 0;
}

/* Every --input-shape names a graph input (not an initializer); -1 after
 * reporting the first that does not, with the inputs there are. */
static int check_shape_names(Ctx *c, const Onnx__GraphProto *gp)
{
	for (int k = 0; k < c->nshapes; k++) {
		char names[512] = "";
		size_t len = 0;
		int found = 0;
		for (size_t i = 0; i < gp->n_input; i++) {
			const char *name = gp->input[i]->name;
			if (!name || is_initializer(gp, name))
				continue;
			found |= strcmp(name, c->shapes[k].name) == 0;
			if (len < sizeof names)
				len += snprintf(names + len, sizeof names - len, "%s'%s'",
					len ? ", " : "", name);
		}
		if (found)
			continue;
		diag_error(c->loc, "--input-shape %s: the model has no graph input "
			"'%s'; its inputs: %s", c->shapes[k].text, c->shapes[k].name,
			len ? names : "none");
		return -1;
	}
	return 0;
}

static int import_graph(Ctx *c, const NamedTensor *bind, int nbind, int *kept)
{
	const Onnx__GraphProto *gp = c->model->graph;
	if (check_shape_names(c, gp) != 0)
		return -1;
	/* 1. initializers */
	for (size_t i = 0; i < gp->n_initializer; i++) {
		const Onnx__TensorProto *tp = gp->initializer[i];
		char what[256];
		snprintf(what, sizeof what, "initializer '%s'", tp->name ? tp->name : "");
		Tens *t = imp_tensor(c, tp, what);
		if (!t || sym_bind_tens(c, tp->name ? tp->name : "", t) != 0)
			return -1;
	}
	if (gp->n_sparse_initializer) {
		diag_error(c->loc, "sparse initializers are not supported");
		return -1;
	}
	/* 2. inputs (an input that is also an initializer is a constant) */
	int k = 0;
	for (size_t i = 0; i < gp->n_input; i++) {
		const Onnx__ValueInfoProto *vi = gp->input[i];
		if (!vi->name || is_initializer(gp, vi->name))
			continue;
		int idx = k++;
		if (kept && idx < nbind)
			kept[idx] = 1;
		if (idx < nbind && used_statically(gp, vi->name)) {
			if (kept)
				kept[idx] = 0;
			if (sym_bind_tens(c, vi->name, tens_from_named(c, &bind[idx], vi)))
				return -1;
			continue;
		}
		if (add_input(c, vi) != 0)
			return -1;
	}
	/* 3. nodes, in order (ONNX requires topological order), with the
	 * patterns of one op fused */
	PatPlan *plan = onnx_pattern_plan(c, gp);
	for (size_t i = 0; i < gp->n_node; i++)
		if (onnx_pattern_step(c, plan, gp->node, (int)i, c->opset) != 0) {
			onnx_pattern_free(plan);
			return -1;
		}
	onnx_pattern_free(plan);
	/* 4. outputs */
	if (gp->n_output == 0) {
		diag_error(c->loc, "the graph has no outputs");
		return -1;
	}
	for (size_t i = 0; i < gp->n_output; i++)
		if (add_output(c, gp->output[i]->name ? gp->output[i]->name : ""))
			return -1;
	return 0;
}

/* ---- files ---- */

static uint8_t *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		diag_fail("cannot open '%s': %s", path, strerror(errno));
		return NULL;
	}
	uint8_t *buf = NULL;
	size_t cap = 0, n = 0;
	for (;;) {
		if (n == cap) {
			cap = cap ? 2 * cap : 1 << 16;
			if (cap > (size_t)ONNX_MAX_FILE) {
				diag_fail("'%s' is larger than 2 GiB", path);
				break;
			}
			uint8_t *nb = realloc(buf, cap);
			if (!nb) {
				diag_fail("out of memory reading '%s'", path);
				break;
			}
			buf = nb;
		}
		size_t got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0) {
			int err = ferror(f);
			fclose(f);
			if (err) {
				diag_fail("cannot read '%s'", path);
				free(buf);
				return NULL;
			}
			*len = n;
			return buf;
		}
	}
	fclose(f);
	free(buf);
	return NULL;
}

static const char *model_name(Arena *a, const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t n = strcspn(base, ".");
	return arena_strndup(a, base, n ? n : strlen(base));
}

static Graph *load(const char *path, const NamedTensor *bind, int nbind,
	int *kept, const InputShape *shapes, int nshapes)
{
	size_t len;
	uint8_t *buf = read_file(path, &len);
	if (!buf)
		return NULL;
	Loc loc = {path, 0, 0};
	if (!onnx_wire_nesting_ok(&onnx__model_proto__descriptor, buf, len)) {
		diag_error(loc, "messages nested deeper than %d levels",
			ONNX_MAX_NESTING);
		free(buf);
		return NULL;
	}
	Onnx__ModelProto *m = onnx__model_proto__unpack(NULL, len, buf);
	free(buf);
	if (!m) {
		diag_error(loc, "not a valid ONNX model (the protobuf encoding is "
			"truncated or corrupt)");
		return NULL;
	}
	if (!m->graph) {
		diag_error(loc, "the model has no graph");
		onnx__model_proto__free_unpacked(m, NULL);
		return NULL;
	}
	Graph *g = graph_new("model");
	g->name = sym_sanitize(&(Ctx){.g = g}, model_name(&g->arena, path));
	g->path = arena_strdup(&g->arena, path);
	Ctx c = {0};
	c.g = g;
	c.path = g->path;
	c.loc = (Loc){g->path, 0, 0};
	c.model = m;
	c.shapes = shapes;
	c.nshapes = nshapes;
	c.opset = onnx_opset_of(m->opset_import, m->n_opset_import, 0);
	int rc = -1;
	if (c.opset == 0)
		diag_error(c.loc, "the model imports no opset of the default domain");
	else
		rc = import_graph(&c, bind, nbind, kept);
	if (rc == 0 && c.napprox)
		diag_warning(c.loc, "%d blocked DequantizeLinear node%s with block "
			"scales that are not integer multiples of one scale: each is a "
			"channel scale times an integer (at most %d); the largest "
			"relative error of a block scale is %.2g, in node '%s' (channel "
			"%lld, block %lld)", c.napprox, c.napprox > 1 ? "s" : "",
			QCC_WGMULT_MAX, c.approx_err, c.approx_node,
			(long long)c.approx_ch, (long long)c.approx_block);
	if (rc == 0) {
		graph_compact(g);
		rc = graph_verify(g) || graph_check_weights(g) ||
			graph_check_memory(g) ? -1 : 0;
	}
	onnx__model_proto__free_unpacked(m, NULL);
	if (rc != 0) {
		graph_free(g);
		return NULL;
	}
	return g;
}

Graph *onnx_load_bound(const char *path, const NamedTensor *bind, int nbind,
	int *kept)
{
	return load(path, bind, nbind, kept, NULL, 0);
}

Graph *onnx_load_shaped(const char *path, const InputShape *shapes, int n)
{
	return load(path, NULL, 0, NULL, shapes, n);
}

Graph *onnx_load(const char *path)
{
	return load(path, NULL, 0, NULL, NULL, 0);
}

int onnx_read_tensor_file(const char *path, Arena *a, NamedTensor *out)
{
	size_t len;
	uint8_t *buf = read_file(path, &len);
	if (!buf)
		return -1;
	Loc loc = {path, 0, 0};
	Onnx__TensorProto *tp = NULL;
	if (onnx_wire_nesting_ok(&onnx__tensor_proto__descriptor, buf, len))
		tp = onnx__tensor_proto__unpack(NULL, len, buf);
	free(buf);
	if (!tp) {
		diag_error(loc, "not a valid serialized TensorProto");
		return -1;
	}
	Graph *g = graph_new("tensor");
	Ctx c = {0};
	c.g = g;
	c.loc = loc;
	Tens *t = imp_tensor(&c, tp, "tensor");
	int rc = -1;
	if (t) {
		out->name = arena_strdup(a, tp->name ? tp->name : "");
		out->elem = t->is_float ? DT_F32 : DT_I32;
		out->rank = t->rank;
		memcpy(out->dims, t->dims, sizeof out->dims);
		size_t n = t->numel ? t->numel : 1;
		out->data = arena_alloc(a, n * 4);
		rc = 0;
		for (int64_t k = 0; k < t->numel; k++) {
			if (t->is_float) {
				((float *)out->data)[k] = t->f[k];
			} else if (t->i[k] < INT32_MIN || t->i[k] > INT32_MAX) {
				diag_error(loc, "element %lld does not fit in 32 bits",
					(long long)k);
				rc = -1;
				break;
			} else {
				((int32_t *)out->data)[k] = (int32_t)t->i[k];
			}
		}
	}
	graph_free(g);
	onnx__tensor_proto__free_unpacked(tp, NULL);
	return rc;
}
