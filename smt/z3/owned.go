//go:build cgo

package z3

import "github.com/vsynth/vsynth/smt"

// Linked reports whether this build calls libz3 in-process (with cgo);
// without cgo, package z3 drives a z3 process (nocgo.go).
const Linked = true

// NewStandaloneSolver starts a bit-vector solver (NewBitVecSolver) on a
// context of its own; closing the solver closes the context.
func NewStandaloneSolver() (smt.Solver, error) {
	ctx, err := NewContext()
	if err != nil {
		return nil, err
	}
	s, err := ctx.NewBitVecSolver()
	if err != nil {
		ctx.Close()
		return nil, err
	}
	return &standalone{Solver: s, ctx: ctx}, nil
}

// standalone closes its context with the solver.
type standalone struct {
	*Solver
	ctx *Context
}

func (s *standalone) Close() error {
	err := s.Solver.Close()
	if cerr := s.ctx.Close(); err == nil {
		err = cerr
	}
	return err
}

// ResourceCount is the resource units the solver's context has spent
// (Context.ResourceCount).
func (s *standalone) ResourceCount() (uint64, error) { return s.ctx.ResourceCount() }
