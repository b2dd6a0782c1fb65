package ssa

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/vsynth/vsynth/smt"
)

// ifaceBinary lowers == and != of two interface values in a spec (x ==
// nil is spec_heap.go's nilCompare). Comparing values of an
// uncomparable dynamic type panics: the clause is then not well defined.
func (s *specLowering) ifaceBinary(e *ast.BinaryExpr, x, y *smt.Term, xt, yt types.Type, d *smt.Term) (*smt.Term, *smt.Term, error) {
	if !isInterface(xt) || !isInterface(yt) {
		return nil, nil, unsupported(e.OpPos, "comparison of an interface with a value of type %s in a spec", yt)
	}
	if e.Op != token.EQL && e.Op != token.NEQ {
		return nil, nil, unsupported(e.OpPos, "operator %s on interfaces", e.Op)
	}
	eq, hz, err := s.l.ifaceEqual(x, y, xt, yt, e.OpPos, func(a, b *smt.Term) *smt.Term { return s.l.stringsEqual(s.mem, a, b, s.quantified == 0) })
	if err != nil {
		return nil, nil, err
	}
	for _, h := range hz {
		d = smt.And(d, smt.Not(h.when))
	}
	if e.Op == token.NEQ {
		eq = smt.Not(eq)
	}
	return eq, d, nil
}
