package ssa

import (
	"go/ast"
	"go/token"

	"github.com/vsynth/vsynth/smt"
)

// Maps in specs: m[k] (the zero value when k is absent, as in Go),
// len(m), has(m, k) (specs.HasName: k is present), and m == nil, read in
// the memory the clause is evaluated in; old(m[k]) and old(len(m)) read
// the entry memory. None of them panics. The keys a clause uses outside
// quantifiers join the lowering's accesses, for the length lemmas and
// for counterexamples (maps.go).

// mapIndex lowers m[k] in a spec.
func (s *specLowering) mapIndex(e *ast.IndexExpr) (*smt.Term, *smt.Term, error) {
	mt, a, k, d, err := s.mapAndKey(e.X, e.Index, e.Pos())
	if err != nil {
		return nil, nil, err
	}
	v, _ := s.l.mapLookup(s.mem, mt, a, k)
	return v, d, nil
}

// hasCall lowers has(m, k).
func (s *specLowering) hasCall(e *ast.CallExpr) (*smt.Term, *smt.Term, error) {
	if len(e.Args) != 2 {
		return nil, nil, unsupported(e.Pos(), "has takes a map and a key")
	}
	mt, a, k, d, err := s.mapAndKey(e.Args[0], e.Args[1], e.Pos())
	if err != nil {
		return nil, nil, err
	}
	_, ok := s.l.mapLookup(s.mem, mt, a, k)
	return ok, d, nil
}

// mapLen lowers len(m) in a spec.
func (s *specLowering) mapLen(e *ast.CallExpr) (*smt.Term, *smt.Term, error) {
	a, d, err := s.expr(e.Args[0])
	if err != nil {
		return nil, nil, err
	}
	return s.l.mapLen(s.mem, a), d, nil
}

// mapAndKey lowers a map and a key of it.
func (s *specLowering) mapAndKey(m, key ast.Expr, pos token.Pos) (*mapType, *smt.Term, *smt.Term, *smt.Term, error) {
	mt, err := mapTypeOf(s.info().Types[m].Type)
	if err != nil {
		return nil, nil, nil, nil, unsupported(pos, "%v", err)
	}
	a, da, err := s.expr(m)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	k, dk, err := s.expr(key)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	if it, ok := intTypeOf(mt.keyT); ok && k.Sort().IsBitVec() && k.Sort().Width() != it.width {
		// An untyped constant key lowered at int: Go converts it to the key type.
		k = convert(k, intType{k.Sort().Width(), true}, it)
	}
	return mt, a, k, smt.And(da, dk), nil
}
