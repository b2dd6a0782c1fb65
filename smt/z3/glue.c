#include <stdlib.h>
#include "glue.h"

// on_error is the error handler of every context: it does nothing, so
// that a Z3 error never aborts the process. Z3 records the code and the
// message in the context before calling the handler; the Go side reads them
// with Z3_get_error_code and Z3_get_error_msg after each call that can fail.
static void on_error(Z3_context c, Z3_error_code e) {
	(void)c;
	(void)e;
}

Z3_context vs_new_context(void) {
	Z3_config cfg = Z3_mk_config();
	if (cfg == NULL) {
		return NULL;
	}
	Z3_context c = Z3_mk_context_rc(cfg);
	Z3_del_config(cfg);
	if (c != NULL) {
		Z3_set_error_handler(c, on_error);
	}
	return c;
}

static Z3_ast keep(Z3_context c, Z3_ast a) {
	if (Z3_get_error_code(c) != Z3_OK || a == NULL) {
		return NULL;
	}
	Z3_inc_ref(c, a);
	return a;
}

Z3_ast vs_app(Z3_context c, int op, unsigned n, Z3_ast const *args, unsigned i, unsigned j) {
	Z3_ast r = NULL;
	switch (op) {
	case VS_NOT: r = Z3_mk_not(c, args[0]); break;
	case VS_AND: r = Z3_mk_and(c, n, args); break;
	case VS_OR: r = Z3_mk_or(c, n, args); break;
	case VS_IMPLIES: r = Z3_mk_implies(c, args[0], args[1]); break;
	case VS_XOR: r = Z3_mk_xor(c, args[0], args[1]); break;
	case VS_EQ: r = Z3_mk_eq(c, args[0], args[1]); break;
	case VS_ITE: r = Z3_mk_ite(c, args[0], args[1], args[2]); break;
	case VS_BVNEG: r = Z3_mk_bvneg(c, args[0]); break;
	case VS_INT_ADD: r = Z3_mk_add(c, n, args); break;
	case VS_INT_SUB: r = Z3_mk_sub(c, n, args); break;
	case VS_INT_MUL: r = Z3_mk_mul(c, n, args); break;
	case VS_INT_NEG: r = Z3_mk_unary_minus(c, args[0]); break;
	case VS_INT_DIV: r = Z3_mk_div(c, args[0], args[1]); break;
	case VS_INT_MOD: r = Z3_mk_mod(c, args[0], args[1]); break;
	case VS_INT_LE: r = Z3_mk_le(c, args[0], args[1]); break;
	case VS_INT_LT: r = Z3_mk_lt(c, args[0], args[1]); break;
	case VS_BV2NAT: r = Z3_mk_bv2int(c, args[0], false); break;
	case VS_BVNOT: r = Z3_mk_bvnot(c, args[0]); break;
	case VS_BVADD: r = Z3_mk_bvadd(c, args[0], args[1]); break;
	case VS_BVSUB: r = Z3_mk_bvsub(c, args[0], args[1]); break;
	case VS_BVMUL: r = Z3_mk_bvmul(c, args[0], args[1]); break;
	case VS_BVUDIV: r = Z3_mk_bvudiv(c, args[0], args[1]); break;
	case VS_BVSDIV: r = Z3_mk_bvsdiv(c, args[0], args[1]); break;
	case VS_BVUREM: r = Z3_mk_bvurem(c, args[0], args[1]); break;
	case VS_BVSREM: r = Z3_mk_bvsrem(c, args[0], args[1]); break;
	case VS_BVAND: r = Z3_mk_bvand(c, args[0], args[1]); break;
	case VS_BVOR: r = Z3_mk_bvor(c, args[0], args[1]); break;
	case VS_BVXOR: r = Z3_mk_bvxor(c, args[0], args[1]); break;
	case VS_BVSHL: r = Z3_mk_bvshl(c, args[0], args[1]); break;
	case VS_BVLSHR: r = Z3_mk_bvlshr(c, args[0], args[1]); break;
	case VS_BVASHR: r = Z3_mk_bvashr(c, args[0], args[1]); break;
	case VS_BVULT: r = Z3_mk_bvult(c, args[0], args[1]); break;
	case VS_BVULE: r = Z3_mk_bvule(c, args[0], args[1]); break;
	case VS_BVSLT: r = Z3_mk_bvslt(c, args[0], args[1]); break;
	case VS_BVSLE: r = Z3_mk_bvsle(c, args[0], args[1]); break;
	case VS_EXTRACT: r = Z3_mk_extract(c, i, j, args[0]); break;
	case VS_ZERO_EXT: r = Z3_mk_zero_ext(c, i, args[0]); break;
	case VS_SIGN_EXT: r = Z3_mk_sign_ext(c, i, args[0]); break;
	case VS_CONCAT: r = Z3_mk_concat(c, args[0], args[1]); break;
	case VS_SELECT: r = Z3_mk_select(c, args[0], args[1]); break;
	case VS_STORE: r = Z3_mk_store(c, args[0], args[1], args[2]); break;
	default: return NULL;
	}
	return keep(c, r);
}

