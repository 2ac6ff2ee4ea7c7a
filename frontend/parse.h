/* parse.h - what the `.g` grammar (parser.y), its lexer (lexer.l) and the
 * graph builder (parse.c) share. Not part of the IR contract: only the
 * frontend includes it. Everything here lives in the parse's own arena. */
#ifndef QCC_PARSE_H
#define QCC_PARSE_H

#include "ir.h"

/* The lexer's state, one per parse (the scanner is reentrant). */
struct LexState {
	Arena *arena;
	int line, col;      /* of the next character */
	int depth;          /* open '[': newlines inside are blanks */
	int eof_nl_sent;
	int started;
	char last[48];      /* the text of the last token, cut, for messages */
	/* the name the current line defines (`x = ...`, `input x`, `const x`,
	 * `output x`), poisoned when the line has a syntax error */
	const char *line_name;
	int line_tok;       /* tokens seen on the line */
	int line_kw;        /* the line starts with input, const or output */
	int line_ended;     /* a NL was returned: the next token starts one */
};

/* Keeps line_name up to date; called for every token returned. */
void lex_note_token(struct LexState *s, int tok, const char *text);

char *lex_strdup(struct LexState *s, const char *t, size_t n);
/* Removes the quotes and \" \\ \n \t escapes; NULL on another escape. */
char *lex_unquote(struct LexState *s, const char *t, size_t n);

/* A number as written: INT, FLOAT, or the identifiers inf / nan. */
typedef struct {
	int is_int;
	int64_t i;          /* is_int */
	double f;           /* always set */
	const char *text;
	Loc loc;
} Num;

typedef struct {
	Num *v;
	int n, cap;
	Loc loc;            /* of the '[' */
	int too_long;       /* over the memory limit: reported, cut short */
} NumList;

/* An attribute or q(...) value. */
typedef enum { V_NUM, V_LIST, V_IDENT, V_STR } ValKind;
typedef struct {
	ValKind kind;
	Num num;            /* V_NUM */
	NumList *list;      /* V_LIST */
	const char *s;      /* V_IDENT, V_STR */
	Loc loc;
} Val;

/* One call argument: a positional input (name NULL) or name=value. */
typedef struct {
	const char *name;   /* attribute name, or NULL */
	const char *ident;  /* positional: the value's name ("_" for absent) */
	Val val;            /* attribute value */
	Loc loc;
} Arg;

typedef struct {
	Arg *v;
	int n, cap;
} ArgList;

typedef struct {
	const char *elem;
	Loc loc;            /* of the element type name */
	NumList *dims;
	int has_q;
	ArgList *qargs;
	Loc qloc;
} TypeDecl;

typedef struct {
	const char *op;
	Loc loc;            /* of the op name */
	ArgList *args;
} Call;

/* The parse in progress. */
typedef struct {
	Arena arena;        /* temporaries, dropped at the end */
	const char *path;   /* as given, for diagnostics */
	const char *dir;    /* the source's directory, "" for the current one */
	Graph *g;
	const char *weights_full;  /* weights path resolved against dir */
	int nstmts;
	int seen_model;
	int errors;         /* reported so far */
	int stmt_failed;    /* an error inside the statement being parsed */
	int stop;           /* too many errors */
	const char **poison;  /* names whose definition failed */
	int npoison, cap_poison;
} ParseState;

/* After an error the parse goes on at the next line, up to this many. */
#define PARSE_MAX_ERRORS 20

/* Records an error in the statement defining `name` (may be NULL): later
 * uses of the name are not reported again. 1 when the parse must stop. */
int ps_failed(ParseState *ps, const char *name);

Loc ps_loc(ParseState *ps, int line, int col);
NumList *ps_numlist(ParseState *ps, NumList *l, Num n);
ArgList *ps_arglist(ParseState *ps, ArgList *l, Arg a);
int ps_number(ParseState *ps, const char *text, int is_int, Loc loc, Num *out);

/* parse_type.c: a declared type into t (0), or -1 after reporting. */
int ps_decl_type(ParseState *ps, TypeDecl *d, Type *t);
/* "f32[1,10]": element type and dims, no q(...). */
const char *ps_shape_str(const Type *t, char *buf, size_t size);

/* Statement builders: 0, or -1 after reporting. */
int ps_model(ParseState *ps, const char *name, Loc loc);
int ps_weights(ParseState *ps, const char *file, Loc loc);
int ps_calib(ParseState *ps, const char *file, Loc loc);
int ps_rounding(ParseState *ps, const char *name, Loc loc);
int ps_input(ParseState *ps, const char *name, Loc loc, TypeDecl *t);
int ps_const_ref(ParseState *ps, const char *name, Loc loc, TypeDecl *t,
	const char *ref, Loc refloc);
int ps_const_lit(ParseState *ps, const char *name, Loc loc, TypeDecl *t,
	NumList *lit);
int ps_node(ParseState *ps, const char *name, Loc loc, TypeDecl *t,
	Call *c, int is_output);
int ps_output(ParseState *ps, const char *name, Loc loc);

#endif
