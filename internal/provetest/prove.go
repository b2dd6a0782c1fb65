package provetest

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/vsynth/vsynth/internal/testlimits"
	"github.com/vsynth/vsynth/internal/testsolver"
	"github.com/vsynth/vsynth/ssa"
)

// ProveDir loads and proves every package under dir, cross-checking every
// proved obligation with cvc5.
func ProveDir(t *testing.T, dir string, patterns ...string) (*ssa.Program, []*ssa.FuncResult) {
	t.Helper()
	prog, err := ssa.Load(ssa.LoadConfig{Dir: dir}, patterns)
	if err != nil {
		t.Fatalf("load %s: %v", dir, err)
	}
	if len(prog.Targets) == 0 {
		t.Fatalf("load %s: no functions with specs", dir)
	}
	opts := ssa.Options{
		Limits:     testlimits.Limits,
		NewSolver:  testsolver.New,
		CrossCheck: testsolver.CrossCheckCVC5, CrossCheckName: "cvc5",
	}
	results, err := ProveInferPackages(prog, prog.Targets, opts)
	if err != nil {
		t.Fatalf("prove %s: %v", dir, err)
	}
	LogCrossChecks(t, prog, results)
	return prog, results
}

// LogCrossChecks logs the proved obligations cvc5 did not also prove
// (its unknown answers: the time limit is its own, so they only log).
func LogCrossChecks(t *testing.T, prog *ssa.Program, results []*ssa.FuncResult) {
	t.Helper()
	for _, r := range results {
		for _, o := range r.Obligations {
			if o.Verdict == ssa.Proved && o.CrossCheck != "unsat" && o.CrossCheck != "unknown: not sampled" {
				t.Logf("%s: %s obligation at %s: cvc5 says %s", r.Target.Name, o.Kind, prog.Fset.Position(o.Pos), o.CrossCheck)
			}
		}
	}
}

// ProveInferPackages proves targets of prog with opts, those of a package
// directory named infer with inference on (testdata/prove/infer), in the
// targets' order.
func ProveInferPackages(prog *ssa.Program, targets []*ssa.Target, opts ssa.Options) ([]*ssa.FuncResult, error) {
	var plain, inferred []*ssa.Target
	for _, t := range targets {
		if filepath.Base(filepath.Dir(prog.Fset.Position(t.Pos).Filename)) == "infer" {
			inferred = append(inferred, t)
		} else {
			plain = append(plain, t)
		}
	}
	results, err := prog.Prove(context.Background(), plain, opts)
	if err != nil || len(inferred) == 0 {
		return results, err
	}
	opts.Infer = true
	more, err := prog.Prove(context.Background(), inferred, opts)
	return append(results, more...), err
}
