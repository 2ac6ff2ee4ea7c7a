/* arena.c - bump allocation for everything a Graph owns.
 * Nothing is freed singly; arena_free() drops every chunk at once. */
#include <stdlib.h>
#include <string.h>

#include "ir.h"

struct ArenaChunk {
	ArenaChunk *next;
	size_t used, cap;
	_Alignas(16) unsigned char mem[];
};

enum { CHUNK_MIN = 64 * 1024 };

void *arena_try_alloc(Arena *a, size_t size)
{
	if (size > SIZE_MAX / 2)
		return NULL;
	size = (size + 15) & ~(size_t)15;
	ArenaChunk *c = a->head;
	if (!c || c->cap - c->used < size) {
		size_t cap = size > CHUNK_MIN ? size : CHUNK_MIN;
		c = malloc(sizeof *c + cap);
		if (!c)
			return NULL;
		c->cap = cap;
		c->used = 0;
		c->next = a->head;
		a->head = c;
	}
	void *p = c->mem + c->used;
	c->used += size;
	a->total += size;
	memset(p, 0, size);
	return p;
}

/* The IR's own small allocations cannot be undone halfway: running out of
 * memory for them ends qcc with a message (sizes that come from the model
 * go through arena_try_alloc and are reported where they are known). */
void *arena_alloc(Arena *a, size_t size)
{
	void *p = arena_try_alloc(a, size);
	if (!p) {
		fprintf(stderr, "qcc: error: out of memory (allocating %zu "
			"bytes)\n", size);
		exit(1);
	}
	return p;
}

void *arena_realloc(Arena *a, void *p, size_t old, size_t size)
{
	if (size <= old)
		return p;
	void *q = arena_alloc(a, size);
	if (p)
		memcpy(q, p, old);
	return q;
}

char *arena_strndup(Arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	if (n)  /* s may be NULL when n is 0 (an empty protobuf string) */
		memcpy(p, s, n);
	p[n] = 0;
	return p;
}

char *arena_strdup(Arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

void arena_free(Arena *a)
{
	ArenaChunk *c = a->head;
	while (c) {
		ArenaChunk *next = c->next;
		free(c);
		c = next;
	}
	a->head = NULL;
	a->total = 0;
}
