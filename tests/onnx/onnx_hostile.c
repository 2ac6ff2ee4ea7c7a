/* onnx_hostile - the ONNX reader against truncated, corrupted and hostile
 * files.
 *
 *   onnx_hostile OUT_DIR
 *
 * Builds a small valid model (Conv, Relu, Flatten, Gemm) with the protobuf-c
 * bindings, checks that it loads, then derives variants from it:
 *   - every truncation of the file (each must be rejected),
 *   - every single-byte corruption (each must load or be rejected with an
 *     error, never crash; run under -DQCC_SANITIZE=ON to make that strict),
 *   - hand-made hostile files, each written to OUT_DIR/bad_NAME.onnx for
 *     hostile.cmake to feed to qcc (each must be rejected).
 * Exit 0 iff every check holds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "onnx_imp.h"

static const char *out_dir;
static int failures;

/* ---- building the model (every block recorded, freed at exit) ---- */

static void *blocks[512];
static int nblocks;

static void *mem(size_t n)
{
	void *p = calloc(1, n ? n : 1);
	if (!p || nblocks == (int)(sizeof blocks / sizeof *blocks))
		abort();
	return blocks[nblocks++] = p;
}

static Onnx__TensorProto *tensor(const char *name, int rank,
	const int64_t *dims, int raw)
{
	Onnx__TensorProto *t = mem(1 * sizeof *t);
	onnx__tensor_proto__init(t);
	t->name = (char *)name;
	t->n_dims = rank;
	t->dims = mem(rank * sizeof *t->dims);
	memcpy(t->dims, dims, rank * sizeof *dims);
	t->has_data_type = 1;
	t->data_type = ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT;
	size_t n = 1;
	for (int i = 0; i < rank; i++)
		n *= dims[i];
	float *f = mem(n * sizeof *f);
	for (size_t i = 0; i < n; i++)
		f[i] = (float)((i * 7) % 11) / 11.0f - 0.4f;
	if (raw) {
		t->has_raw_data = 1;
		t->raw_data.len = n * 4;
		t->raw_data.data = (uint8_t *)f;
	} else {
		t->n_float_data = n;
		t->float_data = f;
	}
	return t;
}

static Onnx__AttributeProto *pattr_ints(const char *name, int n,
	const int64_t *v)
{
	Onnx__AttributeProto *a = mem(1 * sizeof *a);
	onnx__attribute_proto__init(a);
	a->name = (char *)name;
	a->has_type = 1;
	a->type = ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__INTS;
	a->n_ints = n;
	a->ints = mem(n * sizeof *a->ints);
	memcpy(a->ints, v, n * sizeof *v);
	return a;
}

static Onnx__AttributeProto *pattr_int(const char *name, int64_t v)
{
	Onnx__AttributeProto *a = mem(1 * sizeof *a);
	onnx__attribute_proto__init(a);
	a->name = (char *)name;
	a->has_type = 1;
	a->type = ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__INT;
	a->has_i = 1;
	a->i = v;
	return a;
}

static Onnx__NodeProto *node(const char *op, const char *in0,
	const char *in1, const char *in2, const char *out)
{
	Onnx__NodeProto *n = mem(1 * sizeof *n);
	onnx__node_proto__init(n);
	n->op_type = (char *)op;
	n->name = (char *)out;
	n->input = mem(3 * sizeof *n->input);
	const char *ins[3] = {in0, in1, in2};
	for (int i = 0; i < 3 && ins[i]; i++)
		n->input[n->n_input++] = (char *)ins[i];
	n->n_output = 1;
	n->output = mem(1 * sizeof *n->output);
	n->output[0] = (char *)out;
	return n;
}

