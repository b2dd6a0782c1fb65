package ssa

import (
	"context"
	"path/filepath"
	"testing"
)

// TestGhostTestdata proves the ghost and termination packages of
// testdata/prove alone (TestProveTestdata proves them with the rest) and
// replays their counterexamples.
func TestGhostTestdata(t *testing.T) {
	for _, pkg := range []string{"ghost", "termination"} {
		t.Run(pkg, func(t *testing.T) {
			dir, _ := filepath.Abs(filepath.Join("..", "testdata", "prove", pkg))
			prog, results := proveDir(t, dir, "./...")
			checkWants(t, dir, prog.Fset, results)
			n, exempt := confirmReplays(t, prog, results)
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
	dir, _ := filepath.Abs(filepath.Join("..", "testdata", "prove", "ghost"))
	prog, err := Load(LoadConfig{Dir: dir}, []string{"./..."})
	if err != nil {
		t.Fatal(err)
	}
	var targets []*Target
	for _, tg := range prog.Targets {
		if tg.Short == "ghost.Trusted" || tg.Short == "ghost.UsesTrusted" {
			targets = append(targets, tg)
		}
	}
	results, err := prog.Prove(context.Background(), targets, Options{NewSolver: newTestSolver})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		if r.Verdict != Proved || len(r.Assumptions) != 1 || r.Assumptions[0].Clause != "x != 0" || r.Assumptions[0].In != "ghost.Trusted" {
			t.Errorf("%s: %s with assumptions %+v, want proved resting on Trusted's x != 0", r.Target.Short, r.Verdict, r.Assumptions)
		}
	}
}
