package corpustest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vsynth/vsynth/internal/provetest"
	"github.com/vsynth/vsynth/internal/testsolver"
	"github.com/vsynth/vsynth/ssa"
)

// TestGhostTestdata proves the ghost and termination packages of
// testdata/prove alone and replays their counterexamples, for working on
// them (about 35 s). TestProveTestdata proves and replays them with the
// rest in the default run, so this one runs under VSYNTH_LONG=1.
func TestGhostTestdata(t *testing.T) {
	if os.Getenv("VSYNTH_LONG") == "" {
		t.Skip("TestProveTestdata covers these packages; VSYNTH_LONG=1 runs them alone")
	}
	for _, pkg := range []string{"ghost", "termination"} {
		t.Run(pkg, func(t *testing.T) {
			dir, _ := filepath.Abs(filepath.Join("..", "..", "testdata", "prove", pkg))
			prog, results := provetest.ProveDir(t, dir, "./...")
			provetest.CheckWants(t, dir, prog.Fset, results)
			n, exempt := provetest.ConfirmReplays(t, prog, results)
			for _, e := range exempt {
				t.Logf("not replayed: %s", e)
			}
			t.Logf("%d functions, %d counterexamples confirmed in Go", len(results), n)
		})
	}
}

// TestAssumptionsInherited checks that a proof relying on a contract
// whose proof rests on an assume lists that assumption, and that an
// assume is reported once however often the lowering passes it.
func TestAssumptionsInherited(t *testing.T) {
	dir, _ := filepath.Abs(filepath.Join("..", "..", "testdata", "prove", "ghost"))
	prog, err := ssa.Load(ssa.LoadConfig{Dir: dir}, []string{"./..."})
	if err != nil {
		t.Fatal(err)
	}
	var targets []*ssa.Target
	for _, tg := range prog.Targets {
		if tg.Short == "ghost.Trusted" || tg.Short == "ghost.UsesTrusted" {
			targets = append(targets, tg)
		}
	}
	results, err := prog.Prove(context.Background(), targets, ssa.Options{NewSolver: testsolver.New})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		if r.Verdict != ssa.Proved || len(r.Assumptions) != 1 || r.Assumptions[0].Clause != "x != 0" || r.Assumptions[0].In != "ghost.Trusted" {
			t.Errorf("%s: %s with assumptions %+v, want proved resting on Trusted's x != 0", r.Target.Short, r.Verdict, r.Assumptions)
		}
	}
	for name, clause := range map[string]string{"ghost.InlinedAssume": "x != 7", "ghost.AssumeInLoop": "s <= i"} {
		var tg *ssa.Target
		for _, t := range prog.Targets {
			if t.Short == name {
				tg = t
			}
		}
		rs, err := prog.Prove(context.Background(), []*ssa.Target{tg}, ssa.Options{NewSolver: testsolver.New})
		if err != nil {
			t.Fatal(err)
		}
		if r := rs[0]; r.Verdict != ssa.Proved || len(r.Assumptions) != 1 || r.Assumptions[0].Clause != clause || r.Assumptions[0].In != name {
			t.Errorf("%s: %s with assumptions %+v, want proved resting once on its own %s", name, r.Verdict, r.Assumptions, clause)
		}
	}
}

// TestTotality checks which functions of testdata/prove/termination are
// total, and why the others are not.
func TestTotality(t *testing.T) {
	dir, _ := filepath.Abs(filepath.Join("..", "..", "testdata", "prove", "termination"))
	prog, err := ssa.Load(ssa.LoadConfig{Dir: dir}, []string{"./..."})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{ // function -> "" (total) or the start of why not
		"CountDown": "", "Upward": "", "Lex": "", "Fact": "", "Unrolled": "", "CallsTotal": "",
		"NoMeasure":     "recursive call at",
		"NoLoopMeasure": "the loop at",
		"CallsPartial":  "calls termination.NoMeasure, which is not known to terminate",
		"Even":          "mutually recursive with termination.Odd",
		"Odd":           "mutually recursive with termination.Even",
		"Stuck":         "not proved",
		"Loop":          "not proved",
	}
	results, err := prog.Prove(t.Context(), prog.Targets, ssa.Options{NewSolver: testsolver.New})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		name := strings.TrimPrefix(r.Target.Short, "termination.")
		why, ok := want[name]
		if !ok {
			t.Errorf("%s: not in the table", name)
			continue
		}
		switch {
		case why == "" && !r.Total:
			t.Errorf("%s: not total (%s: %s), want total", name, r.Verdict, r.Partial)
		case why != "" && (r.Total || !strings.HasPrefix(r.Partial, why)):
			t.Errorf("%s: total %v, partial %q, want not total because %q...", name, r.Total, r.Partial, why)
		}
	}
}