static Onnx__ValueInfoProto *value_info(const char *name, int rank,
	const int64_t *dims)
{
	Onnx__ValueInfoProto *v = mem(1 * sizeof *v);
	onnx__value_info_proto__init(v);
	v->name = (char *)name;
	Onnx__TypeProto *tp = mem(1 * sizeof *tp);
	onnx__type_proto__init(tp);
	Onnx__TypeProto__Tensor *tt = mem(1 * sizeof *tt);
	onnx__type_proto__tensor__init(tt);
	tt->has_elem_type = 1;
	tt->elem_type = ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT;
	Onnx__TensorShapeProto *sh = mem(1 * sizeof *sh);
	onnx__tensor_shape_proto__init(sh);
	sh->n_dim = rank;
	sh->dim = mem(rank * sizeof *sh->dim);
	for (int i = 0; i < rank; i++) {
		Onnx__TensorShapeProto__Dimension *d = mem(1 * sizeof *d);
		onnx__tensor_shape_proto__dimension__init(d);
		d->value_case = ONNX__TENSOR_SHAPE_PROTO__DIMENSION__VALUE_DIM_VALUE;
		d->dim_value = dims[i];
		sh->dim[i] = d;
	}
	tt->shape = sh;
	tp->value_case = ONNX__TYPE_PROTO__VALUE_TENSOR_TYPE;
	tp->tensor_type = tt;
	v->type = tp;
	return v;
}

/* x[1,1,4,4] -> Conv(2, 3x3, pad 1) -> Relu -> Flatten -> Gemm(3) -> y */
static Onnx__ModelProto *tiny_model(void)
{
	static const int64_t xd[4] = {1, 1, 4, 4}, wd[4] = {2, 1, 3, 3},
		bd[1] = {2}, fd[2] = {3, 32}, fbd[1] = {3}, yd[2] = {1, 3},
		pads[4] = {1, 1, 1, 1};
	Onnx__ModelProto *m = mem(1 * sizeof *m);
	onnx__model_proto__init(m);
	m->has_ir_version = 1;
	m->ir_version = 7;
	m->producer_name = "onnx_hostile";
	Onnx__GraphProto *g = mem(1 * sizeof *g);
	onnx__graph_proto__init(g);
	g->name = "tiny";
	g->n_initializer = 4;
	g->initializer = mem(4 * sizeof *g->initializer);
	g->initializer[0] = tensor("conv.weight", 4, wd, 1);
	g->initializer[1] = tensor("conv.bias", 1, bd, 0);
	g->initializer[2] = tensor("fc.weight", 2, fd, 1);
	g->initializer[3] = tensor("fc.bias", 1, fbd, 1);
	g->n_node = 4;
	g->node = mem(4 * sizeof *g->node);
	g->node[0] = node("Conv", "x", "conv.weight", "conv.bias", "c");
	g->node[0]->n_attribute = 1;
	g->node[0]->attribute = mem(1 * sizeof(void *));
	g->node[0]->attribute[0] = pattr_ints("pads", 4, pads);
	g->node[1] = node("Relu", "c", NULL, NULL, "r");
	g->node[2] = node("Flatten", "r", NULL, NULL, "f");
	g->node[3] = node("Gemm", "f", "fc.weight", "fc.bias", "y");
	g->node[3]->n_attribute = 1;
	g->node[3]->attribute = mem(1 * sizeof(void *));
	g->node[3]->attribute[0] = pattr_int("transB", 1);
	g->n_input = 1;
	g->input = mem(1 * sizeof *g->input);
	g->input[0] = value_info("x", 4, xd);
	g->n_output = 1;
	g->output = mem(1 * sizeof *g->output);
	g->output[0] = value_info("y", 2, yd);
	m->graph = g;
	Onnx__OperatorSetIdProto *op = mem(1 * sizeof *op);
	onnx__operator_set_id_proto__init(op);
	op->domain = "";
	op->has_version = 1;
	op->version = 13;
	m->n_opset_import = 1;
	m->opset_import = mem(1 * sizeof *m->opset_import);
	m->opset_import[0] = op;
	return m;
}

static uint8_t *pack(const Onnx__ModelProto *m, size_t *len)
{
	*len = onnx__model_proto__get_packed_size(m);
	uint8_t *buf = malloc(*len + 1);
	onnx__model_proto__pack(m, buf);
	return buf;
}

/* ---- checks ---- */

