/* parser.y - the grammar of the `.g` language (see docs/g-language.md).
 *
 * A pure (reentrant) parser with locations. Each statement is handed to a
 * builder in parse.c as soon as it is complete, so the graph grows in source
 * order. After an error, syntactic or semantic, the parse goes on at the
 * next line so that one run reports every independent error (up to
 * PARSE_MAX_ERRORS); a name whose definition failed is remembered, so its
 * uses are not reported again.
 */
%code requires {
#include "parse.h"
}

%code {
#include <stdio.h>
#include <string.h>

int g_lex(YYSTYPE *lval, YYLTYPE *lloc, void *scanner);
struct LexState *g_get_extra(void *scanner);
#define yylex g_lex
void yyerror(YYLTYPE *l, void *scanner, ParseState *ps, const char *msg);

#define LOC(l) ps_loc(ps, (l).first_line, (l).first_column)
/* An error inside a statement: its builder will not run. */
#define TRY(call) do { if ((call) != 0) ps->stmt_failed = 1; } while (0)
/* A whole statement defining `name`, built unless it already failed. */
#define STMT(name, call) do { \
	if ((ps->stmt_failed || (call) != 0) && ps_failed(ps, (name))) \
		YYABORT; \
} while (0)
}

%define api.pure full
%define parse.error custom
%define parse.lac full
%locations
%lex-param {void *scanner}
%parse-param {void *scanner} {ParseState *ps}

%union {
	char *str;
	Num num;
	NumList *nums;
	Val val;
	Arg arg;
	ArgList *args;
	TypeDecl *type;
	Call *call;
}

%token <str> IDENT "a name"
%token <str> INT "an integer"
%token <str> FLOAT "a number"
%token <str> STRING "a string"
%token <str> REF "a tensor reference"
%token NL "end of line"
%token KW_MODEL "'model'"
%token KW_WEIGHTS "'weights'"
%token KW_CALIB "'calib'"
%token KW_ROUNDING "'rounding'"
%token KW_INPUT "'input'"
%token KW_CONST "'const'"
%token KW_OUTPUT "'output'"
%token BADCHAR "a stray character"
%token BADSTRING "a string with a bad escape"
%token UNTERMINATED "an unterminated string"

%type <num> number
%type <nums> numbers numbers_opt list dims_opt
%type <val> value
%type <arg> arg
%type <args> args args_opt
%type <type> type type_opt
%type <call> call

%%

file
	: %empty
	| file line
	;

line
	: NL
	| stmt NL
		{ ps->stmt_failed = 0; }
	| error NL
		{
			if (ps->stop)
				YYABORT;
			yyerrok;
			ps->stmt_failed = 0;
		}
	;

stmt
	: KW_MODEL IDENT
		{ STMT(NULL, ps_model(ps, $2, LOC(@2))); }
	| KW_WEIGHTS STRING
		{ STMT(NULL, ps_weights(ps, $2, LOC(@2))); }
	| KW_CALIB STRING
		{ STMT(NULL, ps_calib(ps, $2, LOC(@2))); }
	| KW_ROUNDING IDENT
		{ STMT(NULL, ps_rounding(ps, $2, LOC(@2))); }
	| KW_INPUT IDENT ':' type
		{ STMT($2, ps_input(ps, $2, LOC(@2), $4)); }
	| KW_CONST IDENT ':' type '=' REF
		{ STMT($2, ps_const_ref(ps, $2, LOC(@2), $4, $6, LOC(@6))); }
	| KW_CONST IDENT ':' type '=' list
		{ STMT($2, ps_const_lit(ps, $2, LOC(@2), $4, $6)); }
	| KW_OUTPUT IDENT
		{ STMT(NULL, ps_output(ps, $2, LOC(@2))); }
	| KW_OUTPUT IDENT type_opt '=' call
		{ STMT($2, ps_node(ps, $2, LOC(@2), $3, $5, 1)); }
	| IDENT type_opt '=' call
		{ STMT($1, ps_node(ps, $1, LOC(@1), $2, $4, 0)); }
	;

type_opt
	: %empty      { $$ = NULL; }
	| ':' type    { $$ = $2; }
	;

type
	: IDENT '[' dims_opt ']'
		{
			$$ = arena_alloc(&ps->arena, sizeof *$$);
			$$->elem = $1;
			$$->loc = LOC(@1);
			$$->dims = $3;
		}
	| IDENT '[' dims_opt ']' IDENT '(' args_opt ')'
		{
			if (strcmp($5, "q") != 0) {
				diag_error(LOC(@5), "expected 'q(...)' or the end of "
					"the type but found '%s'", $5);
				ps->stmt_failed = 1;
			}
			$$ = arena_alloc(&ps->arena, sizeof *$$);
			$$->elem = $1;
			$$->loc = LOC(@1);
			$$->dims = $3;
			$$->has_q = 1;
			$$->qargs = $7;
			$$->qloc = LOC(@5);
		}
	;

