package ssa

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vsynth/vsynth/smt"
	"github.com/vsynth/vsynth/smt/cvc5"
	"github.com/vsynth/vsynth/smt/z3"
	"github.com/vsynth/vsynth/smt/z3proc"
)

// newTestSolver starts Z3 on a context the test closes; with
// VSYNTH_TEST_SOLVER=z3-process, a z3 process instead (smt/z3proc), so
// that the whole suite can be run on the solver of a build without cgo.
func newTestSolver() (smt.Solver, error) {
	if os.Getenv("VSYNTH_TEST_SOLVER") == "z3-process" {
		return z3proc.New(), nil
	}
	return newSolverOfKind(true)
}

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
	return recorded(closingSolver{s, ctx})
}

type closingSolver struct {
	*z3.Solver
	ctx *z3.Context
}

func (s closingSolver) Close() error {
	s.Solver.Close()
	return s.ctx.Close()
}

// crossCheckCVC5 re-decides proved obligations with cvc5 in every test
// that proves: a disagreement between Z3 and cvc5 fails the test. cvc5
// has no use for Z3's rlimit, so it gets a time limit of its own: its
// unknown answers are only logged, so the time never decides a verdict.
func crossCheckCVC5(ctx context.Context, q *smt.Term, _ smt.Limits) (smt.Result, string, error) {
	return cvc5.Check(ctx, []*smt.Term{q}, smt.Limits{Timeout: cvc5CrossCheckTimeout})
}

// cvc5CrossCheckTimeout bounds each cvc5 cross-check.
const cvc5CrossCheckTimeout = 20 * time.Second

// proveDir loads and proves every package under dir, cross-checking every
// proved obligation with cvc5.
func proveDir(t *testing.T, dir string, patterns ...string) (*Program, []*FuncResult) {
	t.Helper()
	prog, err := Load(LoadConfig{Dir: dir}, patterns)
	if err != nil {
		t.Fatalf("load %s: %v", dir, err)
	}
	if len(prog.Targets) == 0 {
		t.Fatalf("load %s: no functions with specs", dir)
	}
	opts := Options{
		Limits:     testLimits,
		NewSolver:  newTestSolver,
		CrossCheck: crossCheckCVC5, CrossCheckName: "cvc5",
	}
	results, err := proveInferPackages(prog, opts)
	if err != nil {
		t.Fatalf("prove %s: %v", dir, err)
	}
	logCrossChecks(t, prog, results)
	return prog, results
}

func TestProveTestdata(t *testing.T) {
	prog, results := testdataCorpus.proved(t)
	logCrossChecks(t, prog, results)
	checkWants(t, testdataCorpus.dir(), prog.Fset, results, testdataCorpus.long...)
	n, exempt := confirmReplays(t, prog, results)
	for _, e := range exempt {
		t.Logf("not replayed: %s", e)
	}
	t.Logf("%d functions, %d counterexamples confirmed in Go", len(results), n)
}

func TestProveExamplesReplay(t *testing.T) {
	prog, results := examplesCorpus.proved(t)
	logCrossChecks(t, prog, results)
	n, exempt := confirmReplays(t, prog, results)
	for _, e := range exempt {
		t.Logf("not replayed: %s", e)
	}
	if n == 0 {
		t.Fatal("the examples refute nothing: expected the known bugs to be found")
	}
	t.Logf("%d functions, %d counterexamples confirmed in Go", len(results), n)
}

// TestCrossCheckDisagreement checks that a second solver that refutes a
// proved obligation stops Prove with an error, loudly.
func TestCrossCheckDisagreement(t *testing.T) {
	root, _ := filepath.Abs("..")
	prog, err := Load(LoadConfig{Dir: root}, []string{"./examples/absx"})
	if err != nil {
		t.Fatal(err)
	}
	liar := func(context.Context, *smt.Term, smt.Limits) (smt.Result, string, error) { return smt.Sat, "", nil }
	opts := Options{NewSolver: newTestSolver, CrossCheck: liar, CrossCheckName: "liar"}
	_, err = prog.Prove(context.Background(), prog.Targets, opts)
	if err == nil || !strings.Contains(err.Error(), "cross-check disagreement") || !strings.Contains(err.Error(), "AbsSafe") {
		t.Fatalf("Prove with a disagreeing second solver: err = %v, want a cross-check disagreement on AbsSafe", err)
	}
}
