package ssa

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/vsynth/vsynth/smt"
	"github.com/vsynth/vsynth/smt/z3"
)

// newTestSolver starts Z3 on a context the test closes.
func newTestSolver() (smt.Solver, error) { return newSolverOfKind(true) }

// newSolverOfKind starts Z3's qfbv tactic solver, or its general solver.
func newSolverOfKind(qfbv bool) (smt.Solver, error) {
	ctx, err := z3.NewContext()
	if err != nil {
		return nil, err
	}
	var s *z3.Solver
	if qfbv {
		s, err = ctx.NewBitVecSolver()
	} else {
		s, err = ctx.NewSolver()
	}
	if err != nil {
		ctx.Close()
		return nil, err
	}
	return closingSolver{s, ctx}, nil
}

type closingSolver struct {
	*z3.Solver
	ctx *z3.Context
}

func (s closingSolver) Close() error {
	s.Solver.Close()
	return s.ctx.Close()
}

// proveDir loads and proves every package under dir.
func proveDir(t *testing.T, dir string, patterns ...string) (*Program, []*FuncResult) {
	t.Helper()
	prog, err := Load(LoadConfig{Dir: dir}, patterns)
	if err != nil {
		t.Fatalf("load %s: %v", dir, err)
	}
	if len(prog.Targets) == 0 {
		t.Fatalf("load %s: no functions with specs", dir)
	}
	opts := Options{Limits: smt.Limits{Timeout: 20 * time.Second}, NewSolver: newTestSolver}
	results, err := prog.Prove(context.Background(), prog.Targets, opts)
	if err != nil {
		t.Fatalf("prove %s: %v", dir, err)
	}
	return prog, results
}

func TestProveTestdata(t *testing.T) {
	dir, _ := filepath.Abs(filepath.Join("..", "testdata", "prove"))
	prog, results := proveDir(t, dir, "./...")
	checkWants(t, dir, prog.Fset, results)
	n := replay(t, prog, dir, failedCases(results))
	t.Logf("%d functions, %d counterexamples replayed in Go", len(results), n)
}

func TestProveExamplesReplay(t *testing.T) {
	root, _ := filepath.Abs("..")
	prog, results := proveDir(t, root, "./examples/...")
	cases := failedCases(results)
	if len(cases) == 0 {
		t.Fatal("the examples refute nothing: expected the known bugs to be found")
	}
	n := replay(t, prog, root, cases)
	t.Logf("%d functions, %d counterexamples replayed in Go", len(results), n)
}
