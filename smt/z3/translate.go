package z3

// #include "glue.h"
import "C"

import (
	"fmt"

	"github.com/vsynth/vsynth/smt"
)

// Translate translates t into an expression of the context's root scope.
func (c *Context) Translate(t *smt.Term) (Expr, error) { return c.root.Translate(t) }

// Translate translates t into an expression owned by s: a Bool for a
// formula, a BitVec for a bit-vector term, an Array for an array term.
//
// A variable becomes the Z3 constant of its name and sort, so variables of
// the same name and sort are one constant. A quantifier becomes a Z3
// quantifier over the constants of its bound variables
// (Z3_mk_forall_const), which abstracts their occurrences in its body and
// only there: a bound variable may share its name, and even its *smt.Term,
// with a free one. Shared subterms are translated once.
func (s *Scope) Translate(t *smt.Term) (Expr, error) {
	s.mustBeOpen()
	a, err := s.translate(t)
	if err != nil {
		return nil, err
	}
	return s.wrap(a, t.Sort()), nil
}

func (s *Scope) wrap(a C.Z3_ast, sort smt.Sort) Expr {
	switch {
	case sort.IsBool():
		return Bool{expr{s, a}}
	case sort.IsArray():
		return Array{expr{s, a}, sort}
	}
	return BitVec{expr{s, a}, sort.Width()}
}

// translate translates t into an AST owned by s.
func (s *Scope) translate(t *smt.Term) (C.Z3_ast, error) {
	tr := translator{s: s, memo: make(map[*smt.Term]C.Z3_ast)}
	return tr.term(t)
}

// translator translates one term. Because a variable translates to the same
// constant wherever it occurs and quantifiers abstract their constants
// themselves, the translation of a subterm does not depend on where it
// occurs, and memoizing by pointer is sound.
type translator struct {
	s    *Scope
	memo map[*smt.Term]C.Z3_ast
}

// opCodes maps the operators of package smt to those of the glue.
var opCodes = [...]C.int{
	smt.OpNot: C.VS_NOT, smt.OpAnd: C.VS_AND, smt.OpOr: C.VS_OR, smt.OpImplies: C.VS_IMPLIES,
	smt.OpXor: C.VS_XOR, smt.OpEq: C.VS_EQ, smt.OpIte: C.VS_ITE,
	smt.OpBVNeg: C.VS_BVNEG, smt.OpBVNot: C.VS_BVNOT, smt.OpBVAdd: C.VS_BVADD,
	smt.OpBVSub: C.VS_BVSUB, smt.OpBVMul: C.VS_BVMUL, smt.OpBVUDiv: C.VS_BVUDIV,
	smt.OpBVSDiv: C.VS_BVSDIV, smt.OpBVURem: C.VS_BVUREM, smt.OpBVSRem: C.VS_BVSREM,
	smt.OpBVAnd: C.VS_BVAND, smt.OpBVOr: C.VS_BVOR, smt.OpBVXor: C.VS_BVXOR,
	smt.OpBVShl: C.VS_BVSHL, smt.OpBVLShr: C.VS_BVLSHR, smt.OpBVAShr: C.VS_BVASHR,
	smt.OpBVUlt: C.VS_BVULT, smt.OpBVUle: C.VS_BVULE, smt.OpBVSlt: C.VS_BVSLT,
	smt.OpBVSle: C.VS_BVSLE, smt.OpExtract: C.VS_EXTRACT, smt.OpZeroExt: C.VS_ZERO_EXT,
	smt.OpSignExt: C.VS_SIGN_EXT, smt.OpConcat: C.VS_CONCAT,
	smt.OpForall: 0, smt.OpExists: 0,
	smt.OpSelect: C.VS_SELECT, smt.OpStore: C.VS_STORE,
	smt.OpIntAdd: C.VS_INT_ADD, smt.OpIntSub: C.VS_INT_SUB, smt.OpIntMul: C.VS_INT_MUL,
	smt.OpIntNeg: C.VS_INT_NEG, smt.OpIntDiv: C.VS_INT_DIV, smt.OpIntMod: C.VS_INT_MOD,
	smt.OpIntLe: C.VS_INT_LE, smt.OpIntLt: C.VS_INT_LT, smt.OpBV2Nat: C.VS_BV2NAT,
}

func (tr *translator) term(t *smt.Term) (C.Z3_ast, error) {
	if a, ok := tr.memo[t]; ok {
		return a, nil
	}
	a, err := tr.build(t)
	if err != nil {
		return nil, err
	}
	tr.memo[t] = a
	return a, nil
}

func (tr *translator) sort(s smt.Sort) C.Z3_ast { return tr.s.ctx.sort(s) }

func (tr *translator) build(t *smt.Term) (C.Z3_ast, error) {
	s := tr.s
	c := s.ctx.c
	switch op := t.Op(); op {
	case smt.OpVar:
		return s.mkConst(t.Name(), tr.sort(t.Sort()))
	case smt.OpConst:
		if t.Sort().IsBool() {
			v := C.int(0)
			if t.BoolValue() {
				v = 1
			}
			return s.keep(C.vs_bool_val(c, v), "bool value")
		}
		if t.Sort().IsInt() {
			return s.mkIntNumeral(t.Value())
		}
		return s.mkNumeral(t.Value(), t.Sort().Width())
	case smt.OpForall, smt.OpExists:
		return tr.quantifier(t)
	case smt.OpLambda:
		x, err := tr.term(t.Bound()[0])
		if err != nil {
			return nil, err
		}
		body, err := tr.term(t.Args()[0])
		if err != nil {
			return nil, err
		}
		return s.keep(C.vs_lambda(c, x, body), "lambda")
	case smt.OpConstArray:
		v, err := tr.term(t.Args()[0])
		if err != nil {
			return nil, err
		}
		return s.keep(C.vs_const_array(c, tr.sort(t.Sort().Index()), v), "const array")
	default:
		if int(op) >= len(opCodes) || opCodes[op] == 0 {
			return nil, fmt.Errorf("z3: cannot translate operator %s", op)
		}
		args := make([]C.Z3_ast, len(t.Args()))
		for i, u := range t.Args() {
			a, err := tr.term(u)
			if err != nil {
				return nil, err
			}
			args[i] = a
		}
		var i, j int
		switch op {
		case smt.OpExtract:
			i, j = t.ExtractBits()
		case smt.OpZeroExt, smt.OpSignExt:
			i = t.ExtendBy()
		}
		return s.keep(C.vs_app(c, opCodes[op], C.uint(len(args)), &args[0], C.uint(i), C.uint(j)), op.String())
	}
}

func (tr *translator) quantifier(t *smt.Term) (C.Z3_ast, error) {
	var bound []C.Z3_ast
	vars := t.Bound()
	for i, v := range vars {
		dup := false
		for _, w := range vars[:i] {
			if w.Name() == v.Name() {
				if w.Sort() != v.Sort() {
					return nil, fmt.Errorf("z3: %s binds %s at sorts %s and %s", t.Op(), v.Name(), w.Sort(), v.Sort())
				}
				dup = true
			}
		}
		if dup {
			continue
		}
		a, err := tr.term(v)
		if err != nil {
			return nil, err
		}
		bound = append(bound, a)
	}
	body, err := tr.term(t.Args()[0])
	if err != nil {
		return nil, err
	}
	forall := C.int(0)
	if t.Op() == smt.OpForall {
		forall = 1
	}
	return tr.s.keep(C.vs_quantifier(tr.s.ctx.c, forall, C.uint(len(bound)), &bound[0], body), t.Op().String())
}
