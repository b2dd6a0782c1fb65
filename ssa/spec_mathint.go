package ssa

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"math/big"

	"golang.org/x/tools/go/packages"

	"github.com/vsynth/vsynth/smt"
	"github.com/vsynth/vsynth/specs"
)

// Mathematical integers in clauses (specs.MathIntName). An expression of
// type mathint is lowered to the solver's integers (smt.IntSort), where
// + - * never wrap; / and % truncate toward zero as Go's do, and a zero
// divisor makes the clause ill-defined, as in Go. mathint(x) of a Go
// integer is its value, signed or unsigned by x's type (smt.BV2Int pushes
// it through the arithmetic that computed x). A mathint value may only be
// computed with and compared: anywhere else (an index, an argument, a
// conversion back to a Go type, a quantified variable, old(...)) it is
// unsupported, named with its position, never lowered as the 64-bit int
// it is declared as for go/types.

// isMathInt reports whether e has type mathint.
func (s *specLowering) isMathInt(e ast.Expr) bool {
	tv, ok := s.info().Types[e]
	return ok && s.spec.IsMathInt(tv.Type)
}

// mathExpr lowers e, of type mathint, to an integer term and the
// condition under which it is defined.
func (s *specLowering) mathExpr(e ast.Expr) (*smt.Term, *smt.Term, error) {
	s.l.ints = true
	tv := s.info().Types[e]
	if tv.Value != nil {
		v, ok := new(big.Int).SetString(constant.ToInt(tv.Value).ExactString(), 10)
		if !ok {
			return nil, nil, unsupported(e.Pos(), "mathint constant %s", tv.Value)
		}
		return smt.Int(v), smt.True(), nil
	}
	switch e := e.(type) {
	case *ast.ParenExpr:
		return s.mathExpr(e.X)
	case *ast.UnaryExpr:
		x, d, err := s.mathExpr(e.X)
		if err != nil {
			return nil, nil, err
		}
		switch e.Op {
		case token.ADD:
			return x, d, nil
		case token.SUB:
			return smt.IntNeg(x), d, nil
		}
		return nil, nil, unsupported(e.OpPos, "operator %s on mathint", e.Op)
	case *ast.BinaryExpr:
		x, dx, err := s.mathExpr(e.X)
		if err != nil {
			return nil, nil, err
		}
		y, dy, err := s.mathExpr(e.Y)
		if err != nil {
			return nil, nil, err
		}
		d := smt.And(dx, dy)
		switch e.Op {
		case token.ADD:
			return smt.IntAdd(x, y), d, nil
		case token.SUB:
			return smt.IntSub(x, y), d, nil
		case token.MUL:
			return smt.IntMul(x, y), d, nil
		case token.QUO, token.REM:
			d = smt.And(d, smt.Not(smt.Eq(y, smt.IntInt64(0))))
			q := truncQuo(x, y)
			if e.Op == token.QUO {
				return q, d, nil
			}
			return smt.IntSub(x, smt.IntMul(y, q)), d, nil
		}
		return nil, nil, unsupported(e.OpPos, "operator %s on mathint", e.Op)
	case *ast.CallExpr:
		if tv := s.info().Types[e.Fun]; tv.IsType() && len(e.Args) == 1 {
			if s.isMathInt(e.Args[0]) {
				return s.mathExpr(e.Args[0])
			}
			from := specType(s.info().Types[e.Args[0]].Type)
			it, ok := intTypeOf(from)
			if !ok {
				return nil, nil, unsupported(e.Pos(), "conversion from %s to mathint", from)
			}
			x, d, err := s.expr(e.Args[0])
			if err != nil {
				return nil, nil, err
			}
			if it.signed {
				return smt.BV2Int(x), d, nil
			}
			return smt.BV2Nat(x), d, nil
		}
		if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok {
			if b, ok := s.info().Uses[id].(*types.Builtin); ok && (b.Name() == "min" || b.Name() == "max") {
				return s.mathMinMax(b.Name(), e.Args)
			}
		}
	}
	return nil, nil, unsupported(e.Pos(), "mathint value of a %s (only mathint(x), constants, + - * / %% and min, max compute one)", describeExpr(e))
}

// truncQuo is Go's quotient, truncated toward zero, from SMT-LIB's
// Euclidean div: for x >= 0 div rounds toward zero whatever y's sign, and
// -x / y == -(x / y).
func truncQuo(x, y *smt.Term) *smt.Term {
	return smt.Ite(smt.IntLe(smt.IntInt64(0), x), smt.IntDiv(x, y), smt.IntNeg(smt.IntDiv(smt.IntNeg(x), y)))
}