static void write_file(const char *path, const uint8_t *buf, size_t len)
{
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(buf, 1, len, f) != len || fclose(f) != 0) {
		fprintf(stderr, "onnx_hostile: cannot write %s\n", path);
		exit(2);
	}
}

/* Loads buf; returns 1 if the reader accepted it. Any error must come with a
 * diagnostic. */
static int loads(const char *tag, const uint8_t *buf, size_t len)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/tmp_%s.onnx", out_dir, tag);
	write_file(path, buf, len);
	int before = diag_nerrors;
	Graph *g = onnx_load(path);
	if (!g && diag_nerrors == before) {
		fprintf(stderr, "onnx_hostile: %s rejected without an error\n", tag);
		failures++;
	}
	remove(path);
	graph_free(g);
	return g != NULL;
}

static void expect_rejected(const char *name, const uint8_t *buf, size_t len)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/bad_%s.onnx", out_dir, name);
	write_file(path, buf, len);
	if (loads(name, buf, len)) {
		fprintf(stderr, "onnx_hostile: %s was accepted\n", name);
		failures++;
	}
}

static void expect_model_rejected(const char *name, const Onnx__ModelProto *m)
{
	size_t len;
	uint8_t *buf = pack(m, &len);
	expect_rejected(name, buf, len);
	free(buf);
}

static size_t put_varint(uint8_t *p, uint64_t v)
{
	size_t n = 0;
	do {
		p[n++] = (uint8_t)((v & 0x7f) | (v > 0x7f ? 0x80 : 0));
		v >>= 7;
	} while (v);
	return n;
}

/* Graph -> Node -> Attribute -> Graph -> ... nested `levels` times inside
 * a model: built from the inside out, right to left in buf. */
