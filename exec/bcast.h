/* bcast.h - the broadcast walk every elementwise kernel of exec/ shares:
 * one input's element for each element of the broadcast output, in the
 * output's order (numpy rules: leading dims added, size-1 dims repeated).
 * Inline, because kernels step it per element. */
#ifndef QCC_BCAST_H
#define QCC_BCAST_H

#include <string.h>

#include "ir.h"

/* A walk over one input's elements in the order of the broadcast output
 * o: pos is the input's element for the output element reached. */
typedef struct {
	int64_t st[QCC_MAX_RANK], idx[QCC_MAX_RANK];
	int64_t pos;
	const Type *o;
} Walk;

/* Strides of t's elements along each dim of o: 0 where t is broadcast
 * (missing or size 1). */
static inline void walk_init(Walk *w, const Type *t, const Type *o)
{
	int off = o->rank - t->rank;
	int64_t s = 1;
	for (int i = o->rank - 1; i >= 0; i--) {
		int j = i - off;
		w->st[i] = (j < 0 || t->dims[j] == 1) ? 0 : s;
		if (j >= 0)
			s *= t->dims[j];
	}
	memset(w->idx, 0, sizeof w->idx);
	w->pos = 0;
	w->o = o;
}

static inline void walk_next(Walk *w)
{
	for (int d = w->o->rank - 1; d >= 0; d--) {
		w->pos += w->st[d];
		if (++w->idx[d] < w->o->dims[d])
			return;
		w->pos -= w->st[d] * w->o->dims[d];
		w->idx[d] = 0;
	}
}

#endif
