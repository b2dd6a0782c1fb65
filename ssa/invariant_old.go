package ssa

import (
	"go/ast"
	"go/types"

	"github.com/vsynth/vsynth/smt"
	"github.com/vsynth/vsynth/specs"
)

// old(E) in a loop invariant is E evaluated in the state on entry to the
// function the loop is in: memory is read as it was on entry, and the
// function's parameters (receiver included) denote their values on
// entry. Other variables have no value on entry: they denote their
// current values (old(a[i]) is the element a held at the current i on
// entry). So that the replay program can evaluate it exactly from deep
// copies of the parameters made on entry (confirm_old.go), E must have a
// type without pointers, and the other variables it mentions too: all the
// memory E reads is then reached from the parameters.

// oldValues sets up old(...) for the clauses of spec lowered by sl, whose
// parameters have the current values locals.
func (f *frame) oldValues(sl *specLowering, spec *specs.Loop, locals []*smt.Term) error {
	sl.old = make([]*smt.Term, len(locals))
	sl.oldLocal = make([]bool, len(locals))
	for i, v := range spec.Locals {
		sl.old[i], sl.oldLocal[i] = locals[i], true
		for _, p := range f.fn.Params {
			if p.Object() == v {
				t, err := f.valueIn(f.root, p)
				if err != nil {
					return err
				}
				sl.old[i], sl.oldLocal[i] = t, false
			}
		}
	}
	return nil
}

// oldInInvariant lowers old(E) in a loop invariant.
func (s *specLowering) oldInInvariant(e *ast.CallExpr) (*smt.Term, *smt.Term, error) {
	if s.inOld {
		return nil, nil, unsupported(e.Pos(), "old(...) inside old(...)")
	}
	if t := s.info().Types[e.Args[0]].Type; t == nil || hasPointers(t) {
		return nil, nil, unsupported(e.Pos(), "old(...) of a value with pointers in a loop invariant (old of its elements or fields works)")
	}
	savedMem, savedParams, wrote := s.mem, s.params, s.wrote
	s.mem, s.params, s.inOld = s.pre, s.old, true
	defer func() { s.mem, s.params, s.inOld = savedMem, savedParams, false }()
	v, d, err := s.expr(e.Args[0])
	if err == nil && s.wrote != wrote {
		return nil, nil, unsupported(e.Pos(), "old(...) of a call that writes memory in a loop invariant")
	}
	return v, d, err
}

// oldLocalUse rejects, inside old(...) in an invariant, a variable that
// is not a parameter of the function and holds pointers: it has no value
// on entry, and memory read through it need not be reached from the
// parameters.
func (s *specLowering) oldLocalUse(id *ast.Ident, v *types.Var, i int) error {
	if !s.inOld || i >= len(s.oldLocal) || !s.oldLocal[i] || !hasPointers(v.Type()) {
		return nil
	}
	return unsupported(id.Pos(), "variable %s with pointers inside old(...) in a loop invariant (only the function's parameters have values on entry)", id.Name)
}