dims_opt
	: numbers_opt
	;

call
	: IDENT '(' args_opt ')'
		{
			$$ = arena_alloc(&ps->arena, sizeof *$$);
			$$->op = $1;
			$$->loc = LOC(@1);
			$$->args = $3;
		}
	;

args_opt
	: %empty      { $$ = ps_arglist(ps, NULL, (Arg){0}); }
	| args
	;

args
	: arg              { $$ = ps_arglist(ps, NULL, $1); }
	| args ',' arg     { $$ = ps_arglist(ps, $1, $3); }
	;

arg
	: IDENT
		{ $$ = (Arg){.ident = $1, .loc = LOC(@1)}; }
	| IDENT '=' value
		{ $$ = (Arg){.name = $1, .val = $3, .loc = LOC(@1)}; }
	;

value
	: INT
		{
			$$ = (Val){.kind = V_NUM, .loc = LOC(@1)};
			TRY(ps_number(ps, $1, 1, LOC(@1), &$$.num));
		}
	| FLOAT
		{
			$$ = (Val){.kind = V_NUM, .loc = LOC(@1)};
			TRY(ps_number(ps, $1, 0, LOC(@1), &$$.num));
		}
	| list
		{ $$ = (Val){.kind = V_LIST, .list = $1, .loc = $1->loc}; }
	| IDENT
		{ $$ = (Val){.kind = V_IDENT, .s = $1, .loc = LOC(@1)}; }
	| STRING
		{ $$ = (Val){.kind = V_STR, .s = $1, .loc = LOC(@1)}; }
	;

list
	: '[' numbers_opt ']'
		{ $$ = $2; $$->loc = LOC(@1); }
	;

numbers_opt
	: %empty      { $$ = ps_numlist(ps, NULL, (Num){0}); }
	| numbers
	;

numbers
	: number               { $$ = ps_numlist(ps, NULL, $1); }
	| numbers ',' number   { $$ = ps_numlist(ps, $1, $3); }
	;

number
	: INT     { TRY(ps_number(ps, $1, 1, LOC(@1), &$$)); }
	| FLOAT   { TRY(ps_number(ps, $1, 0, LOC(@1), &$$)); }
	| IDENT   { TRY(ps_number(ps, $1, 0, LOC(@1), &$$)); }
	;

%%

/* `expected ')' but found 'foo'`, naming at most four expected tokens. */
static void report_syntax_error(const yypcontext_t *ctx, void *scanner,
	ParseState *ps)
{
	struct LexState *ls = g_get_extra(scanner);
	Loc loc = LOC(*yypcontext_location(ctx));
	yysymbol_kind_t found = yypcontext_token(ctx);
	char what[96];

	switch (found) {
	case YYSYMBOL_YYEOF:
		snprintf(what, sizeof what, "end of file");
		break;
	case YYSYMBOL_NL:
		snprintf(what, sizeof what, "end of line");
		break;
	case YYSYMBOL_BADCHAR: {
		unsigned char c = (unsigned char)ls->last[0];
		if (c >= 0x20 && c < 0x7f)
			diag_error(loc, "unexpected character '%c'", c);
		else
			diag_error(loc, "unexpected byte 0x%02x", c);
		return;
	}
	case YYSYMBOL_BADSTRING:
		diag_error(loc, "bad escape in string; only \\\" \\\\ \\n and "
			"\\t are allowed");
		return;
	case YYSYMBOL_UNTERMINATED:
		diag_error(loc, "unterminated string");
		return;
	default:
		snprintf(what, sizeof what, "'%s'", ls->last);
		break;
	}

	yysymbol_kind_t exp[5];
	int n = yypcontext_expected_tokens(ctx, exp, 5);
	if (n <= 0 || n > 4) {
		diag_error(loc, "unexpected %s", what);
		return;
	}
	char list[256] = "";
	size_t k = 0;
	for (int i = 0; i < n && k < sizeof list; i++) {
		const char *sep = i == 0 ? "" : i == n - 1 ? " or " : ", ";
		k += snprintf(list + k, sizeof list - k, "%s%s", sep,
			yysymbol_name(exp[i]));
	}
	diag_error(loc, "expected %s but found %s", list, what);
}

/* Reports the error and poisons the line's name; the parse stops (at the
 * line's end) once there are too many. */
static int yyreport_syntax_error(const yypcontext_t *ctx, void *scanner,
	ParseState *ps)
{
	report_syntax_error(ctx, scanner, ps);
	ps->stop = ps_failed(ps, g_get_extra(scanner)->line_name);
	return 0;
}
