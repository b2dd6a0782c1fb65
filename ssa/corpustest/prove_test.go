package corpustest

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vsynth/vsynth/internal/provetest"
	"github.com/vsynth/vsynth/internal/testsolver"
	"github.com/vsynth/vsynth/ssa"

	"github.com/vsynth/vsynth/smt"
)

// TestProveTestdata checks the want comments of testdata/prove (but for
// the construct directories: ssa/constructstest) against the corpus
// proof, directory by directory, and replays every counterexample in Go.
func TestProveTestdata(t *testing.T) {
	prog, results := testdataCorpus.Proved(t)
	provetest.LogCrossChecks(t, prog, results)
	root := testdataCorpus.Dir()
	dirs := provetest.CoreDirs(root)
	if len(dirs) < 10 {
		t.Fatalf("%d directories in %s", len(dirs), root)
	}
	for _, dir := range dirs {
		d := filepath.Join(root, dir)
		provetest.CheckWants(t, d, prog.Fset, provetest.ResultsIn(prog, results, d), testdataCorpus.Long()...)
	}
	n, exempt := provetest.ConfirmReplays(t, prog, results)
	for _, e := range exempt {
		t.Logf("not replayed: %s", e)
	}
	t.Logf("%d functions, %d counterexamples confirmed in Go", len(results), n)
}

// TestCrossCheckDisagreement checks that a second solver that refutes a
// proved obligation stops Prove with an error, loudly.
func TestCrossCheckDisagreement(t *testing.T) {
	root, _ := filepath.Abs(filepath.Join("..", ".."))
	prog, err := ssa.Load(ssa.LoadConfig{Dir: root}, []string{"./examples/absx"})
	if err != nil {
		t.Fatal(err)
	}
	liar := func(context.Context, *smt.Term, smt.Limits) (smt.Result, string, error) { return smt.Sat, "", nil }
	opts := ssa.Options{NewSolver: testsolver.New, CrossCheck: liar, CrossCheckName: "liar"}
	_, err = prog.Prove(context.Background(), prog.Targets, opts)
	if err == nil || !strings.Contains(err.Error(), "cross-check disagreement") || !strings.Contains(err.Error(), "AbsSafe") {
		t.Fatalf("Prove with a disagreeing second solver: err = %v, want a cross-check disagreement on AbsSafe", err)
	}
}