Z3_ast vs_app1(Z3_context c, int op, Z3_ast a, unsigned i, unsigned j) {
	return vs_app(c, op, 1, &a, i, j);
}

Z3_ast vs_app2(Z3_context c, int op, Z3_ast a, Z3_ast b) {
	Z3_ast args[2] = {a, b};
	return vs_app(c, op, 2, args, 0, 0);
}

Z3_ast vs_bool_sort(Z3_context c) {
	Z3_sort s = Z3_mk_bool_sort(c);
	return keep(c, Z3_sort_to_ast(c, s));
}

Z3_ast vs_int_sort(Z3_context c) {
	Z3_sort s = Z3_mk_int_sort(c);
	return keep(c, Z3_sort_to_ast(c, s));
}

Z3_ast vs_bv_sort(Z3_context c, unsigned w) {
	Z3_sort s = Z3_mk_bv_sort(c, w);
	if (Z3_get_error_code(c) != Z3_OK) {
		return NULL;
	}
	return keep(c, Z3_sort_to_ast(c, s));
}

Z3_ast vs_const_array(Z3_context c, Z3_ast index, Z3_ast v) {
	Z3_ast a = Z3_mk_const_array(c, (Z3_sort)index, v);
	if (Z3_get_error_code(c) != Z3_OK) {
		return NULL;
	}
	return keep(c, a);
}

Z3_ast vs_lambda(Z3_context c, Z3_ast bound, Z3_ast body) {
	Z3_app app = Z3_to_app(c, bound);
	Z3_ast r = Z3_mk_lambda_const(c, 1, &app, body);
	if (Z3_get_error_code(c) != Z3_OK) {
		return NULL;
	}
	return keep(c, r);
}

Z3_ast vs_array_sort(Z3_context c, Z3_ast index, Z3_ast elem) {
	Z3_sort s = Z3_mk_array_sort(c, (Z3_sort)index, (Z3_sort)elem);
	if (Z3_get_error_code(c) != Z3_OK) {
		return NULL;
	}
	return keep(c, Z3_sort_to_ast(c, s));
}

Z3_ast vs_const(Z3_context c, char const *name, Z3_ast sort) {
	Z3_symbol sym = Z3_mk_string_symbol(c, name);
	return keep(c, Z3_mk_const(c, sym, (Z3_sort)sort));
}

Z3_ast vs_bool_val(Z3_context c, int b) {
	return keep(c, b ? Z3_mk_true(c) : Z3_mk_false(c));
}

Z3_ast vs_numeral(Z3_context c, char const *digits, Z3_ast sort) {
	return keep(c, Z3_mk_numeral(c, digits, (Z3_sort)sort));
}

Z3_ast vs_quantifier(Z3_context c, int forall, unsigned n, Z3_ast const *bound, Z3_ast body) {
	Z3_app *apps = malloc(n * sizeof(Z3_app));
	if (apps == NULL) {
		return NULL;
	}
	for (unsigned k = 0; k < n; k++) {
		apps[k] = Z3_to_app(c, bound[k]);
	}
	Z3_ast r = forall ? Z3_mk_forall_const(c, 0, n, apps, 0, NULL, body)
	                  : Z3_mk_exists_const(c, 0, n, apps, 0, NULL, body);
	free(apps);
	return keep(c, r);
}

int vs_set_limits(Z3_context c, Z3_solver s, unsigned timeout, unsigned rlimit) {
	Z3_params p = Z3_mk_params(c);
	Z3_params_inc_ref(c, p);
	Z3_params_set_uint(c, p, Z3_mk_string_symbol(c, "timeout"), timeout);
	Z3_params_set_uint(c, p, Z3_mk_string_symbol(c, "rlimit"), rlimit);
	int code = Z3_get_error_code(c);
	if (code == Z3_OK) {
		Z3_solver_set_params(c, s, p);
		code = Z3_get_error_code(c);
	}
	Z3_params_dec_ref(c, p);
	return code;
}

int vs_eval(Z3_context c, Z3_model m, Z3_ast a, Z3_ast *out) {
	Z3_ast r = NULL;
	if (!Z3_model_eval(c, m, a, true, &r) || r == NULL) {
		return 0;
	}
	*out = keep(c, r);
	return *out != NULL;
}