func (s *specLowering) mathMinMax(name string, args []ast.Expr) (*smt.Term, *smt.Term, error) {
	var r *smt.Term
	d := smt.True()
	for _, a := range args {
		v, dv, err := s.mathExpr(a)
		if err != nil {
			return nil, nil, err
		}
		d = smt.And(d, dv)
		switch {
		case r == nil:
			r = v
		case name == "min":
			r = smt.Ite(smt.IntLt(v, r), v, r)
		default:
			r = smt.Ite(smt.IntLt(r, v), v, r)
		}
	}
	return r, d, nil
}

// mathCompare lowers a comparison of two mathint values.
func (s *specLowering) mathCompare(e *ast.BinaryExpr) (*smt.Term, *smt.Term, error) {
	x, dx, err := s.mathExpr(e.X)
	if err != nil {
		return nil, nil, err
	}
	y, dy, err := s.mathExpr(e.Y)
	if err != nil {
		return nil, nil, err
	}
	d := smt.And(dx, dy)
	switch e.Op {
	case token.EQL:
		return smt.Eq(x, y), d, nil
	case token.NEQ:
		return smt.Not(smt.Eq(x, y)), d, nil
	case token.LSS:
		return smt.IntLt(x, y), d, nil
	case token.LEQ:
		return smt.IntLe(x, y), d, nil
	case token.GTR:
		return smt.IntLt(y, x), d, nil
	case token.GEQ:
		return smt.IntLe(y, x), d, nil
	}
	return nil, nil, unsupported(e.OpPos, "operator %s on mathint", e.Op)
}

// describeExpr names the kind of an expression for a message.
func describeExpr(e ast.Expr) string {
	switch e.(type) {
	case *ast.Ident:
		return "variable"
	case *ast.CallExpr:
		return "call"
	case *ast.IndexExpr:
		return "index expression"
	case *ast.SelectorExpr:
		return "selector"
	case *ast.BinaryExpr:
		return "binary expression"
	}
	return "expression"
}

// contractUsesMathInt reports whether a clause of tg's contract computes
// with mathint: the replay, which evaluates clauses in Go, cannot.
func contractUsesMathInt(tg *Target) bool {
	for _, c := range tg.Spec.Func.Clauses {
		if c.Expr == nil { // modifies nothing
			continue
		}
		if tg.Spec.UsesMathInt(c.Expr) {
			return true
		}
	}
	return false
}

// specMathInt reports whether mathint in pkg's clauses is the spec
// language's: the package declares no mathint of its own.
func specMathInt(pkg *packages.Package) bool {
	return pkg.Types == nil || pkg.Types.Scope().Lookup(specs.MathIntName) == nil
}

// bridgeLemmas states, for a query with mathematical integers, what each
// bit-vector comparison of the query means for the integer values of its
// operands: bvult(a, b) == (value(a) < value(b)), and so on. They are
// valid, and they let the solver carry the code's path conditions and
// bounds (bit vectors) into the clause's integer arithmetic, which Z3
// 4.8.12 does not do by itself through bv2nat (an `if y > x` before
// mathint(x - y) >= 0 times out without them, and is unsat at once with
// them). Comparisons under a binder are left alone: a lemma about a bound
// variable cannot be stated outside it.
func bridgeLemmas(q *smt.Term) *smt.Term {
	hasInt := false
	var preds []*smt.Term
	seen := map[*smt.Term]bool{}
	var walk func(t *smt.Term)
	walk = func(t *smt.Term) {
		if seen[t] {
			return
		}
		seen[t] = true
		switch t.Op() {
		case smt.OpForall, smt.OpExists, smt.OpLambda:
			return
		case smt.OpBVUlt, smt.OpBVUle, smt.OpBVSlt, smt.OpBVSle:
			preds = append(preds, t)
		}
		if t.Sort().IsInt() {
			hasInt = true
		}
		for _, a := range t.Args() {
			walk(a)
		}
	}
	walk(q)
	if !hasInt {
		return smt.True()
	}
	var lemmas []*smt.Term
	for _, p := range preds {
		a, b := p.Args()[0], p.Args()[1]
		var va, vb *smt.Term
		if p.Op() == smt.OpBVSlt || p.Op() == smt.OpBVSle {
			va, vb = smt.BV2Int(a), smt.BV2Int(b)
		} else {
			va, vb = smt.BV2Nat(a), smt.BV2Nat(b)
		}
		ip := smt.IntLt(va, vb)
		if p.Op() == smt.OpBVUle || p.Op() == smt.OpBVSle {
			ip = smt.IntLe(va, vb)
		}
		lemmas = append(lemmas, smt.Eq(p, ip))
	}
	return smt.And(lemmas...)
}
