// C glue of package z3: each helper makes one Z3 object, checks the error
// code and takes a reference, so that Go pays one cgo call per object.

#ifndef VSYNTH_Z3_GLUE_H
#define VSYNTH_Z3_GLUE_H

#include <stdint.h>
#include <z3.h>

// Operators of vs_app.
enum {
	VS_NOT = 1,
	VS_AND,
	VS_OR,
	VS_IMPLIES,
	VS_XOR,
	VS_EQ,
	VS_ITE,
	VS_BVNEG,
	VS_BVNOT,
	VS_BVADD,
	VS_BVSUB,
	VS_BVMUL,
	VS_BVUDIV,
	VS_BVSDIV,
	VS_BVUREM,
	VS_BVSREM,
	VS_BVAND,
	VS_BVOR,
	VS_BVXOR,
	VS_BVSHL,
	VS_BVLSHR,
	VS_BVASHR,
	VS_BVULT,
	VS_BVULE,
	VS_BVSLT,
	VS_BVSLE,
	VS_EXTRACT,
	VS_ZERO_EXT,
	VS_SIGN_EXT,
	VS_CONCAT,
	VS_SELECT,
	VS_STORE,
	VS_INT_ADD,
	VS_INT_SUB,
	VS_INT_MUL,
	VS_INT_NEG,
	VS_INT_DIV,
	VS_INT_MOD,
	VS_INT_LE,
	VS_INT_LT,
	VS_BV2NAT,
};

Z3_context vs_new_context(void);

// vs_app applies op to the n ASTs of args (i and j are the indices of
// extract and extensions) and returns the result with a reference taken,
// or NULL after a Z3 error.
Z3_ast vs_app(Z3_context c, int op, unsigned n, Z3_ast const *args, unsigned i, unsigned j);
// vs_app1 and vs_app2 are vs_app for one and two operands without an array.
Z3_ast vs_app1(Z3_context c, int op, Z3_ast a, unsigned i, unsigned j);
Z3_ast vs_app2(Z3_context c, int op, Z3_ast a, Z3_ast b);

Z3_ast vs_bool_sort(Z3_context c);
Z3_ast vs_int_sort(Z3_context c);
Z3_ast vs_bv_sort(Z3_context c, unsigned w);
Z3_ast vs_array_sort(Z3_context c, Z3_ast index, Z3_ast elem);
Z3_ast vs_const(Z3_context c, char const *name, Z3_ast sort);
Z3_ast vs_bool_val(Z3_context c, int b);
Z3_ast vs_const_array(Z3_context c, Z3_ast index, Z3_ast v);
Z3_ast vs_lambda(Z3_context c, Z3_ast bound, Z3_ast body);
Z3_ast vs_numeral(Z3_context c, char const *digits, Z3_ast sort);
Z3_ast vs_quantifier(Z3_context c, int forall, unsigned n, Z3_ast const *bound, Z3_ast body);

// vs_set_limits sets the timeout (ms, UINT32_MAX for none) and rlimit (0
// for none) of a solver; it returns the Z3 error code.
int vs_set_limits(Z3_context c, Z3_solver s, unsigned timeout, unsigned rlimit);

// vs_eval evaluates a under m with model completion into *out (with a
// reference taken); it returns 0 when the evaluation failed.
int vs_eval(Z3_context c, Z3_model m, Z3_ast a, Z3_ast *out);

#endif
