/* emit_cond.c - the C kernels of the condition ops: qcompare, qwhere, not
 * and logic (docs/arith.md). A condition is a uint8_t array of 0 and 1.
 *
 * Each kernel is one loop nest over the output's index space
 * (emit_elem_kernel) whose inputs are read through their broadcast
 * strides; the body is the contract's expression with literal constants.
 */
#include <string.h>

#include "emit.h"

static const char *c_relation(const char *cmp)
{
	return !strcmp(cmp, "gt") ? ">" : !strcmp(cmp, "ge") ? ">=" :
		!strcmp(cmp, "lt") ? "<" : !strcmp(cmp, "le") ? "<=" : "==";
}

/* With equal positive multipliers the common factor goes (1 or 2^30):
 * the kernel compares the zero-point-free integers directly. */
static int emit_qcompare(Emit *e, const Node *n, const char *fn)
{
	const int64_t *mult = attr_ints(n, "mult", NULL);
	EmitVars v = {0};
	emit_var(&v, "subza", emit_sub(emit_zp(n->in[0])));
	emit_var(&v, "subzb", emit_sub(emit_zp(n->in[1])));
	emit_var(&v, "rel", c_relation(attr_str(n, "cmp")));
	emit_vari(&v, "ma", mult[0]);
	emit_vari(&v, "mb", mult[1]);
	return emit_elem_kernel(e, n, fn, &v, mult[0] == mult[1] && mult[0] > 0 ?
		"y[$iy] = ($yt)((int64_t)x0[$i0]$subza $rel (int64_t)x1[$i1]$subzb);\n" :
		"y[$iy] = ($yt)(((int64_t)x0[$i0]$subza) * $ma $rel "
		"((int64_t)x1[$i1]$subzb) * $mb);\n");
}

static int emit_qwhere(Emit *e, const Node *n, const char *fn)
{
	const int64_t *mult = attr_ints(n, "mult", NULL);
	const int64_t *shift = attr_ints(n, "shift", NULL);
	const Type *yt = &n->out->type;
	EmitVars v = {0};
	emit_var(&v, "suba", emit_sub(emit_zp(n->in[1])));
	emit_var(&v, "subb", emit_sub(emit_zp(n->in[2])));
	emit_vari(&v, "ma", mult[0]);
	emit_vari(&v, "sa", shift[0]);
	emit_vari(&v, "mb", mult[1]);
	emit_vari(&v, "sb", shift[1]);
	emit_vari(&v, "zy", emit_zp(n->out));
	emit_vari(&v, "qmin", type_qmin(yt));
	emit_vari(&v, "qmax", type_qmax(yt));
	return emit_elem_kernel(e, n, fn, &v, "y[$iy] = ($yt)(x0[$i0] ?\n"
		"\tqcc_requant((int64_t)x1[$i1]$suba, $ma, $sa, $zy, $qmin, $qmax) :\n"
		"\tqcc_requant((int64_t)x2[$i2]$subb, $mb, $sb, $zy, $qmin, $qmax));\n");
}

static int emit_not(Emit *e, const Node *n, const char *fn)
{
	EmitVars v = {0};
	return emit_elem_kernel(e, n, fn, &v, "y[$iy] = ($yt)!x0[$i0];\n");
}

static int emit_logic(Emit *e, const Node *n, const char *fn)
{
	const char *f = attr_str(n, "fn");
	EmitVars v = {0};
	emit_var(&v, "op", !strcmp(f, "and") ? "&&" : !strcmp(f, "or") ? "||" :
		"!=");
	return emit_elem_kernel(e, n, fn, &v, "y[$iy] = ($yt)(!!x0[$i0] $op !!x1[$i1]);\n");
}

const KernelRow emit_cond_kernels[] = {
	{OP_QCOMPARE, "generic", "compare", "always (broadcast: nested loops)",
		NULL, NULL, emit_qcompare, -1},
	{OP_QWHERE, "generic", "where", "always (broadcast: nested loops)", NULL,
		NULL, emit_qwhere, -1},
	{OP_NOT, "generic", "not", "always", NULL, NULL, emit_not, -1},
	{OP_LOGIC, "generic", "logic", "always (broadcast: nested loops)", NULL,
		NULL, emit_logic, -1},
	{0},
};