static uint8_t *deep_model(int levels, size_t *len)
{
	size_t cap = (size_t)levels * 3 * 12 + 64, pos = cap;
	uint8_t *buf = malloc(cap), tmp[16];
	static const int fields[3] = {6, 5, 1}; /* Attribute.g, Node.attribute,
	                                           Graph.node */
	for (int i = 0; i <= 3 * levels; i++) {
		int field = i == 3 * levels ? 7 : fields[i % 3]; /* Model.graph */
		size_t n = put_varint(tmp, cap - pos);
		pos -= n;
		memcpy(buf + pos, tmp, n);
		buf[--pos] = (uint8_t)(field << 3 | 2);
	}
	*len = cap - pos;
	memmove(buf, buf + pos, *len);
	return buf;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: onnx_hostile OUT_DIR\n");
		return 2;
	}
	out_dir = argv[1];
	Onnx__ModelProto *m = tiny_model();
	size_t len;
	uint8_t *good = pack(m, &len);
	char path[4096];
	snprintf(path, sizeof path, "%s/valid.onnx", out_dir);
	write_file(path, good, len);
	if (!loads("valid", good, len)) {
		fprintf(stderr, "onnx_hostile: the valid model does not load\n");
		return 1;
	}

	/* 1. every truncation */
	for (size_t k = 0; k < len; k++)
		if (loads("truncated", good, k)) {
			fprintf(stderr, "onnx_hostile: truncation to %zu bytes was "
				"accepted\n", k);
			failures++;
		}
	expect_rejected("truncated", good, len / 2);
	expect_rejected("empty", good, 0);

	/* 2. every single-byte corruption: no crash, an error if rejected */
	uint8_t *buf = malloc(len + 16);
	int accepted = 0;
	for (size_t k = 0; k < len; k++) {
		memcpy(buf, good, len);
		buf[k] ^= 0xA5;
		accepted += loads("corrupt", buf, len);
	}
	printf("single-byte corruptions: %zu, loaded: %d\n", len, accepted);

	/* 3. hand-made hostile files; the graph field (7) follows the model's
	 * ir_version (1) and producer_name (2) on the wire */
	Onnx__GraphProto *graph = m->graph;
	size_t nops = m->n_opset_import;
	m->graph = NULL;
	m->n_opset_import = 0;
	size_t head = onnx__model_proto__get_packed_size(m);
	m->graph = graph;
	m->n_opset_import = nops;
	memcpy(buf, good, len);
	buf[head] = 7 << 3 | 5; /* graph as a fixed32 */
	expect_rejected("wire_type", buf, len);
	size_t glen = onnx__graph_proto__get_packed_size(graph);
	uint8_t *p = malloc(len + 16);
	memcpy(p, good, head);
	size_t k = head;
	p[k++] = 7 << 3 | 2;
	k += put_varint(p + k, glen + 1000000); /* length past the end */
	size_t skip = head + 1 + put_varint(buf + len, glen);
	memcpy(p + k, good + skip, len - skip);
	expect_rejected("length_past_end", p, k + len - skip);
	free(p);

	Onnx__TensorProto *w = graph->initializer[0];
	w->raw_data.len -= 4;
	expect_model_rejected("raw_data_short", m);
	w->raw_data.len += 4;
	w->dims[0] = (int64_t)1 << 40;
	expect_model_rejected("huge_initializer_dim", m);
	w->dims[0] = -2;
	expect_model_rejected("negative_dim", m);
	w->dims[0] = 2;
	Onnx__TensorShapeProto *xs = graph->input[0]->type->tensor_type->shape;
	xs->dim[3]->dim_value = (int64_t)1 << 40;
	expect_model_rejected("huge_input_dim", m);
	xs->dim[3]->dim_value = 1 << 20;
	xs->dim[2]->dim_value = 1 << 20;
	expect_model_rejected("input_too_large", m);
	xs->dim[2]->dim_value = xs->dim[3]->dim_value = 4;
	size_t ninit = graph->n_initializer, nin = graph->n_input;
	graph->n_initializer = graph->n_input = 0; /* no tensor defined at all */
	expect_model_rejected("nothing_defined", m);
	graph->n_initializer = ninit;
	graph->n_input = nin;
	graph->node[1]->input[0] = "nowhere";
	expect_model_rejected("undefined_input", m);
	graph->node[1]->input[0] = "c";
	graph->node[1]->op_type = "NoSuchOp";
	expect_model_rejected("unknown_op", m);
	graph->node[1]->op_type = "Relu";
	Onnx__AttributeProto *pads = graph->node[0]->attribute[0];
	pads->type = ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__FLOAT;
	expect_model_rejected("attribute_type", m);
	pads->type = ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__INTS;
	graph->node[0]->attribute[0]->ints[0] = -5;
	expect_model_rejected("negative_pads", m);
	graph->node[0]->attribute[0]->ints[0] = 1;
	graph->node[3]->input[1] = "c";
	expect_model_rejected("shape_mismatch", m);
	graph->node[3]->input[1] = "fc.weight";

	/* a function that calls itself */
	Onnx__FunctionProto f = ONNX__FUNCTION_PROTO__INIT;
	Onnx__FunctionProto *fp = &f;
	char *fin[1] = {"a"}, *fout[1] = {"b"};
	Onnx__NodeProto *self = node("Loop", "a", NULL, NULL, "b");
	self->domain = "local";
	f.name = "Loop";
	f.domain = "local";
	f.n_input = f.n_output = 1;
	f.input = fin;
	f.output = fout;
	f.n_node = 1;
	f.node = &self;
	m->n_functions = 1;
	m->functions = &fp;
	graph->node[1]->op_type = "Loop";
	graph->node[1]->domain = "local";
	expect_model_rejected("recursive_function", m);
	graph->node[1]->op_type = "Relu";
	graph->node[1]->domain = NULL;
	m->n_functions = 0;
	m->functions = NULL;

	/* nesting that would exhaust protobuf-c's recursion */
	size_t dlen;
	uint8_t *deep = deep_model(100000, &dlen);
	expect_rejected("deep_nesting", deep, dlen);
	free(deep);

	if (!loads("valid_again", good, len))
		failures++;
	free(buf);
	free(good);
	for (int i = 0; i < nblocks; i++)
		free(blocks[i]);
	printf("onnx_hostile: %d failure(s)\n", failures);
	return failures ? 1 : 0;
}
